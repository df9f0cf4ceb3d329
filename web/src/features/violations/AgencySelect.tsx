import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { type CSSProperties, useMemo, useState } from 'react';
import { agencyKeys, fetchAgency, searchAgencies } from '../agencies/api.ts';
import { useDebounced } from './useDebounced.ts';

type Props = {
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  id?: string;
};

/** 监测机构: searched by name on the server (the regulator's region), up to 50 at a time. */
export function AgencySelect({ value, onChange, placeholder = '请选择监测机构', style, id }: Props) {
  const [keyword, setKeyword] = useState('');
  const name = useDebounced(keyword.trim());
  const params = { page: 1, pageSize: 50, name: name || undefined };
  const list = useQuery({
    queryKey: agencyKeys.search(params),
    queryFn: () => searchAgencies(params),
  });
  const isListed = list.data?.items.some((a) => a.id === value) ?? false;
  // A value from the URL may not be among the first results: fetch its name.
  const chosen = useQuery({
    queryKey: agencyKeys.one(value ?? ''),
    queryFn: () => fetchAgency(value ?? ''),
    enabled: Boolean(value) && list.isSuccess && !isListed,
  });

  const options = useMemo(() => {
    const items = (list.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
    if (chosen.data && !items.some((o) => o.value === chosen.data.id)) {
      items.unshift({ value: chosen.data.id, label: chosen.data.name });
    }
    return items;
  }, [list.data, chosen.data]);

  return (
    <Select
      id={id}
      value={value}
      onChange={(next: string | undefined) => onChange?.(next)}
      allowClear
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      onClear={() => setKeyword('')}
      loading={list.isFetching}
      placeholder={placeholder}
      notFoundContent={list.isFetching ? '加载中…' : '没有匹配的监测机构'}
      options={options}
      // Until its name arrives, a value from the URL shows as 加载中… rather than as its id.
      labelRender={({ label, value: shown }) =>
        options.some((o) => o.value === shown) || chosen.isError ? label : '加载中…'
      }
      style={style}
    />
  );
}
