import type { Notification } from '@eco/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildSignedInUser } from '../../../test/factories.ts';
import { buildFieldPerson } from '../../../test/field-factory.ts';
import { as, createTestEnv, type Session, type TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { buildStaffRecord } from '../../../test/staff.ts';
import { agencyRevisions } from '../agencies/agency-revisions.tables.ts';
import { type NewNotification, notifyUsers } from './notify.ts';

let env: TestEnv;
let agencyId: string;
let admin: { id: string; session: Session };
let registrar: { id: string; session: Session };
let otherAdmin: { id: string; session: Session };
let regulator: Session;

beforeAll(async () => {
  env = await createTestEnv();
  env.clock.set(new Date('2026-05-10T02:00:00Z'));
  agencyId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  const otherAgencyId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  admin = await buildSignedInUser(env, { role: 'agency_admin', agencyId });
  registrar = await buildSignedInUser(env, { role: 'agency_registrar', agencyId });
  otherAdmin = await buildSignedInUser(env, { role: 'agency_admin', agencyId: otherAgencyId });
  regulator = (await buildSignedInUser(env, { role: 'regulator', regionCode: '510100' })).session;
});
afterAll(() => env.close());

type NotificationPage = { items: Notification[]; total: number; unread: number };

const get = (s: Session | null, url: string) =>
  env.app.inject({ method: 'GET', url, headers: s ? as(s) : {} });
const post = (s: Session | null, url: string, payload?: object) =>
  env.app.inject({ method: 'POST', url, headers: s ? as(s) : {}, ...(payload ? { payload } : {}) });
const listOf = async (s: Session, query = ''): Promise<NotificationPage> =>
  (await get(s, `/api/v1/notifications${query}`)).json();
const unreadOf = async (s: Session): Promise<number> =>
  (await get(s, '/api/v1/notifications/unread-count')).json().unread;

let seq = 0;
/** Sends one message to `userIds`, a minute after the previous one. */
async function send(userIds: string[], overrides: Partial<NewNotification> = {}): Promise<string> {
  seq += 1;
  env.clock.advance(60_000);
  const dedupeKey = overrides.dedupeKey ?? `test:${seq}`;
  await notifyUsers(
    env.platform.db,
    userIds,
    {
      kind: 'violation_issued',
      title: `消息${seq}`,
      body: `正文${seq}`,
      link: null,
      dedupeKey,
      ...overrides,
    },
    env.clock.now(),
  );
  return `消息${seq}`;
}

describe('guards', () => {
  it('answers 401 without a session and 400 for a malformed id', async () => {
    expect((await get(null, '/api/v1/notifications')).statusCode).toBe(401);
    expect((await get(null, '/api/v1/notifications/unread-count')).statusCode).toBe(401);
    expect((await post(null, '/api/v1/notifications/read-all')).statusCode).toBe(401);
    expect((await post(admin.session, '/api/v1/notifications/not-a-uuid/read')).statusCode).toBe(400);
    expect((await get(admin.session, '/api/v1/notifications?isUnread=maybe')).statusCode).toBe(400);
  });
});

describe('我的消息', () => {
  it('lists only the caller’s messages, newest first, with the unread count and the 未读 filter', async () => {
    const user = await buildSignedInUser(env, { role: 'agency_admin', agencyId });
    const first = await send([user.id]);
    const second = await send([user.id, otherAdmin.id]);
    const third = await send([user.id]);
    const page = await listOf(user.session);
    expect(page.items.map((n) => n.title)).toEqual([third, second, first]);
    expect(page).toMatchObject({ total: 3, unread: 3 });
    expect(page.items[0]).toMatchObject({ kind: 'violation_issued', body: expect.any(String), readAt: null });
    const paged = await listOf(user.session, '?page=2&pageSize=2');
    expect(paged.items.map((n) => n.title)).toEqual([first]);
    expect(paged.total).toBe(3);

    const id = page.items[1]?.id ?? '';
    expect((await post(user.session, `/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect(await unreadOf(user.session)).toBe(2);
    const unread = await listOf(user.session, '?isUnread=true');
    expect(unread.items.map((n) => n.title)).toEqual([third, first]);
    const read = await listOf(user.session, '?isUnread=false');
    expect(read.items.map((n) => n.title)).toEqual([second]);
    const readAt = read.items[0]?.readAt;
    expect(readAt).toBe(env.clock.now().toISOString());

    env.clock.advance(60_000);
    expect((await post(user.session, `/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect((await listOf(user.session, '?isUnread=false')).items[0]?.readAt).toBe(readAt);
    // The same message to the other agency's admin is still unread there.
    expect((await listOf(otherAdmin.session)).items.find((n) => n.title === second)?.readAt).toBeNull();
  });

  it('answers 404 for another user’s message and leaves it unread', async () => {
    const title = await send([otherAdmin.id]);
    const theirs = (await listOf(otherAdmin.session)).items.find((n) => n.title === title);
    const id = theirs?.id ?? '';
    const res = await post(admin.session, `/api/v1/notifications/${id}/read`);
    expect(res.statusCode).toBe(404);
    expect((await post(admin.session, `/api/v1/notifications/${crypto.randomUUID()}/read`)).statusCode).toBe(
      404,
    );
    expect((await listOf(otherAdmin.session)).items.find((n) => n.id === id)?.readAt).toBeNull();
    expect((await listOf(admin.session)).items.some((n) => n.id === id)).toBe(false);
  });

  it('全部已读 marks every unread message of the caller only', async () => {
    const user = await buildSignedInUser(env, { role: 'agency_registrar', agencyId });
    const other = await buildSignedInUser(env, { role: 'agency_registrar', agencyId });
    await send([user.id, other.id]);
    await send([user.id]);
    expect(await unreadOf(user.session)).toBe(2);
    expect((await post(user.session, '/api/v1/notifications/read-all')).statusCode).toBe(204);
    expect(await unreadOf(user.session)).toBe(0);
    expect((await listOf(user.session, '?isUnread=true')).total).toBe(0);
    expect(await unreadOf(other.session)).toBe(1);
    expect((await post(user.session, '/api/v1/notifications/read-all')).statusCode).toBe(204);
  });

  it('lets field staff read and mark their own messages', async () => {
    const person = await buildFieldPerson(env, agencyId, ['sampler']);
    const title = await send([person.userId], { kind: 'project_reviewed' });
    const page = await listOf(person.session);
    expect(page.items.map((n) => n.title)).toEqual([title]);
    const id = page.items[0]?.id ?? '';
    expect((await post(person.session, `/api/v1/notifications/${id}/read`)).statusCode).toBe(204);
    expect(await unreadOf(person.session)).toBe(0);
  });

  it('sends one event once to each user, however often it is sent', async () => {
    const user = await buildSignedInUser(env, { role: 'agency_admin', agencyId });
    await send([user.id, user.id], { dedupeKey: 'test:same-event' });
    await send([user.id], { dedupeKey: 'test:same-event' });
    expect((await listOf(user.session)).total).toBe(1);
  });
});

/** The caller's messages of one kind, newest first. */
async function messagesAbout(s: Session, kind: Notification['kind']): Promise<Notification[]> {
  return (await listOf(s, '?pageSize=100')).items.filter((n) => n.kind === kind);
}

describe('审核结果 messages', () => {
  it('项目: approval and return (with the reason) reach the agency’s web accounts, not other agencies', async () => {
    const approved = await buildProject(env.platform.db, {
      agencyId,
      createdBy: admin.id,
      status: 'submitted',
      name: '攀钢废渣鉴别项目',
    });
    expect((await post(regulator, `/api/v1/projects/${approved.id}/approve`)).statusCode).toBe(200);
    env.clock.advance(60_000);
    const returned = await buildProject(env.platform.db, {
      agencyId,
      createdBy: admin.id,
      status: 'submitted',
      name: '川化污泥鉴别项目',
    });
    const reason = '鉴别报告结论依据不足';
    expect((await post(regulator, `/api/v1/projects/${returned.id}/return`, { reason })).statusCode).toBe(
      200,
    );

    for (const s of [admin.session, registrar.session]) {
      const [ret, ok] = await messagesAbout(s, 'project_reviewed');
      expect(ok).toMatchObject({ title: '项目审核通过', link: `/projects/${approved.id}` });
      expect(ok?.body).toContain('攀钢废渣鉴别项目');
      expect(ret).toMatchObject({ title: '项目被退回', link: `/projects/${returned.id}` });
      expect(ret?.body).toContain('川化污泥鉴别项目');
      expect(ret?.body).toContain(reason);
    }
    expect(await messagesAbout(otherAdmin.session, 'project_reviewed')).toEqual([]);
  });

  it('人员: a return carries the staff name and the reason', async () => {
    const staff = await buildStaffRecord(env.platform, { agencyId, status: 'submitted', name: '李采样' });
    const res = await post(regulator, `/api/v1/reviews/personnel/${staff.id}/return`, {
      reason: '身份证复印件不清晰',
    });
    expect(res.statusCode).toBe(200);
    const [message] = await messagesAbout(admin.session, 'personnel_reviewed');
    expect(message).toMatchObject({ title: '监测人员被退回', link: '/personnel', readAt: null });
    expect(message?.body).toContain('李采样');
    expect(message?.body).toContain('身份证复印件不清晰');
  });

  it('机构: a return of the profile carries the proposed name and the reason', async () => {
    const draft = await buildAgency(env.platform, { regionCode: '510104', status: 'submitted' });
    const draftAdmin = await buildSignedInUser(env, { role: 'agency_admin', agencyId: draft.id });
    const [revision] = await env.platform.db
      .insert(agencyRevisions)
      .values({
        agencyId: draft.id,
        status: 'submitted',
        data: { name: '成都新设鉴别检测有限公司', creditCode: draft.creditCode, regionCode: '510104' },
        submittedAt: env.clock.now(),
      })
      .returning();
    const revisionId = revision?.id ?? '';
    const res = await post(regulator, `/api/v1/reviews/agencies/${revisionId}/return`, {
      reason: '营业执照已过期',
    });
    expect(res.statusCode).toBe(200);
    const [message] = await messagesAbout(draftAdmin.session, 'agency_reviewed');
    expect(message).toMatchObject({ title: '机构信息被退回', link: '/agency' });
    expect(message?.body).toContain('成都新设鉴别检测有限公司');
    expect(message?.body).toContain('营业执照已过期');
    expect(await messagesAbout(admin.session, 'agency_reviewed')).toEqual([]);
  });
});
