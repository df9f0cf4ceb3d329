import type { AgencyProfileField } from '@eco/contracts';
import { Space, Tag } from 'antd';
import type { ReactNode } from 'react';

type Lookups = { industryLabels: Record<string, string>; regionNames: Record<string, string> };

/** One profile value as a person reads it: names for codes, 行业类别 as tags, — for empty. */
export function formatProfileValue(
  field: AgencyProfileField | string,
  value: unknown,
  lookups: Lookups,
): ReactNode {
  if (value === null || value === undefined || value === '') return '—';
  if (field === 'industryCategories' && Array.isArray(value)) {
    if (value.length === 0) return '—';
    return (
      <Space size={[4, 4]} wrap>
        {value.map((code) => (
          <Tag key={String(code)}>{lookups.industryLabels[String(code)] ?? String(code)}</Tag>
        ))}
      </Space>
    );
  }
  if (field === 'regionCode' && typeof value === 'string') {
    const city = lookups.regionNames[`${value.slice(0, 4)}00`];
    const district = lookups.regionNames[value];
    return district ? `${city ? `${city} / ` : ''}${district}` : value;
  }
  return String(value);
}
