/**
 * Field validators shared by forms and routes. Each returns true for a valid value;
 * the zod schemas in `fields.ts` wrap them with Chinese messages.
 */

const creditCodeAlphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const creditCodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The GB 32100-2015 check character for the first 17 characters of a 统一社会信用代码. */
export function computeCreditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = creditCodeAlphabet.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (creditCodeWeights[i] ?? 0);
  }
  const check = (31 - (sum % 31)) % 31;
  return creditCodeAlphabet.charAt(check);
}

/** 统一社会信用代码: 18 characters of 0-9A-HJ-NPQRTUWXY, the last a GB 32100 check character. */
export function isValidCreditCode(value: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(value)) return false;
  return computeCreditCodeCheckChar(value.slice(0, 17)) === value.charAt(17);
}

const idWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const idCheckChars = '10X98765432';

/** The GB 11643-1999 check character for the first 17 digits of a 身份证号. */
export function computeIdNumberCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (idWeights[i] ?? 0);
  return idCheckChars.charAt(sum % 11);
}

/** Whether yyyymmdd is a real calendar date between 1900 and today. */
export function isRealBirthDate(yyyymmdd: string, today: Date = new Date()): boolean {
  if (!/^\d{8}$/.test(yyyymmdd)) return false;
  const year = Number(yyyymmdd.slice(0, 4));
  const month = Number(yyyymmdd.slice(4, 6));
  const day = Number(yyyymmdd.slice(6, 8));
  if (year < 1900) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return false;
  }
  return date.getTime() <= today.getTime();
}

/** 身份证号 (18 digits, check digit per GB 11643, real birth date). Lower-case x is accepted. */
export function isValidIdNumber(value: string, today: Date = new Date()): boolean {
  const upper = value.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(upper)) return false;
  if (!isRealBirthDate(upper.slice(6, 14), today)) return false;
  return computeIdNumberCheckChar(upper.slice(0, 17)) === upper.charAt(17);
}

/** Mainland China mobile number: 11 digits starting 13–19. */
export function isValidMobile(value: string): boolean {
  return /^1[3-9]\d{9}$/.test(value);
}

/** A practical e-mail check: one @, a dotted domain, no spaces. */
export function isValidEmail(value: string): boolean {
  return value.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(value);
}

/** Landline or mobile: 0xx-xxxxxxx(-ext), 400/800 numbers, or a mobile number. */
export function isValidPhone(value: string): boolean {
  return (
    isValidMobile(value) ||
    /^0\d{2,3}-?\d{7,8}(-\d{1,6})?$/.test(value) ||
    /^[48]00-?\d{3}-?\d{4}$/.test(value)
  );
}
