import { Grid, Layout, Menu, Typography } from 'antd';
import { useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';

const { Header, Content, Footer } = Layout;

const portalTitle = '四川省生态环境监测业务公开端';

const menuItems = [
  { key: '/public', label: '监测报告查询' },
  { key: '/public/agencies', label: '监测机构查询' },
  { key: '/public/verify', label: '报告真伪核验' },
];

function menuKeyOf(pathname: string): string {
  if (pathname.startsWith('/public/agencies')) return '/public/agencies';
  if (pathname.startsWith('/public/verify')) return '/public/verify';
  return '/public';
}

/** The portal's own frame: no login, a top menu, usable on a phone. */
export function PublicLayout() {
  const location = useLocation();
  const navigate = useNavigate();
  const screens = Grid.useBreakpoint();
  const isWide = screens.md === true;

  useEffect(() => {
    const previous = document.title;
    document.title = portalTitle;
    return () => {
      document.title = previous;
    };
  }, []);

  const menu = (
    <Menu
      mode="horizontal"
      theme="dark"
      selectedKeys={[menuKeyOf(location.pathname)]}
      items={menuItems}
      onClick={({ key }) => navigate(key)}
      disabledOverflow
      style={{
        background: 'transparent',
        borderBottom: 0,
        lineHeight: isWide ? '64px' : '44px',
        justifyContent: isWide ? 'flex-end' : 'space-between',
        flex: isWide ? undefined : 1,
      }}
    />
  );

  return (
    <Layout className="public-portal" style={{ minHeight: '100vh', background: '#f3f6f4' }}>
      <style>{'@media (max-width: 575px) { .public-portal .ant-card-body { padding: 12px; } }'}</style>
      <Header
        style={{
          height: 'auto',
          lineHeight: 'normal',
          padding: isWide ? '0 32px' : '0 12px',
          background: '#17603c',
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          justifyContent: 'space-between',
          columnGap: 24,
        }}
      >
        <Link
          to="/public"
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 10,
            color: '#fff',
            minHeight: isWide ? 64 : 52,
          }}
        >
          <img src="/favicon.svg" alt="" width={30} height={30} />
          <span style={{ fontSize: isWide ? 19 : 16, fontWeight: 600, letterSpacing: 1 }}>{portalTitle}</span>
        </Link>
        {isWide ? menu : <div style={{ display: 'flex', width: '100%' }}>{menu}</div>}
      </Header>
      <Content style={{ width: '100%', maxWidth: 1200, margin: '0 auto', padding: isWide ? 24 : 12 }}>
        <Outlet />
      </Content>
      <Footer style={{ textAlign: 'center', background: 'transparent', padding: '16px 12px 24px' }}>
        <Typography.Text type="secondary" style={{ fontSize: 13 }}>
          四川省生态环境厅 · 生态环境监测业务管理平台　公开信息仅供查阅，不含个人信息
        </Typography.Text>
        <br />
        <Link to="/login" style={{ fontSize: 13 }}>
          机构及监管用户登录
        </Link>
      </Footer>
    </Layout>
  );
}
