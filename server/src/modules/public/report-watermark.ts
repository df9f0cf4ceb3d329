import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

const shanghaiOffsetMs = 8 * 3600_000;

/** `YYYY-MM-DD HH:mm` in China Standard Time (UTC+8 all year: China keeps no daylight saving). */
export function formatShanghaiMinute(at: Date): string {
  return new Date(at.getTime() + shanghaiOffsetMs).toISOString().slice(0, 16).replace('T', ' ');
}

/** What a 预览 is stamped with: the masked number that asked, and when. ASCII only. */
export function previewWatermark(mobileMasked: string, issuedAt: Date): string {
  return `${mobileMasked} ${formatShanghaiMinute(issuedAt)}`;
}

export class UnreadablePdfError extends Error {
  constructor(cause: unknown) {
    super('the PDF cannot be parsed or is encrypted', { cause });
    this.name = 'UnreadablePdfError';
  }
}

const fontSize = 14;
const angle = 35;
const rowGap = 90;
const columnGap = 70;

/**
 * Stamps `text` diagonally, light grey and repeated, across every page. The text must be ASCII:
 * it is drawn in the standard Helvetica font so no font is embedded. pdf-lib works on the whole
 * document in memory, so the caller hands over all bytes (reports are at most 50 MB by their
 * 附件类型). An encrypted or broken PDF is refused rather than served without a watermark.
 */
export async function stampWatermark(original: Uint8Array, text: string): Promise<Uint8Array> {
  try {
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    const pages = doc.getPages();
    if (pages.length === 0) throw new Error('no pages');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const textWidth = font.widthOfTextAtSize(text, fontSize);
    const slope = Math.tan((angle * Math.PI) / 180);
    const rise = textWidth * Math.sin((angle * Math.PI) / 180);
    for (const page of pages) {
      const box = page.getCropBox();
      // Parallel diagonal rows, each a line of repeated text; only copies that touch the page are drawn.
      for (let dy = -box.width * slope - rise; dy < box.height; dy += rowGap) {
        for (let dx = -textWidth; dx < box.width; dx += textWidth + columnGap) {
          const y = dy + dx * slope;
          if (y + rise < -fontSize || y > box.height) continue;
          page.drawText(text, {
            x: box.x + dx,
            y: box.y + y,
            size: fontSize,
            font,
            color: rgb(0.6, 0.6, 0.6),
            opacity: 0.25,
            rotate: degrees(angle),
          });
        }
      }
    }
    return await doc.save({ useObjectStreams: false });
  } catch (error) {
    // Whatever pdf-lib cannot read or rewrite (encrypted, damaged), the caller refuses to serve.
    throw new UnreadablePdfError(error);
  }
}
