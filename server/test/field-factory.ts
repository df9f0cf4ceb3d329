import { randomUUID } from 'node:crypto';
import type { AssignmentPost, DeviceClock } from '@eco/contracts';
import { projectAssignments, projectItems } from '../src/modules/projects/projects.tables.ts';
import { buildAgency, buildSignedInUser } from './factories.ts';
import type { Session, TestEnv } from './harness.ts';
import { buildProject } from './project-factory.ts';
import { buildStaffRecord } from './staff.ts';

/** A field account: its staff record and a logged-in session. */
export type FieldPerson = { personnelId: string; userId: string; session: Session };

/** An approved agency with one open project, one 监测点位, and a signed-in sampler, courier and analyst on it. */
export type FieldScene = {
  agencyId: string;
  projectId: string;
  itemId: string;
  /** The project site (WGS-84). */
  site: { latitude: number; longitude: number };
  sampler: FieldPerson;
  courier: FieldPerson;
  analyst: FieldPerson;
  /** The agency's 法人 account, signed in. */
  admin: { id: string; session: Session };
};

/** A staff member holding `posts`, with a field_staff account, logged in. */
export async function buildFieldPerson(
  env: TestEnv,
  agencyId: string,
  posts: string[],
  name = '王小军',
): Promise<FieldPerson> {
  const staff = await buildStaffRecord(env.platform, { agencyId, posts, name });
  const user = await buildSignedInUser(env, { role: 'field_staff', agencyId, personnelId: staff.id });
  return { personnelId: staff.id, userId: user.id, session: user.session };
}

/** Assigns a staff member to an item of a project under one post. */
export async function assignToProject(
  env: TestEnv,
  input: { projectId: string; itemId: string; personnelId: string; post: AssignmentPost },
): Promise<void> {
  await env.platform.db.insert(projectAssignments).values(input);
}

/** The whole cast of a field task: agency, project, point and the three posts. */
export async function buildFieldScene(
  env: TestEnv,
  options: { regionCode?: string; status?: 'in_progress' | 'submitted' | 'returned' | 'approved' } = {},
): Promise<FieldScene> {
  const agency = await buildAgency(env.platform, { regionCode: options.regionCode ?? '510104' });
  const admin = await buildSignedInUser(env, { role: 'agency_admin', agencyId: agency.id });
  const project = await buildProject(env.platform.db, {
    agencyId: agency.id,
    createdBy: admin.id,
    regionCode: options.regionCode,
    status: options.status,
  });
  const [item] = await env.platform.db
    .insert(projectItems)
    .values({
      projectId: project.id,
      position: 1,
      pointName: '1号废渣堆场',
      medium: '固体废物',
      factors: '浸出毒性、腐蚀性',
      frequency: '1次',
      sampleCount: 4,
    })
    .returning();
  if (!item) throw new Error('item not created');
  const sampler = await buildFieldPerson(env, agency.id, ['sampler'], '王强');
  const courier = await buildFieldPerson(env, agency.id, ['courier'], '赵磊');
  const analyst = await buildFieldPerson(env, agency.id, ['analyst'], '陈静');
  for (const [person, post] of [
    [sampler, 'sampler'],
    [courier, 'courier'],
    [analyst, 'analyst'],
  ] as const) {
    await assignToProject(env, {
      projectId: project.id,
      itemId: item.id,
      personnelId: person.personnelId,
      post,
    });
  }
  return {
    agencyId: agency.id,
    projectId: project.id,
    itemId: item.id,
    site: { latitude: project.latitude, longitude: project.longitude },
    sampler,
    courier,
    analyst,
    admin,
  };
}

/** A clock report as the app sends it: anchored at the server's time `elapsedMs` ago. */
export function deviceClockAt(now: Date, elapsedMs = 1000): DeviceClock {
  const anchor = new Date(now.getTime() - elapsedMs).toISOString();
  return { deviceTime: now.toISOString(), anchorServerTime: anchor, anchorDeviceTime: anchor, elapsedMs };
}

export const newId = randomUUID;
