import { type AgencyProfileValues, agencyProfileFieldLabels as labels } from '@eco/contracts';
import { Descriptions, type DescriptionsProps } from 'antd';
import type { ReactNode } from 'react';
import { useDictLabels } from '../dicts/api.ts';
import { useRegionNames } from './api.ts';
import { formatProfileValue } from './format.tsx';

/** A 机构信息 version, every field in form order. */
export function ProfileDescriptions({ values, status }: { values: AgencyProfileValues; status?: ReactNode }) {
  const industryLabels = useDictLabels('industry_category');
  const regionNames = useRegionNames();
  const show = (field: keyof typeof labels) =>
    formatProfileValue(field, values[field], { industryLabels, regionNames });
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: labels.name, children: values.name, span: status ? 1 : 2 },
    ...(status ? [{ key: 'status', label: '审核状态', children: status }] : []),
    { key: 'creditCode', label: labels.creditCode, children: show('creditCode') },
    { key: 'legalRepresentative', label: labels.legalRepresentative, children: show('legalRepresentative') },
    { key: 'registeredAddress', label: labels.registeredAddress, children: show('registeredAddress') },
    { key: 'officeAddress', label: labels.officeAddress, children: show('officeAddress') },
    { key: 'regionCode', label: labels.regionCode, children: show('regionCode') },
    { key: 'contactPerson', label: labels.contactPerson, children: show('contactPerson') },
    { key: 'contactPhone', label: labels.contactPhone, children: show('contactPhone') },
    { key: 'email', label: labels.email, children: show('email') },
    {
      key: 'industryCategories',
      label: labels.industryCategories,
      children: show('industryCategories'),
      span: 2,
    },
    { key: 'cmaNumber', label: labels.cmaNumber, children: show('cmaNumber') },
    {
      key: 'cmaValid',
      label: 'CMA 有效期',
      children:
        values.cmaValidFrom || values.cmaValidTo
          ? `${values.cmaValidFrom ?? '—'} 至 ${values.cmaValidTo ?? '—'}`
          : '—',
    },
    {
      key: 'qualificationScope',
      label: labels.qualificationScope,
      children: show('qualificationScope'),
      span: 2,
    },
    { key: 'introduction', label: labels.introduction, children: show('introduction'), span: 2 },
  ];
  return <Descriptions bordered column={2} size="small" items={items} />;
}
