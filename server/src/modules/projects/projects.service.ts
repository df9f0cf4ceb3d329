import {
  type AssignableStaff,
  assignmentPosts,
  isProjectOpen,
  isProjectRegistrar,
  type Page,
  type ProjectListQuery,
  type ProjectStatus,
  type ProjectSummary,
  projectStatusLabels,
} from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import { regulatorRegion } from '../../platform/auth/scope.ts';
import type { Actor, AuthedContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { listAssignableStaffRows } from '../personnel/personnel.assignments.ts';
import { toProjectSummary } from './project-detail.ts';
import { canReadProject } from './projects.policy.ts';
import {
  findProject,
  findProjectForUpdate,
  type ProjectRow,
  type ProjectScope,
  releaseProjectReports,
  searchProjects,
  softDeleteProject,
} from './projects.queries.ts';

export const targetType = 'project';

/** Whose projects the caller sees: an agency its own, a regulator those sited in its region. */
export function projectScopeOf(actor: Actor): ProjectScope {
  if (isProjectRegistrar(actor.role) && actor.agencyId) return { agencyId: actor.agencyId };
  const region = regulatorRegion(actor);
  if (region) return { regionCode: region };
  throw forbidden('无权查询项目');
}

/** 查询统计: a page of the projects in the caller's scope, filtered and sorted on the server. */
export async function listProjects(
  ctx: AuthedContext,
  query: ProjectListQuery,
): Promise<Page<ProjectSummary> & { isTotalCapped: boolean }> {
  const { page, pageSize, ...filter } = query;
  const { items, total, isTotalCapped } = await searchProjects(ctx.db, projectScopeOf(ctx.actor), filter, {
    page,
    pageSize,
  });
  return { items: items.map(toProjectSummary), total, isTotalCapped, page, pageSize };
}

/** 删除 is the agency's, and only while 未完成 or 退回; a submitted or approved project stays. */
function assertDeletable(actor: Actor, project: ProjectRow): void {
  if (!isProjectRegistrar(actor.role) || actor.agencyId !== project.agencyId) {
    throw forbidden('只有本机构的机构法人账号和登记人员可以删除项目');
  }
  const status = project.status as ProjectStatus;
  if (!isProjectOpen(status)) {
    throw new AppError('INVALID_STATE', `${projectStatusLabels[status] ?? status}的项目只能查看，不能删除`);
  }
}

/**
 * 删除: hides the project (deleted_at) from lists and detail and frees its report numbers; the
 * row, its files and the audit trail stay.
 */
export async function deleteProject(ctx: AuthedContext, id: string): Promise<void> {
  const project = await findProject(ctx.db, id);
  if (!project || !canReadProject(ctx.actor, project)) throw notFound('项目');
  assertDeletable(ctx.actor, project);
  await ctx.db.transaction(async (tx) => {
    const row = await findProjectForUpdate(tx, id);
    if (!row) throw notFound('项目');
    assertDeletable(ctx.actor, row);
    const now = ctx.now();
    const deleted = await softDeleteProject(tx, id, row.status, now);
    if (!deleted) throw new AppError('CONFLICT', '项目已被修改，请刷新后重试');
    const freedReportNumbers = await releaseProjectReports(tx, id);
    await appendAudit(tx, ctx, {
      action: 'project.deleted',
      targetType,
      targetId: id,
      agencyId: row.agencyId,
      before: { projectNo: row.projectNo, name: row.name, status: row.status },
      after: { deletedAt: now.toISOString(), freedReportNumbers },
    });
  });
}

/** The staff a 监测信息 item may assign, with the assignable posts each holds. */
export async function getAssignableStaff(ctx: AuthedContext): Promise<AssignableStaff[]> {
  if (!isProjectRegistrar(ctx.actor.role) || !ctx.actor.agencyId) {
    throw forbidden('只有机构法人账号和登记人员可以登记项目');
  }
  const rows = await listAssignableStaffRows(ctx.db, ctx.actor.agencyId);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    posts: assignmentPosts.filter((p) => r.posts.includes(p)),
  }));
}
