import type { DictItem } from '@eco/contracts';
import Space from 'antd-mobile/es/components/space';
import Tag from 'antd-mobile/es/components/tag';
import { getJson } from './api.ts';
import { useResource } from './use-resource.ts';

let postLabels: Promise<Map<string, string>> | null = null;

/** Post codes (岗位职能 dictionary) to the labels the administrator keeps; fetched once per visit. */
function fetchPostLabels(): Promise<Map<string, string>> {
  postLabels ??= getJson<{ items: DictItem[] }>('/api/v1/dicts/post').then(
    ({ items }) => new Map(items.map((item) => [item.code, item.label])),
    (error: unknown) => {
      postLabels = null;
      throw error;
    },
  );
  return postLabels;
}

/** A person's posts (岗位) as tags, e.g. 采样人员; `onDark` for a coloured background. */
export function PostTags({ posts, onDark = false }: { posts: string[]; onDark?: boolean }) {
  const labels = useResource(fetchPostLabels);
  if (posts.length === 0) return <span className="muted">未设置岗位</span>;
  return (
    <Space wrap style={{ '--gap': '6px' }}>
      {posts.map((code) => (
        <Tag
          key={code}
          color={onDark ? 'rgba(255, 255, 255, 0.22)' : 'primary'}
          fill={onDark ? 'solid' : 'outline'}
        >
          {labels.data?.get(code) ?? (labels.status === 'loading' ? '…' : code)}
        </Tag>
      ))}
    </Space>
  );
}
