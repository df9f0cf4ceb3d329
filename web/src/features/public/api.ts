import type {
  Captcha,
  DictItem,
  DictType,
  Page,
  PreviewGrant,
  PublicAgencyDetail,
  PublicAgencySummary,
  PublicReport,
} from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError, api, toApiError } from '../../app/api.ts';

/*
 * The public portal's calls. None needs a session: the shared client sends a CSRF token only when a
 * session handed one out, which is exactly when the server asks for it.
 */

export type CaptchaAnswer = { captchaId: string; captchaAnswer: string };
export type PreviewCodeBody = { reportNumber: string; mobile: string } & Partial<CaptchaAnswer>;
export type PreviewGrantBody = { reportNumber: string; mobile: string; code: string };
export type PublicAgencySearch = { page: number; pageSize: number; name?: string };

export const publicKeys = {
  captcha: (scope: string) => ['public', 'captcha', scope] as const,
  agencies: (search: PublicAgencySearch) => ['public', 'agencies', search] as const,
  agency: (id: string) => ['public', 'agency', id] as const,
  verifiedReport: (reportId: string) => ['public', 'verify', reportId] as const,
  dict: (type: DictType) => ['public', 'dict', type] as const,
};

/** Whether the server wants a captcha answered before it looks again (too many misses from here). */
export function isCaptchaRequired(error: unknown): boolean {
  return error instanceof ApiError && error.fieldErrors.some((e) => e.field.startsWith('captcha'));
}

export function lookupReport(reportNumber: string, captcha?: CaptchaAnswer): Promise<PublicReport> {
  return api.get<PublicReport>('/api/v1/public/reports', { reportNumber, ...captcha });
}

export function fetchCaptcha(): Promise<Captcha> {
  return api.get<Captcha>('/api/v1/public/captcha');
}

/** Sends the 短信验证码 for 预览 (204). */
export function requestPreviewCode(body: PreviewCodeBody): Promise<void> {
  return api.post<void>('/api/v1/public/reports/preview-code', body);
}

export function grantPreview(body: PreviewGrantBody): Promise<PreviewGrant> {
  return api.post<PreviewGrant>('/api/v1/public/reports/preview', body);
}

/** The watermarked PDF a preview grant opens, as bytes for pdf.js. */
export async function fetchReportFile(token: string, signal: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(`/api/v1/public/reports/file?token=${encodeURIComponent(token)}`, {
    credentials: 'same-origin',
    signal,
  });
  if (!response.ok) {
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    throw toApiError(response.status, body);
  }
  return new Uint8Array(await response.arrayBuffer());
}

export function fetchVerifiedReport(reportId: string): Promise<PublicReport> {
  return api.get<PublicReport>(`/api/v1/public/verify/${encodeURIComponent(reportId)}`);
}

export async function findReportsBySha256(sha256: string): Promise<PublicReport[]> {
  return (await api.get<{ items: PublicReport[] }>('/api/v1/public/verify', { sha256 })).items;
}

export function searchPublicAgencies(search: PublicAgencySearch): Promise<Page<PublicAgencySummary>> {
  return api.get<Page<PublicAgencySummary>>('/api/v1/public/agencies', search);
}

export function fetchPublicAgency(id: string): Promise<PublicAgencyDetail> {
  return api.get<PublicAgencyDetail>(`/api/v1/public/agencies/${encodeURIComponent(id)}`);
}

/**
 * code → label from a dictionary's public (enabled) items. A value that is no code of it (already a
 * label, or a retired code) reads as itself through `labelOf`.
 */
export function usePublicDictLabels(type: DictType): (value: string) => string {
  const { data } = useQuery({
    queryKey: publicKeys.dict(type),
    queryFn: async () => (await api.get<{ items: DictItem[] }>(`/api/v1/dicts/${type}`)).items,
    staleTime: 10 * 60_000,
  });
  return useMemo(() => {
    const labels = new Map((data ?? []).map((item) => [item.code, item.label]));
    return (value: string) => labels.get(value) ?? value;
  }, [data]);
}
