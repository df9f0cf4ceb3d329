import type { DictType } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { dictKeys, fetchEnabledDictItems } from '../dicts/api.ts';

export { useRegionNames, useRegionTree } from '../agency-profile/api.ts';

export type Option = { value: string; label: string };

/** The enabled items of a dictionary as select options (code → label). */
export function useDictOptions(type: DictType) {
  const query = useQuery({
    queryKey: dictKeys.enabled(type),
    queryFn: () => fetchEnabledDictItems(type),
    staleTime: 5 * 60_000,
  });
  const options = useMemo<Option[]>(
    () => (query.data ?? []).map((item) => ({ value: item.code, label: item.label })),
    [query.data],
  );
  return { options, isPending: query.isPending, error: query.error };
}

/** `成都市 / 锦江区` for a 区县, the name alone for a 市州; the code when the tree is not loaded yet. */
export function regionLabel(code: string, names: Record<string, string>): string {
  const own = names[code];
  if (!own) return code;
  const cityCode = `${code.slice(0, 4)}00`;
  const city = cityCode !== code ? names[cityCode] : undefined;
  return city ? `${city} / ${own}` : own;
}

/** The cascader path for a stored code: 市州 then 区县 (the province itself is not in the tree). */
export function regionPath(code: string | undefined): string[] {
  if (!code) return [];
  if (code.endsWith('0000')) return [];
  const city = `${code.slice(0, 4)}00`;
  return city === code ? [code] : [city, code];
}
