import { type MonitoringItemInput, type ProjectInput, projectFieldLabels } from '@eco/contracts';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { z } from 'zod';
import { ApiError, errorMessage } from '../../../app/api.ts';
import { regionPath } from '../lookups.ts';

/** What the 项目登记 form holds; the schema decides what of it is valid. */
export type RegisterValues = {
  name?: string;
  monitoringType?: string;
  monitoringNature?: string;
  regionCode?: string;
  address?: string;
  longitude?: number | null;
  latitude?: number | null;
  plannedStart?: string;
  plannedEnd?: string;
  description?: string;
  items?: MonitoringItemInput[];
  entrustCategory?: string;
  client?: Partial<ProjectInput['client']>;
  isSubcontracted?: boolean;
  subcontractorName?: string;
  contractNumber?: string;
  contractAmount?: number | null;
  contractSignedOn?: string;
  trainingDate?: string;
  trainingContent?: string;
  trainingParticipants?: string;
};

/** DatePicker ⇄ `YYYY-MM-DD`, the shape the schema and the server use. */
export const dateProps = {
  getValueProps: (value: string | undefined) => ({ value: value ? dayjs(value) : null }),
  normalize: (value: Dayjs | null) => (value ? value.format('YYYY-MM-DD') : undefined),
};

/** Cascader path ⇄ the 区县 code. */
export const regionProps = {
  getValueProps: (code: string | undefined) => ({ value: regionPath(code) }),
  normalize: (path: string[] | undefined) => path?.[path.length - 1],
};

/** A UUID for the form; `crypto.randomUUID` exists only on secure origins, plain http needs the fallback. */
export function newFormId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The body for POST /projects, before the schema checks it. */
export function toProjectBody(id: string, values: RegisterValues): Record<string, unknown> {
  return {
    ...values,
    id,
    items: values.items ?? [],
    client: values.client ?? {},
    description: values.description?.trim() ? values.description : null,
    subcontractorName: values.isSubcontracted ? values.subcontractorName : null,
  };
}

export type Issue = { field: string; message: string };

/** Where an error shows: on a form field, under 附件资料, or only in the summary. */
export type PlacedIssues = { attachments: string[]; unplaced: Issue[]; firstField: string[] | null };

const formFields = new Set(Object.keys(projectFieldLabels).filter((f) => f !== 'projectNo'));

/** A readable name for an error's field: `委托企业名称`, `第2条监测信息 · 采样人员`. */
export function issueLabel(field: string): string {
  const item = /^items\.(\d+)/.exec(field);
  if (item) return `第${Number(item[1]) + 1}条监测信息`;
  if (field === 'attachments') return '附件资料';
  return (projectFieldLabels as Record<string, string>)[field] ?? field;
}

/**
 * Puts each error on the field it names: `client.phone` on 联系电话, anything under `items.N` on
 * the 监测信息 table (prefixed with its row), `attachments` under 附件资料; the rest stays unplaced.
 */
export function placeIssues(form: FormInstance, issues: Issue[]): PlacedIssues {
  const byField = new Map<string, string[]>();
  const placed: PlacedIssues = { attachments: [], unplaced: [], firstField: null };
  for (const issue of issues) {
    const item = /^items\.(\d+)/.exec(issue.field);
    const field = item ? 'items' : issue.field;
    const message = item ? `第${Number(item[1]) + 1}条监测信息：${issue.message}` : issue.message;
    if (field.startsWith('attachments')) {
      placed.attachments.push(issue.message);
    } else if (formFields.has(field)) {
      byField.set(field, [...(byField.get(field) ?? []), message]);
    } else {
      placed.unplaced.push(issue);
    }
  }
  const fields = [...byField].map(([field, errors]) => ({ name: field.split('.'), errors }));
  if (fields.length > 0) form.setFields(fields);
  placed.firstField = fields[0]?.name ?? null;
  return placed;
}

/** The issues of a failed 保存: zod's from the client check, or the server's field errors. */
export function issuesOf(error: unknown): { summary: string; issues: Issue[] } {
  if (error instanceof ApiError) return { summary: error.message, issues: error.fieldErrors };
  return { summary: errorMessage(error), issues: [] };
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}
