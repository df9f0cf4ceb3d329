import { personWithoutStaffRecordNotice } from '@eco/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, randomCreditCode, randomIdNumber } from '../../../test/factories.ts';
import { as, createTestEnv, login, rowsOf, type Session, type TestEnv } from '../../../test/harness.ts';
import { randomMobile, requestCode } from '../../../test/sms.ts';
import { buildStaffRecord } from '../../../test/staff.ts';

let env: TestEnv;
beforeAll(async () => {
  env = await createTestEnv({ SMS_IP_LIMIT_PER_HOUR: '1000' });
});
afterAll(() => env.close());

let seq = 0;
const password = 'Reg#Pass2026';

async function agencyBody(overrides: Record<string, unknown> = {}) {
  const mobile = (overrides.mobile as string | undefined) ?? randomMobile();
  const smsCode = overrides.smsCode ?? (await requestCode(env.app, mobile, 'register_agency'));
  return {
    agencyName: `成都清源环境检测有限公司${++seq}`,
    creditCode: randomCreditCode('510107'),
    regionCode: '510107',
    legalRepresentative: '赵立新',
    contactPerson: '钱晓红',
    username: `qingyuan${Date.now().toString(36)}${seq}`,
    password,
    ...overrides,
    mobile,
    smsCode,
  };
}

const registerAgency = (payload: object) =>
  env.app.inject({ method: 'POST', url: '/api/v1/registration/agency', payload });
const registerPerson = (payload: object) =>
  env.app.inject({ method: 'POST', url: '/api/v1/registration/person', payload });

function sessionOf(res: Awaited<ReturnType<typeof registerAgency>>): Session {
  const cookie = res.cookies.find((c) => c.name === 'eco_sid');
  if (!cookie) throw new Error('no session cookie');
  const body = res.json();
  return { cookie: `eco_sid=${cookie.value}`, csrfToken: body.csrfToken, user: body.user };
}

describe('POST /api/v1/registration/agency (法人注册)', () => {
  it('creates a draft agency and its 法人账号, logged in, with audit rows', async () => {
    const body = await agencyBody();
    const res = await registerAgency(body);
    expect(res.statusCode).toBe(201);
    const session = sessionOf(res);
    expect(session.user).toMatchObject({
      username: body.username,
      role: 'agency_admin',
      mustChangePassword: false,
      agency: { name: body.agencyName, status: 'draft' },
      notice: null,
    });
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(session) });
    expect(me.json().user.agency.name).toBe(body.agencyName);
    const [user] = rowsOf<{ kind: string; mobile_enc: string; mobile_masked: string }>(
      await env.platform.db.execute(
        sql`select kind, mobile_enc, mobile_masked from users where username = ${body.username}`,
      ),
    );
    expect(user?.kind).toBe('legal_person');
    expect(user?.mobile_enc).not.toContain(body.mobile);
    expect(env.platform.pii.decrypt(user?.mobile_enc ?? '')).toBe(body.mobile);
    const actions = rowsOf<{ action: string }>(
      await env.platform.db.execute(
        sql`select action from audit_log where agency_id = (select agency_id from users where username = ${body.username})`,
      ),
    ).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['agency.registered', 'user.registered']));
    // The chosen password works for a normal login too.
    expect((await login(env.app, body.username, password)).user.role).toBe('agency_admin');
  });

  it('400 for a bad credit code, before any code is checked', async () => {
    const body = await agencyBody({ creditCode: '91510107MA12345678' });
    const res = await registerAgency(body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'creditCode', message: '统一社会信用代码格式或校验位不正确' }),
    ]);
  });

  it('400 naming 统一社会信用代码 / 用户名 when already registered', async () => {
    const existing = await buildAgency(env.platform);
    const first = await agencyBody();
    expect((await registerAgency(first)).statusCode).toBe(201);
    const res = await registerAgency(
      await agencyBody({ creditCode: existing.creditCode, username: first.username }),
    );
    expect(res.statusCode).toBe(400);
    const errors = res.json().errors as Array<{ field: string; message: string }>;
    expect(errors.map((e) => e.field).sort()).toEqual(['creditCode', 'username']);
    expect(errors.find((e) => e.field === 'creditCode')?.message).toContain('统一社会信用代码已注册');
    expect(errors.find((e) => e.field === 'username')?.message).toContain('用户名已被使用');
  });

  it('400 for a region that is not a 区县, and for a weak password', async () => {
    const res = await registerAgency(await agencyBody({ regionCode: '510100', password: 'abcdefgh' }));
    expect(res.statusCode).toBe(400);
    expect((res.json().errors as Array<{ field: string }>).map((e) => e.field).sort()).toEqual([
      'password',
      'regionCode',
    ]);
  });

  it('a wrong code counts down and creates nothing; an expired code is refused; a used code is refused', async () => {
    const body = await agencyBody();
    const wrong = body.smsCode === '000000' ? '111111' : '000000';
    const res = await registerAgency({ ...body, smsCode: wrong });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'smsCode', message: '验证码错误，还可尝试4次' }]);
    const [count] = rowsOf<{ n: number }>(
      await env.platform.db.execute(
        sql`select count(*)::int as n from agencies where credit_code = ${body.creditCode}`,
      ),
    );
    expect(count?.n).toBe(0);

    expect((await registerAgency(body)).statusCode).toBe(201);
    const reuse = await registerAgency({
      ...(await agencyBody()),
      mobile: body.mobile,
      smsCode: body.smsCode,
    });
    expect(reuse.statusCode).toBe(400);
    expect(reuse.json().errors[0].field).toBe('smsCode');

    env.clock.advance(61_000);
    const late = await agencyBody();
    env.clock.advance(6 * 60_000);
    const expired = await registerAgency(late);
    expect(expired.statusCode).toBe(400);
    expect(expired.json().errors).toEqual([{ field: 'smsCode', message: '验证码已过期，请重新获取' }]);
    env.clock.reset();
  });
});

async function personBody(overrides: Record<string, unknown> = {}) {
  const mobile = randomMobile();
  return {
    name: '孙丽娟',
    idNumber: randomIdNumber('510104', '19920315'),
    username: `person${Date.now().toString(36)}${++seq}`,
    password,
    mobile,
    smsCode: await requestCode(env.app, mobile, 'register_person'),
    ...overrides,
  };
}

describe('POST /api/v1/registration/person (个人注册)', () => {
  it('without a 登记人员 record: role person, a notice in me, 403 elsewhere', async () => {
    const body = await personBody();
    const res = await registerPerson(body);
    expect(res.statusCode).toBe(201);
    const session = sessionOf(res);
    expect(session.user).toMatchObject({
      role: 'person',
      agency: null,
      notice: personWithoutStaffRecordNotice,
    });
    const agency = await env.app.inject({
      method: 'GET',
      url: '/api/v1/agencies/current',
      headers: as(session),
    });
    expect(agency.statusCode).toBe(403);
    expect(agency.json().detail).toBe(personWithoutStaffRecordNotice);
    const files = await env.app.inject({ method: 'GET', url: '/api/v1/attachments', headers: as(session) });
    expect(files.statusCode).toBe(403);
    const logout = await env.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: as(session) });
    expect(logout.statusCode).toBe(204);
    const [user] = rowsOf<{ id_number_enc: string; kind: string }>(
      await env.platform.db.execute(
        sql`select id_number_enc, kind from users where username = ${body.username}`,
      ),
    );
    expect(user?.kind).toBe('personal');
    expect(env.platform.pii.decrypt(user?.id_number_enc ?? '')).toBe(body.idNumber);
  });

  it('a second personal account for the same ID number is refused', async () => {
    const body = await personBody();
    expect((await registerPerson(body)).statusCode).toBe(201);
    const again = await registerPerson(await personBody({ idNumber: body.idNumber }));
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0]).toMatchObject({ field: 'idNumber' });
  });

  it('becomes 登记人员 of the agency whose approved staff record has the post, at login and in me', async () => {
    const agency = await buildAgency(env.platform);
    const body = await personBody();
    const registered = sessionOf(await registerPerson(body));
    expect(registered.user.role).toBe('person');

    // A staff record without the 登记人员 post changes nothing.
    await buildStaffRecord(env.platform, {
      agencyId: agency.id,
      idNumber: body.idNumber,
      posts: ['sampler'],
    });
    const stillPerson = await env.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: as(registered),
    });
    expect(stillPerson.json().user.role).toBe('person');

    const other = await buildAgency(env.platform);
    const record = await buildStaffRecord(env.platform, {
      agencyId: other.id,
      idNumber: body.idNumber,
      posts: ['registrar', 'sampler'],
    });
    const me = await env.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: as(registered) });
    expect(me.json().user).toMatchObject({
      role: 'agency_registrar',
      agency: { id: other.id },
      posts: ['registrar', 'sampler'],
      notice: null,
    });
    const fresh = await login(env.app, body.username, password);
    expect(fresh.user.role).toBe('agency_registrar');
    const mine = await env.app.inject({ method: 'GET', url: '/api/v1/agencies/current', headers: as(fresh) });
    expect(mine.statusCode).toBe(200);

    // The record deleted: back to no role, with an audit row for each change.
    await env.platform.db.execute(sql`update personnel set deleted_at = now() where id = ${record.id}`);
    const after = await login(env.app, body.username, password);
    expect(after.user).toMatchObject({ role: 'person', agency: null });
    const changes = rowsOf<{ action: string }>(
      await env.platform.db.execute(
        sql`select action from audit_log where action = 'user.role_resolved' and target_id = ${registered.user.id}`,
      ),
    );
    expect(changes).toHaveLength(2);
  });
});
