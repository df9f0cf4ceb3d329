import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { type Me, roleLabels } from '@eco/contracts';
import { App, Button, Divider, Layout, Menu, Space, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { useAuth, useMe } from './auth.tsx';
import { navItems, navItemsFor } from './nav.tsx';

const { Header, Sider, Content } = Layout;

/** What the header shows beside the name: the agency for agency staff, the region for regulators. */
export function affiliationOf(me: Me): string | null {
  if (me.agency) return me.agency.name;
  if (me.region) return me.region.name;
  return null;
}

/** The menu entry of a page: the longest nav path that the location starts with (/projects/new → 项目登记). */
function selectedKey(pathname: string): string {
  const matches = navItems
    .map((item) => item.path)
    .filter((path) => path !== '/' && (pathname === path || pathname.startsWith(`${path}/`)));
  return matches.sort((a, b) => b.length - a.length)[0] ?? '/';
}

export function LogoutButton({ type = 'default' }: { type?: 'default' | 'link' | 'primary' }) {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [isBusy, setBusy] = useState(false);
  const handleClick = async () => {
    setBusy(true);
    try {
      await logout();
    } catch {
      message.warning('退出时服务器未响应，已在本机退出');
    } finally {
      setBusy(false);
      navigate('/login', { replace: true });
    }
  };
  return (
    <Button type={type} icon={<LogoutOutlined />} loading={isBusy} onClick={handleClick}>
      退出登录
    </Button>
  );
}

export function AppLayout() {
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const affiliation = affiliationOf(me);
  const items = navItemsFor(me.role).map((item) => ({
    key: item.path,
    icon: item.icon,
    label: item.label,
  }));

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={216} breakpoint="lg" collapsedWidth={64} theme="dark">
        <div
          style={{
            height: 64,
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            padding: '0 16px',
            color: '#fff',
            fontWeight: 600,
            fontSize: 15,
            lineHeight: 1.3,
            overflow: 'hidden',
          }}
        >
          <img src="/favicon.svg" alt="" width={28} height={28} />
          <span>生态环境监测业务管理平台</span>
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[selectedKey(location.pathname)]}
          items={items}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'flex-end',
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <Space size="middle" wrap={false}>
            <NotificationBell />
            <Space size={6}>
              <UserOutlined />
              <Typography.Text strong>{me.displayName}</Typography.Text>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {roleLabels[me.role]}
              </Tag>
            </Space>
            {affiliation && <Typography.Text type="secondary">{affiliation}</Typography.Text>}
            <Divider orientation="vertical" />
            <Button type="link" icon={<KeyOutlined />} onClick={() => navigate('/password')}>
              修改密码
            </Button>
            <LogoutButton />
          </Space>
        </Header>
        <Content style={{ margin: 24 }}>
          <Outlet />
        </Content>
      </Layout>
    </Layout>
  );
}
