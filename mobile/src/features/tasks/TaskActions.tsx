import { type FieldTaskAction, fieldTaskWorkflow } from '@eco/field-workflow';
import ActionSheet, { type Action } from 'antd-mobile/es/components/action-sheet';
import Button from 'antd-mobile/es/components/button';
import Toast from 'antd-mobile/es/components/toast';
import { useState } from 'react';
import { newId } from '../../app/ids.ts';
import { readClock } from '../sync/clock.ts';
import { addToQueue } from '../sync/engine.ts';
import { startTrack, stopTrack } from '../track/recorder.ts';
import type { TaskView } from './task-view.ts';

/** The buttons shown directly; 暂存 and 结束 are chosen in the sheet behind 结束. */
const directActions = ['start', 'pause', 'resume'] as const;

/** Records an action on the phone (with its clock report, taken now) and starts or stops the track. */
async function recordAction(view: TaskView, action: FieldTaskAction, userId: string): Promise<void> {
  const clock = readClock();
  const { task } = view;
  const subject = `${task.projectName} · ${task.pointName}`;
  const item = {
    kind: 'action' as const,
    id: newId(),
    taskId: task.id,
    userId,
    title: fieldTaskWorkflow[action].label,
    subject,
  };
  const isStarting = action === 'start' || action === 'resume';
  // The points recorded so far are queued before the action that stops the recording.
  if (!isStarting) await stopTrack(task.id);
  await addToQueue({ ...item, payload: { actionId: item.id, action, clock } });
  if (isStarting) await startTrack(task.id, subject, userId);
}

/** 开始 · 暂停 · 继续 · 结束 (→ 暂存 / 结束): only the actions the transition table allows. */
export function TaskActions({ view, userId }: { view: TaskView; userId: string }) {
  const [isSheetOpen, setIsSheetOpen] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const canStore = view.actions.includes('store');
  const canEnd = view.actions.includes('end');

  const run = async (action: FieldTaskAction) => {
    setIsSheetOpen(false);
    setIsBusy(true);
    try {
      await recordAction(view, action, userId);
    } catch {
      Toast.show({ icon: 'fail', content: '无法保存到手机，请重试' });
    } finally {
      setIsBusy(false);
    }
  };

  const sheetActions: Action[] = [
    ...(canStore ? [{ key: 'store', text: '暂存', description: '保存当前进度，由下一岗位继续' }] : []),
    ...(canEnd ? [{ key: 'end', text: '结束', danger: true }] : []),
  ];
  const buttons = directActions.filter((action) => view.actions.includes(action));
  if (buttons.length === 0 && sheetActions.length === 0) return null;

  return (
    <div className="task-actions">
      {buttons.map((action) => (
        <Button
          key={action}
          color={action === 'pause' ? 'warning' : 'primary'}
          disabled={isBusy}
          onClick={() => void run(action)}
        >
          {fieldTaskWorkflow[action].label}
        </Button>
      ))}
      {sheetActions.length > 0 && (
        <Button color="danger" fill="outline" disabled={isBusy} onClick={() => setIsSheetOpen(true)}>
          结束
        </Button>
      )}
      <ActionSheet
        visible={isSheetOpen}
        actions={sheetActions}
        extra={canEnd ? '请选择暂存或结束任务' : '实验室分析人员上传照片后才能结束任务，当前只能暂存'}
        cancelText="取消"
        onAction={(action) => void run(action.key === 'end' ? 'end' : 'store')}
        onClose={() => setIsSheetOpen(false)}
      />
    </div>
  );
}
