/** Sizes of the diagram's text, and how a transition's words become a label box. */
export const diagramFont = { node: 14, action: 13, who: 12, lineHeight: 16 } as const;

const whoWrapWidth = 120;
const labelPadX = 8;
const labelPadY = 4;

export type EdgeLabelLine = { text: string; role: 'action' | 'who' | 'note' };
export type EdgeLabelBox = { lines: EdgeLabelLine[]; width: number; height: number };

/** Rough rendered width: CJK and full-width characters are square, others about 0.6 em. */
export function textWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? fontSize : fontSize * 0.6;
  return Math.ceil(width);
}

/** Breaks 「机构法人、登记人员、…」 after a 、 so no line is wider than `maxWidth`. */
export function wrapList(text: string, maxWidth: number, fontSize: number): string[] {
  const parts = text.split(/(?<=、)/);
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && textWidth(line + part, fontSize) > maxWidth) {
      lines.push(line);
      line = part;
    } else {
      line += part;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The label's lines (action; who, wrapped; the condition) and its box size. */
export function labelOf(t: { label: string; who: string; note?: string | undefined }): EdgeLabelBox {
  const lines: EdgeLabelLine[] = [
    { text: t.label, role: 'action' },
    ...wrapList(t.who, whoWrapWidth, diagramFont.who).map((text) => ({ text, role: 'who' as const })),
  ];
  if (t.note) lines.push({ text: t.note, role: 'note' });
  const width =
    Math.max(
      ...lines.map((l) => textWidth(l.text, l.role === 'action' ? diagramFont.action : diagramFont.who)),
    ) +
    2 * labelPadX;
  return { lines, width, height: lines.length * diagramFont.lineHeight + 2 * labelPadY };
}
