import type { Overview, OverviewCount } from '@eco/contracts';
import { Card, Col, Row, Space, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { overviewLinks } from './api.ts';

type SubLink = { label: string; count: number; href: string };

type Stat = {
  testId: string;
  title: string;
  value: number;
  unit: string;
  href: string;
  /** Red when there is something to act on. */
  isAlert?: boolean;
  note?: ReactNode;
  subLinks?: SubLink[];
};

function countOf(rows: OverviewCount[], key: string): number {
  return rows.find((r) => r.key === key)?.count ?? 0;
}

function StatCard({ stat }: { stat: Stat }) {
  const navigate = useNavigate();
  const isRed = stat.isAlert === true && stat.value > 0;
  return (
    <Col flex="1 1 140px">
      <Card
        hoverable
        size="small"
        data-testid={stat.testId}
        onClick={() => navigate(stat.href)}
        style={{ height: '100%', borderTop: `3px solid ${isRed ? '#ff4d4f' : '#1f7a4d'}` }}
      >
        <Statistic
          title={stat.title}
          value={stat.value}
          suffix={stat.unit}
          styles={{ content: { color: isRed ? '#cf1322' : undefined } }}
        />
        <div style={{ minHeight: 22, fontSize: 12 }}>
          {stat.note && <Typography.Text type="secondary">{stat.note}</Typography.Text>}
          {stat.subLinks && (
            <Space size={8} wrap>
              {stat.subLinks.map((s) => (
                <Link key={s.href} to={s.href} onClick={(event) => event.stopPropagation()}>
                  {s.label} {s.count}
                </Link>
              ))}
            </Space>
          )}
        </div>
      </Card>
    </Col>
  );
}

/** The headline counts; each card opens its list, each small link a narrower one. */
export function StatCards({ overview }: { overview: Overview }) {
  const { agencies, staff, projects, violations, flaggedPhotos, reviews } = overview;
  const stats: Stat[] = [
    {
      testId: 'stat-agencies',
      title: '监测机构',
      value: agencies.total,
      unit: '家',
      href: overviewLinks.agencies(),
      subLinks: [
        {
          label: '待审核',
          count: countOf(agencies.byStatus, 'submitted'),
          href: overviewLinks.agencies('submitted'),
        },
      ],
    },
    {
      testId: 'stat-staff',
      title: '监测人员',
      value: staff.total,
      unit: '人',
      href: overviewLinks.reviews('personnel'),
      subLinks: [
        {
          label: '待审核',
          count: countOf(staff.byStatus, 'submitted'),
          href: overviewLinks.reviews('personnel'),
        },
      ],
    },
    {
      testId: 'stat-projects',
      title: '项目',
      value: projects.total,
      unit: '个',
      href: overviewLinks.projects(),
      subLinks: [
        {
          label: '未完成',
          count: countOf(projects.byStatus, 'in_progress'),
          href: overviewLinks.projects({ status: 'in_progress' }),
        },
        {
          label: '已完成',
          count: countOf(projects.byStatus, 'submitted'),
          href: overviewLinks.projects({ status: 'submitted' }),
        },
      ],
    },
    {
      testId: 'stat-violations',
      title: '待整改违规',
      value: violations.open,
      unit: '条',
      href: overviewLinks.violations('pending'),
      subLinks: [
        { label: '待整改', count: violations.pending, href: overviewLinks.violations('pending') },
        { label: '已提交', count: violations.submitted, href: overviewLinks.violations('submitted') },
      ],
    },
    {
      testId: 'stat-overdue',
      title: '逾期',
      value: violations.overdue,
      unit: '条',
      href: overviewLinks.violations('overdue'),
      isAlert: true,
      note: '超过整改期限仍未整改',
    },
    {
      testId: 'stat-flagged-photos',
      title: '照片需核查',
      value: flaggedPhotos.photos,
      unit: '张',
      href: overviewLinks.fieldEvidence(),
      isAlert: true,
      note: `涉及 ${flaggedPhotos.tasks} 个监测任务`,
    },
    {
      testId: 'stat-reviews',
      title: '待审核',
      value: reviews.total,
      unit: '项',
      href: overviewLinks.reviews(),
      subLinks: [
        { label: '机构', count: reviews.agencies, href: overviewLinks.reviews('agencies') },
        { label: '人员', count: reviews.personnel, href: overviewLinks.reviews('personnel') },
        { label: '项目', count: reviews.projects, href: overviewLinks.reviews('projects') },
      ],
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {stats.map((stat) => (
        <StatCard key={stat.testId} stat={stat} />
      ))}
    </Row>
  );
}
