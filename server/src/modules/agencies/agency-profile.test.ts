import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser, randomCreditCode } from '../../../test/factories.ts';
import { as, createTestEnv, login, rowsOf, type Session, type TestEnv } from '../../../test/harness.ts';
import { multipart, pdfBytes } from '../../../test/uploads.ts';
import { isAgencyApproved } from './agencies.policy.ts';

let env: TestEnv;
const requiredCategories = [
  'qualification',
  'business_license',
  'signatory_authorization',
  'national_platform_screenshot',
];

beforeAll(async () => {
  env = await createTestEnv();
});
afterAll(() => env.close());

async function session(input: Parameters<typeof buildUser>[1]): Promise<Session> {
  const u = await buildUser(env.platform, input);
  return login(env.app, u.username, u.password);
}

function profile(creditCode: string, overrides: Record<string, unknown> = {}) {
  return {
    name: '成都新设鉴别检测有限公司',
    creditCode,
    legalRepresentative: '赵立',
    registeredAddress: '四川省成都市锦江区红星路一段1号',
    officeAddress: '四川省成都市锦江区红星路一段1号5楼',
    regionCode: '510104',
    contactPerson: '钱敏',
    contactPhone: '028-85551234',
    email: 'office@xinshe-test.cn',
    industryCategories: ['hazardous_waste_identification'],
    cmaNumber: '202451000789',
    cmaValidFrom: '2024-01-01',
    cmaValidTo: '2030-12-31',
    qualificationScope: '危险废物鉴别（浸出毒性、腐蚀性）',
    introduction: '',
    ...overrides,
  };
}

const call = (
  s: Session | null,
  method: 'GET' | 'PUT' | 'POST',
  url: string,
  payload?: Record<string, unknown>,
) => env.app.inject({ method, url, headers: s ? as(s) : {}, ...(payload === undefined ? {} : { payload }) });

const getProfile = (s: Session) => call(s, 'GET', '/api/v1/agencies/current/profile');
const save = (s: Session, body: Record<string, unknown>) =>
  call(s, 'PUT', '/api/v1/agencies/current/profile', body);
const submit = (s: Session) => call(s, 'POST', '/api/v1/agencies/current/profile/submit');

async function uploadAll(s: Session, agencyId: string, categories = requiredCategories) {
  for (const category of categories) {
    const body = multipart('file', `${category}.pdf`, pdfBytes(`${agencyId}-${category}`));
    const res = await env.app.inject({
      method: 'POST',
      url: `/api/v1/attachments?ownerType=agency&ownerId=${agencyId}&category=${category}`,
      headers: { ...as(s), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(201);
  }
}

/** A never-approved agency in 锦江区 with its legal-person account. */
async function draftAgency() {
  const creditCode = randomCreditCode('510104');
  const agency = await buildAgency(env.platform, { status: 'draft', creditCode, industryCategories: [] });
  const admin = await session({ role: 'agency_admin', agencyId: agency.id });
  return { agency, admin, creditCode };
}

describe('guards', () => {
  it('answers 401 without a session, 403 to the registrar and to regulators on agency routes', async () => {
    const { agency, creditCode } = await draftAgency();
    const registrar = await session({ role: 'agency_registrar', agencyId: agency.id });
    const regulator = await session({ role: 'regulator', regionCode: '510100' });
    expect((await call(null, 'GET', '/api/v1/agencies/current/profile')).statusCode).toBe(401);
    expect((await save(registrar, profile(creditCode))).statusCode).toBe(403);
    expect((await submit(registrar)).statusCode).toBe(403);
    expect((await getProfile(registrar)).json().actions).toEqual([]);
    expect((await save(regulator, profile(creditCode))).statusCode).toBe(403);
    expect((await call(null, 'GET', '/api/v1/reviews/agencies')).statusCode).toBe(401);
  });

  it('agency roles may not open the review queue or decide', async () => {
    const { admin } = await draftAgency();
    expect((await call(admin, 'GET', '/api/v1/reviews/agencies')).statusCode).toBe(403);
    const id = crypto.randomUUID();
    expect((await call(admin, 'POST', `/api/v1/reviews/agencies/${id}/approve`)).statusCode).toBe(403);
  });
});

describe('保存', () => {
  it('names every missing required field', async () => {
    const { admin } = await draftAgency();
    const res = await save(admin, { name: '只有名称' });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'creditCode',
        'legalRepresentative',
        'registeredAddress',
        'officeAddress',
        'regionCode',
        'contactPerson',
        'contactPhone',
        'email',
        'industryCategories',
        'cmaNumber',
        'cmaValidFrom',
        'cmaValidTo',
        'qualificationScope',
      ]),
    );
    expect(fields).not.toContain('name');
    expect(fields).not.toContain('introduction');
    expect(res.json().detail).toContain('请输入法定代表人');
  });

  it('refuses a 市州 instead of a 区县, unknown 行业类别, an empty list and dates the wrong way round', async () => {
    const { admin, creditCode } = await draftAgency();
    const city = await save(
      admin,
      profile(creditCode, { regionCode: '510100', industryCategories: ['nope'] }),
    );
    expect(city.statusCode).toBe(400);
    expect(
      city
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['industryCategories', 'regionCode']);
    const empty = await save(admin, profile(creditCode, { industryCategories: [] }));
    expect(empty.json().errors).toEqual([{ field: 'industryCategories', message: '请至少选择一个行业类别' }]);
    const dates = await save(
      admin,
      profile(creditCode, { cmaValidFrom: '2030-01-01', cmaValidTo: '2029-01-01' }),
    );
    expect(dates.json().errors).toEqual([{ field: 'cmaValidTo', message: 'CMA 有效期至应晚于有效期起' }]);
  });

  it('mirrors onto a never-approved agency at once', async () => {
    const { admin, creditCode } = await draftAgency();
    const res = await save(admin, profile(creditCode));
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.inForce).toMatchObject({
      officeAddress: '四川省成都市锦江区红星路一段1号5楼',
      regionName: '锦江区',
    });
    expect(view.pending).toMatchObject({ status: 'draft', changes: [] });
    expect(view.status).toBe('draft');
    expect(view.actions).toEqual(['save', 'submit']);
  });
});

describe('提交审核 → 审核通过', () => {
  it('refuses without the required attachments, naming them; then the regulator approves', async () => {
    const { agency, admin, creditCode } = await draftAgency();
    const regulator = await session({ role: 'regulator', regionCode: '510100' });
    await save(admin, profile(creditCode));
    await uploadAll(admin, agency.id, ['qualification']);

    const refused = await submit(admin);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail).toBe(
      '请先上传以下必传附件：营业执照、授权签字证明、全国危险废物鉴别信息公开服务平台注册成功页面截图',
    );
    expect((await getProfile(admin)).json().missingAttachments.map((m: { code: string }) => m.code)).toEqual([
      'business_license',
      'signatory_authorization',
      'national_platform_screenshot',
    ]);

    await uploadAll(admin, agency.id, requiredCategories.slice(1));
    const submitted = await submit(admin);
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      pending: { status: 'submitted' },
      actions: [],
    });
    expect((await submit(admin)).statusCode).toBe(409);
    expect((await save(admin, profile(creditCode))).statusCode).toBe(409);

    const queue = (await call(regulator, 'GET', '/api/v1/reviews/agencies?status=submitted')).json();
    const item = queue.items.find((i: { agencyId: string }) => i.agencyId === agency.id);
    expect(item).toMatchObject({
      isFirst: true,
      agencyName: '成都新设鉴别检测有限公司',
      regionName: '锦江区',
    });

    const detail = (await call(regulator, 'GET', `/api/v1/reviews/agencies/${item.revisionId}`)).json();
    expect(detail.attachments).toHaveLength(4);
    expect(detail.actions).toEqual(['approve', 'return']);
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['submit']);

    const approved = await call(regulator, 'POST', `/api/v1/reviews/agencies/${item.revisionId}/approve`);
    expect(approved.statusCode).toBe(200);
    expect(approved.json().actions).toEqual([]);
    expect(
      (await call(regulator, 'POST', `/api/v1/reviews/agencies/${item.revisionId}/approve`)).statusCode,
    ).toBe(409);

    const view = (await getProfile(admin)).json();
    expect(view).toMatchObject({ status: 'approved', pending: null, actions: ['save'] });
    expect(view.approvedAt).not.toBeNull();
    expect(view.history.map((h: { action: string }) => h.action)).toEqual(['approve', 'submit']);
  });
});

describe('an approved agency edits', () => {
  it('keeps the approved version in force until the change is approved', async () => {
    const creditCode = randomCreditCode('510104');
    const agency = await buildAgency(env.platform, { ...profile(creditCode), status: 'approved' });
    const admin = await session({ role: 'agency_admin', agencyId: agency.id });
    const regulator = await session({ role: 'regulator', regionCode: '510000' });
    await uploadAll(admin, agency.id);

    const unchanged = await save(admin, profile(creditCode));
    expect(unchanged.statusCode).toBe(200);
    expect((await submit(admin)).json().detail).toBe('与现行机构信息相比没有修改，无需提交审核');

    const saved = (await save(admin, profile(creditCode, { officeAddress: '成都市锦江区新址88号' }))).json();
    expect(saved.inForce.officeAddress).toBe('四川省成都市锦江区红星路一段1号5楼');
    expect(saved.pending.changes).toEqual([
      {
        field: 'officeAddress',
        label: '办公地址',
        before: '四川省成都市锦江区红星路一段1号5楼',
        after: '成都市锦江区新址88号',
      },
    ]);
    const submitted = (await submit(admin)).json();
    expect(submitted.status).toBe('approved');
    const other = await env.app.inject({
      method: 'GET',
      url: `/api/v1/agencies/${agency.id}`,
      headers: as(regulator),
    });
    expect(other.json().status).toBe('approved');

    const queue = (await call(regulator, 'GET', '/api/v1/reviews/agencies')).json();
    const item = queue.items.find((i: { agencyId: string }) => i.agencyId === agency.id);
    expect(item).toMatchObject({ isFirst: false, changedFields: ['办公地址'] });
    const detail = (await call(regulator, 'GET', `/api/v1/reviews/agencies/${item.revisionId}`)).json();
    expect(detail.inForce.officeAddress).toBe('四川省成都市锦江区红星路一段1号5楼');
    expect(detail.revision.changes.map((c: { field: string }) => c.field)).toEqual(['officeAddress']);

    await call(regulator, 'POST', `/api/v1/reviews/agencies/${item.revisionId}/approve`);
    expect((await getProfile(admin)).json().inForce.officeAddress).toBe('成都市锦江区新址88号');
    const audit = rowsOf<{ action: string; after: Record<string, unknown> }>(
      await env.platform.db.execute(
        sql`select action, "after" from audit_log where target_id = ${item.revisionId} order by id`,
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['agency.profile_submitted', 'agency.profile_approved']);
    expect(audit[1]?.after).toMatchObject({ officeAddress: '成都市锦江区新址88号' });
  });
});

describe('退回 → 修改 → 重新提交', () => {
  it('the agency sees the reason and resubmits; the reason is required', async () => {
    const { agency, admin, creditCode } = await draftAgency();
    const regulator = await session({ role: 'regulator', regionCode: '510104' });
    await save(admin, profile(creditCode));
    await uploadAll(admin, agency.id);
    const revisionId = (await submit(admin)).json().pending.id as string;

    const noReason = await call(regulator, 'POST', `/api/v1/reviews/agencies/${revisionId}/return`, {
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(400);
    const returned = await call(regulator, 'POST', `/api/v1/reviews/agencies/${revisionId}/return`, {
      reason: '资质认定范围与证书不符',
    });
    expect(returned.statusCode).toBe(200);
    expect((await call(regulator, 'POST', `/api/v1/reviews/agencies/${revisionId}/approve`)).statusCode).toBe(
      409,
    );

    const seen = (await getProfile(admin)).json();
    expect(seen).toMatchObject({
      status: 'returned',
      pending: { id: revisionId, status: 'returned', returnReason: '资质认定范围与证书不符' },
      actions: ['save', 'submit'],
    });
    expect(seen.history[0]).toMatchObject({
      action: 'return',
      actionLabel: '退回',
      reason: '资质认定范围与证书不符',
    });

    await save(admin, profile(creditCode, { qualificationScope: '危险废物鉴别（浸出毒性）' }));
    const again = (await submit(admin)).json();
    expect(again).toMatchObject({ status: 'submitted', pending: { id: revisionId, status: 'submitted' } });
    expect(again.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'return', 'submit']);
  });
});

describe('scope', () => {
  it('a regulator of another region gets 404; another agency cannot read the profile', async () => {
    const { agency, admin, creditCode } = await draftAgency();
    const mianyang = await session({ role: 'regulator', regionCode: '510700' });
    await save(admin, profile(creditCode));
    await uploadAll(admin, agency.id);
    const revisionId = (await submit(admin)).json().pending.id as string;

    const queue = (await call(mianyang, 'GET', '/api/v1/reviews/agencies')).json();
    expect(queue.items.map((i: { agencyId: string }) => i.agencyId)).not.toContain(agency.id);
    expect((await call(mianyang, 'GET', `/api/v1/reviews/agencies/${revisionId}`)).statusCode).toBe(404);
    expect((await call(mianyang, 'POST', `/api/v1/reviews/agencies/${revisionId}/approve`)).statusCode).toBe(
      404,
    );

    const other = await draftAgency();
    const mine = (await getProfile(other.admin)).json();
    expect(mine.agencyId).toBe(other.agency.id);
    expect(JSON.stringify(mine)).not.toContain(agency.id);
  });

  it('lists the queue oldest submission first, paged', async () => {
    const regulator = await session({ role: 'regulator', regionCode: '510000' });
    const first = await draftAgency();
    const second = await draftAgency();
    for (const a of [first, second]) {
      await save(a.admin, profile(a.creditCode, { name: `排序测试${a.creditCode}` }));
      await uploadAll(a.admin, a.agency.id);
      await submit(a.admin);
      env.clock.advance(60_000);
    }
    const all = (await call(regulator, 'GET', '/api/v1/reviews/agencies?pageSize=100')).json();
    const ids = all.items.map((i: { agencyId: string }) => i.agencyId);
    expect(ids.indexOf(first.agency.id)).toBeLessThan(ids.indexOf(second.agency.id));
    const page = (await call(regulator, 'GET', '/api/v1/reviews/agencies?page=1&pageSize=1')).json();
    expect(page).toMatchObject({ page: 1, pageSize: 1, total: all.total });
    expect(page.items).toHaveLength(1);
  });
});

describe('isAgencyApproved', () => {
  it('is true once a version is in force, also while a change is pending', () => {
    expect(isAgencyApproved({ status: 'draft', approvedAt: null })).toBe(false);
    expect(isAgencyApproved({ status: 'submitted', approvedAt: null })).toBe(false);
    expect(isAgencyApproved({ status: 'returned', approvedAt: null })).toBe(false);
    expect(isAgencyApproved({ status: 'approved', approvedAt: new Date() })).toBe(true);
    expect(isAgencyApproved({ status: 'approved', approvedAt: null })).toBe(true);
  });
});
