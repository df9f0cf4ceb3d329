import {
  type AssignmentPost,
  attachmentTypeExtraSchema,
  availableActions,
  isProjectRegistrar,
  type MonitoringItem,
  type ProjectAction,
  type ProjectDetail,
  type ProjectStatus,
  type ProjectSummary,
  projectWorkflow,
  type ReportSlot,
} from '@eco/contracts';
import type { Actor, AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { notFound } from '../../platform/errors.ts';
import { listOwnerAttachments } from '../attachments/attachments.queries.ts';
import { toAttachment } from '../attachments/attachments.service.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import {
  findProjectWithAgency,
  listProjectAssignments,
  listProjectItems,
  listProjectReviewRows,
  listReportsWithFiles,
} from './project-detail.queries.ts';
import { canHandleProject, canReadProject, canReviewProject } from './projects.policy.ts';
import type { ProjectRow, ProjectSummaryRow } from './projects.queries.ts';

type ProjectRef = { agencyId: string; regionCode: string; status: ProjectStatus };

/**
 * The workflow buttons the caller sees: what the table allows for the status and role, and
 * only on projects the caller handles (own agency) or reviews (own region).
 */
export function projectActionsFor(actor: Actor, project: ProjectRef): ProjectAction[] {
  const isOwnOrInRegion = isProjectRegistrar(actor.role)
    ? canHandleProject(actor, project)
    : canReviewProject(actor, project);
  if (!isOwnOrInRegion) return [];
  return availableActions<ProjectStatus, typeof projectWorkflow>(projectWorkflow, project.status, actor.role);
}

export function toProjectSummary(row: ProjectSummaryRow): ProjectSummary {
  return {
    id: row.id,
    projectNo: row.projectNo,
    name: row.name,
    agencyId: row.agencyId,
    agencyName: row.agencyName,
    monitoringType: row.monitoringType,
    monitoringNature: row.monitoringNature,
    regionCode: row.regionCode,
    clientName: row.clientName,
    status: row.status as ProjectStatus,
    returnReason: row.returnReason,
    createdAt: row.createdAt.toISOString(),
    submittedAt: row.submittedAt?.toISOString() ?? null,
  };
}

async function monitoringItemsOf(db: Db, projectId: string): Promise<MonitoringItem[]> {
  const [items, assignments] = await Promise.all([
    listProjectItems(db, projectId),
    listProjectAssignments(db, projectId),
  ]);
  const staffOf = (itemId: string, post: AssignmentPost) =>
    assignments
      .filter((a) => a.itemId === itemId && a.post === post)
      .map((a) => ({ id: a.personnelId, name: a.name }));
  return items.map((item) => ({
    id: item.id,
    pointName: item.pointName,
    medium: item.medium,
    factors: item.factors,
    frequency: item.frequency,
    sampleCount: item.sampleCount,
    samplers: staffOf(item.id, 'sampler'),
    couriers: staffOf(item.id, 'courier'),
    analysts: staffOf(item.id, 'analyst'),
  }));
}

/**
 * One slot per report type the project's 监测类型 calls for (a type naming no 监测类型 applies
 * to all), in dictionary order, each with the report registered for it; a report whose type no
 * longer applies still shows, so nothing uploaded is hidden.
 */
async function reportSlotsOf(db: Db, project: ProjectRow): Promise<ReportSlot[]> {
  const [types, reports] = await Promise.all([
    listDictItems(db, 'attachment_type'),
    listReportsWithFiles(db, project.id),
  ]);
  const labels = new Map(types.map((t) => [t.code, t.label]));
  const reportOf = (category: string): ReportSlot['report'] => {
    const found = reports.find((r) => r.report.category === category);
    if (!found) return null;
    const { report, attachment } = found;
    return {
      id: report.id,
      category,
      categoryLabel: labels.get(category) ?? category,
      reportNumber: report.reportNumber,
      attachmentId: attachment.id,
      fileName: attachment.fileName,
      size: attachment.size,
      sha256: attachment.sha256,
      uploadedAt: attachment.uploadedAt.toISOString(),
    };
  };
  const slots: ReportSlot[] = [];
  for (const type of types) {
    const extra = attachmentTypeExtraSchema.safeParse(type.extra);
    if (!type.isEnabled || !extra.success || extra.data.scope !== 'report') continue;
    const applies = extra.data.monitoringTypes?.includes(project.monitoringType) ?? true;
    if (!applies) continue;
    slots.push({
      category: type.code,
      label: type.label,
      required: extra.data.required,
      report: reportOf(type.code),
    });
  }
  for (const { report } of reports) {
    if (slots.some((s) => s.category === report.category)) continue;
    slots.push({
      category: report.category,
      label: labels.get(report.category) ?? report.category,
      required: false,
      report: reportOf(report.category),
    });
  }
  return slots;
}

/**
 * 办理 / 查看: everything about one project the caller may read (own agency, or sited in the
 * regulator's region); otherwise NOT_FOUND, so existence is never revealed.
 */
export async function getProjectDetail(ctx: AuthedContext, id: string): Promise<ProjectDetail> {
  const found = await findProjectWithAgency(ctx.db, id);
  if (!found || !canReadProject(ctx.actor, found.project)) throw notFound('项目');
  const { project, agency } = found;
  const ref = { ...project, status: project.status as ProjectStatus };
  const [items, files, reports, reviews] = await Promise.all([
    monitoringItemsOf(ctx.db, id),
    listOwnerAttachments(ctx.db, 'project', id),
    reportSlotsOf(ctx.db, project),
    listProjectReviewRows(ctx.db, id),
  ]);
  const canHandle = canHandleProject(ctx.actor, ref);
  return {
    ...toProjectSummary({ ...project, agencyName: agency.name }),
    address: project.address,
    longitude: project.longitude,
    latitude: project.latitude,
    plannedStart: project.plannedStart,
    plannedEnd: project.plannedEnd,
    description: project.description,
    entrustCategory: project.entrustCategory,
    client: {
      name: project.clientName,
      creditCode: project.clientCreditCode,
      contact: project.clientContact,
      phone: project.clientPhone,
      email: project.clientEmail,
      address: project.clientAddress,
    },
    isSubcontracted: project.isSubcontracted,
    subcontractorName: project.subcontractorName,
    contractNumber: project.contractNumber,
    contractAmount: project.contractAmount,
    contractSignedOn: project.contractSignedOn,
    trainingDate: project.trainingDate,
    trainingContent: project.trainingContent,
    trainingParticipants: project.trainingParticipants,
    agency,
    items,
    attachments: files.map((f) => toAttachment(f.attachment, f.categoryLabel)),
    reports,
    reviews: reviews.map((r) => ({
      id: r.id,
      action: r.action,
      reason: r.reason,
      actorName: r.actorName ?? '系统',
      createdAt: r.at.toISOString(),
    })),
    actions: projectActionsFor(ctx.actor, ref),
    canDelete: canHandle,
    canEditReports: canHandle,
    reviewedAt: project.reviewedAt?.toISOString() ?? null,
    createdByName: found.createdByName ?? '',
  };
}
