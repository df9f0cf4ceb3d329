import { checkPassword } from '@eco/contracts';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, rowsOf, type Session, type TestEnv } from '../../../test/harness.ts';
import { randomMobile, requestCode } from '../../../test/sms.ts';
import { buildStaffRecord } from '../../../test/staff.ts';
import { generateInitialPassword } from './initial-password.ts';

let env: TestEnv;
let admin: Session;
let registrar: Session;
let otherAdmin: Session;
let agencyId: string;

beforeAll(async () => {
  env = await createTestEnv({ SMS_IP_LIMIT_PER_HOUR: '1000' });
  const agency = await buildAgency(env.platform);
  const other = await buildAgency(env.platform);
  agencyId = agency.id;
  const mk = async (role: 'agency_admin' | 'agency_registrar', id: string) => {
    const u = await buildUser(env.platform, { role, agencyId: id });
    return login(env.app, u.username, u.password);
  };
  admin = await mk('agency_admin', agency.id);
  registrar = await mk('agency_registrar', agency.id);
  otherAdmin = await mk('agency_admin', other.id);
});
afterAll(() => env.close());

const allocate = (s: Session, personnelId: string, payload: object) =>
  env.app.inject({
    method: 'POST',
    url: `/api/v1/personnel/${personnelId}/account`,
    headers: as(s),
    payload,
  });
const accountOf = (s: Session, personnelId: string) =>
  env.app.inject({ method: 'GET', url: `/api/v1/personnel/${personnelId}/account`, headers: as(s) });

async function withCode() {
  const mobile = randomMobile();
  return { mobile, smsCode: await requestCode(env.app, mobile, 'allocate_account') };
}

describe('账号分配 POST /api/v1/personnel/:id/account', () => {
  it('401 without a session, 403 for a registrar, 404 for another agency’s admin', async () => {
    const staff = await buildStaffRecord(env.platform, { agencyId });
    const body = await withCode();
    const anonymous = await env.app.inject({
      method: 'POST',
      url: `/api/v1/personnel/${staff.id}/account`,
      payload: body,
    });
    expect(anonymous.statusCode).toBe(401);
    expect((await allocate(registrar, staff.id, body)).statusCode).toBe(403);
    const foreign = await allocate(otherAdmin, staff.id, body);
    expect(foreign.statusCode).toBe(404);
    expect((await accountOf(otherAdmin, staff.id)).statusCode).toBe(404);
  });

  it('400 for a wrong code; nothing is created', async () => {
    const staff = await buildStaffRecord(env.platform, { agencyId });
    const body = await withCode();
    const res = await allocate(admin, staff.id, {
      ...body,
      smsCode: body.smsCode === '000000' ? '111111' : '000000',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'smsCode', message: '验证码错误，还可尝试4次' }]);
    expect((await accountOf(admin, staff.id)).json()).toEqual({ hasAccount: false });
  });

  it('creates a field_staff account named by the mobile, with an initial password shown once', async () => {
    const staff = await buildStaffRecord(env.platform, { agencyId, name: '周采样' });
    const body = await withCode();
    const res = await allocate(admin, staff.id, body);
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { username, initialPassword } = res.json();
    expect(username).toBe(body.mobile);
    expect(checkPassword(initialPassword, username)).toBeNull();

    expect((await accountOf(registrar, staff.id)).json()).toEqual({
      hasAccount: true,
      username: body.mobile,
    });
    const session = await login(env.app, username, initialPassword);
    expect(session.user).toMatchObject({
      role: 'field_staff',
      displayName: '周采样',
      mustChangePassword: true,
      agency: { id: agencyId },
    });
    const [row] = rowsOf<{ kind: string; personnel_id: string }>(
      await env.platform.db.execute(sql`select kind, personnel_id from users where username = ${username}`),
    );
    expect(row).toEqual({ kind: 'mobile', personnel_id: staff.id });
    const audit = rowsOf(
      await env.platform.db.execute(
        sql`select 1 from audit_log where action = 'personnel.account_allocated' and target_id = ${staff.id}`,
      ),
    );
    expect(audit).toHaveLength(1);
  });

  it('409 on a second allocation', async () => {
    const staff = await buildStaffRecord(env.platform, { agencyId });
    expect((await allocate(admin, staff.id, await withCode())).statusCode).toBe(201);
    const again = await allocate(admin, staff.id, await withCode());
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('已分配监测账号，不能重复分配');
  });

  it('400 when the mobile already names another account', async () => {
    const first = await buildStaffRecord(env.platform, { agencyId });
    const second = await buildStaffRecord(env.platform, { agencyId });
    const body = await withCode();
    expect((await allocate(admin, first.id, body)).statusCode).toBe(201);
    env.clock.advance(61_000);
    const code = await requestCode(env.app, body.mobile, 'allocate_account');
    env.clock.reset();
    const res = await allocate(admin, second.id, { mobile: body.mobile, smsCode: code });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'mobile' });
  });
});

describe('generateInitialPassword', () => {
  it('always meets the password rules', () => {
    for (let i = 0; i < 200; i++) expect(checkPassword(generateInitialPassword())).toBeNull();
  });
});
