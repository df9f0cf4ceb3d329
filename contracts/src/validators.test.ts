import { describe, expect, it } from 'vitest';
import { creditCodeField, idNumberField } from './fields.ts';
import { maskIdNumber, maskMobile } from './mask.ts';
import {
  computeCreditCodeCheckChar,
  isValidCreditCode,
  isValidEmail,
  isValidIdNumber,
  isValidMobile,
  isValidPhone,
} from './validators.ts';

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose check character matches', () => {
    // The example code in GB 32100-2015's own text, and one built here check character included.
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    const built = `91510104MA6C8K2D3${computeCreditCodeCheckChar('91510104MA6C8K2D3')}`;
    expect(isValidCreditCode(built)).toBe(true);
  });

  it('refuses a wrong check character, bad length, forbidden letters and lower case', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    expect(isValidCreditCode('91350100M000100I43')).toBe(false); // I is not in the alphabet
    expect(isValidCreditCode('91350100m000100y43')).toBe(false);
    expect(isValidCreditCode('')).toBe(false);
  });

  it('computes the check character from the first 17', () => {
    expect(computeCreditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(computeCreditCodeCheckChar('short')).toBeNull();
  });

  it('the zod field upper-cases and explains the refusal in Chinese', () => {
    expect(creditCodeField.parse(' 91350100m000100y43 ')).toBe('91350100M000100Y43');
    const bad = creditCodeField.safeParse('91350100M000100Y44');
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe('统一社会信用代码格式或校验位不正确');
  });
});

describe('身份证号 (GB 11643)', () => {
  const today = new Date('2026-11-29T00:00:00Z');
  it('accepts valid numbers, including X and lower-case x', () => {
    expect(isValidIdNumber('11010519491231002X', today)).toBe(true);
    expect(isValidIdNumber('11010519491231002x', today)).toBe(true);
    expect(isValidIdNumber('440524188001010014', today)).toBe(false); // before 1900
  });

  it('refuses a wrong check digit, an impossible or future birth date, and bad shapes', () => {
    expect(isValidIdNumber('110105194912310021', today)).toBe(false);
    expect(isValidIdNumber('110105199002300011', today)).toBe(false); // 30 February
    expect(isValidIdNumber('110105203001010011', today)).toBe(false); // born in 2030
    expect(isValidIdNumber('11010519491231002', today)).toBe(false);
    expect(isValidIdNumber('1101051949123100XX', today)).toBe(false);
  });

  it('the zod field gives the Chinese message', () => {
    const bad = idNumberField.safeParse('110105194912310021');
    expect(bad.error?.issues[0]?.message).toBe('身份证号格式、出生日期或校验位不正确');
  });
});

describe('mobile, phone and e-mail', () => {
  it('mobile: 11 digits starting 13–19', () => {
    expect(isValidMobile('18012341999')).toBe(true);
    expect(isValidMobile('12012341999')).toBe(false);
    expect(isValidMobile('1801234199')).toBe(false);
    expect(isValidMobile('180123419990')).toBe(false);
  });
  it('phone: landline with area code, 400 numbers or mobile', () => {
    expect(isValidPhone('028-86651234')).toBe(true);
    expect(isValidPhone('0816-2345678')).toBe(true);
    expect(isValidPhone('400-123-4567')).toBe(true);
    expect(isValidPhone('13880001001')).toBe(true);
    expect(isValidPhone('86651234')).toBe(false);
  });
  it('e-mail', () => {
    expect(isValidEmail('service@shuhuan-test.cn')).toBe(true);
    expect(isValidEmail('a.b@c.com.cn')).toBe(true);
    expect(isValidEmail('no-at.cn')).toBe(false);
    expect(isValidEmail('a@b')).toBe(false);
    expect(isValidEmail('a b@c.cn')).toBe(false);
  });
});

describe('masking', () => {
  it('keeps the first and last two characters of an ID number', () => {
    expect(maskIdNumber('51010419900312024X')).toBe('5***************4X');
  });
  it('hides the middle four digits of a mobile number', () => {
    expect(maskMobile('18012341999')).toBe('180****1999');
  });
});
