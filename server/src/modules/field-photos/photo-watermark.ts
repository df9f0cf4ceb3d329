import type { DevicePosition } from '@eco/contracts';

/** What is burned into the watermarked copy of a photo. */
export type WatermarkFacts = {
  projectName: string;
  pointName: string | null;
  photoTypeLabel: string;
  personName: string;
  /** The trusted capture time, shown in China time. */
  capturedAt: Date;
  position: DevicePosition | null;
};

const chinaOffsetMs = 8 * 3600 * 1000;

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai (UTC+8 all year: China has no daylight saving). */
export function formatChinaTime(at: Date): string {
  const local = new Date(at.getTime() + chinaOffsetMs).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}

/** The four lines of the band: 项目, 点位 · 照片类型 · 拍摄人, 时间, 坐标. */
export function watermarkLines(facts: WatermarkFacts): string[] {
  const where = facts.pointName ? `点位：${facts.pointName} · ` : '';
  const position = facts.position
    ? `${facts.position.latitude.toFixed(6)}, ${facts.position.longitude.toFixed(6)} ±${Math.round(facts.position.accuracy)}m`
    : '未获取定位';
  return [
    `项目：${facts.projectName}`,
    `${where}${facts.photoTypeLabel} · 拍摄人：${facts.personName}`,
    `时间：${formatChinaTime(facts.capturedAt)}`,
    `坐标：${position}`,
  ];
}

export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Roughly how many em a character takes: CJK and full-width forms one, the rest about 0.6. */
function emWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  return code >= 0x2e80 ? 1 : 0.6;
}

/** The line cut to `maxEm` with an ellipsis, so a long project name stays inside the photo. */
export function fitLine(line: string, maxEm: number): string {
  let used = 0;
  const chars = [...line];
  for (let i = 0; i < chars.length; i++) {
    used += emWidth(chars[i] ?? '');
    if (used > maxEm) return `${chars.slice(0, Math.max(0, i - 1)).join('')}…`;
  }
  return line;
}

/**
 * A semi-transparent band `width` wide with the lines in white, as SVG for sharp's composite
 * (librsvg draws it with the system's Noto Sans CJK). The text size follows the photo's width,
 * and the band never takes more than half of its height.
 */
export function renderWatermarkBand(
  lines: readonly string[],
  width: number,
  imageHeight: number,
): { svg: Buffer; height: number } {
  const byWidth = Math.max(12, Math.min(48, Math.round(width / 46)));
  const byHeight = Math.floor(imageHeight / 2 / (lines.length * 1.45 + 1.2));
  const fontSize = Math.max(4, Math.min(byWidth, byHeight));
  const lineHeight = Math.round(fontSize * 1.45);
  const padding = Math.round(fontSize * 0.6);
  const height = Math.min(padding * 2 + lineHeight * lines.length, imageHeight);
  const maxEm = (width - padding * 2) / fontSize;
  const texts = lines
    .map((line, i) => {
      const y = padding + lineHeight * i + Math.round(fontSize * 1.1);
      return `<text x="${padding}" y="${y}">${escapeXml(fitLine(line, maxEm))}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="#000" fill-opacity="0.5"/><g fill="#fff" font-family="Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif" font-size="${fontSize}">${texts}</g></svg>`;
  return { svg: Buffer.from(svg), height };
}
