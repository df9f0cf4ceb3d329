import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useDeferredValue, useState } from 'react';
import { agencyKeys, fetchAgency, searchAgencies } from '../agencies/api.ts';

/** 监测机构 picker searching by name on the server; a regulator is offered its region's agencies only. */
export function AgencyFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const [name, setName] = useState('');
  const deferredName = useDeferredValue(name.trim());
  const params = { page: 1, pageSize: 20, name: deferredName || undefined };
  const found = useQuery({
    queryKey: agencyKeys.search(params),
    queryFn: () => searchAgencies(params),
    placeholderData: keepPreviousData,
  });
  // A preset agency (from the address bar) may not be among the first matches: fetch its name.
  const picked = useQuery({
    queryKey: agencyKeys.one(value ?? ''),
    queryFn: () => fetchAgency(value ?? ''),
    enabled: Boolean(value) && !found.data?.items.some((a) => a.id === value),
  });
  const options = (found.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }));
  if (picked.data && !options.some((o) => o.value === picked.data.id)) {
    options.unshift({ value: picked.data.id, label: picked.data.name });
  }
  return (
    <Select
      allowClear
      showSearch={{ filterOption: false, onSearch: setName }}
      placeholder="监测机构"
      style={{ width: 220 }}
      loading={found.isFetching}
      options={options}
      value={value}
      onChange={(id: string | undefined) => {
        onChange(id);
        setName('');
      }}
      notFoundContent={found.isFetching ? '搜索中…' : '无匹配的机构'}
    />
  );
}
