import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Skeleton, Space, Typography } from 'antd';
import { errorMessage } from '../../app/api.ts';
import { useOverview } from './api.ts';
import { OverviewCharts } from './OverviewCharts.tsx';
import { StatCards } from './StatCards.tsx';

/**
 * 监管总览 on the regulator's 首页: counts and charts of the region. Loaded on demand (React.lazy),
 * so ECharts is fetched only by those who see it.
 */
export function OverviewPage() {
  const overview = useOverview();
  if (overview.isPending) {
    return (
      <Card title="监管总览">
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (overview.isError) {
    return <Alert type="error" showIcon title={`监管总览加载失败：${errorMessage(overview.error)}`} />;
  }
  const data = overview.data;
  return (
    <Card
      data-testid="overview"
      title={`监管总览（${data.regionName}）`}
      extra={
        <Space>
          <Typography.Text type="secondary">统计日期 {data.today}</Typography.Text>
          <Button
            size="small"
            icon={<ReloadOutlined />}
            loading={overview.isFetching}
            onClick={() => overview.refetch()}
          >
            刷新
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <StatCards overview={data} />
        <OverviewCharts overview={data} />
      </Space>
    </Card>
  );
}
