import { createRandom, makeCreditCode, makeMobile, stableUuid } from './identities.ts';
import {
  agencyBrands,
  agencyForms,
  clientBrands,
  clientIndustries,
  companyForms,
  givenNames,
  roads,
  surnames,
} from './parts.ts';
import { type County, listCounties, shortPlaceName, weightedCounties } from './regions.ts';

export type BenchAgency = {
  k: number;
  id: string;
  adminId: string;
  name: string;
  creditCode: string;
  regionCode: string;
  legalRepresentative: string;
  contactPhone: string;
  email: string;
  address: string;
  cmaNumber: string;
};

export type BenchClient = {
  k: number;
  name: string;
  creditCode: string;
  contact: string;
  phone: string;
  email: string;
  address: string;
  regionCode: string;
  longitude: number;
  latitude: number;
};

type Random = ReturnType<typeof createRandom>;

const personName = (random: Random) => random.pick([...surnames]) + random.pick(givenNames);

function streetAddress(county: County, random: Random): string {
  return `四川省${county.cityName}${county.name}${random.pick(roads)}${1 + random.int(399)}号`;
}

/** The rough centre of each 区县, stable per code, inside Sichuan's bounds. */
function countyCentre(code: string): { longitude: number; latitude: number } {
  const random = createRandom(Number(code));
  return { longitude: 102 + random.next() * 5, latitude: 27 + random.next() * 6 };
}

/** Assigns every county once, then the rest by weight, so that no 区县 is left without any. */
function spreadOverCounties(count: number, random: Random): County[] {
  const counties = listCounties();
  const weighted = weightedCounties(counties);
  return Array.from({ length: count }, (_, i) => counties[i] ?? random.pick(weighted));
}

/** 1,000 approved agencies over all 区县: 四川{地名}{字号}环境检测有限公司 and its kin. */
export function buildAgencies(count: number): BenchAgency[] {
  const random = createRandom(20260101);
  const names = new Set<string>();
  return spreadOverCounties(count, random).map((county, i) => {
    let name = '';
    while (!name || names.has(name)) {
      const place = random.pick(['', '', shortPlaceName(county.cityName), shortPlaceName(county.name)]);
      const prefix = random.next() < 0.7 ? `四川${place}` : `${shortPlaceName(county.cityName)}${place}`;
      name = prefix.replace(/(.+)\1/, '$1') + random.pick(agencyBrands) + random.pick(agencyForms);
    }
    names.add(name);
    const k = i + 1;
    return {
      k,
      id: stableUuid(`eco-bench:agency:${k}`),
      adminId: stableUuid(`eco-bench:user:agency:${k}`),
      name,
      creditCode: makeCreditCode(county.code, random),
      regionCode: county.code,
      legalRepresentative: personName(random),
      contactPhone: makeMobile(random),
      email: `service${k}@bench-agency.cn`,
      address: streetAddress(county, random),
      cmaNumber: `20${20 + random.int(6)}51${String(random.int(1_000_000)).padStart(6, '0')}`,
    };
  });
}

/** Client enterprises: {地名}{字号}{行业}{组织形式}, e.g. 攀枝花钢城集团有限公司, weighted to 成都. */
export function buildClients(count: number): BenchClient[] {
  const random = createRandom(20260202);
  const names = new Set<string>();
  return spreadOverCounties(count, random).map((county, i) => {
    let name = '';
    while (!name || names.has(name)) {
      const place = random.pick([
        shortPlaceName(county.name),
        shortPlaceName(county.name),
        shortPlaceName(county.cityName),
        '四川',
        '四川省',
      ]);
      const industry = random.next() < 0.15 ? '' : random.pick(clientIndustries);
      name = place + random.pick(clientBrands) + industry + random.pick(companyForms);
    }
    names.add(name);
    const centre = countyCentre(county.code);
    return {
      k: i + 1,
      name,
      creditCode: makeCreditCode(county.code, random),
      contact: personName(random),
      phone: makeMobile(random),
      email: `hse${i + 1}@client-${(i + 1).toString(36)}.com.cn`,
      address: streetAddress(county, random),
      regionCode: county.code,
      longitude: Number((centre.longitude + (random.next() - 0.5) * 0.3).toFixed(6)),
      latitude: Number((centre.latitude + (random.next() - 0.5) * 0.3).toFixed(6)),
    };
  });
}
