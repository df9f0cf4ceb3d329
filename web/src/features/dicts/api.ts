import type { DictItem, DictItemInput, DictType } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from '../../app/api.ts';

export const dictKeys = {
  all: ['dicts'] as const,
  enabled: (type: DictType) => ['dicts', 'enabled', type] as const,
};

/** Every item of every dictionary, disabled ones included. */
export async function fetchAllDictItems(): Promise<DictItem[]> {
  return (await api.get<{ items: DictItem[] }>('/api/v1/dicts')).items;
}

/** The enabled items of one dictionary: what a form may offer. */
export async function fetchEnabledDictItems(type: DictType): Promise<DictItem[]> {
  return (await api.get<{ items: DictItem[] }>(`/api/v1/dicts/${type}`)).items;
}

export function createDictItem(type: DictType, input: DictItemInput): Promise<DictItem> {
  return api.post<DictItem>(`/api/v1/dicts/${type}/items`, input);
}

export function updateDictItem(
  type: DictType,
  id: string,
  input: Omit<DictItemInput, 'code'>,
): Promise<DictItem> {
  return api.put<DictItem>(`/api/v1/dicts/${type}/items/${encodeURIComponent(id)}`, input);
}

export function useAllDictItems() {
  return useQuery({ queryKey: dictKeys.all, queryFn: fetchAllDictItems, staleTime: 5 * 60_000 });
}

/** code → label for one dictionary (disabled items too, so old records still read well). */
export function useDictLabels(type: DictType): Record<string, string> {
  const { data } = useAllDictItems();
  return useMemo(() => {
    const labels: Record<string, string> = {};
    for (const item of data ?? []) if (item.type === type) labels[item.code] = item.label;
    return labels;
  }, [data, type]);
}
