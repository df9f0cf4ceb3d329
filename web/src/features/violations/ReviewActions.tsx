import { type ViolationDetail, violationWorkflow } from '@eco/contracts';
import { Button, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { RejectDialog } from './RejectDialog.tsx';

type Props = {
  violation: ViolationDetail;
  onAccept: () => Promise<void>;
  onReject: (reason: string) => Promise<void>;
};

/** 整改通过 · 驳回整改: shown only when the server lists them in `actions`. */
export function ReviewActions({ violation, onAccept, onReject }: Props) {
  const [isAccepting, setAccepting] = useState(false);
  const [isRejecting, setRejecting] = useState(false);
  const canAccept = violation.actions.includes('accept');
  const canReject = violation.actions.includes('reject');
  if (!canAccept && !canReject) return null;

  const accept = async () => {
    setAccepting(true);
    try {
      await onAccept();
    } catch {
      // the page shows the error
    } finally {
      setAccepting(false);
    }
  };

  return (
    <Space wrap>
      {canReject && (
        <Button danger disabled={isAccepting} onClick={() => setRejecting(true)}>
          {violationWorkflow.reject.label}
        </Button>
      )}
      {canAccept && (
        <Popconfirm
          title={violationWorkflow.accept.label}
          description="确认该违规问题已整改到位并结案吗？"
          okText="确定"
          cancelText="取消"
          onConfirm={accept}
        >
          <Button type="primary" loading={isAccepting}>
            {violationWorkflow.accept.label}
          </Button>
        </Popconfirm>
      )}
      {isRejecting && (
        <RejectDialog
          onReject={async (reason) => {
            await onReject(reason);
            setRejecting(false);
          }}
          onClose={() => setRejecting(false)}
        />
      )}
    </Space>
  );
}
