import { buffer } from 'node:stream/consumers';
import { maskMobile, type PreviewGrant } from '@eco/contracts';
import { appendAudit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, validationError } from '../../platform/errors.ts';
import { consumeSmsCode, type VerifiedSmsCode, verifySmsCode } from '../../platform/sms/sms-codes.ts';
import { readPreviewToken, signPreviewToken } from './preview-token.ts';
import {
  findVisibleReportById,
  findVisibleReportByNumber,
  insertReportView,
} from './public-reports.queries.ts';
import { previewSmsPurpose, reportNotFound } from './public-reports.service.ts';
import { previewWatermark, stampWatermark, UnreadablePdfError } from './report-watermark.ts';

/**
 * The key that signs 预览 tokens, derived from the platform's PII key material (a keyed hash of a
 * fixed label): no new secret to manage, the same in every process, and rotated with that key.
 */
function previewTokenKey(ctx: ServiceContext): Buffer {
  return Buffer.from(ctx.pii.lookupHash('public-preview-token-key:v1'), 'utf8');
}

function previewDenied(): AppError {
  return new AppError('FORBIDDEN', '预览链接无效或已过期，请重新获取短信验证码后预览');
}

/** The SMS check names the registration forms' field; here the field is `code`. */
async function verifyPreviewCode(
  ctx: ServiceContext,
  input: { mobile: string; code: string },
): Promise<VerifiedSmsCode> {
  try {
    return await verifySmsCode(ctx, { mobile: input.mobile, purpose: previewSmsPurpose, code: input.code });
  } catch (error) {
    if (error instanceof AppError && error.code === 'VALIDATION') {
      throw validationError([{ field: 'code', message: error.message }], error.message);
    }
    throw error;
  }
}

/**
 * 预览 step two: the code proves the number; the view is recorded (keyed hash and masked number,
 * address, browser, time) with its audit record, and a 10-minute token for this one report is
 * handed back with the watermark the file will carry.
 */
export async function grantReportPreview(
  ctx: ServiceContext,
  input: { reportNumber: string; mobile: string; code: string },
): Promise<PreviewGrant> {
  const verified = await verifyPreviewCode(ctx, input);
  const report = await findVisibleReportByNumber(ctx.db, input.reportNumber);
  if (!report) throw reportNotFound();
  const now = ctx.now();
  const mobileMasked = maskMobile(input.mobile);
  const view = await ctx.db.transaction(async (tx) => {
    await consumeSmsCode(tx, now, verified);
    const row = await insertReportView(tx, {
      reportId: report.id,
      projectId: report.projectId,
      mobileHash: ctx.pii.lookupHash(input.mobile),
      mobileMasked,
      ip: ctx.meta.ip,
      userAgent: ctx.meta.userAgent?.slice(0, 500) ?? null,
      viewedAt: now,
    });
    await appendAudit(tx, ctx, {
      action: 'public.report_previewed',
      targetType: 'project_report',
      targetId: report.id,
      agencyId: report.agencyId,
      after: { reportNumber: report.reportNumber, mobile: mobileMasked, viewId: row.id },
    });
    return row;
  });
  const expiresAt = new Date(now.getTime() + ctx.config.publicPortal.previewMinutes * 60_000);
  const token = signPreviewToken(previewTokenKey(ctx), {
    reportId: report.id,
    viewId: view.id,
    mobileMasked,
    issuedAt: now,
    expiresAt,
  });
  return { token, expiresAt: expiresAt.toISOString(), watermark: previewWatermark(mobileMasked, now) };
}

export type PreviewFile = { bytes: Uint8Array; fileName: string };

/**
 * The report's PDF for a valid token, stamped on every page with the grant's watermark. The blob
 * is read whole into memory (pdf-lib needs it so; reports are at most 50 MB), and a report that
 * stopped being public since the grant is not served.
 */
export async function openReportPreview(
  ctx: ServiceContext,
  token: string | undefined,
): Promise<PreviewFile> {
  const grant = token ? readPreviewToken(previewTokenKey(ctx), token, ctx.now()) : null;
  if (!grant) throw previewDenied();
  const report = await findVisibleReportById(ctx.db, grant.reportId);
  if (!report) throw reportNotFound();
  const original = await buffer(ctx.files.open(report.sha256));
  try {
    const bytes = await stampWatermark(original, previewWatermark(grant.mobileMasked, grant.issuedAt));
    return { bytes, fileName: `${report.reportNumber}.pdf` };
  } catch (error) {
    if (!(error instanceof UnreadablePdfError)) throw error;
    ctx.log.warn({ err: error, reportId: report.id }, 'report PDF cannot be watermarked');
    throw new AppError(
      'UNAVAILABLE',
      '该报告文件暂无法在线预览（文件加密或已损坏），请联系出具报告的监测机构',
    );
  }
}
