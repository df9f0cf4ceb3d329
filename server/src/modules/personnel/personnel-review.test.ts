import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { createTestEnv, login, type Session, type TestEnv } from '../../../test/harness.ts';
import { idNumberFor, personnelApi, staffInput } from './personnel.fixtures.ts';

let env: TestEnv;
let api: ReturnType<typeof personnelApi>;
let admin: Session;
let mianyangAdmin: Session;
let cityRegulator: Session;
let provinceRegulator: Session;
let mianyangRegulator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  api = personnelApi(env);
  const chengdu = await buildAgency(env.platform, { regionCode: '510104' });
  const mianyang = await buildAgency(env.platform, { regionCode: '510703' });
  const mk = async (input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(env.platform, input);
    return login(env.app, u.username, u.password);
  };
  admin = await mk({ role: 'agency_admin', agencyId: chengdu.id });
  mianyangAdmin = await mk({ role: 'agency_admin', agencyId: mianyang.id });
  cityRegulator = await mk({ role: 'regulator', regionCode: '510100' });
  provinceRegulator = await mk({ role: 'regulator', regionCode: '510000' });
  mianyangRegulator = await mk({ role: 'regulator', regionCode: '510700' });
});
afterAll(() => env.close());

const approve = (s: Session, id: string) => api.post(s, `/api/v1/reviews/personnel/${id}/approve`);
const giveBack = (s: Session, id: string, reason?: string) =>
  api.post(s, `/api/v1/reviews/personnel/${id}/return`, reason === undefined ? {} : { reason });

describe('人员审核', () => {
  it('lists pending staff of the regulator’s region only, oldest first', async () => {
    const first = (await api.create(admin, staffInput(1, { name: '先提交' }))).json();
    env.clock.advance(60_000);
    const second = (await api.create(admin, staffInput(2, { name: '后提交' }))).json();
    const far = (await api.create(mianyangAdmin, staffInput(3, { name: '绵阳人员' }))).json();
    const city = (await api.get(cityRegulator, '/api/v1/reviews/personnel')).json();
    expect(city.items.map((i: { id: string }) => i.id)).toEqual([first.id, second.id]);
    expect(city.items[0].agencyName).toContain('测试检测机构');
    const province = (await api.get(provinceRegulator, '/api/v1/reviews/personnel?pageSize=10')).json();
    expect(province.total).toBe(3);
    expect(
      (await api.get(mianyangRegulator, '/api/v1/reviews/personnel'))
        .json()
        .items.map((i: { id: string }) => i.id),
    ).toEqual([far.id]);
    expect((await api.get(admin, '/api/v1/reviews/personnel')).statusCode).toBe(403);
  });

  it('approves once; a second decision is 409; another region gets 404', async () => {
    const staff = (await api.create(admin, staffInput(10))).json();
    expect((await approve(mianyangRegulator, staff.id)).statusCode).toBe(404);
    expect((await approve(admin, staff.id)).statusCode).toBe(403);
    const ok = await approve(cityRegulator, staff.id);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', isApproved: true });
    expect((await approve(provinceRegulator, staff.id)).statusCode).toBe(409);
    expect((await giveBack(provinceRegulator, staff.id, '资料不全')).statusCode).toBe(409);
  });

  it('returns with a reason (required), and the agency sees it in the history', async () => {
    const staff = (await api.create(admin, staffInput(11))).json();
    const noReason = await giveBack(cityRegulator, staff.id);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].field).toBe('reason');
    const res = await giveBack(cityRegulator, staff.id, '身份证复印件不清晰');
    expect(res.json()).toMatchObject({
      status: 'returned',
      returnReason: '身份证复印件不清晰',
      isApproved: false,
    });
    const history = (await api.get(admin, `/api/v1/personnel/${staff.id}/history`)).json().items;
    expect(history[0]).toMatchObject({ action: 'return', actionLabel: '退回', reason: '身份证复印件不清晰' });
    expect((await api.get(cityRegulator, `/api/v1/personnel/${staff.id}/history`)).statusCode).toBe(200);
    // Saving again resubmits it.
    const again = await api.update(admin, staff.id, { ...staffInput(11), idNumber: '', mobile: '' });
    expect(again.json()).toMatchObject({ status: 'submitted', returnReason: null });
  });

  it('an edit of an approved record keeps the approved values in force until approval', async () => {
    const staff = (await api.create(admin, staffInput(20, { name: '原姓名', title: '工程师' }))).json();
    await approve(cityRegulator, staff.id);
    const edit = await api.update(admin, staff.id, {
      ...staffInput(20, { name: '新姓名', title: '高级工程师' }),
      idNumber: idNumberFor(21),
      mobile: '',
    });
    expect(edit.statusCode).toBe(200);
    expect(edit.json()).toMatchObject({
      name: '原姓名',
      title: '工程师',
      status: 'submitted',
      isApproved: true,
    });
    expect(edit.json().pendingChanges.map((c: { field: string }) => c.field)).toEqual([
      'name',
      'idNumber',
      'title',
    ]);
    const listed = (await api.get(admin, `/api/v1/personnel?name=${encodeURIComponent('原姓名')}`)).json();
    expect(listed.total).toBe(1);
    // The pending ID number is reserved: nobody else in the agency may take it meanwhile.
    const taken = await api.create(admin, staffInput(22, { idNumber: idNumberFor(21) }));
    expect(taken.json().errors).toEqual([{ field: 'idNumber', message: '该身份证号已在本机构登记' }]);

    // Returned: the approved values still hold.
    await giveBack(cityRegulator, staff.id, '职称证明缺失');
    const returned = (await api.get(admin, `/api/v1/personnel/${staff.id}`)).json();
    expect(returned).toMatchObject({ name: '原姓名', status: 'returned', isApproved: true });

    await api.update(admin, staff.id, {
      ...staffInput(20, { name: '新姓名', title: '高级工程师' }),
      idNumber: '',
      mobile: '',
    });
    const approved = (await approve(cityRegulator, staff.id)).json();
    expect(approved).toMatchObject({
      name: '新姓名',
      title: '高级工程师',
      status: 'approved',
      pendingChanges: [],
    });
    expect(approved.idNumberMasked).toBe(`5***************${idNumberFor(21).slice(-2)}`);
    const history = (await api.get(admin, `/api/v1/personnel/${staff.id}/history`)).json().items;
    expect(history.map((r: { action: string }) => r.action)).toEqual([
      'approve',
      'submit',
      'return',
      'submit',
      'approve',
      'submit',
    ]);
    const audit = (await api.get(cityRegulator, `/api/v1/audit?targetId=${staff.id}`)).json().items;
    expect(audit[0]).toMatchObject({
      action: 'personnel.approved',
      before: { name: '原姓名', status: 'submitted' },
      after: { name: '新姓名', status: 'approved' },
    });
  });

  it('an edit that changes nothing on an approved record leaves it approved', async () => {
    const staff = (await api.create(admin, staffInput(30))).json();
    await approve(cityRegulator, staff.id);
    const same = await api.update(admin, staff.id, { ...staffInput(30), idNumber: '', mobile: '' });
    expect(same.json()).toMatchObject({ status: 'approved', pendingChanges: [] });
  });
});
