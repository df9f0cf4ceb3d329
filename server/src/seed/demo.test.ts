import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestEnv, login, rowsOf, type TestEnv } from '../../test/harness.ts';
import { demoAccounts, demoPassword, isDatabaseEmpty, seedDemoData } from './demo.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

describe('demo data', () => {
  it('gives every demo account a working login with the right role and scope', async () => {
    expect(await isDatabaseEmpty(env.platform.db)).toBe(true);
    await seedDemoData(env.platform);
    expect(await isDatabaseEmpty(env.platform.db)).toBe(false);
    for (const account of demoAccounts) {
      const s = await login(env.app, account.username, demoPassword);
      expect(s.user.role).toBe(account.role);
      expect(s.user.mustChangePassword).toBe(false);
    }
    const sampler = await login(env.app, 'sampler', demoPassword);
    expect(sampler.user).toMatchObject({ agency: { name: '四川蜀环检测技术有限公司' }, posts: ['sampler'] });
    const cd = await login(env.app, 'regulator_cd', demoPassword);
    expect(cd.user.region).toEqual({ code: '510100', name: '成都市' });
  });

  it('stores ID numbers and mobiles only encrypted and masked', async () => {
    const rows = rowsOf<Record<string, string>>(
      await env.platform.db.execute(
        sql`select id_number_enc, id_number_masked, mobile_masked from personnel`,
      ),
    );
    expect(rows.length).toBe(4);
    for (const r of rows) {
      expect(r.id_number_enc).toMatch(/^a1:/);
      expect(r.id_number_masked).toMatch(/^5\*{15}[0-9X]{2}$/);
      expect(r.mobile_masked).toMatch(/^138\*{4}\d{4}$/);
    }
  });

  it('gives the demo agency six projects across the workflow, with reports and review history', async () => {
    const registrar = await login(env.app, 'registrar', demoPassword);
    const list = await env.app.inject({
      method: 'GET',
      url: '/api/v1/projects?pageSize=50',
      headers: as(registrar),
    });
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Array<{ id: string; status: string; projectNo: string; name: string }>;
    expect(items).toHaveLength(6);
    expect(items.map((p) => p.status).sort()).toEqual([
      'approved',
      'in_progress',
      'in_progress',
      'in_progress',
      'returned',
      'submitted',
    ]);
    for (const p of items) expect(p.projectNo).toMatch(/^51\d{4}-\d{4}-\d{6}$/);
    expect(items.some((p) => p.name === '成都某化工有限公司废催化剂危险废物鉴别项目')).toBe(true);

    const returned = items.find((p) => p.status === 'returned');
    const detail = (
      await env.app.inject({ method: 'GET', url: `/api/v1/projects/${returned?.id}`, headers: as(registrar) })
    ).json();
    expect(detail.returnReason).toContain('采样点位');
    expect(detail.actions).toEqual(['resubmit']);
    expect(detail.reviews.map((r: { action: string }) => r.action)).toEqual(['submitted', 'returned']);
    expect(detail.items[0].samplers).toEqual([expect.objectContaining({ name: '王强' })]);
    expect(detail.attachments.map((a: { category: string }) => a.category)).toEqual(['contract']);
    const reports = detail.reports.map(
      (r: { report: { reportNumber: string } | null }) => r.report?.reportNumber,
    );
    expect(reports).toHaveLength(2);
    for (const n of reports) expect(n).toMatch(/^SHJC-2026-\d{4}$/);
    const pdf = await env.app.inject({
      method: 'GET',
      url: `/api/v1/attachments/${detail.reports[0].report.attachmentId}/download`,
      headers: as(registrar),
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const cd = await login(env.app, 'regulator_cd', demoPassword);
    const city = await env.app.inject({ method: 'GET', url: '/api/v1/projects', headers: as(cd) });
    expect(city.json().total).toBe(5);
    const numbers = rowsOf<{ n: number }>(
      await env.platform.db.execute(sql`select count(distinct report_number)::int as n from project_reports`),
    );
    expect(numbers[0]?.n).toBe(6);
  });
});
