import { Descriptions, type DescriptionsProps, Space, Tag } from 'antd';
import { formatDate, formatDateTime } from '../../app/time.ts';
import { useDictLabels } from '../dicts/api.ts';
import { AgencyStatusTag } from './AgencyStatusTag.tsx';
import type { AgencySummary } from './api.ts';

function text(value: string | null): string {
  return value?.trim() ? value : '—';
}

/** The agency's registered facts, as the agency and the regulator both see them. */
export function AgencyDescriptions({ agency, column = 2 }: { agency: AgencySummary; column?: number }) {
  const industryLabels = useDictLabels('industry_category');
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '机构名称', children: agency.name, span: column },
    { key: 'creditCode', label: '统一社会信用代码', children: agency.creditCode },
    { key: 'status', label: '审核状态', children: <AgencyStatusTag status={agency.status} /> },
    {
      key: 'region',
      label: '所在地区',
      children: agency.regionName ? `${agency.regionName}（${agency.regionCode}）` : agency.regionCode,
    },
    { key: 'legal', label: '法定代表人', children: text(agency.legalRepresentative) },
    { key: 'contact', label: '联系人', children: text(agency.contactPerson) },
    { key: 'phone', label: '联系电话', children: text(agency.contactPhone) },
    {
      key: 'industry',
      label: '行业类别',
      span: column,
      children:
        agency.industryCategories.length > 0 ? (
          <Space size={[4, 4]} wrap>
            {agency.industryCategories.map((code) => (
              <Tag key={code}>{industryLabels[code] ?? code}</Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { key: 'cma', label: 'CMA 证书编号', children: text(agency.cmaNumber) },
    { key: 'cmaValidTo', label: 'CMA 有效期至', children: formatDate(agency.cmaValidTo) },
    { key: 'createdAt', label: '登记时间', children: formatDateTime(agency.createdAt) },
  ];
  return <Descriptions bordered column={column} size="small" items={items} />;
}
