import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { createTestEnv, login, rowsOf, type Session, type TestEnv } from '../../../test/harness.ts';
import { idNumberFor, personnelApi, staffInput } from './personnel.fixtures.ts';

let env: TestEnv;
let api: ReturnType<typeof personnelApi>;
let admin: Session;
let registrar: Session;
let otherAdmin: Session;
let cityRegulator: Session;
let mianyangRegulator: Session;
let agencyId: string;

beforeAll(async () => {
  env = await createTestEnv();
  api = personnelApi(env);
  const agency = await buildAgency(env.platform, { regionCode: '510104' });
  const other = await buildAgency(env.platform, { regionCode: '510703' });
  agencyId = agency.id;
  const mk = async (input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(env.platform, input);
    return login(env.app, u.username, u.password);
  };
  admin = await mk({ role: 'agency_admin', agencyId: agency.id });
  registrar = await mk({ role: 'agency_registrar', agencyId: agency.id });
  otherAdmin = await mk({ role: 'agency_admin', agencyId: other.id });
  cityRegulator = await mk({ role: 'regulator', regionCode: '510100' });
  mianyangRegulator = await mk({ role: 'regulator', regionCode: '510700' });
});
afterAll(() => env.close());

describe('who may call', () => {
  it('401 without login, 403 for a registrar and a regulator on the staff list', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/personnel' })).statusCode).toBe(401);
    expect((await api.get(registrar, '/api/v1/personnel')).statusCode).toBe(403);
    expect((await api.create(registrar, staffInput(900))).statusCode).toBe(403);
    expect((await api.get(cityRegulator, '/api/v1/personnel')).statusCode).toBe(403);
  });

  it('403 without the CSRF token', async () => {
    const res = await env.app.inject({
      method: 'POST',
      url: '/api/v1/personnel',
      headers: { cookie: admin.cookie },
      payload: staffInput(901),
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('添加', () => {
  it('names every missing required field', async () => {
    const res = await api.create(admin, {});
    expect(res.statusCode).toBe(400);
    const fields = res
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(['education', 'gender', 'idNumber', 'mobile', 'name', 'posts', 'title']);
    const messages = res.json().errors.map((e: { message: string }) => e.message);
    expect(messages).toContain('请输入姓名');
    expect(messages).toContain('请输入身份证号');
  });

  it('refuses a wrong ID number check digit, an unknown post and a bad mobile', async () => {
    const good = idNumberFor(1);
    const bad = good.slice(0, 17) + (good.endsWith('1') ? '2' : '1');
    const res = await api.create(admin, staffInput(1, { idNumber: bad, mobile: '12345' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual(
      expect.arrayContaining([
        { field: 'idNumber', message: '身份证号格式、出生日期或校验位不正确' },
        { field: 'mobile', message: '手机号格式不正确' },
      ]),
    );
    const post = await api.create(admin, staffInput(1, { posts: ['astronaut'] }));
    expect(post.statusCode).toBe(400);
    expect(post.json().errors[0].field).toBe('posts');
  });

  it('saves, submits for review, and keeps the ID number only encrypted and masked', async () => {
    const input = staffInput(2, { name: '张三丰', idNumber: idNumberFor(2).toLowerCase() });
    const res = await api.create(admin, input);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const saved = res.json();
    expect(saved).toMatchObject({
      name: '张三丰',
      status: 'submitted',
      hasAccount: false,
      isApproved: false,
    });
    expect(saved.idNumberMasked).toMatch(/^5\*{15}\w{2}$/);
    expect(saved.mobileMasked).toBe('138****0002');
    expect(JSON.stringify(saved)).not.toContain(idNumberFor(2));

    const dump = rowsOf<{ t: string }>(
      await env.platform.db.execute('select row_to_json(p)::text as t from personnel p'),
    );
    const all = dump.map((r) => r.t).join('\n');
    expect(all).not.toContain(idNumberFor(2));
    expect(all).not.toContain(input.mobile);
    const audit = rowsOf<{ t: string }>(
      await env.platform.db.execute('select row_to_json(a)::text as t from audit_log a'),
    );
    expect(audit.map((r) => r.t).join('\n')).not.toContain(idNumberFor(2));
  });

  it('refuses a duplicate ID number in the same agency, allows it in another', async () => {
    await api.create(admin, staffInput(3));
    const dup = await api.create(admin, staffInput(4, { idNumber: idNumberFor(3) }));
    expect(dup.statusCode).toBe(400);
    expect(dup.json().errors).toEqual([{ field: 'idNumber', message: '该身份证号已在本机构登记' }]);
    expect((await api.create(otherAdmin, staffInput(4, { idNumber: idNumberFor(3) }))).statusCode).toBe(201);
  });
});

describe('查询 and 导出', () => {
  let ids: string[] = [];
  beforeAll(async () => {
    const people = [
      staffInput(10, { name: '欧阳明华', gender: '男', title: '高级工程师' }),
      staffInput(11, { name: '李明', gender: '女', title: '工程师' }),
      staffInput(12, { name: '王小明', gender: '男', title: '工程师', posts: ['sampler', 'analyst'] }),
      staffInput(13, { name: '赵四_%', gender: '女', title: '技术员' }),
    ];
    ids = [];
    for (const p of people) ids.push((await api.create(otherAdmin, p)).json().id);
  });

  it('filters by a Chinese name fragment, gender and title, only within the own agency', async () => {
    const byName = await api.get(otherAdmin, `/api/v1/personnel?name=${encodeURIComponent('明')}`);
    expect(byName.statusCode).toBe(200);
    expect(byName.headers['cache-control']).toBe('no-store');
    expect(
      byName
        .json()
        .items.map((i: { name: string }) => i.name)
        .sort(),
    ).toEqual(['李明', '欧阳明华', '王小明']);
    const both = await api.get(
      otherAdmin,
      `/api/v1/personnel?name=${encodeURIComponent('明')}&gender=${encodeURIComponent('男')}&title=${encodeURIComponent('工程师')}`,
    );
    expect(both.json().items.map((i: { name: string }) => i.name)).toEqual(['王小明']);
    const wildcard = await api.get(otherAdmin, `/api/v1/personnel?name=${encodeURIComponent('%')}`);
    expect(wildcard.json().items.map((i: { name: string }) => i.name)).toEqual(['赵四_%']);
    const mine = await api.get(admin, `/api/v1/personnel?name=${encodeURIComponent('明')}`);
    expect(mine.json().total).toBe(0);
  });

  it('pages and sorts on the server, with masked ID numbers and 监测账号', async () => {
    const first = (await api.get(otherAdmin, '/api/v1/personnel?page=1&pageSize=2&sort=name')).json();
    const second = (await api.get(otherAdmin, '/api/v1/personnel?page=2&pageSize=2&sort=name')).json();
    expect(first.total).toBe(5);
    expect(first.items).toHaveLength(2);
    const names = [...first.items, ...second.items].map((i: { name: string }) => i.name);
    expect(new Set(names).size).toBe(4);
    for (const item of first.items) {
      expect(item.idNumberMasked).toMatch(/^\d\*+\w{2}$/);
      expect(item.hasAccount).toBe(false);
    }
  });

  it('lists the titles used in the agency', async () => {
    const res = await api.get(otherAdmin, '/api/v1/personnel/titles');
    expect(res.json().items).toEqual(['高级工程师', '工程师', '技术员'].sort());
  });

  it('exports every row of the query (all pages) as .xlsx with Chinese headers and masked IDs', async () => {
    const res = await api.get(
      otherAdmin,
      `/api/v1/personnel/export?gender=${encodeURIComponent('男')}&sort=name`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('监测人员.xlsx')}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('监测人员');
    const rows: string[][] = [];
    sheet?.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)));
    expect(rows[0]).toEqual([
      '姓名',
      '性别',
      '身份证号',
      '手机号',
      '职称',
      '岗位职能',
      '学历',
      '审核状态',
      '监测账号',
    ]);
    const list = (
      await api.get(otherAdmin, `/api/v1/personnel?gender=${encodeURIComponent('男')}&sort=name&pageSize=100`)
    ).json();
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.items.map((i: { name: string }) => i.name));
    const wang = rows.find((r) => r[0] === '王小明');
    expect(wang).toEqual([
      '王小明',
      '男',
      expect.stringMatching(/^5\*{15}\w{2}$/),
      '138****0012',
      '工程师',
      '采样人员、实验室分析人员',
      '本科',
      '待审核',
      '无',
    ]);
    expect(res.rawPayload.toString('latin1')).not.toContain(idNumberFor(12));
  });

  it('exports in keyset batches beyond one batch, in the list order', async () => {
    const many = await buildAgency(env.platform, { regionCode: '510104' });
    const u = await buildUser(env.platform, { role: 'agency_admin', agencyId: many.id });
    const s = await login(env.app, u.username, u.password);
    const values = Array.from({ length: 1203 }, (_, i) => {
      const n = i + 100;
      return `('${many.id}', '人员${String(n).padStart(4, '0')}', '${i % 2 ? '男' : '女'}', 'x', 'h${n}', 'm', 'x', 'h', '138****0000', '工程师', '["sampler"]', 'bachelor', 'approved', now() - (${i % 7} || ' seconds')::interval)`;
    });
    await env.platform.db.execute(
      `insert into personnel (agency_id, name, gender, id_number_enc, id_number_hash, id_number_masked, mobile_enc, mobile_hash, mobile_masked, title, posts, education, status, created_at) values ${values.join(',')}`,
    );
    const res = await api.get(s, '/api/v1/personnel/export?sort=-createdAt');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const names: string[] = [];
    workbook.getWorksheet('监测人员')?.eachRow((row, i) => {
      if (i > 1) names.push(String(row.getCell(1).value));
    });
    expect(names).toHaveLength(1203);
    expect(new Set(names).size).toBe(1203);
    const firstPage = (await api.get(s, '/api/v1/personnel?sort=-createdAt&pageSize=100')).json();
    expect(names.slice(0, 100)).toEqual(firstPage.items.map((i: { name: string }) => i.name));
  });
});

describe('查看, 编辑, 删除 across agencies', () => {
  let id: string;
  beforeAll(async () => {
    id = (await api.create(admin, staffInput(20, { name: '孙悟空' }))).json().id;
  });

  it('another agency’s admin gets 404 on get, edit, delete and history', async () => {
    expect((await api.get(otherAdmin, `/api/v1/personnel/${id}`)).statusCode).toBe(404);
    expect((await api.update(otherAdmin, id, staffInput(20))).statusCode).toBe(404);
    expect((await api.remove(otherAdmin, id)).statusCode).toBe(404);
    expect((await api.get(otherAdmin, `/api/v1/personnel/${id}/history`)).statusCode).toBe(404);
    expect((await api.get(mianyangRegulator, `/api/v1/personnel/${id}`)).statusCode).toBe(404);
  });

  it('查看 shows every field with no-store; a regulator of the region reads it too', async () => {
    const res = await api.get(admin, `/api/v1/personnel/${id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({
      name: '孙悟空',
      gender: '男',
      title: '工程师',
      posts: ['sampler'],
      education: 'bachelor',
    });
    expect((await api.get(cityRegulator, `/api/v1/personnel/${id}`)).statusCode).toBe(200);
  });

  it('编辑 of an unreviewed record changes it in place; empty ID number keeps the stored one', async () => {
    const res = await api.update(admin, id, {
      ...staffInput(20, { name: '孙大圣' }),
      idNumber: '',
      mobile: '',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '孙大圣', status: 'submitted', pendingChanges: [] });
    expect(res.json().mobileMasked).toBe('138****0020');
  });

  it('删除 hides the record and disables its account; history and audit stay', async () => {
    const [linked] = rowsOf<{ id: string }>(
      await env.platform.db.execute(
        `insert into users (username, display_name, password_hash, role, agency_id, personnel_id) values ('m_${id.slice(0, 8)}', '孙大圣', 'x', 'field_staff', '${agencyId}', '${id}') returning id`,
      ),
    );
    const listed = (await api.get(admin, `/api/v1/personnel?name=${encodeURIComponent('孙')}`)).json();
    expect(listed.items[0].hasAccount).toBe(true);
    expect((await api.remove(admin, id)).statusCode).toBe(204);
    expect((await api.get(admin, `/api/v1/personnel?name=${encodeURIComponent('孙')}`)).json().total).toBe(0);
    expect((await api.get(admin, `/api/v1/personnel/${id}`)).statusCode).toBe(404);
    expect((await api.remove(admin, id)).statusCode).toBe(404);
    const history = await api.get(admin, `/api/v1/personnel/${id}/history`);
    expect(history.json().items.map((r: { action: string }) => r.action)).toEqual(['submit', 'submit']);
    const [user] = rowsOf<{ disabled_at: string | null }>(
      await env.platform.db.execute(`select disabled_at from users where id = '${linked?.id}'`),
    );
    expect(user?.disabled_at).not.toBeNull();
    const audit = await api.get(cityRegulator, `/api/v1/audit?targetId=${id}`);
    expect(audit.json().items.map((r: { action: string }) => r.action)).toEqual([
      'personnel.deleted',
      'personnel.updated',
      'personnel.created',
    ]);
    expect(audit.json().items[0].after.disabledAccounts).toEqual([linked?.id]);
  });

  it('the ID number of a deleted person may be registered again', async () => {
    expect((await api.create(admin, staffInput(21, { idNumber: idNumberFor(20) }))).statusCode).toBe(201);
  });
});
