import { type PreviewGrant, type PublicReport, previewGrantSchema, publicReportSchema } from '@eco/contracts';

/**
 * What the viewer route receives in the history state (never in the URL, so the token stays out of
 * the address bar, the history list and the server logs).
 */
export type ViewerState = { grant: PreviewGrant; report: PublicReport };

/** The grant still usable at `now`, or null (no state, a foreign state, or an expired grant). */
export function readViewerState(state: unknown, now: number): ViewerState | null {
  if (typeof state !== 'object' || state === null) return null;
  const grant = previewGrantSchema.safeParse('grant' in state ? state.grant : undefined);
  const report = publicReportSchema.safeParse('report' in state ? state.report : undefined);
  if (!grant.success || !report.success) return null;
  const expiresAt = Date.parse(grant.data.expiresAt);
  if (Number.isNaN(expiresAt) || expiresAt <= now) return null;
  return { grant: grant.data, report: report.data };
}

/** The report last found on 监测报告查询, kept in its history entry so 返回 from the viewer shows it again. */
export function readFoundReport(state: unknown): PublicReport | null {
  if (typeof state !== 'object' || state === null || !('foundReport' in state)) return null;
  const report = publicReportSchema.safeParse(state.foundReport);
  return report.success ? report.data : null;
}
