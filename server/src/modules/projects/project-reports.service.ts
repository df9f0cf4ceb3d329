import type { Readable } from 'node:stream';
import { attachmentTypeExtraSchema, type ProjectReport, type ProjectStatus } from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { AuthedContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError, notFound, validationError } from '../../platform/errors.ts';
import {
  type AttachmentCategory,
  insertAttachmentRow,
  releaseStoredFile,
  stageAttachmentFile,
} from '../attachments/attachments.service.ts';
import { listDictItems } from '../dicts/dicts.queries.ts';
import {
  findProjectReport,
  findReportByCategory,
  insertProjectReport,
  isReportNumberTaken,
  removeProjectReport,
} from './project-reports.queries.ts';
import { canHandleProject, canReadProject } from './projects.policy.ts';
import { findProject, findProjectForUpdate, type ProjectRow } from './projects.queries.ts';

/** The enabled report types a 监测类型 calls for, in dictionary order; no list means every type. */
export async function getReportTypes(db: Db, monitoringType: string): Promise<AttachmentCategory[]> {
  const types: AttachmentCategory[] = [];
  for (const item of await listDictItems(db, 'attachment_type')) {
    const extra = attachmentTypeExtraSchema.safeParse(item.extra);
    if (!item.isEnabled || !extra.success || extra.data.scope !== 'report') continue;
    const applies = extra.data.monitoringTypes?.includes(monitoringType) ?? true;
    if (applies) types.push({ code: item.code, label: item.label, limits: extra.data });
  }
  return types;
}

/** The unique index a failed insert ran into (drizzle wraps the driver's error), else null. */
export function violatedUniqueConstraint(error: unknown): string | null {
  type PgError = { code?: string; constraint?: string; cause?: PgError };
  const e = error as PgError | null;
  const pg = e?.code === '23505' ? e : e?.cause?.code === '23505' ? e.cause : null;
  return pg?.constraint ?? null;
}

function numberTaken(reportNumber: string): AppError {
  const message = `报告编号「${reportNumber}」已被使用`;
  return new AppError('CONFLICT', message, [{ field: 'reportNumber', message }]);
}

function slotTaken(label: string): AppError {
  return new AppError('CONFLICT', `请先删除已上传的「${label}」再重新上传`, [
    { field: 'category', message: `「${label}」已上传` },
  ]);
}

/** The project whose reports the caller may change: 404 when unreadable, 409 once submitted. */
function assertHandles(ctx: AuthedContext, project: ProjectRow | undefined): asserts project is ProjectRow {
  if (!project || !canReadProject(ctx.actor, project)) throw notFound('项目');
  if (!canHandleProject(ctx.actor, { ...project, status: project.status as ProjectStatus })) {
    throw new AppError('INVALID_STATE', '已提交的项目不能修改监测报告');
  }
}

type UploadInput = {
  projectId: string;
  category: string;
  reportNumber: string;
  fileName: string;
  source: Readable;
};

/**
 * Registers a report on an open project: a PDF under its type, with a number unique on the
 * platform. Everything that can be refused is refused before the upload is read; a failure
 * after that leaves neither a row nor an unreferenced file.
 */
export async function uploadProjectReport(ctx: AuthedContext, input: UploadInput): Promise<ProjectReport> {
  let type: AttachmentCategory;
  try {
    const project = await findProject(ctx.db, input.projectId);
    assertHandles(ctx, project);
    const found = (await getReportTypes(ctx.db, project.monitoringType)).find(
      (t) => t.code === input.category,
    );
    if (!found) {
      throw validationError([{ field: 'category', message: '报告类型不存在或不适用于该项目的监测类型' }]);
    }
    type = found;
    if (await findReportByCategory(ctx.db, project.id, type.code)) throw slotTaken(type.label);
    if (await isReportNumberTaken(ctx.db, input.reportNumber)) throw numberTaken(input.reportNumber);
  } catch (error) {
    input.source.resume();
    throw error;
  }

  // Reports are PDF whatever else the dictionary allows: the public portal shows them as such.
  const pdfOnly = { ...type, limits: { ...type.limits, kinds: ['pdf' as const] } };
  const file = await stageAttachmentFile(ctx, { category: pdfOnly, source: input.source }).catch(
    (error: unknown) => {
      if (error instanceof AppError && error.code === 'UNSUPPORTED_FILE_TYPE') {
        throw new AppError('UNSUPPORTED_FILE_TYPE', '监测报告只支持 PDF 文件；所选文件的实际内容不是 PDF');
      }
      throw error;
    },
  );
  try {
    return await ctx.db.transaction(async (tx) => {
      const project = await findProjectForUpdate(tx, input.projectId);
      assertHandles(ctx, project);
      if (await findReportByCategory(tx, project.id, type.code)) throw slotTaken(type.label);
      const attachment = await insertAttachmentRow(tx, ctx, {
        ownerType: 'report',
        ownerId: project.id,
        agencyId: project.agencyId,
        category: type,
        fileName: input.fileName,
        file,
      });
      const report = await insertProjectReport(tx, {
        projectId: project.id,
        agencyId: project.agencyId,
        category: type.code,
        reportNumber: input.reportNumber,
        attachmentId: attachment.id,
        createdAt: ctx.now(),
      });
      if (!report) throw new AppError('INTERNAL');
      await appendAudit(tx, ctx, {
        action: 'project.report_uploaded',
        targetType: 'project',
        targetId: project.id,
        agencyId: project.agencyId,
        after: {
          reportId: report.id,
          category: report.category,
          reportNumber: report.reportNumber,
          attachmentId: attachment.id,
          fileName: attachment.fileName,
          sha256: attachment.sha256,
        },
      });
      return {
        id: report.id,
        category: report.category,
        categoryLabel: type.label,
        reportNumber: report.reportNumber,
        attachmentId: attachment.id,
        fileName: attachment.fileName,
        size: attachment.size,
        sha256: attachment.sha256,
        uploadedAt: attachment.uploadedAt,
      };
    });
  } catch (error) {
    await releaseStoredFile(ctx, file.sha256);
    const constraint = violatedUniqueConstraint(error);
    if (constraint === 'project_reports_number_uq') throw numberTaken(input.reportNumber);
    if (constraint === 'project_reports_project_category_uq') throw slotTaken(type.label);
    throw error;
  }
}

/**
 * Removes a report from an open project (a returned one too): its number is free again, its
 * file is marked deleted and kept for the record.
 */
export async function deleteProjectReport(ctx: AuthedContext, projectId: string, reportId: string) {
  assertHandles(ctx, await findProject(ctx.db, projectId));
  await ctx.db.transaction(async (tx) => {
    const project = await findProjectForUpdate(tx, projectId);
    assertHandles(ctx, project);
    const found = await findProjectReport(tx, projectId, reportId);
    if (!found || !(await removeProjectReport(tx, found.report, ctx.now()))) throw notFound('监测报告');
    await appendAudit(tx, ctx, {
      action: 'project.report_deleted',
      targetType: 'project',
      targetId: projectId,
      agencyId: project.agencyId,
      before: {
        reportId: found.report.id,
        category: found.report.category,
        reportNumber: found.report.reportNumber,
        attachmentId: found.attachment.id,
        fileName: found.attachment.fileName,
      },
    });
    // The file's own trail ends too, as the generic delete would record it.
    await appendAudit(tx, ctx, {
      action: 'attachment.deleted',
      targetType: 'attachment',
      targetId: found.attachment.id,
      agencyId: project.agencyId,
      before: { fileName: found.attachment.fileName, category: found.attachment.category },
    });
  });
}
