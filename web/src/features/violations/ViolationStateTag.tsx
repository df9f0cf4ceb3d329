import { type RectificationState, rectificationStateLabels } from '@eco/contracts';
import { Tag } from 'antd';

const stateColors: Record<RectificationState, string> = {
  overdue: 'red',
  pending: 'orange',
  submitted: 'blue',
  accepted: 'green',
};

/** 整改状态: 待整改 · 逾期 · 已提交 · 已整改. */
export function ViolationStateTag({ state }: { state: RectificationState }) {
  return (
    <Tag color={stateColors[state]} data-testid="violation-state">
      {rectificationStateLabels[state]}
    </Tag>
  );
}
