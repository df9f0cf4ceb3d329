import type { ViolationStatus } from '@eco/contracts';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildAgency, buildUser } from '../../../test/factories.ts';
import { buildFieldPerson } from '../../../test/field-factory.ts';
import { createTestEnv, type TestEnv } from '../../../test/harness.ts';
import { buildProject } from '../../../test/project-factory.ts';
import { violations } from '../violations/violations.tables.ts';
import { deadlineJobLockKey, runDeadlineJob } from './deadline-job.ts';
import { notifications } from './notifications.tables.ts';

/** PGlite has one connection: a second session cannot hold the lock while the job runs there. */
const isPostgres = inject('testDb').kind === 'postgres';
let env: TestEnv;
let agencyId: string;
let agencyUsers: string[];
let cityRegulator: string;
let provinceRegulator: string;
let farRegulator: string;
let outsiders: string[];

beforeAll(async () => {
  env = await createTestEnv();
  agencyId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  const otherAgencyId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
  const user = async (input: Parameters<typeof buildUser>[1]) => (await buildUser(env.platform, input)).id;
  agencyUsers = [
    await user({ role: 'agency_admin', agencyId }),
    await user({ role: 'agency_registrar', agencyId }),
  ];
  cityRegulator = await user({ role: 'regulator', regionCode: '510100' });
  provinceRegulator = await user({ role: 'regulator', regionCode: '510000' });
  farRegulator = await user({ role: 'regulator', regionCode: '510700' });
  const fieldStaff = await buildFieldPerson(env, agencyId, ['sampler']);
  outsiders = [
    farRegulator,
    fieldStaff.userId,
    await user({ role: 'agency_admin', agencyId: otherAgencyId }),
  ];
});
afterAll(() => env.close());

/** 10:00 in Shanghai on `day`. */
const morningOf = (day: string) => new Date(`${day}T02:00:00Z`);

async function buildViolation(input: {
  deadline: string;
  status?: ViolationStatus;
  projectId?: string;
  agencyId?: string;
}): Promise<string> {
  const [row] = await env.platform.db
    .insert(violations)
    .values({
      agencyId: input.agencyId ?? agencyId,
      projectId: input.projectId ?? null,
      regionCode: '510104',
      problem: '危险废物鉴别采样点位数量不足',
      rule: '《危险废物鉴别技术规范》HJ 298-2019 第5条',
      deadline: input.deadline,
      status: input.status ?? 'pending',
      issuedBy: provinceRegulator,
      issuedAt: env.clock.now(),
    })
    .returning({ id: violations.id });
  if (!row) throw new Error('violation not created');
  return row.id;
}

/** Who got a message of `kind` about the violation, one entry per message row. */
async function recipientsOf(violationId: string, kind: string): Promise<string[]> {
  const rows = await env.platform.db
    .select({ userId: notifications.userId })
    .from(notifications)
    .where(and(eq(notifications.targetId, violationId), eq(notifications.kind, kind)));
  return rows.map((r) => r.userId).sort();
}

/** Two server processes running the job at the same moment. */
async function runTwoWorkers(at: Date) {
  const [a, b] = await Promise.all([
    runDeadlineJob(env.platform.db, at),
    runDeadlineJob(env.platform.db, at),
  ]);
  return { soon: a.soon + b.soon, passed: a.passed + b.passed };
}

const sorted = (ids: string[]) => [...ids].sort();

describe('整改期限 reminders', () => {
  it('sends each reminder exactly once with two workers, and 逾期 once when time moves on', async () => {
    const project = await buildProject(env.platform.db, {
      agencyId,
      createdBy: agencyUsers[0] ?? '',
      name: '攀钢废渣鉴别项目',
    });
    const soon = await buildViolation({ deadline: '2026-05-12', projectId: project.id });
    const later = await buildViolation({ deadline: '2026-05-20' });
    const overdue = await buildViolation({ deadline: '2026-05-09' });
    const submitted = await buildViolation({ deadline: '2026-05-08', status: 'submitted' });
    const accepted = await buildViolation({ deadline: '2026-05-11', status: 'accepted' });
    const everyoneOverdue = sorted([...agencyUsers, cityRegulator, provinceRegulator]);

    expect(await runTwoWorkers(morningOf('2026-05-10'))).toEqual({ soon: 2, passed: 4 });
    expect(await recipientsOf(soon, 'deadline_soon')).toEqual(sorted(agencyUsers));
    expect(await recipientsOf(overdue, 'deadline_passed')).toEqual(everyoneOverdue);
    for (const id of [later, submitted, accepted]) {
      expect(await recipientsOf(id, 'deadline_soon')).toEqual([]);
      expect(await recipientsOf(id, 'deadline_passed')).toEqual([]);
    }
    const [message] = await env.platform.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.targetId, soon), eq(notifications.kind, 'deadline_soon')));
    expect(message).toMatchObject({
      title: '整改期限临近',
      link: `/rectifications/${soon}`,
      dedupeKey: `violation:${soon}:deadline_soon:2026-05-12`,
    });
    expect(message?.body).toContain('攀钢废渣鉴别项目');
    expect(message?.body).toContain('2026-05-12');

    expect(await runTwoWorkers(morningOf('2026-05-10'))).toEqual({ soon: 0, passed: 0 });

    // 23:59 on the deadline day in Shanghai is still within the 整改期限.
    expect(await runTwoWorkers(new Date('2026-05-12T15:59:00Z'))).toEqual({ soon: 0, passed: 0 });
    // 00:30 the next day it is overdue: agency and the region's regulators, once.
    expect(await runTwoWorkers(new Date('2026-05-12T16:30:00Z'))).toEqual({ soon: 0, passed: 4 });
    expect(await recipientsOf(soon, 'deadline_passed')).toEqual(everyoneOverdue);
    const links = await env.platform.db
      .select({ userId: notifications.userId, link: notifications.link })
      .from(notifications)
      .where(and(eq(notifications.targetId, soon), eq(notifications.kind, 'deadline_passed')));
    for (const { userId, link } of links) {
      const isRegulator = userId === cityRegulator || userId === provinceRegulator;
      expect(link).toBe(isRegulator ? `/violations/${soon}` : `/rectifications/${soon}`);
    }
    expect(await runTwoWorkers(morningOf('2026-05-14'))).toEqual({ soon: 0, passed: 0 });

    expect(await runTwoWorkers(morningOf('2026-05-17'))).toEqual({ soon: 2, passed: 0 });
    expect(await recipientsOf(later, 'deadline_soon')).toEqual(sorted(agencyUsers));

    const stray = await env.platform.db
      .select({ total: count() })
      .from(notifications)
      .where(inArray(notifications.userId, outsiders));
    expect(stray[0]?.total).toBe(0);
  });

  it('a violation answered before its deadline gets no 逾期 message', async () => {
    const id = await buildViolation({ deadline: '2026-06-03' });
    expect((await runDeadlineJob(env.platform.db, morningOf('2026-06-01'))).soon).toBe(2);
    await env.platform.db.update(violations).set({ status: 'submitted' }).where(eq(violations.id, id));
    await runTwoWorkers(morningOf('2026-06-10'));
    expect(await recipientsOf(id, 'deadline_passed')).toEqual([]);
  });

  it.runIf(isPostgres)('skips the scan while another process holds the job lock', async () => {
    const id = await buildViolation({ deadline: '2026-06-20' });
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    let signalLocked = () => {};
    const locked = new Promise<void>((resolve) => {
      signalLocked = resolve;
    });
    const holder = env.platform.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${deadlineJobLockKey})`);
      signalLocked();
      await released;
    });
    await locked;
    expect(await runDeadlineJob(env.platform.db, morningOf('2026-06-18'))).toEqual({ soon: 0, passed: 0 });
    release();
    await holder;
    expect((await runDeadlineJob(env.platform.db, morningOf('2026-06-18'))).soon).toBe(2);
    expect(await recipientsOf(id, 'deadline_soon')).toEqual(sorted(agencyUsers));
  });

  it('works through more violations than one batch', async () => {
    const bulkAgencyId = (await buildAgency(env.platform, { regionCode: '510104' })).id;
    const admin = (await buildUser(env.platform, { role: 'agency_admin', agencyId: bulkAgencyId })).id;
    await env.platform.db.insert(violations).values(
      Array.from({ length: 520 }, (_, i) => ({
        agencyId: bulkAgencyId,
        regionCode: '510104',
        problem: `监测原始记录缺失${i}`,
        rule: '《环境监测数据弄虚作假行为判定及处理办法》',
        deadline: i % 2 === 0 ? '2026-07-02' : '2026-07-03',
        issuedBy: provinceRegulator,
        issuedAt: env.clock.now(),
      })),
    );
    expect((await runTwoWorkers(morningOf('2026-07-01'))).soon).toBe(520);
    const [row] = await env.platform.db
      .select({ total: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, admin), eq(notifications.kind, 'deadline_soon')));
    expect(row?.total).toBe(520);
  });
});
