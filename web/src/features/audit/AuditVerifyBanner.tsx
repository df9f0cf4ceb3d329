import { useQuery } from '@tanstack/react-query';
import { Alert, Button } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/time.ts';
import { auditKeys, verifyAudit } from './api.ts';

/** Whether the whole hash chain verifies, with the first broken record when it does not. */
export function AuditVerifyBanner() {
  const verify = useQuery({ queryKey: auditKeys.verify, queryFn: verifyAudit });
  const again = (
    <Button size="small" loading={verify.isFetching} onClick={() => verify.refetch()}>
      重新校验
    </Button>
  );
  const checkedAt = verify.dataUpdatedAt
    ? `，校验时间 ${formatDateTime(new Date(verify.dataUpdatedAt).toISOString())}`
    : '';
  if (verify.isPending) return <Alert type="info" showIcon title="正在校验审计链…" />;
  if (verify.isError)
    return (
      <Alert type="warning" showIcon title={`审计链校验失败：${errorMessage(verify.error)}`} action={again} />
    );
  const result = verify.data;
  if (result.ok)
    return (
      <Alert
        data-testid="audit-chain"
        data-ok="true"
        type="success"
        showIcon
        title={`审计链校验通过（共 ${result.count} 条）`}
        description={`每条记录均与其哈希一致，且与前一条记录首尾衔接，未发现篡改、删除或插入${checkedAt}。`}
        action={again}
      />
    );
  return (
    <Alert
      data-testid="audit-chain"
      data-ok="false"
      type="error"
      showIcon
      title={`审计链校验未通过：第 ${result.brokenId ?? '?'} 号记录被篡改或缺失`}
      description={`${result.reason ? `原因：${result.reason}` : ''}（已校验 ${result.count} 条${checkedAt}）`}
      action={again}
    />
  );
}
