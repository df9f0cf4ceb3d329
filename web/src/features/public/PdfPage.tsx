import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist';
import { RenderingCancelledException } from 'pdfjs-dist';
import { useEffect, useMemo, useRef, useState } from 'react';

/** Above this many device pixels a canvas is drawn at a lower resolution (memory on phones). */
const maxCanvasPixels = 16_000_000;

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A tile of the reader's watermark and 「仅供查阅」, slanted, repeated over every page. */
export function watermarkBackground(watermark: string): string {
  const svg =
    '<svg xmlns="http://www.w3.org/2000/svg" width="300" height="190">' +
    '<g transform="rotate(-28 150 95)" fill="rgba(90,90,90,0.22)" font-size="15" ' +
    'font-family="sans-serif" text-anchor="middle">' +
    `<text x="150" y="88">${escapeXml(watermark)}</text>` +
    '<text x="150" y="112" font-size="17">仅供查阅</text></g></svg>';
  return `url("data:image/svg+xml;utf8,${encodeURIComponent(svg)}")`;
}

type Props = {
  doc: PDFDocumentProxy;
  pageNumber: number;
  /** CSS pixels per PDF point. */
  scale: number;
  watermarkImage: string;
  onError: (error: unknown) => void;
};

/**
 * One page on a canvas, drawn only while it is near the screen and released when it is far, so a
 * long report does not hold a canvas per page.
 */
export function PdfPage({ doc, pageNumber, scale, watermarkImage, onError }: Props) {
  const wrapperRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [page, setPage] = useState<PDFPageProxy | null>(null);
  const [isNear, setNear] = useState(pageNumber <= 2);

  useEffect(() => {
    let isCurrent = true;
    doc.getPage(pageNumber).then(
      (loaded) => isCurrent && setPage(loaded),
      (error: unknown) => isCurrent && onError(error),
    );
    return () => {
      isCurrent = false;
    };
  }, [doc, pageNumber, onError]);

  useEffect(() => {
    const wrapper = wrapperRef.current;
    if (!wrapper) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) setNear(entry.isIntersecting);
      },
      { rootMargin: '1500px 0px' },
    );
    observer.observe(wrapper);
    return () => observer.disconnect();
  }, []);

  const size = useMemo(() => {
    if (!page) return null;
    const viewport = page.getViewport({ scale });
    return { width: Math.floor(viewport.width), height: Math.floor(viewport.height) };
  }, [page, scale]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!page || !canvas || !size) return;
    if (!isNear) {
      canvas.width = 0;
      canvas.height = 0;
      return;
    }
    const fitRatio = Math.sqrt(maxCanvasPixels / (size.width * size.height));
    const ratio = Math.min(window.devicePixelRatio || 1, 2, fitRatio);
    const viewport = page.getViewport({ scale: scale * ratio });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    const task = page.render({ canvas, viewport });
    task.promise.catch((error: unknown) => {
      if (!(error instanceof RenderingCancelledException)) onError(error);
    });
    return () => task.cancel();
  }, [page, size, scale, isNear, onError]);

  const width = size?.width ?? 595 * scale;
  const height = size?.height ?? 842 * scale;
  return (
    <div
      ref={wrapperRef}
      data-testid="public-pdf-page"
      style={{
        position: 'relative',
        width,
        height,
        margin: '0 auto',
        background: '#fff',
        boxShadow: '0 1px 6px rgba(0,0,0,0.35)',
        overflow: 'hidden',
      }}
    >
      <canvas
        ref={canvasRef}
        style={{ display: 'block', width, height }}
        aria-label={`第 ${pageNumber} 页`}
      />
      <div
        aria-hidden
        style={{
          position: 'absolute',
          inset: 0,
          pointerEvents: 'none',
          backgroundImage: watermarkImage,
          backgroundRepeat: 'repeat',
        }}
      />
    </div>
  );
}
