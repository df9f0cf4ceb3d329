import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { projectKeys, searchProjects } from '../projects/api.ts';
import { useDebounced } from './useDebounced.ts';

type Props = {
  /** The chosen agency; without one there is nothing to pick. */
  agencyId: string | undefined;
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
};

/** 关联项目: the chosen agency's projects, searched by name (fuzzy) on the server. */
export function ProjectSelect({ agencyId, value, onChange, id }: Props) {
  const [keyword, setKeyword] = useState('');
  const name = useDebounced(keyword.trim());
  const search = { page: 1, pageSize: 50, agencyId, name: name || undefined };
  const list = useQuery({
    queryKey: projectKeys.search(search),
    queryFn: () => searchProjects(search),
    enabled: Boolean(agencyId),
  });
  const options = (list.data?.items ?? []).map((p) => ({
    value: p.id,
    label: `${p.name}（${p.projectNo}）`,
  }));

  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      allowClear
      disabled={!agencyId}
      showSearch={{ filterOption: false, onSearch: setKeyword }}
      onClear={() => setKeyword('')}
      loading={list.isFetching}
      placeholder={agencyId ? '可选：搜索并选择该机构的项目' : '请先选择监测机构'}
      notFoundContent={list.isFetching ? '加载中…' : '该机构没有匹配的项目'}
      options={options}
    />
  );
}
