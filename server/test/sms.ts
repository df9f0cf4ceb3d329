import { randomInt } from 'node:crypto';
import type { App } from '../src/platform/http/types.ts';

/** A random valid mobile number (139…), so test files never share a number's limits. */
export function randomMobile(): string {
  return `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

/** Asks for a code and reads it back from the dev outbox, as the demo page does. */
export async function requestCode(
  app: App,
  mobile: string,
  purpose: string,
  remoteAddress = '10.1.0.1',
): Promise<string> {
  const sent = await app.inject({
    method: 'POST',
    url: '/api/v1/sms/codes',
    payload: { mobile, purpose },
    remoteAddress,
  });
  if (sent.statusCode !== 200) throw new Error(`sms code: ${sent.statusCode} ${sent.body}`);
  return latestCode(app, mobile);
}

export async function latestCode(app: App, mobile: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/api/v1/dev/sms-outbox?mobile=${mobile}` });
  const body = res.json() as { items: Array<{ body: string }> };
  const match = body.items[0]?.body.match(/验证码为(\d{6})/);
  if (!match?.[1]) throw new Error(`no code in outbox for ${mobile}`);
  return match[1];
}
