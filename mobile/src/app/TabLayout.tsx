import SpinLoading from 'antd-mobile/es/components/spin-loading';
import TabBar from 'antd-mobile/es/components/tab-bar';
import { AppOutline, CheckCircleOutline, UnorderedListOutline, UserOutline } from 'antd-mobile-icons';
import { Suspense } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';

const tabs = [
  { key: '/', title: '首页', icon: <AppOutline /> },
  { key: '/projects', title: '在行项目', icon: <UnorderedListOutline /> },
  { key: '/projects/done', title: '完成项目', icon: <CheckCircleOutline /> },
  { key: '/me', title: '我的', icon: <UserOutline /> },
] as const;

/** The signed-in screens with the bottom tab bar (the sync badge is in each page's header). */
export function TabLayout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <div className="tab-layout">
      <div className="tab-content">
        <Suspense
          fallback={
            <div className="center-block">
              <SpinLoading color="primary" />
            </div>
          }
        >
          <Outlet />
        </Suspense>
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
