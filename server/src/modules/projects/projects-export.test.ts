import { PassThrough } from 'node:stream';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { createTestEnv, login, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildStaffRecord } from '../../../test/staff.ts';
import type { AuthedContext } from '../../platform/context.ts';
import { idNumberFor } from '../personnel/personnel.fixtures.ts';
import { exportProjectsXlsx } from './projects.export.ts';
import { type ItemStaff, projectsApi } from './projects.fixtures.ts';

let env: TestEnv;
let api: ReturnType<typeof projectsApi>;
let agencyName: string;
let registrar: Session;
let fieldStaff: Session;
let otherAdmin: Session;
let cityRegulator: Session;
let deyangRegulator: Session;
let deyangRegulatorId: string;
let project: { id: string; projectNo: string; name: string };
let submitted: { id: string; projectNo: string; name: string };

const header = [
  '项目编号',
  '项目名称',
  '监测机构',
  '监测类型',
  '项目监测性质',
  '项目区域',
  '委托企业',
  '监测状态',
  '登记时间',
  '提交时间',
];

beforeAll(async () => {
  env = await createTestEnv();
  api = projectsApi(env);
  const agency = await buildAgency(env.platform, { regionCode: '510104' });
  const other = await buildAgency(env.platform, { regionCode: '510703' });
  const deyang = await buildAgency(env.platform, { regionCode: '510603' });
  agencyName = agency.name;
  const mk = async (input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(env.platform, input);
    return { session: await login(env.app, u.username, u.password), id: u.id };
  };
  registrar = (await mk({ role: 'agency_registrar', agencyId: agency.id })).session;
  fieldStaff = (await mk({ role: 'field_staff', agencyId: agency.id })).session;
  otherAdmin = (await mk({ role: 'agency_admin', agencyId: other.id })).session;
  cityRegulator = (await mk({ role: 'regulator', regionCode: '510100' })).session;
  const deyangUser = await mk({ role: 'regulator', regionCode: '510600' });
  deyangRegulator = deyangUser.session;
  deyangRegulatorId = deyangUser.id;

  let n = 0;
  const person = async (agencyId: string, post: string) =>
    (await buildStaffRecord(env.platform, { agencyId, posts: [post], idNumber: idNumberFor(++n) })).id;
  const staffOf = async (agencyId: string): Promise<ItemStaff> => ({
    samplerIds: [await person(agencyId, 'sampler')],
    courierIds: [await person(agencyId, 'courier')],
    analystIds: [await person(agencyId, 'analyst')],
  });
  const staff = await staffOf(agency.id);
  project = await api.register(registrar, staff, { name: '锦江区某电子厂含铜污泥危险废物鉴别项目' });
  submitted = await api.register(registrar, staff, {
    name: '青羊区某医药公司废药渣鉴别项目',
    regionCode: '510105',
    monitoringType: 'solid_waste',
    monitoringNature: 'entrusted',
  });
  await env.platform.db.execute(
    sql`update projects set status = 'submitted', submitted_at = '2026-03-10T02:30:00Z' where id = ${submitted.id}`,
  );
  await api.register(otherAdmin, await staffOf(other.id), {
    name: '涪城区某化工厂废酸鉴别项目',
    regionCode: '510703',
  });

  // Enough rows for several export batches, three to a timestamp, so keyset ties are crossed.
  await env.platform.db.execute(sql`
    insert into projects (id, agency_id, project_no, name, monitoring_type, monitoring_nature, region_code,
      address, longitude, latitude, planned_start, planned_end, entrust_category, client_name,
      client_credit_code, client_contact, client_phone, client_email, client_address, is_subcontracted,
      contract_number, contract_amount, contract_signed_on, training_date, training_content,
      training_participants, status, created_by, created_at)
    select gen_random_uuid(), ${deyang.id}, '510603-2025-' || lpad(g::text, 6, '0'), '批量鉴别项目' || (g % 7),
      'hazardous_waste', 'hazardous_waste', '510603', '德阳市旌阳区', 104.39, 31.13, '2025-01-01',
      '2025-02-01', 'enterprise', '德阳某企业', '91510603MA6AAAAAA0', '张三', '0838-2234567', 'a@b.cn',
      '德阳市旌阳区', false, 'HT-' || g, 1000, '2025-01-01', '2025-01-01', '培训', '张三', 'in_progress',
      ${deyangRegulatorId}, timestamptz '2025-06-01 00:00:00+08' + ((g / 3) || ' seconds')::interval
    from generate_series(1, 2500) g`);
});
afterAll(() => env.close());

async function readSheet(payload: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(payload as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('项目查询统计');
  const rows: string[][] = [];
  sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
  return rows;
}

async function exportAs(s: Session, query = '') {
  const res = await api.get(s, `/api/v1/projects/export${query}`);
  expect(res.statusCode).toBe(200);
  return { res, rows: await readSheet(res.rawPayload) };
}

describe('导出', () => {
  it('401 without login, 403 for field staff', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/projects/export' })).statusCode).toBe(401);
    expect((await api.get(fieldStaff, '/api/v1/projects/export')).statusCode).toBe(403);
  });

  it('streams a real .xlsx with the Chinese file name, headers and labels', async () => {
    const { res, rows } = await exportAs(registrar);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('项目查询统计-')}`,
    );
    expect(res.headers['content-disposition']).toMatch(/\d{8}\.xlsx$/);
    expect(rows[0]).toEqual(header);
    expect(rows).toHaveLength(3);
    const row = rows.find((r) => r[0] === project.projectNo);
    expect(row?.slice(0, 8)).toEqual([
      project.projectNo,
      '锦江区某电子厂含铜污泥危险废物鉴别项目',
      agencyName,
      '危险废物鉴别',
      '危险废物鉴别',
      '成都市锦江区',
      '成都某化工有限公司',
      '未完成',
    ]);
    expect(row?.[8]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(row?.[9] ?? '').toBe('');
    const done = rows.find((r) => r[0] === submitted.projectNo);
    expect(done?.slice(3, 8)).toEqual([
      '固体废物',
      '委托监测',
      '成都市青羊区',
      '成都某化工有限公司',
      '已完成',
    ]);
    expect(done?.[9]).toBe('2026-03-10 10:30:00');
  });

  it('applies the filters and the caller’s scope', async () => {
    const byName = await exportAs(registrar, `?name=${encodeURIComponent('药渣')}`);
    expect(byName.rows.slice(1).map((r) => r[0])).toEqual([submitted.projectNo]);
    const byStatus = await exportAs(registrar, '?status=in_progress');
    expect(byStatus.rows.slice(1).map((r) => r[0])).toEqual([project.projectNo]);
    const city = await exportAs(cityRegulator);
    expect(
      city.rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual([project.projectNo, submitted.projectNo].sort());
  });

  it('reads every row across keyset batches, without duplicates, in the requested order', async () => {
    const newest = await exportAs(deyangRegulator);
    const numbers = newest.rows.slice(1).map((r) => r[0]);
    expect(numbers).toHaveLength(2500);
    expect(new Set(numbers).size).toBe(2500);
    const byName = await exportAs(deyangRegulator, '?sort=-name');
    const names = byName.rows.slice(1).map((r) => r[1] ?? '');
    expect(new Set(byName.rows.slice(1).map((r) => r[0])).size).toBe(2500);
    expect(names).toEqual([...names].sort().reverse());
  });

  it('exportProjectsXlsx writes into any writable (the benchmark calls it directly)', async () => {
    const ctx: AuthedContext = {
      db: env.platform.db,
      files: env.platform.files,
      pii: env.platform.pii,
      config: env.platform.config,
      now: env.platform.now,
      log: { info: () => {}, warn: () => {}, error: () => {} },
      meta: { ip: null, userAgent: 'test', requestId: null },
      actor: {
        userId: deyangRegulatorId,
        username: 'deyang',
        displayName: '德阳市局监管员',
        role: 'regulator',
        agencyId: null,
        personnelId: null,
        regionCode: '510600',
      },
    };
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await exportProjectsXlsx(ctx, { name: '批量鉴别项目3', sort: 'projectNo' }, out);
    const rows = await readSheet(Buffer.concat(chunks));
    expect(rows).toHaveLength(1 + 357);
    expect(rows[1]?.[0]).toBe('510603-2025-000003');
  });
});
