import type {
  DictItem,
  FieldProjectDetail,
  FieldProjectScope,
  FieldProjectSummary,
  FieldStage,
  FieldSummary,
  Page,
} from '@eco/contracts';
import type { PhotoTypeRule } from '@eco/field-workflow';
import { getJson } from '../../app/api.ts';
import { readMeta, writeMeta } from '../sync/db.ts';
import { getJsonWithOfflineCopy, type WithOfflineCopy } from '../sync/offline-copy.ts';

export const projectPageSize = 20;

/** 首页 counts of 在行项目 and 完成项目. */
export function fetchFieldSummary(): Promise<WithOfflineCopy<FieldSummary>> {
  return getJsonWithOfflineCopy<FieldSummary>('/api/v1/field/summary');
}

/** One page of the person's projects; the first page without a search is kept for offline use. */
export function fetchProjectPage(
  scope: FieldProjectScope,
  name: string,
  page: number,
): Promise<WithOfflineCopy<Page<FieldProjectSummary>>> {
  const query = new URLSearchParams({ scope, page: String(page), pageSize: String(projectPageSize) });
  if (name) query.set('name', name);
  const path = `/api/v1/field/projects?${query}`;
  if (page === 1 && !name) return getJsonWithOfflineCopy<Page<FieldProjectSummary>>(path);
  return getJson<Page<FieldProjectSummary>>(path).then((data) => ({ data, isOffline: false }));
}

/** A project with its 监测点位 and tasks; kept (without people's names) so that tasks can be added offline. */
export function fetchProjectDetail(id: string): Promise<WithOfflineCopy<FieldProjectDetail>> {
  return getJsonWithOfflineCopy<FieldProjectDetail>(`/api/v1/field/projects/${id}`, (project) => ({
    ...project,
    tasks: project.tasks.map((task) => ({ ...task, createdByName: '' })),
  }));
}

const stages: readonly string[] = ['sampling', 'delivery', 'lab'];

function toPhotoTypeRule(item: DictItem): PhotoTypeRule | null {
  const extra = item.extra ?? {};
  const stage = extra.stage;
  if (typeof stage !== 'string' || !stages.includes(stage)) return null;
  return {
    code: item.code,
    label: item.label,
    stage: stage as FieldStage,
    required: extra.required === true,
    hint: typeof extra.hint === 'string' ? extra.hint : '',
  };
}

/** The 照片类型 rules, for a task created on the phone before the server has told its own. */
export async function loadPhotoTypes(): Promise<PhotoTypeRule[]> {
  try {
    const { items } = await getJson<{ items: DictItem[] }>('/api/v1/dicts/photo_type');
    const rules = items
      .filter((item) => item.isEnabled)
      .map(toPhotoTypeRule)
      .filter((rule) => rule !== null);
    if (rules.length > 0) await writeMeta('photoTypes', rules);
    return rules;
  } catch {
    return (await readMeta('photoTypes')) ?? [];
  }
}
