import { DeleteOutlined } from '@ant-design/icons';
import { type ProjectAction, type ProjectDetail, projectWorkflow } from '@eco/contracts';
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { ReturnDialog } from './ReturnDialog.tsx';

type Props = {
  project: ProjectDetail;
  /** Runs one workflow action; rejects with the server's error (shown by the page). */
  onAction: (action: ProjectAction, reason?: string) => Promise<void>;
  onDelete: () => Promise<void>;
};

const confirmations: Record<Exclude<ProjectAction, 'return'>, string> = {
  submit: '提交后监测状态为已完成，项目只能查看，等待监管部门审核。确定提交吗？',
  resubmit: '确定将修改后的项目再次提交监管部门审核吗？',
  approve: '确定审核通过该项目吗？',
};

function isProjectAction(value: string): value is ProjectAction {
  return value in projectWorkflow;
}

/** The buttons the server allows the caller now (`actions`), in workflow order, plus 删除. */
export function ProjectActions({ project, onAction, onDelete }: Props) {
  const [busy, setBusy] = useState<ProjectAction | 'delete' | null>(null);
  const [isReturning, setReturning] = useState(false);
  const actions = project.actions.filter(isProjectAction);

  const run = async (action: ProjectAction) => {
    setBusy(action);
    try {
      await onAction(action);
    } catch {
      // the page shows the error
    } finally {
      setBusy(null);
    }
  };

  const remove = async () => {
    setBusy('delete');
    try {
      await onDelete();
    } catch {
      // the page shows the error
    } finally {
      setBusy(null);
    }
  };

  return (
    <Space wrap>
      {project.canDelete && (
        <Popconfirm
          title="删除项目"
          description={`确定删除「${project.name}」吗？删除后不可恢复。`}
          okText="确定"
          cancelText="取消"
          okButtonProps={{ danger: true }}
          onConfirm={remove}
        >
          <Button danger icon={<DeleteOutlined />} loading={busy === 'delete'} disabled={busy !== null}>
            删除
          </Button>
        </Popconfirm>
      )}
      {actions.map((action) => {
        const label = projectWorkflow[action].label;
        if (action === 'return') {
          return (
            <Button key={action} danger disabled={busy !== null} onClick={() => setReturning(true)}>
              {label}
            </Button>
          );
        }
        return (
          <Popconfirm
            key={action}
            title={label}
            description={confirmations[action]}
            okText="确定"
            cancelText="取消"
            onConfirm={() => run(action)}
          >
            <Button type="primary" loading={busy === action} disabled={busy !== null && busy !== action}>
              {label}
            </Button>
          </Popconfirm>
        );
      })}
      {isReturning && (
        <ReturnDialog
          onReturn={async (reason) => {
            await onAction('return', reason);
            setReturning(false);
          }}
          onClose={() => setReturning(false)}
        />
      )}
    </Space>
  );
}
