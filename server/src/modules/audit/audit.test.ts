import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { as, createTestEnv, login, type Session, type TestEnv } from '../../../test/harness.ts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { Actor } from '../../platform/context.ts';

let env: TestEnv;
let chengdu: { id: string; name: string };
let mianyang: { id: string; name: string };
let writer: { id: string; username: string; displayName: string; password: string };
const sessions: Record<string, Session> = {};
/** A target type only this file writes, so other records never get in the way. */
const targetType = 'audit_test_thing';

type Row = {
  id: number;
  action: string;
  targetId: string | null;
  agencyId: string | null;
  agencyName: string | null;
  actorName: string | null;
  actorUsername: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
};

async function write(input: {
  actor: Actor | null;
  at: string;
  action: string;
  targetId: string;
  agencyId: string | null;
  after?: Record<string, unknown>;
}) {
  await env.platform.db.transaction((tx) =>
    appendAudit(
      tx,
      {
        actor: input.actor,
        meta: { ip: '127.0.0.1', userAgent: 'test', requestId: null },
        now: () => new Date(input.at),
      },
      {
        action: input.action,
        targetType,
        targetId: input.targetId,
        agencyId: input.agencyId,
        before: { status: 'submitted' },
        after: input.after ?? { status: 'approved' },
      },
    ),
  );
}

beforeAll(async () => {
  env = await createTestEnv();
  chengdu = await buildAgency(env.platform, { regionCode: '510104', name: '成都审计测试中心' });
  mianyang = await buildAgency(env.platform, { regionCode: '510703', name: '绵阳审计测试中心' });
  writer = await buildUser(env.platform, {
    role: 'agency_admin',
    agencyId: chengdu.id,
    username: 'audit_writer_01',
  });
  const make = async (key: string, input: Parameters<typeof buildUser>[1]) => {
    const u = await buildUser(env.platform, input);
    sessions[key] = await login(env.app, u.username, u.password);
  };
  await make('province', { role: 'regulator', regionCode: '510000' });
  await make('city', { role: 'regulator', regionCode: '510100' });
  await make('sysadmin', { role: 'sysadmin' });
  await make('agency', { role: 'agency_admin', agencyId: chengdu.id });
  await make('registrar', { role: 'agency_registrar', agencyId: chengdu.id });

  const actor: Actor = {
    userId: writer.id,
    username: writer.username,
    displayName: writer.displayName,
    role: 'agency_admin',
    agencyId: chengdu.id,
    personnelId: null,
    regionCode: null,
  };
  await write({
    actor,
    at: '2026-03-01T02:00:00Z',
    action: 'audit_test.saved',
    targetId: 'a-1',
    agencyId: chengdu.id,
  });
  await write({
    actor,
    at: '2026-03-05T02:00:00Z',
    action: 'audit_test.approved',
    targetId: 'a-2',
    agencyId: chengdu.id,
  });
  await write({
    actor: null,
    at: '2026-03-10T02:00:00Z',
    action: 'audit_test.saved',
    targetId: 'b-1',
    agencyId: mianyang.id,
  });
});
afterAll(() => env.close());

const get = (key: string, query: Record<string, string>) =>
  env.app.inject({
    method: 'GET',
    url: `/api/v1/audit?${new URLSearchParams({ targetType, pageSize: '100', ...query })}`,
    headers: as(sessions[key] as Session),
  });
const rows = async (key: string, query: Record<string, string> = {}) => {
  const res = await get(key, query);
  expect(res.statusCode).toBe(200);
  return (res.json() as { items: Row[] }).items;
};
const targetIds = (items: Row[]) => items.map((r) => r.targetId).sort();

describe('audit search: who may ask', () => {
  it('refuses anonymous callers, agency roles and bad filters', async () => {
    expect((await env.app.inject({ method: 'GET', url: '/api/v1/audit' })).statusCode).toBe(401);
    expect((await get('agency', {})).statusCode).toBe(403);
    expect((await get('registrar', { agencyId: chengdu.id })).statusCode).toBe(403);
    const verify = await env.app.inject({
      method: 'GET',
      url: '/api/v1/audit/verify',
      headers: as(sessions.agency as Session),
    });
    expect(verify.statusCode).toBe(403);
    expect((await get('sysadmin', { agencyId: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await get('sysadmin', { from: 'yesterday-ish' })).statusCode).toBe(400);
  });
});

describe('audit search: filters', () => {
  it('returns before/after, the actor’s username and the agency’s name', async () => {
    const [row] = await rows('sysadmin', { targetId: 'a-2' });
    expect(row).toMatchObject({
      action: 'audit_test.approved',
      agencyId: chengdu.id,
      agencyName: '成都审计测试中心',
      actorName: writer.displayName,
      actorUsername: 'audit_writer_01',
      before: { status: 'submitted' },
      after: { status: 'approved' },
    });
  });

  it('finds the actor by part of the name or of the username', async () => {
    expect(targetIds(await rows('sysadmin', { actor: 'writer_0' }))).toEqual(['a-1', 'a-2']);
    expect(targetIds(await rows('sysadmin', { actor: writer.displayName }))).toEqual(['a-1', 'a-2']);
    expect(await rows('sysadmin', { actor: '100%_nobody' })).toEqual([]);
  });

  it('finds a login, written before there is a session, by the username it names', async () => {
    await login(env.app, writer.username, writer.password);
    const items = await rows('sysadmin', { targetType: 'user', action: 'auth.login', actor: 'audit_writer' });
    expect(items.map((r) => r.targetId)).toEqual([writer.id]);
  });

  it('filters by agency, target, action and time range', async () => {
    expect(targetIds(await rows('sysadmin', { agencyId: mianyang.id }))).toEqual(['b-1']);
    expect(targetIds(await rows('sysadmin', { targetId: 'a-1' }))).toEqual(['a-1']);
    expect(targetIds(await rows('sysadmin', { action: 'audit_test.saved' }))).toEqual(['a-1', 'b-1']);
    expect(
      targetIds(await rows('sysadmin', { from: '2026-03-04T16:00:00.000Z', to: '2026-03-10T15:59:59.999Z' })),
    ).toEqual(['a-2', 'b-1']);
    expect(
      targetIds(await rows('sysadmin', { action: 'audit_test.saved', from: '2026-03-02T00:00:00.000Z' })),
    ).toEqual(['b-1']);
  });

  it('keeps a regulator to its region, whatever agency it asks for', async () => {
    expect(targetIds(await rows('province'))).toEqual(['a-1', 'a-2', 'b-1']);
    expect(targetIds(await rows('city'))).toEqual(['a-1', 'a-2']);
    expect(await rows('city', { agencyId: mianyang.id })).toEqual([]);
  });
});
