import {
  type PublicReport,
  publicReportStatuses,
  publicReportStatusLabels,
  type SmsPurpose,
} from '@eco/contracts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import { AppError } from '../../platform/errors.ts';
import { requestSmsCode } from '../../platform/sms/sms-codes.ts';
import { recordLookup, requireCaptchaAfterMisses } from './public-guard.service.ts';
import {
  findDictLabels,
  findVisibleReportById,
  findVisibleReportByNumber,
  listVisibleReportsBySha256,
  type VisibleReportRow,
} from './public-reports.queries.ts';

/** The code that unlocks a 预览 (短信 label 监测报告预览). */
export const previewSmsPurpose: SmsPurpose = 'public_preview';

/**
 * One answer for "no such number" and "exists but not public" (in progress, returned, deleted):
 * the portal must not tell which.
 */
export function reportNotFound(): AppError {
  return new AppError('NOT_FOUND', '未找到该编号的监测报告，请核对报告编号');
}

type CaptchaInput = { captchaId?: string | undefined; captchaAnswer?: string | undefined };

async function toPublicReports(db: Db, rows: VisibleReportRow[]): Promise<PublicReport[]> {
  if (rows.length === 0) return [];
  const [reportTypes, monitoringTypes] = await Promise.all([
    findDictLabels(db, 'attachment_type'),
    findDictLabels(db, 'monitoring_type'),
  ]);
  return rows.map((row) => {
    const status = publicReportStatuses.find((s) => s === row.status);
    if (!status) throw new Error(`report ${row.id} is not public (status ${row.status})`);
    return {
      id: row.id,
      reportNumber: row.reportNumber,
      reportType: reportTypes.get(row.category) ?? row.category,
      agencyId: row.agencyId,
      agencyName: row.agencyName,
      monitoringType: monitoringTypes.get(row.monitoringType) ?? row.monitoringType,
      regionCode: row.regionCode,
      regionName: row.regionName ?? row.regionCode,
      issuedAt: row.createdAt.toISOString(),
      status,
      statusLabel: publicReportStatusLabels[status],
      sha256: row.sha256,
    };
  });
}

async function toPublicReport(db: Db, row: VisibleReportRow): Promise<PublicReport> {
  const [report] = await toPublicReports(db, [row]);
  if (!report) throw new Error('report summary missing');
  return report;
}

/**
 * 监测报告查询 by number. Every look-up is counted by address and outcome; after repeated misses
 * a captcha is required first.
 */
export async function lookupPublicReport(
  ctx: ServiceContext,
  input: CaptchaInput & { reportNumber: string },
): Promise<PublicReport> {
  await requireCaptchaAfterMisses(ctx, input);
  const row = await findVisibleReportByNumber(ctx.db, input.reportNumber);
  await recordLookup(ctx, 'report', row !== undefined);
  if (!row) throw reportNotFound();
  return toPublicReport(ctx.db, row);
}

/** 预览 step one: a text-message code to the asker's number, only for a report the public may see. */
export async function sendPreviewCode(
  ctx: ServiceContext,
  input: CaptchaInput & { reportNumber: string; mobile: string },
): Promise<void> {
  await requireCaptchaAfterMisses(ctx, input);
  const row = await findVisibleReportByNumber(ctx.db, input.reportNumber);
  await recordLookup(ctx, 'preview', row !== undefined);
  if (!row) throw reportNotFound();
  await requestSmsCode(ctx, { mobile: input.mobile, purpose: previewSmsPurpose });
}

/** 真伪核验 from the QR code on a report: the id is unguessable, so no look-up counting. */
export async function verifyPublicReport(ctx: ServiceContext, reportId: string): Promise<PublicReport> {
  const row = await findVisibleReportById(ctx.db, reportId);
  if (!row) throw new AppError('NOT_FOUND', '未找到该监测报告，或该报告尚未提交');
  return toPublicReport(ctx.db, row);
}

/** 真伪核验 of a file in hand: the public reports whose registered file has exactly these bytes. */
export async function findPublicReportsBySha256(
  ctx: ServiceContext,
  sha256: string,
): Promise<{ items: PublicReport[] }> {
  return { items: await toPublicReports(ctx.db, await listVisibleReportsBySha256(ctx.db, sha256)) };
}
