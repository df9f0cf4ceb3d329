import type { FieldTaskStatus } from '@eco/contracts';
import { fieldTaskStatusLabels } from '@eco/field-workflow';
import Tag from 'antd-mobile/es/components/tag';

const colors: Record<FieldTaskStatus, string> = {
  created: 'default',
  running: 'primary',
  paused: 'warning',
  stored: '#7b61ff',
  ended: 'success',
};

/** 未开始 · 进行中 · 已暂停 · 已暂存 · 已结束. */
export function TaskStatusTag({ status }: { status: FieldTaskStatus }) {
  return (
    <Tag color={colors[status]} fill="outline">
      {fieldTaskStatusLabels[status]}
    </Tag>
  );
}
