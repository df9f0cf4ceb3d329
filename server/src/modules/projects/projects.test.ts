import { projectCountCap } from '@eco/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, rowsOf, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildStaffRecord } from '../../../test/staff.ts';
import { idNumberFor } from '../personnel/personnel.fixtures.ts';
import { sweepDraftAttachments } from './project-drafts.ts';
import { projectYear } from './project-numbers.ts';
import { type ItemStaff, projectInput, projectsApi } from './projects.fixtures.ts';

let env: TestEnv;
let api: ReturnType<typeof projectsApi>;
let agencyId: string;
let admin: Session;
let registrar: Session;
let fieldStaff: Session;
let otherAdmin: Session;
let unapprovedAdmin: Session;
let provinceRegulator: Session;
let cityRegulator: Session;
let mianyangRegulator: Session;
let staff: ItemStaff;
let otherStaff: ItemStaff;
let ids: Record<'sampler' | 'courier' | 'analyst' | 'pending' | 'deleted', string>;
const year = projectYear(new Date());
let staffSeq = 0;
/** Distinct ID numbers: random ones can collide within an agency (a unique index). */
const nextIdNumber = () => idNumberFor(++staffSeq);

beforeAll(async () => {
  env = await createTestEnv();
  api = projectsApi(env);
  const agency = await buildAgency(env.platform, { regionCode: '510104' });
  const other = await buildAgency(env.platform, { regionCode: '510703' });
  const unapproved = await buildAgency(env.platform, { regionCode: '510105', status: 'submitted' });
  agencyId = agency.id;
  const mk = async (input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(env.platform, input);
    return login(env.app, u.username, u.password);
  };
  admin = await mk({ role: 'agency_admin', agencyId: agency.id });
  registrar = await mk({ role: 'agency_registrar', agencyId: agency.id });
  fieldStaff = await mk({ role: 'field_staff', agencyId: agency.id });
  otherAdmin = await mk({ role: 'agency_admin', agencyId: other.id });
  unapprovedAdmin = await mk({ role: 'agency_admin', agencyId: unapproved.id });
  provinceRegulator = await mk({ role: 'regulator', regionCode: '510000' });
  cityRegulator = await mk({ role: 'regulator', regionCode: '510100' });
  mianyangRegulator = await mk({ role: 'regulator', regionCode: '510700' });

  const person = async (agency: string, name: string, posts: string[], status = 'approved') =>
    (
      await buildStaffRecord(env.platform, {
        agencyId: agency,
        name,
        posts,
        status,
        idNumber: nextIdNumber(),
      })
    ).id;
  ids = {
    sampler: await person(agency.id, '王强', ['sampler']),
    courier: await person(agency.id, '赵磊', ['courier']),
    analyst: await person(agency.id, '陈静', ['analyst', 'signatory']),
    pending: await person(agency.id, '孙待审', ['sampler'], 'submitted'),
    deleted: await person(agency.id, '钱已删', ['sampler']),
  };
  await env.platform.db.execute(sql`update personnel set deleted_at = now() where id = ${ids.deleted}`);
  staff = { samplerIds: [ids.sampler], courierIds: [ids.courier], analystIds: [ids.analyst] };
  otherStaff = {
    samplerIds: [await person(other.id, '周采样', ['sampler'])],
    courierIds: [await person(other.id, '吴送样', ['courier'])],
    analystIds: [await person(other.id, '郑分析', ['analyst'])],
  };
});
afterAll(() => env.close());

async function projectCount(id: string): Promise<number> {
  const rows = rowsOf<{ n: number }>(
    await env.platform.db.execute(sql`select count(*)::int as n from projects where id = ${id}`),
  );
  return rows[0]?.n ?? 0;
}

async function setStatus(id: string, status: string): Promise<void> {
  await env.platform.db.execute(sql`update projects set status = ${status} where id = ${id}`);
}

describe('who may register', () => {
  it('401 without login; 403 for field staff, regulators and an agency not yet approved', async () => {
    const input = projectInput(staff);
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/projects' })).statusCode).toBe(401);
    expect(
      (await env.app.inject({ method: 'POST', url: '/api/v1/projects', payload: input })).statusCode,
    ).toBe(401);
    expect((await api.create(fieldStaff, input)).statusCode).toBe(403);
    expect((await api.create(cityRegulator, input)).statusCode).toBe(403);
    expect((await api.get(fieldStaff, '/api/v1/projects')).statusCode).toBe(403);
    const unapproved = await api.create(unapprovedAdmin, input);
    expect(unapproved.statusCode).toBe(403);
    expect(unapproved.json().detail).toBe('机构信息审核通过后才能登记项目');
    expect((await api.upload(unapprovedAdmin, input.id, 'contract')).statusCode).toBe(403);
  });

  it('403 without the CSRF token', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/projects',
      headers: { cookie: registrar.cookie },
      payload: projectInput(staff),
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('项目登记 refusals', () => {
  it('names the client phone, e-mail and credit code fields when they are malformed', async () => {
    const input = projectInput(staff);
    const res = await api.create(registrar, {
      ...input,
      client: { ...input.client, phone: '12345', email: 'not-an-email', creditCode: '91510104MA00000000' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['client.phone', 'client.email', 'client.creditCode']));
    expect(res.json().errors).toEqual(
      expect.arrayContaining([{ field: 'client.phone', message: '联系电话格式不正确' }]),
    );
  });

  it('refuses unknown dictionary codes and a region that is not a 区县', async () => {
    const res = await api.create(
      registrar,
      projectInput(staff, { monitoringType: 'astrology', entrustCategory: 'nobody', regionCode: '510100' }),
    );
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['entrustCategory', 'monitoringType', 'regionCode']);
  });

  it('without 委托合同: 400, no project row, and the uploaded draft stays a draft', async () => {
    const input = projectInput(staff);
    expect((await api.upload(registrar, input.id, 'training_record')).statusCode).toBe(201);
    const res = await api.create(registrar, input);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'attachments', message: '请上传委托合同' }]);
    expect(await projectCount(input.id)).toBe(0);
    const drafts = await api.get(
      registrar,
      `/api/v1/attachments?ownerType=project_draft&ownerId=${input.id}`,
    );
    expect(drafts.statusCode).toBe(200);
    expect(drafts.json().items.map((a: { category: string }) => a.category)).toEqual(['training_record']);
    const seq = rowsOf<{ n: number }>(
      await env.platform.db.execute(sql`select count(*)::int as n from project_sequences`),
    );
    expect(seq[0]?.n).toBe(0);
  });

  it('subcontracted without 分包单位资质: 400', async () => {
    const input = projectInput(staff, { isSubcontracted: true, subcontractorName: '四川某分析测试中心' });
    await api.upload(registrar, input.id, 'contract');
    const res = await api.create(registrar, input);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'attachments', message: '选择分包时请上传分包单位资质' }]);
    const named = await api.create(registrar, { ...input, subcontractorName: '' });
    expect(named.json().errors).toEqual([
      { field: 'subcontractorName', message: '选择分包时请填写分包单位名称' },
    ]);
    await api.upload(registrar, input.id, 'subcontractor_qualification');
    expect((await api.create(registrar, input)).statusCode).toBe(201);
  });

  it('refuses staff of another agency, without the post, not approved or deleted, naming item and field', async () => {
    const input = projectInput(
      { samplerIds: [ids.pending], courierIds: otherStaff.courierIds, analystIds: [ids.sampler] },
      {},
    );
    input.items.push({ ...input.items[0], pointName: '2号点', ...staff, samplerIds: [ids.deleted] } as never);
    await api.upload(registrar, input.id, 'contract');
    const res = await api.create(registrar, input);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      { field: 'items.0.samplerIds', message: '「孙待审」不是本机构已审核通过的采样人员' },
      { field: 'items.0.courierIds', message: '所选送样人员不存在或不是本机构人员' },
      { field: 'items.0.analystIds', message: '「王强」不是本机构已审核通过的实验室分析人员' },
      { field: 'items.1.samplerIds', message: '「钱已删」不是本机构已审核通过的采样人员' },
    ]);
    expect(JSON.stringify(res.json())).not.toContain('吴送样');
    expect(await projectCount(input.id)).toBe(0);
  });
});

describe('项目登记 保存', () => {
  let first: { id: string; projectNo: string };

  it('a registrar saves: 201, numbered per region and year, files moved to the project', async () => {
    const input = projectInput(staff, { regionCode: '510107', name: '武侯区某电镀厂污泥危险废物鉴别项目' });
    const contract = (await api.upload(registrar, input.id, 'contract')).json();
    const res = await api.create(registrar, input);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const project = res.json();
    first = project;
    expect(project).toMatchObject({
      projectNo: `510107-${year}-000001`,
      name: '武侯区某电镀厂污泥危险废物鉴别项目',
      status: 'in_progress',
      agencyId,
      actions: ['submit'],
      canDelete: true,
      canEditReports: true,
      client: { phone: '028-86651234', email: 'hse@example.com' },
      isSubcontracted: false,
      subcontractorName: null,
      reviews: [],
    });
    expect(project.items[0]).toMatchObject({
      pointName: '废催化剂暂存库1号点',
      samplers: [{ id: ids.sampler, name: '王强' }],
      couriers: [{ id: ids.courier, name: '赵磊' }],
      analysts: [{ id: ids.analyst, name: '陈静' }],
    });
    expect(project.attachments).toEqual([
      expect.objectContaining({ id: contract.id, ownerType: 'project', categoryLabel: '委托合同' }),
    ]);
    expect(project.reports.map((r: { category: string; report: unknown }) => [r.category, r.report])).toEqual(
      [
        ['identification_plan', null],
        ['identification_report', null],
      ],
    );
    const drafts = await api.get(
      registrar,
      `/api/v1/attachments?ownerType=project_draft&ownerId=${input.id}`,
    );
    expect(drafts.statusCode).toBe(404);
    const files = await api.get(cityRegulator, `/api/v1/attachments?ownerType=project&ownerId=${input.id}`);
    expect(files.json().items).toHaveLength(1);

    const second = await api.register(admin, staff, { regionCode: '510107' });
    expect(second.projectNo).toBe(`510107-${year}-000002`);
    const elsewhere = await api.register(admin, staff, { regionCode: '510108' });
    expect(elsewhere.projectNo).toBe(`510108-${year}-000001`);
  });

  it('a retried 保存 returns the same project once; another agency reusing the id gets 409', async () => {
    const input = projectInput(staff);
    await api.upload(registrar, input.id, 'contract');
    const a = await api.create(registrar, input);
    const b = await api.create(registrar, input);
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(200);
    expect(b.json().id).toBe(a.json().id);
    expect(b.json().projectNo).toBe(a.json().projectNo);
    expect(await projectCount(input.id)).toBe(1);
    const stolen = await api.create(otherAdmin, { ...input, items: [{ ...input.items[0], ...otherStaff }] });
    expect(stolen.statusCode).toBe(409);
  });

  it('the same 保存 sent twice at once registers one project', async () => {
    const input = projectInput(staff);
    await api.upload(registrar, input.id, 'contract');
    const both = await Promise.all([api.create(registrar, input), api.create(registrar, input)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(both[0]?.json().projectNo).toBe(both[1]?.json().projectNo);
    expect(await projectCount(input.id)).toBe(1);
  });

  it('records project.created in the audit log', async () => {
    const audit = rowsOf<{ action: string; after: { projectNo: string } }>(
      await env.platform.db.execute(
        sql`select action, after from audit_log where target_type = 'project' and target_id = ${first.id}`,
      ),
    );
    expect(audit).toEqual([expect.objectContaining({ action: 'project.created' })]);
    expect(audit[0]?.after.projectNo).toBe(first.projectNo);
  });

  it('lists the staff an item may assign: approved, not deleted, own agency, with the posts', async () => {
    const res = await api.get(registrar, '/api/v1/projects/assignable-staff');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([
      { id: ids.sampler, name: '王强', posts: ['sampler'] },
      { id: ids.courier, name: '赵磊', posts: ['courier'] },
      { id: ids.analyst, name: '陈静', posts: ['analyst'] },
    ]);
    expect((await api.get(cityRegulator, '/api/v1/projects/assignable-staff')).statusCode).toBe(403);
  });
});

describe('draft attachments', () => {
  it('belong to the agency that uploaded first; others, field staff and regulators cannot reach them', async () => {
    const input = projectInput(staff);
    const saved = (await api.upload(registrar, input.id, 'contract')).json();
    const url = `/api/v1/attachments?ownerType=project_draft&ownerId=${input.id}`;
    expect((await api.get(admin, url)).json().items).toHaveLength(1);
    expect((await api.get(otherAdmin, url)).statusCode).toBe(404);
    expect((await api.upload(otherAdmin, input.id, 'contract')).statusCode).toBe(404);
    expect((await api.get(fieldStaff, url)).statusCode).toBe(404);
    expect((await api.get(cityRegulator, url)).statusCode).toBe(404);
    const dl = await api.get(otherAdmin, `/api/v1/attachments/${saved.id}/download`);
    expect(dl.statusCode).toBe(404);
    expect((await api.get(registrar, `/api/v1/attachments/${saved.id}/download`)).statusCode).toBe(200);
    expect(
      (
        await env.app.inject({
          method: 'DELETE',
          url: `/api/v1/attachments/${saved.id}`,
          headers: as(registrar),
        })
      ).statusCode,
    ).toBe(204);
  });

  it('refuses a category of another scope and reports through the generic upload', async () => {
    const input = projectInput(staff);
    const wrong = await api.upload(registrar, input.id, 'qualification');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('category');
    const project = await api.register(registrar, staff);
    expect((await api.upload(registrar, project.id, 'identification_plan', 'report')).statusCode).toBe(403);
    expect((await api.upload(registrar, project.id, 'site_survey', 'project')).statusCode).toBe(201);
    expect((await api.upload(otherAdmin, project.id, 'site_survey', 'project')).statusCode).toBe(404);
  });

  it('the sweep removes drafts older than the cut-off and leaves project files alone', async () => {
    const input = projectInput(staff);
    await api.upload(registrar, input.id, 'site_survey');
    const project = await api.register(registrar, staff);
    const swept = await sweepDraftAttachments(env.platform.db, new Date(Date.now() + 60_000));
    expect(swept).toBeGreaterThan(0);
    const url = `/api/v1/attachments?ownerType=project_draft&ownerId=${input.id}`;
    expect((await api.get(registrar, url)).json().items).toEqual([]);
    const detail = await api.get(registrar, `/api/v1/projects/${project.id}`);
    expect(detail.json().attachments).toHaveLength(1);
    expect(await sweepDraftAttachments(env.platform.db, new Date(Date.now() + 60_000))).toBe(0);
  });
});

describe('查询统计', () => {
  const names = {
    chengdu: '青白江区某冶炼厂废渣危险废物鉴别项目',
    mianyang: '涪城区某化工厂废活性炭危险废物鉴别项目',
    percent: '某100%_纯度试剂废液鉴别项目',
  };
  let chengdu: { id: string; projectNo: string };
  let mianyang: { id: string; projectNo: string };

  beforeAll(async () => {
    chengdu = await api.register(registrar, staff, { name: names.chengdu, regionCode: '510113' });
    await api.register(registrar, staff, { name: names.percent, regionCode: '510113' });
    mianyang = await api.register(otherAdmin, otherStaff, { name: names.mianyang, regionCode: '510703' });
  });

  const list = async (s: Session, query = '') => {
    const res = await api.get(s, `/api/v1/projects${query}`);
    expect(res.statusCode).toBe(200);
    return res.json() as { items: Array<{ id: string; name: string; status: string }>; total: number };
  };

  it('an agency sees only its own projects, and another agency’s project is 404 to GET and DELETE', async () => {
    const mine = await list(registrar, '?pageSize=100');
    expect(mine.items.some((p) => p.id === chengdu.id)).toBe(true);
    expect(mine.items.some((p) => p.id === mianyang.id)).toBe(false);
    const theirs = await list(otherAdmin, '?pageSize=100');
    expect(theirs.items.map((p) => p.id)).toEqual([mianyang.id]);
    expect((await api.get(registrar, `/api/v1/projects/${mianyang.id}`)).statusCode).toBe(404);
    expect((await api.remove(registrar, mianyang.id)).statusCode).toBe(404);
    expect((await api.get(otherAdmin, `/api/v1/projects/${chengdu.id}`)).statusCode).toBe(404);
  });

  it('regulators see the projects sited in their region; the province sees all', async () => {
    const city = await list(cityRegulator, '?pageSize=100');
    expect(city.items.some((p) => p.id === chengdu.id)).toBe(true);
    expect(city.items.some((p) => p.id === mianyang.id)).toBe(false);
    const province = await list(provinceRegulator, '?pageSize=100');
    expect(province.items.some((p) => p.id === chengdu.id)).toBe(true);
    expect(province.items.some((p) => p.id === mianyang.id)).toBe(true);
    expect((await api.get(mianyangRegulator, `/api/v1/projects/${chengdu.id}`)).statusCode).toBe(404);
    const detail = await api.get(cityRegulator, `/api/v1/projects/${chengdu.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({ actions: [], canDelete: false, canEditReports: false });
  });

  it('filters by a fragment of the Chinese name (3+ and 2 characters), escaping % and _', async () => {
    const long = await list(provinceRegulator, `?name=${encodeURIComponent('某冶炼厂废渣')}`);
    expect(long.items.map((p) => p.name)).toEqual([names.chengdu]);
    const short = await list(provinceRegulator, `?name=${encodeURIComponent('冶炼')}`);
    expect(short.items.map((p) => p.name)).toEqual([names.chengdu]);
    const pct = await list(registrar, `?name=${encodeURIComponent('%_')}`);
    expect(pct.items.map((p) => p.name)).toEqual([names.percent]);
    expect((await list(cityRegulator, `?name=${encodeURIComponent('废活性炭')}`)).total).toBe(0);
  });

  it('filters by status, region at any level, agency and project number', async () => {
    await setStatus(chengdu.id, 'submitted');
    const submitted = await list(provinceRegulator, '?status=submitted');
    expect(submitted.items.map((p) => p.id)).toEqual([chengdu.id]);
    expect((await list(provinceRegulator, '?regionCode=510703')).items.map((p) => p.id)).toEqual([
      mianyang.id,
    ]);
    expect((await list(provinceRegulator, '?regionCode=510700')).items.map((p) => p.id)).toEqual([
      mianyang.id,
    ]);
    const county = await list(provinceRegulator, '?regionCode=510113&pageSize=100');
    expect(county.total).toBe(2);
    expect((await list(cityRegulator, '?regionCode=510703')).total).toBe(0);
    expect((await list(cityRegulator, '?regionCode=510000')).total).toBe((await list(cityRegulator)).total);
    expect((await list(provinceRegulator, `?agencyId=${agencyId}&regionCode=510703`)).total).toBe(0);
    const exact = await list(provinceRegulator, `?projectNo=${chengdu.projectNo}`);
    expect(exact.items.map((p) => p.id)).toEqual([chengdu.id]);
    const prefix = await list(provinceRegulator, `?projectNo=510113-${year}&pageSize=100`);
    expect(prefix.total).toBe(2);
    await setStatus(chengdu.id, 'in_progress');
  });

  it('pages with a total and sorts, newest first by default', async () => {
    const all = await list(registrar, '?pageSize=100');
    expect(all.total).toBeGreaterThanOrEqual(8);
    const page1 = await list(registrar, '?pageSize=3&page=1');
    const page2 = await list(registrar, '?pageSize=3&page=2');
    expect(page1.total).toBe(all.total);
    expect(page1.items).toHaveLength(3);
    expect([...page1.items, ...page2.items].map((p) => p.id)).toEqual(all.items.slice(0, 6).map((p) => p.id));
    const created = all.items.map((p) => (p as unknown as { createdAt: string }).createdAt);
    expect([...created].sort().reverse()).toEqual(created);
    const byName = await list(registrar, '?sort=name&pageSize=100');
    const sorted = byName.items.map((p) => p.name);
    expect(sorted).toEqual([...sorted].sort());
    expect((await api.get(registrar, '/api/v1/projects?sort=budget')).statusCode).toBe(400);
  });
});

describe('查询统计 at scale', () => {
  it('counts a broad search only up to the cap and says so; a narrow one is exact', async () => {
    const [template] = rowsOf<{ id: string }>(
      await env.platform.db.execute(sql`select id from projects where deleted_at is null limit 1`),
    );
    if (!template) throw new Error('no project to copy');
    // 10,001 copies in one statement: the columns of the template, new ids, numbers and names.
    await env.platform.db.execute(sql`
      insert into projects (id, agency_id, project_no, name, monitoring_type, monitoring_nature, region_code,
        address, longitude, latitude, planned_start, planned_end, description, entrust_category, client_name,
        client_credit_code, client_contact, client_phone, client_email, client_address, is_subcontracted,
        subcontractor_name, contract_number, contract_amount, contract_signed_on, training_date, training_content,
        training_participants, status, created_by, created_at, updated_at)
      select gen_random_uuid(), p.agency_id, '519999-2020-' || lpad(g::text, 6, '0'), '批量化工项目' || g,
        p.monitoring_type, p.monitoring_nature, '510112', p.address, p.longitude, p.latitude, p.planned_start,
        p.planned_end, p.description, p.entrust_category, p.client_name, p.client_credit_code, p.client_contact,
        p.client_phone, p.client_email, p.client_address, p.is_subcontracted, p.subcontractor_name,
        p.contract_number, p.contract_amount, p.contract_signed_on, p.training_date, p.training_content,
        p.training_participants, 'approved', p.created_by, now() - g * interval '1 minute', now()
      from projects p, generate_series(1, ${projectCountCap + 1}) g where p.id = ${template.id}`);
    const broad = (
      await api.get(provinceRegulator, `/api/v1/projects?name=${encodeURIComponent('化工')}`)
    ).json() as {
      total: number;
      isTotalCapped: boolean;
      items: unknown[];
    };
    expect(broad).toMatchObject({ total: projectCountCap, isTotalCapped: true });
    expect(broad.items).toHaveLength(20);
    const deep = (
      await api.get(provinceRegulator, `/api/v1/projects?name=${encodeURIComponent('化工')}&page=400`)
    ).json() as {
      items: Array<{ name: string }>;
    };
    expect(deep.items).toHaveLength(20);
    expect(deep.items.every((p) => p.name.includes('化工'))).toBe(true);
    const narrow = (
      await api.get(provinceRegulator, `/api/v1/projects?name=${encodeURIComponent('批量化工项目1000')}`)
    ).json() as {
      total: number;
      isTotalCapped: boolean;
    };
    expect(narrow).toMatchObject({ total: 3, isTotalCapped: false });
    await env.platform.db.execute(sql`delete from projects where project_no like '519999-2020-%'`);
  });
});

describe('删除', () => {
  it('deletes a project 未完成: gone from list and detail, the audit trail stays', async () => {
    const project = await api.register(registrar, staff, { name: '待删除的鉴别项目' });
    expect((await api.remove(cityRegulator, project.id)).statusCode).toBe(403);
    expect((await api.remove(registrar, project.id)).statusCode).toBe(204);
    expect((await api.get(registrar, `/api/v1/projects/${project.id}`)).statusCode).toBe(404);
    expect((await api.get(cityRegulator, `/api/v1/projects/${project.id}`)).statusCode).toBe(404);
    const listed = await api.get(registrar, `/api/v1/projects?name=${encodeURIComponent('待删除')}`);
    expect(listed.json().total).toBe(0);
    expect((await api.remove(registrar, project.id)).statusCode).toBe(404);
    const audit = rowsOf<{ action: string }>(
      await env.platform.db.execute(
        sql`select action from audit_log where target_id = ${project.id} order by id`,
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['project.created', 'project.deleted']);
  });

  it('a returned project may be deleted; a submitted or approved one only viewed (409)', async () => {
    const submitted = await api.register(registrar, staff);
    await setStatus(submitted.id, 'submitted');
    const refused = await api.remove(registrar, submitted.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'INVALID_STATE', detail: '已完成的项目只能查看，不能删除' });
    const detail = await api.get(registrar, `/api/v1/projects/${submitted.id}`);
    expect(detail.json()).toMatchObject({ status: 'submitted', actions: [], canDelete: false });
    await setStatus(submitted.id, 'approved');
    expect((await api.remove(registrar, submitted.id)).statusCode).toBe(409);
    await setStatus(submitted.id, 'returned');
    expect((await api.get(registrar, `/api/v1/projects/${submitted.id}`)).json().actions).toEqual([
      'resubmit',
    ]);
    expect((await api.remove(admin, submitted.id)).statusCode).toBe(204);
  });
});

describe('staff assigned to open projects', () => {
  it('cannot be deleted while a project naming them is unfinished', async () => {
    const sampler = (
      await buildStaffRecord(env.platform, {
        agencyId,
        name: '冯采样',
        posts: ['sampler'],
        idNumber: nextIdNumber(),
      })
    ).id;
    const project = await api.register(
      registrar,
      { ...staff, samplerIds: [sampler] },
      { name: '冯采样参与的项目' },
    );
    const refused = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/personnel/${sampler}`,
      headers: as(admin),
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain(`冯采样参与的项目（${project.projectNo}）`);
    await setStatus(project.id, 'approved');
    const allowed = await env.app.inject({
      method: 'DELETE',
      url: `/api/v1/personnel/${sampler}`,
      headers: as(admin),
    });
    expect(allowed.statusCode).toBe(204);
  });
});
