import {
  type AssignmentPost,
  assignmentPostLabels,
  assignmentPosts,
  attachmentTypeExtraSchema,
  type DictType,
  type FieldError,
  isProjectRegistrar,
  type ProjectDetail,
  type ProjectInput,
  type ProjectStatus,
} from '@eco/contracts';
import { eq } from 'drizzle-orm';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, forbidden, validationError } from '../../platform/errors.ts';
import { isAgencyApproved } from '../agencies/agencies.policy.ts';
import { findAgency } from '../agencies/agencies.queries.ts';
import { lockOwner } from '../attachments/attachments.queries.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import { findStaffByIds } from '../personnel/personnel.assignments.ts';
import { isUniqueViolation } from '../personnel/personnel.service.ts';
import { regions } from '../regions/regions.tables.ts';
import { getProjectDetail } from './project-detail.ts';
import { claimDraftAttachments } from './project-drafts.ts';
import { nextProjectNo, projectYear } from './project-numbers.ts';
import { canRegisterProject } from './projects.policy.ts';
import {
  findProjectIdOwner,
  insertProject,
  insertProjectAssignments,
  insertProjectItems,
} from './projects.queries.ts';
import { targetType } from './projects.service.ts';

/** The caller's agency, when the caller may register projects for it; else 403 with the reason. */
async function registeringAgencyId(ctx: AuthedContext): Promise<string> {
  const { actor } = ctx;
  if (!isProjectRegistrar(actor.role) || !actor.agencyId) {
    throw forbidden('只有机构法人账号和登记人员可以登记项目');
  }
  const agency = await findAgency(ctx.db, actor.agencyId);
  if (!agency || !canRegisterProject(actor, { id: agency.id, isApproved: isAgencyApproved(agency) })) {
    throw forbidden('机构信息审核通过后才能登记项目');
  }
  return agency.id;
}

async function checkCodes(db: Db, input: ProjectInput): Promise<FieldError[]> {
  const errors: FieldError[] = [];
  const checks: Array<[keyof ProjectInput, DictType, string]> = [
    ['monitoringType', 'monitoring_type', '监测类型'],
    ['monitoringNature', 'monitoring_nature', '项目监测性质'],
    ['entrustCategory', 'entrust_category', '委托类别'],
  ];
  for (const [field, type, label] of checks) {
    const items = await listDictItems(db, type);
    if (!items.some((i) => i.isEnabled && i.code === input[field])) {
      errors.push({ field, message: `${label}不存在或已停用` });
    }
  }
  const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode)).limit(1);
  if (region?.level !== 3) errors.push({ field: 'regionCode', message: '请选择项目区域（区县）' });
  return errors;
}

const unique = <T>(values: T[]): T[] => [...new Set(values)];
const staffField = (post: AssignmentPost) => `${post}Ids` as const;

/**
 * Every person an item names must be an approved, not deleted staff member of the agency
 * holding the post; another agency's staff are not named (their names are not ours to show).
 */
async function checkStaff(db: Db, agencyId: string, input: ProjectInput): Promise<FieldError[]> {
  const ids = unique(input.items.flatMap((item) => assignmentPosts.flatMap((p) => item[staffField(p)])));
  const staff = new Map((await findStaffByIds(db, ids)).map((s) => [s.id, s]));
  const errors: FieldError[] = [];
  input.items.forEach((item, index) => {
    for (const post of assignmentPosts) {
      const label = assignmentPostLabels[post];
      const field = `items.${index}.${staffField(post)}`;
      const refused = unique(item[staffField(post)]).map((id) => staff.get(id));
      if (refused.some((s) => !s || s.agencyId !== agencyId)) {
        errors.push({ field, message: `所选${label}不存在或不是本机构人员` });
        continue;
      }
      const names = refused.flatMap((s) =>
        s && (s.deletedAt || !s.isApproved || !s.posts.includes(post)) ? [`「${s.name}」`] : [],
      );
      if (names.length > 0) {
        errors.push({ field, message: `${names.join('、')}不是本机构已审核通过的${label}` });
      }
    }
  });
  return errors;
}

/** 委托合同 (every required project file type) always; 分包单位资质 when subcontracted. */
async function checkAttachments(db: Db, input: ProjectInput, categories: string[]): Promise<void> {
  const types = await listDictItems(db, 'attachment_type');
  const errors: FieldError[] = [];
  for (const type of types) {
    const extra = attachmentTypeExtraSchema.safeParse(type.extra);
    if (!type.isEnabled || !extra.success || extra.data.scope !== 'project') continue;
    if (extra.data.required && !categories.includes(type.code)) {
      errors.push({ field: 'attachments', message: `请上传${type.label}` });
    }
  }
  if (input.isSubcontracted && !categories.includes('subcontractor_qualification')) {
    errors.push({ field: 'attachments', message: '选择分包时请上传分包单位资质' });
  }
  if (errors.length > 0) throw validationError(errors);
}

/** A 保存 retried after it succeeded gets the project back; a form id of another agency is refused. */
async function existingProject(
  ctx: AuthedContext,
  agencyId: string,
  found: { agencyId: string; deletedAt: Date | null },
  id: string,
): Promise<ProjectDetail> {
  if (found.agencyId !== agencyId || found.deletedAt) {
    throw new AppError('CONFLICT', '该登记表单已使用，请刷新页面后重新登记');
  }
  return getProjectDetail(ctx, id);
}

function projectValues(
  ctx: AuthedContext,
  agencyId: string,
  projectNo: string,
  input: ProjectInput,
  now: Date,
) {
  return {
    id: input.id,
    agencyId,
    projectNo,
    name: input.name,
    monitoringType: input.monitoringType,
    monitoringNature: input.monitoringNature,
    regionCode: input.regionCode,
    address: input.address,
    longitude: input.longitude,
    latitude: input.latitude,
    plannedStart: input.plannedStart,
    plannedEnd: input.plannedEnd,
    description: input.description || null,
    entrustCategory: input.entrustCategory,
    clientName: input.client.name,
    clientCreditCode: input.client.creditCode,
    clientContact: input.client.contact,
    clientPhone: input.client.phone,
    clientEmail: input.client.email,
    clientAddress: input.client.address,
    isSubcontracted: input.isSubcontracted,
    subcontractorName: input.isSubcontracted ? (input.subcontractorName ?? null) : null,
    contractNumber: input.contractNumber,
    contractAmount: input.contractAmount,
    contractSignedOn: input.contractSignedOn,
    trainingDate: input.trainingDate,
    trainingContent: input.trainingContent,
    trainingParticipants: input.trainingParticipants,
    status: 'in_progress' satisfies ProjectStatus,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * 项目登记 保存: checks codes and staff, then in one transaction makes the form's draft files the
 * project's, requires the contract (and the subcontractor's qualification when subcontracted),
 * numbers the project and stores it 未完成 with its items and assignments. Any refusal rolls
 * everything back: no project, the drafts still drafts. `isNew` is false for a retried 保存.
 */
export async function createProject(
  ctx: AuthedContext,
  input: ProjectInput,
): Promise<{ project: ProjectDetail; isNew: boolean }> {
  const agencyId = await registeringAgencyId(ctx);
  const found = await findProjectIdOwner(ctx.db, input.id);
  if (found) return { project: await existingProject(ctx, agencyId, found, input.id), isNew: false };
  const errors = [...(await checkCodes(ctx.db, input)), ...(await checkStaff(ctx.db, agencyId, input))];
  if (errors.length > 0) throw validationError(errors);

  let isNew: boolean;
  try {
    isNew = await ctx.db.transaction(async (tx) => {
      await lockOwner(tx, input.id);
      // The same 保存 sent twice at once: the second waits on the lock, then finds the first's project.
      if (await findProjectIdOwner(tx, input.id)) return false;
      const categories = await claimDraftAttachments(tx, input.id, agencyId);
      await checkAttachments(tx, input, categories);
      const now = ctx.now();
      const projectNo = await nextProjectNo(tx, input.regionCode, projectYear(now));
      const project = await insertProject(tx, projectValues(ctx, agencyId, projectNo, input, now));
      const itemIds = await insertProjectItems(
        tx,
        input.items.map((item, position) => ({
          projectId: project.id,
          position,
          pointName: item.pointName,
          medium: item.medium,
          factors: item.factors,
          frequency: item.frequency,
          sampleCount: item.sampleCount,
        })),
      );
      await insertProjectAssignments(
        tx,
        input.items.flatMap((item, index) =>
          assignmentPosts.flatMap((post) =>
            unique(item[staffField(post)]).map((personnelId) => ({
              itemId: itemIds[index] ?? '',
              projectId: project.id,
              personnelId,
              post,
            })),
          ),
        ),
      );
      await appendAudit(tx, ctx, {
        action: 'project.created',
        targetType,
        targetId: project.id,
        agencyId,
        after: {
          projectNo,
          name: project.name,
          status: project.status,
          monitoringType: project.monitoringType,
          monitoringNature: project.monitoringNature,
          regionCode: project.regionCode,
          clientName: project.clientName,
          contractNumber: project.contractNumber,
          items: itemIds.length,
          attachments: categories,
        },
      });
      return true;
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    isNew = false;
  }
  if (!isNew) {
    const raced = await findProjectIdOwner(ctx.db, input.id);
    if (!raced) throw new AppError('CONFLICT', '项目登记未完成，请重试');
    return { project: await existingProject(ctx, agencyId, raced, input.id), isNew: false };
  }
  return { project: await getProjectDetail(ctx, input.id), isNew: true };
}
