import type { ViolationSummary } from '@eco/contracts';
import { Typography } from 'antd';
import type { ColumnType } from 'antd/es/table';
import { formatDate, formatDateTime } from '../../app/time.ts';
import { ViolationStateTag } from './ViolationStateTag.tsx';

type Column = ColumnType<ViolationSummary>;

/** The columns every violation list shares, in the order the pages show them. */
export const violationColumns = {
  project: {
    title: '项目名称/编号',
    key: 'project',
    width: 220,
    render: (_v, v) =>
      v.projectName ? (
        <div>
          <div>{v.projectName}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {v.projectNo}
          </Typography.Text>
        </div>
      ) : (
        <Typography.Text type="secondary">未关联项目</Typography.Text>
      ),
  },
  agency: { title: '监测机构', dataIndex: 'agencyName', width: 200, ellipsis: { showTitle: true } },
  problem: { title: '违规问题', dataIndex: 'problem', ellipsis: { showTitle: true } },
  deadline: {
    title: '整改期限',
    dataIndex: 'deadline',
    width: 110,
    render: (deadline: string) => formatDate(deadline),
  },
  state: {
    title: '整改状态',
    dataIndex: 'state',
    width: 100,
    render: (_v, v) => <ViolationStateTag state={v.state} />,
  },
  rounds: { title: '整改轮次', dataIndex: 'roundCount', width: 90, align: 'center' },
  issuedAt: {
    title: '开具时间',
    dataIndex: 'issuedAt',
    width: 165,
    render: (at: string) => formatDateTime(at),
  },
  closedAt: {
    title: '整改完成时间',
    dataIndex: 'closedAt',
    width: 165,
    render: (at: string | null) => formatDateTime(at),
  },
} satisfies Record<string, Column>;
