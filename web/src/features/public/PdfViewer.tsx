import { ColumnWidthOutlined, ZoomInOutlined, ZoomOutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Spin, Tooltip, Typography } from 'antd';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { PixelsPerInch } from 'pdfjs-dist';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { fetchReportFile } from './api.ts';
import { PdfPage, watermarkBackground } from './PdfPage.tsx';
import { openPdf } from './pdf.ts';

const minZoom = 0.25;
const maxZoom = 4;
const zoomStep = 1.25;

/*
 * One download per grant: a remount (React's development double effects, coming back to the page)
 * must not ask for the file again, as the server may count or limit the opens of a token.
 */
let cachedFile: { token: string; bytes: Promise<Uint8Array> } | null = null;

function loadFile(token: string): Promise<Uint8Array> {
  if (cachedFile?.token !== token) {
    const bytes = fetchReportFile(token, new AbortController().signal);
    bytes.catch(() => {
      if (cachedFile?.bytes === bytes) cachedFile = null;
    });
    cachedFile = { token, bytes };
  }
  return cachedFile.bytes;
}

function useContainerWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.floor(entry.contentRect.width));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * The report, page by page on canvases under a watermark: no download, no print, no context menu.
 * The file itself is watermarked by the server; this overlay marks the screen as well.
 */
export function PdfViewer({ token, watermark }: { token: string; watermark: string }) {
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [firstPageWidth, setFirstPageWidth] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [chosenZoom, setChosenZoom] = useState<number | null>(null);
  const container = useContainerWidth();
  const watermarkImage = useMemo(() => watermarkBackground(watermark), [watermark]);
  const handleError = useCallback((cause: unknown) => setError(cause), []);

  useEffect(() => {
    let isCurrent = true;
    let opened: PDFDocumentProxy | null = null;
    loadFile(token)
      // pdf.js takes over the buffer it is given: hand it a copy, keep the cached one whole.
      .then((bytes) => openPdf(bytes.slice()).promise)
      .then(async (pdf) => {
        opened = pdf;
        if (!isCurrent) return void pdf.destroy();
        const first = await pdf.getPage(1);
        if (!isCurrent) return;
        setFirstPageWidth(first.getViewport({ scale: 1 }).width);
        setDoc(pdf);
      })
      .catch((cause: unknown) => isCurrent && setError(cause));
    return () => {
      isCurrent = false;
      setDoc(null);
      void opened?.destroy();
    };
  }, [token]);

  // No context menu (save image as…) and no dragging a page out onto the desktop.
  const pagesElement = container.ref;
  useEffect(() => {
    const element = pagesElement.current;
    if (!element) return;
    const block = (event: Event) => event.preventDefault();
    element.addEventListener('contextmenu', block);
    element.addEventListener('dragstart', block);
    return () => {
      element.removeEventListener('contextmenu', block);
      element.removeEventListener('dragstart', block);
    };
  }, [pagesElement]);

  const pageNumbers = useMemo(
    () => Array.from({ length: doc?.numPages ?? 0 }, (_, index) => index + 1),
    [doc],
  );
  const cssPerPoint = PixelsPerInch.PDF_TO_CSS_UNITS;
  const fitZoom =
    firstPageWidth && container.width > 0
      ? Math.max(minZoom, (container.width - 16) / (firstPageWidth * cssPerPoint))
      : 1;
  const zoom = chosenZoom ?? Math.min(1, fitZoom);
  const changeZoom = (factor: number) =>
    setChosenZoom(Math.min(maxZoom, Math.max(minZoom, Math.round(zoom * factor * 100) / 100)));

  return (
    <div className="public-pdf-viewer">
      <style>{'@media print { .public-pdf-viewer { display: none !important; } }'}</style>
      <Flex
        align="center"
        justify="space-between"
        gap={8}
        wrap
        style={{
          position: 'sticky',
          top: 0,
          zIndex: 2,
          padding: '8px 12px',
          background: '#323639',
          color: '#fff',
        }}
      >
        <Typography.Text style={{ color: '#fff' }} data-testid="public-pdf-page-count">
          {doc ? `共 ${doc.numPages} 页` : '加载中…'}
        </Typography.Text>
        <Flex align="center" gap={4}>
          <Tooltip title="缩小">
            <Button
              size="small"
              icon={<ZoomOutOutlined />}
              aria-label="缩小"
              disabled={!doc || zoom <= minZoom}
              onClick={() => changeZoom(1 / zoomStep)}
            />
          </Tooltip>
          <span style={{ minWidth: 52, textAlign: 'center' }} data-testid="public-pdf-zoom">
            {Math.round(zoom * 100)}%
          </span>
          <Tooltip title="放大">
            <Button
              size="small"
              icon={<ZoomInOutlined />}
              aria-label="放大"
              disabled={!doc || zoom >= maxZoom}
              onClick={() => changeZoom(zoomStep)}
            />
          </Tooltip>
          <Tooltip title="适合宽度">
            <Button
              size="small"
              icon={<ColumnWidthOutlined />}
              aria-label="适合宽度"
              disabled={!doc}
              onClick={() => setChosenZoom(fitZoom)}
            />
          </Tooltip>
        </Flex>
      </Flex>
      <div
        ref={container.ref}
        style={{
          background: '#525659',
          padding: '12px 8px 24px',
          minHeight: 480,
          overflowX: 'auto',
          userSelect: 'none',
          WebkitUserSelect: 'none',
          WebkitTouchCallout: 'none',
        }}
      >
        {error !== null && (
          <Alert type="error" showIcon title="报告加载失败" description={errorMessage(error)} />
        )}
        {error === null && !doc && (
          <Flex justify="center" style={{ padding: 64 }}>
            <Spin size="large" description="正在加载报告…" />
          </Flex>
        )}
        {doc && (
          <Flex vertical gap={12}>
            {pageNumbers.map((pageNumber) => (
              <PdfPage
                key={pageNumber}
                doc={doc}
                pageNumber={pageNumber}
                scale={zoom * cssPerPoint}
                watermarkImage={watermarkImage}
                onError={handleError}
              />
            ))}
          </Flex>
        )}
      </div>
    </div>
  );
}
