import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { randomMobile } from '../../../test/sms.ts';
import { type PublishedReport, publishReport } from './public.fixtures.ts';

const minMs = 300;
let env: TestEnv;
let visible: PublishedReport;
let hidden: PublishedReport;

beforeAll(async () => {
  env = await createTestEnv({ PUBLIC_MIN_RESPONSE_MS: String(minMs), PUBLIC_IP_LIMIT_PER_MINUTE: '4' });
  const agencyId = (await buildAgency(env.platform)).id;
  const userId = (await buildUser(env.platform, { role: 'agency_admin', agencyId })).id;
  visible = await publishReport(env, { agencyId, userId, status: 'approved' });
  hidden = await publishReport(env, { agencyId, userId, status: 'returned' });
});
afterAll(() => env.close());

let ipSeq = 0;
const nextIp = () => `10.70.0.${++ipSeq}`;

const lookup = (reportNumber: string, ip = nextIp()) =>
  env.app.inject({
    method: 'GET',
    url: `/api/v1/public/reports?reportNumber=${encodeURIComponent(reportNumber)}`,
    remoteAddress: ip,
  });

async function timed(send: () => ReturnType<typeof lookup>) {
  const started = performance.now();
  const res = await send();
  return { status: res.statusCode, ms: performance.now() - started };
}

describe('look-ups by number take the same minimum time, found or not', () => {
  it('pads found, not found, not public and malformed answers to PUBLIC_MIN_RESPONSE_MS', async () => {
    const answers = [
      await timed(() => lookup(visible.reportNumber)),
      await timed(() => lookup('SCHJ-NONE-0001')),
      await timed(() => lookup(hidden.reportNumber)),
      await timed(() => lookup('x')),
      await timed(() =>
        env.app.inject({
          method: 'POST',
          url: '/api/v1/public/reports/preview-code',
          payload: { reportNumber: hidden.reportNumber, mobile: randomMobile() },
          remoteAddress: nextIp(),
        }),
      ),
    ];
    expect(answers.map((a) => a.status)).toEqual([200, 404, 404, 400, 404]);
    for (const answer of answers) expect(answer.ms).toBeGreaterThanOrEqual(minMs - 5);
  });

  it('other public routes are not slowed down', async () => {
    const { ms } = await timed(() =>
      env.app.inject({ method: 'GET', url: '/api/v1/public/agencies', remoteAddress: nextIp() }),
    );
    expect(ms).toBeLessThan(minMs);
  });
});

describe('per-address rate limit (PUBLIC_IP_LIMIT_PER_MINUTE)', () => {
  it('answers 429 in Chinese past the limit, per address', async () => {
    const ip = nextIp();
    for (let i = 0; i < 4; i++) expect((await lookup(visible.reportNumber, ip)).statusCode).toBe(200);
    const refused = await lookup(visible.reportNumber, ip);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().detail).toMatch(/^操作过于频繁，请\d+秒后再试$/);
    expect((await lookup(visible.reportNumber)).statusCode).toBe(200);
  });

  it('真伪核验 is limited too', async () => {
    const ip = nextIp();
    const verify = () =>
      env.app.inject({ method: 'GET', url: `/api/v1/public/verify/${visible.reportId}`, remoteAddress: ip });
    for (let i = 0; i < 4; i++) expect((await verify()).statusCode).toBe(200);
    expect((await verify()).statusCode).toBe(429);
  });
});
