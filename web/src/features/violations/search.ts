import { type RectificationState, rectificationStates } from '@eco/contracts';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { displayTimeZone } from '../../app/time.ts';
import type { ViolationFilters, ViolationSearch } from './api.ts';

const defaultPageSize = 10;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function positiveInt(value: string | null, fallback: number): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed > 0 ? parsed : fallback;
}

function dateParam(value: string | null): string | undefined {
  return value && isoDate.test(value) ? value : undefined;
}

function isState(value: string | null, allowed: readonly RectificationState[]): value is RectificationState {
  return allowed.some((state) => state === value);
}

/** Today in Beijing, `YYYY-MM-DD`: the day 整改期限 are compared with. */
export function todayInBeijing(): string {
  return dayjs().tz(displayTimeZone).format('YYYY-MM-DD');
}

type Options = {
  /** The 整改状态 the page offers; a state outside them in the URL is ignored. */
  states?: readonly RectificationState[];
  hasRounds?: boolean;
  isOpen?: boolean;
  /** Regulators filter by 监测机构; an agency's lists ignore an agencyId in the URL. */
  hasAgency?: boolean;
};

/**
 * The list's filters and page live in the URL, so a link (/violations?state=overdue) opens a
 * filtered list and 返回 from a detail page finds the same one.
 */
export function useViolationSearch({
  states = rectificationStates,
  hasRounds,
  isOpen,
  hasAgency = false,
}: Options = {}) {
  const [params, setParams] = useSearchParams();
  const state = params.get('state');
  const search: ViolationSearch = {
    page: positiveInt(params.get('page'), 1),
    pageSize: Math.min(100, positiveInt(params.get('pageSize'), defaultPageSize)),
    projectName: params.get('projectName')?.trim() || undefined,
    state: isState(state, states) ? state : undefined,
    deadlineFrom: dateParam(params.get('deadlineFrom')),
    deadlineTo: dateParam(params.get('deadlineTo')),
    agencyId: hasAgency ? params.get('agencyId') || undefined : undefined,
    hasRounds,
    isOpen,
  };

  const write = (next: ViolationFilters & { page: number; pageSize: number }) => {
    const query = new URLSearchParams();
    for (const key of ['agencyId', 'projectName', 'state', 'deadlineFrom', 'deadlineTo'] as const) {
      const value = next[key];
      if (value) query.set(key, value);
    }
    if (next.page > 1) query.set('page', String(next.page));
    if (next.pageSize !== defaultPageSize) query.set('pageSize', String(next.pageSize));
    setParams(query);
  };

  const applyFilters = (filters: ViolationFilters) =>
    write({ ...filters, page: 1, pageSize: search.pageSize });
  const changePage = (page: number, pageSize: number) => write({ ...search, page, pageSize });
  return { search, applyFilters, changePage };
}
