import { Flex, Tag } from 'antd';
import { usePublicDictLabels } from './api.ts';

/** 行业类别 as tags, codes read through the public dictionary. */
export function IndustryTags({ categories }: { categories: string[] }) {
  const labelOf = usePublicDictLabels('industry_category');
  if (categories.length === 0) return <>—</>;
  return (
    <Flex gap={4} wrap>
      {categories.map((category) => (
        <Tag key={category} style={{ marginInlineEnd: 0 }}>
          {labelOf(category)}
        </Tag>
      ))}
    </Flex>
  );
}
