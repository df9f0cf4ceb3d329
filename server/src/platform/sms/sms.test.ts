import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { randomMobile, requestCode } from '../../../test/sms.ts';
import { createPlatformContext } from '../../../test/sms-context.ts';
import { verifySmsCode } from './sms-codes.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ SMS_IP_LIMIT_PER_HOUR: '5' });
});
afterAll(() => env.close());
beforeEach(() => env.clock.reset());

let ipSeq = 0;
const nextIp = () => `10.2.0.${++ipSeq}`;
const send = (mobile: string, purpose = 'register_agency', remoteAddress = nextIp()) =>
  env.app.inject({ method: 'POST', url: '/api/v1/sms/codes', payload: { mobile, purpose }, remoteAddress });

const verify = (mobile: string, code: string) =>
  verifySmsCode(createPlatformContext(env), { mobile, purpose: 'register_agency', code });

describe('POST /api/v1/sms/codes', () => {
  it('400 for a bad number or purpose', async () => {
    expect((await send('12345')).statusCode).toBe(400);
    expect((await send(randomMobile(), 'nothing')).statusCode).toBe(400);
  });

  it('does not send report-preview codes: the public portal sends those after checking the report', async () => {
    expect((await send(randomMobile(), 'public_preview')).statusCode).toBe(400);
  });

  it('sends a 6-digit code through the outbox, stored only as a hash and with the number encrypted', async () => {
    const mobile = randomMobile();
    const res = await send(mobile);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      mobileMasked: `${mobile.slice(0, 3)}****${mobile.slice(7)}`,
      expiresInSeconds: 300,
    });
    const code = await requestCodeFromOutbox(mobile);
    expect(code).toMatch(/^\d{6}$/);
    const dump = JSON.stringify(await env.platform.db.execute(sql`select * from sms_codes`));
    expect(dump).not.toContain(code);
    const outbox = JSON.stringify(
      await env.platform.db.execute(sql`select mobile_enc, mobile_hash from sms_outbox`),
    );
    expect(outbox).not.toContain(mobile);
  });

  it('one code per number per minute, with the seconds to wait', async () => {
    const mobile = randomMobile();
    expect((await send(mobile)).statusCode).toBe(200);
    const again = await send(mobile, 'register_person');
    expect(again.statusCode).toBe(429);
    expect(again.json().detail).toMatch(/^验证码已发送，请\d+秒后再试$/);
    env.clock.advance(61_000);
    expect((await send(mobile)).statusCode).toBe(200);
  });

  it('at most 10 per number in 24 hours', async () => {
    const mobile = randomMobile();
    for (let i = 0; i < 10; i++) {
      expect((await send(mobile)).statusCode).toBe(200);
      env.clock.advance(61_000);
    }
    const eleventh = await send(mobile);
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json().detail).toContain('24小时内获取验证码已达10次');
    env.clock.advance(24 * 3600_000);
    expect((await send(mobile)).statusCode).toBe(200);
  });

  it('limits codes per IP per hour (SMS_IP_LIMIT_PER_HOUR)', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 5; i++)
      expect((await send(randomMobile(), 'register_agency', ip)).statusCode).toBe(200);
    const refused = await send(randomMobile(), 'register_agency', ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().detail).toContain('当前网络获取验证码过于频繁');
    expect((await send(randomMobile(), 'register_agency', '10.9.9.10')).statusCode).toBe(200);
  });
});

async function requestCodeFromOutbox(mobile: string): Promise<string> {
  const res = await env.app.inject({ method: 'GET', url: `/api/v1/dev/sms-outbox?mobile=${mobile}` });
  expect(res.statusCode).toBe(200);
  const body = res.json().items[0].body as string;
  return body.match(/验证码为(\d{6})/)?.[1] ?? '';
}

describe('verifySmsCode', () => {
  it('a wrong code counts down; the 5th wrong try kills the code, even the right one after it', async () => {
    const mobile = randomMobile();
    const code = await requestCode(env.app, mobile, 'register_agency', nextIp());
    const wrong = code === '000000' ? '111111' : '000000';
    for (let left = 4; left >= 1; left--) {
      await expect(verify(mobile, wrong)).rejects.toThrow(`验证码错误，还可尝试${left}次`);
    }
    await expect(verify(mobile, wrong)).rejects.toThrow('验证码错误次数过多，请重新获取');
    await expect(verify(mobile, code)).rejects.toThrow('验证码错误次数过多，请重新获取');
  });

  it('expires after 5 minutes', async () => {
    const mobile = randomMobile();
    const code = await requestCode(env.app, mobile, 'register_agency', nextIp());
    env.clock.advance(5 * 60_000 + 1000);
    await expect(verify(mobile, code)).rejects.toThrow('验证码已过期，请重新获取');
  });

  it('verifies only for its purpose, and only the newest code', async () => {
    const mobile = randomMobile();
    const first = await requestCode(env.app, mobile, 'register_agency', nextIp());
    await expect(
      verifySmsCode(createPlatformContext(env), { mobile, purpose: 'register_person', code: first }),
    ).rejects.toThrow('请先获取短信验证码');
    expect((await verify(mobile, first)).codeId).toBeTruthy();
  });

  it('the dev outbox is not registered in production', async () => {
    const prod = await createTestEnv({ NODE_ENV: 'production' });
    try {
      const res = await prod.app.inject({
        method: 'GET',
        url: `/api/v1/dev/sms-outbox?mobile=${randomMobile()}`,
      });
      expect(res.statusCode).toBe(404);
    } finally {
      await prod.close();
    }
  });
});
