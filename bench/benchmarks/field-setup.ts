import { randomUUID } from 'node:crypto';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { fieldTasks } from '../../server/src/modules/field-tasks/field-tasks.tables.ts';
import { projectAssignments, projects } from '../../server/src/modules/projects/projects.tables.ts';
import { users } from '../../server/src/modules/users/users.tables.ts';
import { demoPassword, seedDemoData } from '../../server/src/seed/demo.ts';
import { type BenchEnv, isGeneratedDatabase, openBenchEnv } from '../support.ts';

/** The demo sampler signed in, with a running task on an open project they are assigned to. */
export type FieldBench = {
  env: BenchEnv;
  /** Cookie and CSRF token of the sampler's session: what the field app sends. */
  headers: Record<string, string>;
  taskId: string;
  personnelId: string;
  site: { latitude: number; longitude: number };
  /** Another running task of the same project, for baselines that write beside the platform. */
  newTask: () => Promise<string>;
};

/** Opens the bench app (PGlite or BENCH_DATABASE_URL) with the demo data and a running task. */
export async function openFieldBench(): Promise<FieldBench> {
  const env = await openBenchEnv();
  const { db } = env.platform;
  // The generated million (bench:data) is kept: truncating agencies would cascade to it.
  if (await isGeneratedDatabase()) {
    const [demo] = await db.select().from(users).where(eq(users.username, 'sampler'));
    if (!demo) await seedDemoData(env.platform);
  } else {
    await db.execute(sql`truncate sessions, audit_log, users, personnel, agencies, field_uploads cascade`);
    await seedDemoData(env.platform);
  }
  const login = await env.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username: 'sampler', password: demoPassword },
  });
  const cookie = login.cookies.find((c) => c.name === 'eco_sid');
  if (login.statusCode !== 200 || !cookie) throw new Error(`sampler login failed: ${login.body}`);
  const { csrfToken } = login.json() as { csrfToken: string };
  const [account] = await db.select().from(users).where(eq(users.username, 'sampler'));
  const personnelId = account?.personnelId;
  if (!account || !personnelId) throw new Error('the demo sampler has no staff record');
  const [target] = await db
    .select({
      projectId: projects.id,
      itemId: projectAssignments.itemId,
      agencyId: projects.agencyId,
      latitude: projects.latitude,
      longitude: projects.longitude,
    })
    .from(projectAssignments)
    .innerJoin(projects, eq(projects.id, projectAssignments.projectId))
    .where(
      and(
        eq(projectAssignments.personnelId, personnelId),
        eq(projectAssignments.post, 'sampler'),
        inArray(projects.status, ['in_progress', 'returned']),
      ),
    )
    .limit(1);
  if (!target) throw new Error('no open demo project with the sampler on it');
  const newTask = async () => {
    const id = randomUUID();
    await db.insert(fieldTasks).values({
      id,
      projectId: target.projectId,
      itemId: target.itemId,
      agencyId: target.agencyId,
      status: 'running',
      createdByPersonnelId: personnelId,
      createdBy: account.id,
      createdAt: new Date(),
      startedAt: new Date(),
    });
    return id;
  };
  return {
    env,
    headers: { cookie: `eco_sid=${cookie.value}`, 'x-csrf-token': csrfToken },
    taskId: await newTask(),
    personnelId,
    site: { latitude: target.latitude, longitude: target.longitude },
    newTask,
  };
}

/** A clock report as the app sends it after a sync a second ago. */
export function benchClock(now = new Date()) {
  const anchor = new Date(now.getTime() - 1000).toISOString();
  return {
    deviceTime: now.toISOString(),
    anchorServerTime: anchor,
    anchorDeviceTime: anchor,
    elapsedMs: 1000,
  };
}

/** Mean, p50 and p95 of samples in milliseconds. */
export function summarize(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { mean, p50: Number(at(0.5).toFixed(1)), p95: Number(at(0.95).toFixed(1)) };
}
