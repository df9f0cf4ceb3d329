import { createHash } from 'node:crypto';
import { computeCreditCodeCheckChar, isValidCreditCode } from '@eco/contracts';

/** A seeded PRNG (mulberry32): the same seed gives the same data on every run. */
export function createRandom(seed: number): {
  next: () => number;
  int: (n: number) => number;
  pick: <T>(values: readonly T[]) => T;
} {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(values: readonly T[]): T => {
    const value = values[int(values.length)];
    if (value === undefined) throw new Error('pick from an empty list');
    return value;
  };
  return { next, int, pick };
}

/** A stable UUID for a name (the generator's rows keep their ids across reruns). */
export function stableUuid(name: string): string {
  const hex = createHash('md5').update(name).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const orgCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const orgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 check character of an 8-character 组织机构代码 body (letters count 10…35). */
function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const c = body.charAt(i);
    const value = /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * (orgCodeWeights[i] ?? 0);
  }
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A 统一社会信用代码 of an enterprise (登记管理部门 9, 类别 1) registered in `regionCode`:
 * a GB 11714 组织机构代码 with its own check character, then the GB 32100 check character.
 */
export function makeCreditCode(regionCode: string, random: ReturnType<typeof createRandom>): string {
  let body = 'MA';
  for (let i = 0; i < 6; i++) body += random.pick([...orgCodeAlphabet]);
  const first17 = `91${regionCode}${body}${orgCodeCheckChar(body)}`;
  const check = computeCreditCodeCheckChar(first17);
  const code = `${first17}${check ?? ''}`;
  if (!isValidCreditCode(code)) throw new Error(`invalid credit code ${code}`);
  return code;
}

/** 11 digits starting 13–19. */
export function makeMobile(random: ReturnType<typeof createRandom>): string {
  const prefix = random.pick(['133', '135', '138', '139', '150', '152', '158', '180', '181', '189', '199']);
  return prefix + String(random.int(100_000_000)).padStart(8, '0');
}
