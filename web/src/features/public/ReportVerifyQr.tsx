import { PrinterOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { QRCodeSVG } from 'qrcode.react';
import { useRef } from 'react';

/** The public page a report's QR code opens: its registration and a check of any copy. */
export function reportVerifyUrl(reportId: string, origin = window.location.origin): string {
  return `${origin}/public/verify/${encodeURIComponent(reportId)}`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Prints just the code and its caption, from a hidden frame, without leaving the page. */
function printQr(svg: SVGSVGElement, caption: string, url: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  document.body.append(frame);
  const doc = frame.contentDocument;
  const win = frame.contentWindow;
  if (!doc || !win) {
    frame.remove();
    return;
  }
  doc.open();
  doc.write(
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>报告核验二维码</title></head>' +
      '<body style="margin:0;font-family:sans-serif;text-align:center;padding-top:24mm">' +
      `<div style="width:50mm;height:50mm;margin:0 auto">${svg.outerHTML}</div>` +
      `<p style="font-size:14px;margin:6mm 0 2mm">${escapeHtml(caption)}</p>` +
      `<p style="font-size:11px;color:#555;word-break:break-all;margin:0 20mm">${escapeHtml(url)}</p>` +
      '</body></html>',
  );
  doc.close();
  const svgInFrame = doc.querySelector('svg');
  svgInFrame?.setAttribute('width', '100%');
  svgInFrame?.setAttribute('height', '100%');
  win.addEventListener('afterprint', () => frame.remove());
  win.focus();
  win.print();
  // Browsers that print without blocking (or skip afterprint) still get the frame cleaned up.
  window.setTimeout(() => frame.remove(), 60_000);
}

type Props = {
  reportId: string;
  /** Shown under the code and on the printout. */
  reportNumber?: string;
  size?: number;
};

/**
 * 报告核验二维码 for an approved report: anyone who scans it sees the registration on the public
 * portal and can check their copy of the file against it.
 */
export function ReportVerifyQr({ reportId, reportNumber, size = 128 }: Props) {
  const svgRef = useRef<SVGSVGElement>(null);
  const url = reportVerifyUrl(reportId);
  const caption = reportNumber ? `扫码核验报告 ${reportNumber}` : '扫码核验报告真伪';
  return (
    <Flex
      vertical
      align="center"
      gap={8}
      style={{ width: Math.max(size, 220), textAlign: 'center' }}
      data-testid="report-verify-qr"
    >
      <QRCodeSVG ref={svgRef} value={url} size={size} level="M" marginSize={2} title={caption} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {caption}
      </Typography.Text>
      <Typography.Link
        href={url}
        target="_blank"
        rel="noopener"
        style={{ fontSize: 12, wordBreak: 'break-all' }}
      >
        {url}
      </Typography.Link>
      <Button
        size="small"
        icon={<PrinterOutlined />}
        onClick={() => {
          if (svgRef.current) printQr(svgRef.current, caption, url);
        }}
      >
        打印
      </Button>
    </Flex>
  );
}
