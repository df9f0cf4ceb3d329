import type { Overview, OverviewCount } from '@eco/contracts';
import { Card, Col, Empty, Row } from 'antd';
import { type ReactNode, useMemo } from 'react';
import { Link } from 'react-router';
import { overviewLinks } from './api.ts';
import { barOption, columnOption, donutOption, monthOption } from './chartOptions.ts';
import { type ChartLink, type ChartOption, EChart } from './EChart.tsx';

type Figure = {
  testId: string;
  title: string;
  /** The whole list behind the figure, unfiltered. */
  listHref: string;
  rows: OverviewCount[];
  unit: string;
  option: (rows: OverviewCount[], unit: string) => ChartOption;
  hrefOf: (row: OverviewCount) => string;
  span: { xs: number; xl: number };
  height?: number;
  categoryAxis?: 'x' | 'y';
};

function FigureCard({ figure }: { figure: Figure }): ReactNode {
  const { rows, unit, option, hrefOf } = figure;
  const chartOption = useMemo(() => option(rows, unit), [option, rows, unit]);
  const links = useMemo<ChartLink[]>(
    () => rows.map((r) => ({ label: `${r.label}：${r.count} ${unit}`, href: hrefOf(r) })),
    [rows, unit, hrefOf],
  );
  const isEmpty = rows.every((r) => r.count === 0);
  return (
    <Col xs={figure.span.xs} xl={figure.span.xl}>
      <Card
        size="small"
        title={figure.title}
        extra={<Link to={figure.listHref}>查看列表</Link>}
        styles={{ body: { padding: 12 } }}
      >
        {isEmpty ? (
          <div
            data-testid={figure.testId}
            style={{ height: figure.height ?? 300, display: 'grid', placeItems: 'center' }}
          >
            <Empty description="暂无数据" />
          </div>
        ) : (
          <EChart
            option={chartOption}
            links={links}
            title={figure.title}
            testId={figure.testId}
            height={figure.height}
            categoryAxis={figure.categoryAxis}
          />
        )}
      </Card>
    </Col>
  );
}

/** The overview's charts; a click on any bar, slice or point opens the list filtered to it. */
export function OverviewCharts({ overview }: { overview: Overview }) {
  const { projects, agencies } = overview;
  const regionTitle = projects.regionLevel === 'city' ? '各市州项目数' : '各区县项目数';
  const figures: Figure[] = [
    {
      testId: 'chart-project-status',
      title: '项目状态',
      listHref: overviewLinks.projects(),
      rows: projects.byStatus,
      unit: '个',
      option: donutOption,
      hrefOf: (r) => overviewLinks.projects({ status: r.key }),
      span: { xs: 24, xl: 8 },
    },
    {
      testId: 'chart-project-region',
      title: regionTitle,
      listHref: overviewLinks.projects(),
      rows: projects.byRegion,
      unit: '个',
      option: columnOption,
      categoryAxis: 'x',
      hrefOf: (r) => overviewLinks.projects({ regionCode: r.key }),
      span: { xs: 24, xl: 16 },
    },
    {
      testId: 'chart-project-month',
      title: '近12个月登记项目',
      listHref: overviewLinks.projects(),
      rows: projects.byMonth,
      unit: '个',
      option: monthOption,
      categoryAxis: 'x',
      hrefOf: (r) => overviewLinks.projects({ month: r.key }),
      span: { xs: 24, xl: 16 },
    },
    {
      testId: 'chart-agency-status',
      title: '监测机构状态',
      listHref: overviewLinks.agencies(),
      rows: agencies.byStatus,
      unit: '家',
      option: donutOption,
      hrefOf: (r) => overviewLinks.agencies(r.key),
      span: { xs: 24, xl: 8 },
    },
    {
      testId: 'chart-project-type',
      title: '各监测类型项目数',
      listHref: overviewLinks.projects(),
      rows: projects.byMonitoringType,
      unit: '个',
      option: barOption,
      categoryAxis: 'y',
      hrefOf: (r) => overviewLinks.projects({ monitoringType: r.key }),
      span: { xs: 24, xl: 24 },
      height: Math.max(240, projects.byMonitoringType.length * 32 + 32),
    },
  ];
  return (
    <Row gutter={[16, 16]}>
      {figures.map((figure) => (
        <FigureCard key={figure.testId} figure={figure} />
      ))}
    </Row>
  );
}
