import TabBar from 'antd-mobile/es/components/tab-bar';
import { AppOutline, UserOutline } from 'antd-mobile-icons';
import { Outlet, useLocation, useNavigate } from 'react-router';

const tabs = [
  { key: '/', title: '首页', icon: <AppOutline /> },
  { key: '/me', title: '我的', icon: <UserOutline /> },
] as const;

/** The signed-in screens with the bottom tab bar. */
export function TabLayout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <div className="tab-layout">
      <div className="tab-content">
        <Outlet />
      </div>
      <nav className="tab-bar" aria-label="主导航">
        <TabBar activeKey={pathname} onChange={(key) => navigate(key)} safeArea>
          {tabs.map((tab) => (
            <TabBar.Item key={tab.key} title={tab.title} icon={tab.icon} />
          ))}
        </TabBar>
      </nav>
    </div>
  );
}
