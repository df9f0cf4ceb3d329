import {
  assignmentPosts,
  type FieldProjectDetail,
  type FieldProjectListQuery,
  type FieldProjectSummary,
  type FieldSummary,
  type Page,
  type ProjectStatus,
} from '@eco/contracts';
import type { AuthedContext } from '../../platform/context.ts';
import { forbidden, notFound } from '../../platform/errors.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import { listProjectItems } from '../projects/project-detail.queries.ts';
import { findFieldProject } from './field-access.ts';
import {
  countFieldProjects,
  type FieldProjectRow,
  type FieldStaffScope,
  findAssignedProject,
  searchFieldProjects,
} from './field-projects.queries.ts';
import { listFieldTaskSummaries } from './field-task-detail.ts';

/** The field app shows a person only the projects they are assigned to, in their own agency. */
function fieldStaffScope(ctx: AuthedContext): FieldStaffScope {
  const { role, agencyId, personnelId } = ctx.actor;
  if (role !== 'field_staff' || !agencyId || !personnelId) throw forbidden('只有监测人员可以使用监测业务');
  return { agencyId, personnelId };
}

async function monitoringTypeLabels(ctx: AuthedContext): Promise<Map<string, string>> {
  const rows = await listDictItems(ctx.db, 'monitoring_type');
  return new Map(rows.map((r) => [r.code, r.label]));
}

function toFieldProjectSummary(row: FieldProjectRow, labels: Map<string, string>): FieldProjectSummary {
  const held = row.posts ?? [];
  return {
    id: row.id,
    projectNo: row.projectNo,
    name: row.name,
    status: row.status as ProjectStatus,
    monitoringType: row.monitoringType,
    monitoringTypeLabel: labels.get(row.monitoringType) ?? row.monitoringType,
    address: row.address,
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    taskCount: row.taskCount,
    endedTaskCount: row.endedTaskCount,
    myPosts: assignmentPosts.filter((p) => held.includes(p)),
  };
}

/** 在行项目 / 完成项目数: a page of the person's projects, newest first. */
export async function listFieldProjects(
  ctx: AuthedContext,
  query: FieldProjectListQuery,
): Promise<Page<FieldProjectSummary>> {
  const [{ items, total }, labels] = await Promise.all([
    searchFieldProjects(ctx.db, fieldStaffScope(ctx), query),
    monitoringTypeLabels(ctx),
  ]);
  return {
    items: items.map((row) => toFieldProjectSummary(row, labels)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** 首页 counts of 在行项目 and 完成项目. */
export async function getFieldSummary(ctx: AuthedContext): Promise<FieldSummary> {
  const { active, done } = await countFieldProjects(ctx.db, fieldStaffScope(ctx));
  return { activeProjectCount: active, doneProjectCount: done };
}

/** A project of the person's, with its points and tasks; 404 when they are not assigned to it. */
export async function getFieldProject(ctx: AuthedContext, projectId: string): Promise<FieldProjectDetail> {
  const row = await findAssignedProject(ctx.db, fieldStaffScope(ctx), projectId);
  const project = row ? await findFieldProject(ctx.db, projectId) : null;
  if (!row || !project) throw notFound('项目');
  const [labels, items, tasks] = await Promise.all([
    monitoringTypeLabels(ctx),
    listProjectItems(ctx.db, projectId),
    listFieldTaskSummaries(ctx.db, project),
  ]);
  const summary = toFieldProjectSummary(row, labels);
  const isOpen = project.status === 'in_progress' || project.status === 'returned';
  return {
    ...summary,
    longitude: row.longitude,
    latitude: row.latitude,
    items: items.map((i) => ({ id: i.id, pointName: i.pointName, medium: i.medium, factors: i.factors })),
    tasks,
    canCreateTask: isOpen && summary.myPosts.includes('sampler'),
  };
}
