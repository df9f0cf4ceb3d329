import { readProvinceRegions } from '../../server/src/modules/regions/regions.data.ts';

export type County = { code: string; name: string; cityCode: string; cityName: string; weight: number };

/** Industrial 市州 get more projects than the plateau; 成都 the most. */
const cityWeights: Record<string, number> = {
  '5101': 4,
  '5103': 2,
  '5104': 2,
  '5105': 2,
  '5106': 2,
  '5107': 2,
  '5110': 2,
  '5111': 2,
  '5114': 2,
  '5115': 2,
  '5117': 2,
};

/**
 * Sichuan's 区县 from the same data package the platform loads. Left out: the 市辖区 rows, the
 * 经济开发区 (not 区县), and 会理县, which became 会理市 (513402) in 2021.
 */
export function listCounties(): County[] {
  const regions = readProvinceRegions();
  const cityNames = new Map(regions.filter((r) => r.level === 2).map((r) => [r.code, r.name]));
  return regions
    .filter((r) => r.level === 3 && r.name !== '市辖区' && !r.name.endsWith('开发区') && r.code !== '513425')
    .map((r) => {
      const cityCode = r.code.slice(0, 4);
      return {
        code: r.code,
        name: r.name,
        cityCode,
        cityName: cityNames.get(`${cityCode}00`) ?? '',
        weight: cityWeights[cityCode] ?? 1,
      };
    });
}

/** 锦江区 → 锦江, 北川羌族自治县 → 北川, 阿坝藏族羌族自治州 → 阿坝, 市中区 stays 市中区. */
export function shortPlaceName(name: string): string {
  const short = name.replace(/((彝族|藏族|羌族)+)?自治(州|县)$/, '').replace(/(市|区|县|州)$/, '');
  return short.length >= 2 && name !== '市中区' ? short : name;
}

/** Each county repeated by its weight: a uniform pick from it is a weighted pick. */
export function weightedCounties(counties: County[]): County[] {
  return counties.flatMap((c) => Array.from({ length: c.weight }, () => c));
}
