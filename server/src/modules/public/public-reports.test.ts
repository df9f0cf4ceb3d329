import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { createTestEnv, rowsOf, type TestEnv } from '../../../test/harness.ts';
import { knownCaptcha, type PublishedReport, publishReport } from './public.fixtures.ts';
import { captchaChallenges, publicLookups } from './public.tables.ts';

let env: TestEnv;
let agencyId: string;
let agencyName: string;
let userId: string;
let submitted: PublishedReport;
let approved: PublishedReport;
let inProgress: PublishedReport;
let returned: PublishedReport;
let deleted: PublishedReport;

beforeAll(async () => {
  env = await createTestEnv({ PUBLIC_MIN_RESPONSE_MS: '0' });
  const agency = await buildAgency(env.platform, { regionCode: '510104' });
  agencyId = agency.id;
  agencyName = agency.name;
  userId = (await buildUser(env.platform, { role: 'agency_admin', agencyId })).id;
  const publish = (input: Parameters<typeof publishReport>[1]) => publishReport(env, input);
  submitted = await publish({ agencyId, userId, status: 'submitted' });
  approved = await publish({ agencyId, userId, status: 'approved' });
  inProgress = await publish({ agencyId, userId, status: 'in_progress' });
  returned = await publish({ agencyId, userId, status: 'returned' });
  deleted = await publish({ agencyId, userId, status: 'approved', deleted: true });
});
afterAll(() => env.close());
beforeEach(() => env.clock.reset());

let ipSeq = 0;
const nextIp = () => `10.40.0.${++ipSeq}`;

const lookup = (reportNumber: string, ip: string, captcha: Record<string, string> = {}) =>
  env.app.inject({
    method: 'GET',
    url: `/api/v1/public/reports?${new URLSearchParams({ reportNumber, ...captcha })}`,
    remoteAddress: ip,
  });

/** The parts of a problem a client sees, without the per-request id. */
function problemOf(body: string) {
  const { requestId: _, ...rest } = JSON.parse(body) as Record<string, unknown>;
  return rest;
}

describe('GET /api/v1/public/reports (监测报告查询)', () => {
  it('finds a report of a submitted or an approved project, with labels and nothing personal', async () => {
    const ip = nextIp();
    const res = await lookup(submitted.reportNumber.toLowerCase(), ip);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      id: submitted.reportId,
      reportNumber: submitted.reportNumber,
      reportType: '危废鉴别报告',
      agencyId,
      agencyName,
      monitoringType: '危险废物鉴别',
      regionCode: '510104',
      regionName: '锦江区',
      issuedAt: expect.any(String),
      status: 'submitted',
      statusLabel: '已提交，待审核',
      sha256: submitted.sha256,
    });
    const ok = await lookup(approved.reportNumber, ip);
    expect(ok.json()).toMatchObject({ status: 'approved', statusLabel: '审核通过' });
    const rows = await env.platform.db.select().from(publicLookups).where(eq(publicLookups.ip, ip));
    expect(rows.map((r) => [r.kind, r.found])).toEqual([
      ['report', true],
      ['report', true],
    ]);
  });

  it('answers one identical 404 for an unknown number and for reports not public', async () => {
    const bodies = [];
    for (const number of [
      'SCHJ-NO-SUCH-0001',
      inProgress.reportNumber,
      returned.reportNumber,
      deleted.reportNumber,
    ]) {
      const res = await lookup(number, nextIp());
      expect(res.statusCode, number).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      bodies.push(problemOf(res.body));
    }
    expect(bodies[0]).toMatchObject({ detail: '未找到该编号的监测报告，请核对报告编号' });
    for (const body of bodies) expect(body).toEqual(bodies[0]);
  });

  it('400 for a malformed number', async () => {
    const res = await lookup('编号<script>', nextIp());
    expect(res.statusCode).toBe(400);
  });

  it('after 5 misses from one address within 15 minutes, every look-up needs a fresh captcha', async () => {
    const ip = nextIp();
    for (let i = 0; i < 5; i++) expect((await lookup(`SCHJ-MISS-${i}`, ip)).statusCode).toBe(404);

    const asked = await lookup(approved.reportNumber, ip);
    expect(asked.statusCode).toBe(400);
    expect(asked.json()).toMatchObject({
      detail: '请输入图形验证码',
      errors: [{ field: 'captcha', message: '请输入图形验证码' }],
    });
    expect((await lookup(approved.reportNumber, nextIp())).statusCode).toBe(200);

    const wrongId = await knownCaptcha(env, 'K7M4');
    const wrong = await lookup(approved.reportNumber, ip, { captchaId: wrongId, captchaAnswer: 'K7M5' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ errors: [{ field: 'captcha', message: '图形验证码错误' }] });
    const reused = await lookup(approved.reportNumber, ip, { captchaId: wrongId, captchaAnswer: 'K7M4' });
    expect(reused.json().detail).toBe('图形验证码错误');

    const id = await knownCaptcha(env, 'K7M4');
    const passed = await lookup(approved.reportNumber, ip, { captchaId: id, captchaAnswer: 'k7m4' });
    expect(passed.statusCode).toBe(200);
    expect(
      (await lookup(approved.reportNumber, ip, { captchaId: id, captchaAnswer: 'K7M4' })).statusCode,
    ).toBe(400);

    const stale = await knownCaptcha(env, 'AAAA');
    env.clock.advance(5 * 60_000 + 1000);
    expect(
      (await lookup(approved.reportNumber, ip, { captchaId: stale, captchaAnswer: 'AAAA' })).statusCode,
    ).toBe(400);

    env.clock.advance(15 * 60_000);
    expect((await lookup(approved.reportNumber, ip)).statusCode).toBe(200);
  });
});

describe('GET /api/v1/public/captcha', () => {
  it('hands out a 4-character SVG captcha, keeping only a keyed hash for 5 minutes', async () => {
    const res = await env.app.inject({
      method: 'GET',
      url: '/api/v1/public/captcha',
      remoteAddress: nextIp(),
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.svg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(body.svg).not.toMatch(/<text/);
    const [row] = await env.platform.db
      .select()
      .from(captchaChallenges)
      .where(eq(captchaChallenges.id, body.id));
    expect(row?.answerHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.usedAt).toBeNull();
    expect(new Date(body.expiresAt).getTime() - env.clock.now().getTime()).toBeGreaterThan(4 * 60_000);
  });
});

describe('真伪核验', () => {
  const verify = (path: string) =>
    env.app.inject({ method: 'GET', url: `/api/v1/public/verify${path}`, remoteAddress: nextIp() });

  it('by the id in the QR code: submitted or approved reports only', async () => {
    const res = await verify(`/${approved.reportId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: approved.reportId, reportNumber: approved.reportNumber });
    const hidden = await verify(`/${returned.reportId}`);
    const unknown = await verify(`/${crypto.randomUUID()}`);
    expect(hidden.statusCode).toBe(404);
    expect(problemOf(hidden.body)).toEqual(problemOf(unknown.body));
    expect((await verify('/not-a-uuid')).statusCode).toBe(400);
  });

  it('by SHA-256 of the file in hand: the public reports with these bytes, or none', async () => {
    const match = await verify(`?sha256=${submitted.sha256.toUpperCase()}`);
    expect(match.statusCode).toBe(200);
    expect(match.json().items.map((r: { id: string }) => r.id)).toEqual([submitted.reportId]);

    const other = createHash('sha256').update('not a registered report').digest('hex');
    expect((await verify(`?sha256=${other}`)).json()).toEqual({ items: [] });
    expect((await verify(`?sha256=${inProgress.sha256}`)).json()).toEqual({ items: [] });
    expect((await verify(`?sha256=${deleted.sha256}`)).json()).toEqual({ items: [] });
    expect((await verify('?sha256=abc')).statusCode).toBe(400);
  });
});

describe('look-up records', () => {
  it('every 50th look-up clears those older than a day', async () => {
    const db = env.platform.db;
    const old = new Date(env.clock.now().getTime() - 25 * 3600_000);
    await db.insert(publicLookups).values({ ip: '10.99.0.1', kind: 'report', found: false, at: old });
    await db.execute(sql`select setval(pg_get_serial_sequence('public_lookups', 'id'), 49)`);
    expect((await lookup(approved.reportNumber, nextIp())).statusCode).toBe(200);
    const left = rowsOf<{ n: number }>(
      await db.execute(
        sql`select count(*)::int as n from public_lookups where at < ${old.toISOString()}::timestamptz + interval '1 minute'`,
      ),
    );
    expect(left[0]?.n).toBe(0);
  });
});
