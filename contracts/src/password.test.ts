import { describe, expect, it } from 'vitest';
import { checkPassword } from './password.ts';

describe('password rules', () => {
  it('needs 8 characters', () => expect(checkPassword('Ab1#xyz')).toBe('too_short'));
  it('needs 3 of 4 character classes', () => {
    expect(checkPassword('abcdefgh1')).toBe('too_simple');
    expect(checkPassword('Abcdefgh1')).toBeNull();
    expect(checkPassword('abcdefg#1')).toBeNull();
  });
  it('refuses common passwords whatever their case', () => {
    expect(checkPassword('P@ssw0rd')).toBe('common');
    expect(checkPassword('Admin@123')).toBe('common');
  });
  it('refuses a password containing the user name', () => {
    expect(checkPassword('Zhangsan#2026', 'zhangsan')).toBe('contains_username');
  });
  it('allows a long passphrase without symbol or digit', () => {
    expect(checkPassword('correct horse battery staple')).toBeNull();
  });
});
