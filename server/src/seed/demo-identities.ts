import { computeCreditCodeCheckChar, computeIdNumberCheckChar } from '@eco/contracts';

/** A valid 统一社会信用代码 from its first 17 characters. */
export function creditCode(first17: string): string {
  const check = computeCreditCodeCheckChar(first17);
  if (!check) throw new Error(`bad credit code prefix ${first17}`);
  return first17 + check;
}

/** A valid 身份证号 from region, birth date and sequence. */
export function idNumber(region6: string, birth8: string, seq3: string): string {
  const first17 = region6 + birth8 + seq3;
  const check = computeIdNumberCheckChar(first17);
  if (!check) throw new Error(`bad id prefix ${first17}`);
  return first17 + check;
}
