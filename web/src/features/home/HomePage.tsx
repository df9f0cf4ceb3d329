import { type Me, roleLabels } from '@eco/contracts';
import { Card, Col, Descriptions, type DescriptionsProps, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { lazy, Suspense } from 'react';
import { useNavigate } from 'react-router';
import { useMe } from '../../app/auth.tsx';
import { navItemsFor } from '../../app/nav.tsx';
import { displayTimeZone } from '../../app/time.ts';
import { AgencyStatusTag } from '../agencies/AgencyStatusTag.tsx';
import { AgencyOverview } from './AgencyOverview.tsx';
import { SupervisionOverview } from './SupervisionOverview.tsx';

// The regulator's 监管总览 draws with ECharts: its own chunk, fetched only for regulators.
const OverviewPage = lazy(() =>
  import('../overview/OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })),
);

function greeting(): string {
  const hour = dayjs().tz(displayTimeZone).hour();
  if (hour < 6) return '夜深了';
  if (hour < 12) return '上午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

function profileItems(me: Me): DescriptionsProps['items'] {
  const items: DescriptionsProps['items'] = [
    { key: 'name', label: '姓名', children: me.displayName },
    { key: 'username', label: '账号', children: me.username },
    { key: 'role', label: '角色', children: roleLabels[me.role] },
  ];
  if (me.agency) {
    items.push({
      key: 'agency',
      label: '所属机构',
      children: (
        <Space>
          {me.agency.name}
          <AgencyStatusTag status={me.agency.status} />
        </Space>
      ),
    });
  }
  if (me.region) items.push({ key: 'region', label: '监管区域', children: me.region.name });
  if (me.posts.length > 0) items.push({ key: 'posts', label: '岗位', children: me.posts.join('、') });
  return items;
}

/** 首页: who you are, the state of your work, and a way into every page your role has. */
export function HomePage() {
  const me = useMe();
  const navigate = useNavigate();
  const shortcuts = navItemsFor(me.role).filter((item) => item.path !== '/');
  const isAgencyUser = me.role === 'agency_admin' || me.role === 'agency_registrar';

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {greeting()}，{me.displayName}
        </Typography.Title>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} items={profileItems(me)} />
      </Card>
      {isAgencyUser && <AgencyOverview canEdit={me.role === 'agency_admin'} />}
      {me.role === 'regulator' && (
        <Suspense fallback={<Card title="监管总览" loading />}>
          <OverviewPage />
        </Suspense>
      )}
      {me.role === 'sysadmin' && <SupervisionOverview />}
      <Card title="常用功能">
        <Row gutter={[16, 16]}>
          {shortcuts.map((item) => (
            <Col key={item.path} xs={24} md={12} xl={8}>
              <Card hoverable size="small" onClick={() => navigate(item.path)}>
                <Card.Meta
                  avatar={<span style={{ fontSize: 24, color: '#1f7a4d' }}>{item.icon}</span>}
                  title={item.label}
                  description={item.description}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </Card>
    </Space>
  );
}
