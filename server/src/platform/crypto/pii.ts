import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Encryption of personal data at rest (身份证号, mobile numbers) and a keyed hash for look-up.
 * One small interface, so that a 国密 implementation (SM4-GCM + HMAC-SM3) can replace this
 * AES-256-GCM + HMAC-SHA256 one for deployments that pass a 密评.
 */
export type PiiCipher = {
  encrypt: (plain: string) => string;
  decrypt: (sealed: string) => string;
  /** Deterministic keyed hash: equal inputs give equal hashes, so a column can be searched. */
  lookupHash: (plain: string) => string;
};

const version = 'a1';

export function createAesPiiCipher(masterKey: Buffer): PiiCipher {
  if (masterKey.length !== 32) throw new Error('PII_KEY 必须是 32 字节（base64 编码）');
  const encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pii-encryption', 32));
  const macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'pii-lookup', 32));
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `${version}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    decrypt(sealed) {
      const [tag, payload] = sealed.split(':');
      if (tag !== version || !payload) throw new Error('无法识别的加密数据版本');
      const raw = Buffer.from(payload, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return createHmac('sha256', macKey).update(plain, 'utf8').digest('hex');
    },
  };
}

/** The key from PII_KEY, else from DATA_DIR/secrets/pii.key, generated there on first start. */
export function loadPiiKey(options: { piiKeyBase64: string | null; dataDir: string }): Buffer {
  if (options.piiKeyBase64) return Buffer.from(options.piiKeyBase64, 'base64');
  const dir = path.join(options.dataDir, 'secrets');
  const file = path.join(dir, 'pii.key');
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
  return key;
}
