import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAesPiiCipher } from './pii.ts';

describe('personal data encryption', () => {
  const cipher = createAesPiiCipher(randomBytes(32));
  it('round-trips and never stores the plain text', () => {
    const sealed = cipher.encrypt('51010419900312024X');
    expect(sealed).not.toContain('51010419900312024X');
    expect(cipher.decrypt(sealed)).toBe('51010419900312024X');
    expect(cipher.encrypt('51010419900312024X')).not.toBe(sealed); // random IV
  });
  it('finds equal values by a keyed hash that another key does not reproduce', () => {
    expect(cipher.lookupHash('13880001001')).toBe(cipher.lookupHash('13880001001'));
    expect(createAesPiiCipher(randomBytes(32)).lookupHash('13880001001')).not.toBe(
      cipher.lookupHash('13880001001'),
    );
  });
  it('detects tampering', () => {
    const sealed = cipher.encrypt('13880001001');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1;
    expect(() => cipher.decrypt(`a1:${raw.toString('base64')}`)).toThrow();
  });
});
