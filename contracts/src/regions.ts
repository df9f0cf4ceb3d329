import { z } from 'zod';

/** GB/T 2260 six-digit codes. The significant prefix drops trailing 00 pairs: 510000 → 51, 510100 → 5101. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Whether `code` lies within `scope` (a province, a 市州 or a 区县). */
export function isWithinRegion(code: string, scope: string): boolean {
  return code.startsWith(regionPrefix(scope));
}

export type RegionNode = { code: string; name: string; children?: RegionNode[] };

export const regionNodeSchema: z.ZodType<RegionNode> = z.lazy(() =>
  z.object({ code: z.string(), name: z.string(), children: z.array(regionNodeSchema).optional() }),
);
