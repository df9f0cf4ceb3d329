import { maskMobile } from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { latestCode, randomMobile } from '../../../test/sms.ts';
import { auditLog } from '../../platform/audit/audit.tables.ts';
import { projects } from '../projects/projects.tables.ts';
import {
  encryptedPdf,
  hexOfAscii,
  type PublishedReport,
  pageContents,
  publishReport,
} from './public.fixtures.ts';
import { reportViews } from './public.tables.ts';

let env: TestEnv;
let agencyId: string;
let userId: string;
let report: PublishedReport;
let hidden: PublishedReport;

beforeAll(async () => {
  env = await createTestEnv({ PUBLIC_MIN_RESPONSE_MS: '0' });
  agencyId = (await buildAgency(env.platform)).id;
  userId = (await buildUser(env.platform, { role: 'agency_admin', agencyId })).id;
  report = await publishReport(env, { agencyId, userId, status: 'approved' });
  hidden = await publishReport(env, { agencyId, userId, status: 'in_progress' });
});
afterAll(() => env.close());
beforeEach(() => env.clock.reset());

let ipSeq = 0;
const nextIp = () => `10.50.0.${++ipSeq}`;

const askCode = (reportNumber: string, mobile: string, ip = nextIp()) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/public/reports/preview-code',
    payload: { reportNumber, mobile },
    remoteAddress: ip,
  });

const grant = (reportNumber: string, mobile: string, code: string, ip = nextIp()) =>
  env.app.inject({
    method: 'POST',
    url: '/api/v1/public/reports/preview',
    payload: { reportNumber, mobile, code },
    remoteAddress: ip,
    headers: { 'user-agent': 'Mozilla/5.0 (预览测试)' },
  });

const openFile = (token?: string) =>
  env.app.inject({
    method: 'GET',
    url: `/api/v1/public/reports/file${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`,
    remoteAddress: nextIp(),
  });

async function viewsOf(reportId: string) {
  return env.platform.db.select().from(reportViews).where(eq(reportViews.reportId, reportId));
}

/** Code by SMS, then the grant: what the 预览 dialog does. */
async function previewGrant(target: PublishedReport, mobile = randomMobile()) {
  expect((await askCode(target.reportNumber, mobile)).statusCode).toBe(204);
  const res = await grant(target.reportNumber, mobile, await latestCode(env.app, mobile));
  expect(res.statusCode).toBe(200);
  return { mobile, body: res.json() as { token: string; expiresAt: string; watermark: string } };
}

describe('POST /api/v1/public/reports/preview-code', () => {
  it('texts a 监测报告预览 code for a public report', async () => {
    const mobile = randomMobile();
    const res = await askCode(report.reportNumber, mobile);
    expect(res.statusCode).toBe(204);
    const outbox = await env.app.inject({ method: 'GET', url: `/api/v1/dev/sms-outbox?mobile=${mobile}` });
    expect(outbox.json().items[0]).toMatchObject({ purpose: 'public_preview' });
    expect(outbox.json().items[0].body).toMatch(/您的监测报告预览验证码为\d{6}/);
  });

  it('for a report that is not public: the look-up 404, and no text message', async () => {
    const mobile = randomMobile();
    const res = await askCode(hidden.reportNumber, mobile);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('未找到该编号的监测报告，请核对报告编号');
    const outbox = await env.app.inject({ method: 'GET', url: `/api/v1/dev/sms-outbox?mobile=${mobile}` });
    expect(outbox.json().items).toEqual([]);
  });

  it('the per-number SMS limits apply (one a minute)', async () => {
    const mobile = randomMobile();
    expect((await askCode(report.reportNumber, mobile)).statusCode).toBe(204);
    const again = await askCode(report.reportNumber, mobile);
    expect(again.statusCode).toBe(429);
    expect(again.json().detail).toMatch(/^验证码已发送，请\d+秒后再试$/);
  });
});

describe('POST /api/v1/public/reports/preview', () => {
  it('a wrong code is refused under the code field, and no view is recorded', async () => {
    const mobile = randomMobile();
    await askCode(report.reportNumber, mobile);
    const code = await latestCode(env.app, mobile);
    const before = (await viewsOf(report.reportId)).length;
    const res = await grant(report.reportNumber, mobile, code === '000000' ? '111111' : '000000');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ errors: [{ field: 'code', message: '验证码错误，还可尝试4次' }] });
    expect(await viewsOf(report.reportId)).toHaveLength(before);
  });

  it('the right code records the view (masked number, keyed hash, address, browser) and grants 10 minutes', async () => {
    env.clock.set(new Date('2026-03-01T02:05:30Z'));
    const mobile = randomMobile();
    await askCode(report.reportNumber, mobile);
    const code = await latestCode(env.app, mobile);
    const ip = nextIp();
    const res = await grant(report.reportNumber, mobile, code, ip);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body.watermark).toBe(`${maskMobile(mobile)} 2026-03-01 10:05`);
    expect(body.expiresAt).toBe('2026-03-01T02:15:30.000Z');
    expect(body.token).not.toContain(mobile);

    const views = await viewsOf(report.reportId);
    const view = views.find((v) => v.mobileMasked === maskMobile(mobile));
    expect(view).toMatchObject({
      projectId: report.projectId,
      mobileHash: env.platform.pii.lookupHash(mobile),
      ip,
      userAgent: 'Mozilla/5.0 (预览测试)',
      viewedAt: new Date('2026-03-01T02:05:30Z'),
    });
    expect(JSON.stringify(views)).not.toContain(mobile);
    const [audit] = await env.platform.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'public.report_previewed'));
    expect(audit).toMatchObject({ targetId: report.reportId, agencyId, ip });

    const reused = await grant(report.reportNumber, mobile, code);
    expect(reused.statusCode).toBe(400);
  });
});

describe('GET /api/v1/public/reports/file', () => {
  it('403 without a token, with a forged one, or a tampered one', async () => {
    expect((await openFile()).statusCode).toBe(403);
    expect((await openFile('abc.def')).statusCode).toBe(403);
    const { body } = await previewGrant(report);
    const [claims, signature] = body.token.split('.');
    const forged = JSON.parse(Buffer.from(claims ?? '', 'base64url').toString());
    forged.r = hidden.reportId;
    const tampered = `${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    const res = await openFile(tampered);
    expect(res.statusCode).toBe(403);
    expect(res.json().detail).toBe('预览链接无效或已过期，请重新获取短信验证码后预览');
  });

  it('serves the PDF inline, not cached, stamped on every page with the masked number and time', async () => {
    const { mobile, body } = await previewGrant(report);
    const res = await openFile(body.token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');

    const served = res.rawPayload;
    expect(served.subarray(0, 5).toString()).toBe('%PDF-');
    expect(served.equals(report.bytes)).toBe(false);
    const doc = await PDFDocument.load(served);
    expect(doc.getPageCount()).toBe(3);
    const pages = pageContents(doc);
    for (const content of pages) {
      expect(content).toContain(hexOfAscii(body.watermark));
      expect(content).toContain(hexOfAscii(maskMobile(mobile)));
    }
    expect(served.toString('latin1')).not.toContain(mobile);
  });

  it('refuses an expired token', async () => {
    const { body } = await previewGrant(report);
    expect((await openFile(body.token)).statusCode).toBe(200);
    env.clock.advance(10 * 60_000 + 1000);
    expect((await openFile(body.token)).statusCode).toBe(403);
  });

  it('a report no longer public is not served, even with a valid token', async () => {
    const later = await publishReport(env, { agencyId, userId, status: 'submitted' });
    const { body } = await previewGrant(later);
    await env.platform.db
      .update(projects)
      .set({ status: 'returned' })
      .where(eq(projects.id, later.projectId));
    const res = await openFile(body.token);
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toBe('未找到该编号的监测报告，请核对报告编号');
  });

  it('a file that cannot be watermarked (damaged, encrypted) is never served plain', async () => {
    for (const bytes of [Buffer.from('%PDF-1.7\nthis is not really a PDF'), await encryptedPdf()]) {
      const unreadable = await publishReport(env, { agencyId, userId, status: 'approved', bytes });
      const { body } = await previewGrant(unreadable);
      const res = await openFile(body.token);
      expect(res.statusCode).toBe(503);
      expect(res.json().detail).toContain('暂无法在线预览');
    }
  });
});
