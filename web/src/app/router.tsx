import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AgencyListPage } from '../features/agencies/AgencyListPage.tsx';
import { AgencyProfilePage } from '../features/agencies/AgencyProfilePage.tsx';
import { AuditLogPage } from '../features/audit/AuditLogPage.tsx';
import { ChangePasswordPage, ForcedPasswordChangePage } from '../features/auth/ChangePasswordPage.tsx';
import { FieldStaffNotice } from '../features/auth/FieldStaffNotice.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { DictPage } from '../features/dicts/DictPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { useAuth } from './auth.tsx';
import { AppLayout } from './layout.tsx';
import { canOpen } from './nav.tsx';

function FullPageSpin() {
  return (
    <div style={{ height: '100vh', display: 'grid', placeItems: 'center' }}>
      <Spin size="large" description="加载中…" />
    </div>
  );
}

/** Logged in, password changed, and a web role; otherwise the page that fixes it. */
function RequireSession({ children }: { children: ReactNode }) {
  const { me, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <FullPageSpin />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.role === 'field_staff') return <FieldStaffNotice />;
  if (me.mustChangePassword) return <ForcedPasswordChangePage />;
  return children;
}

function RequirePage({ path, children }: { path: string; children: ReactNode }) {
  const { me } = useAuth();
  const navigate = useNavigate();
  if (me && !canOpen(me.role, path)) {
    return (
      <Result
        status="403"
        title="无权访问"
        subTitle="当前账号无权访问此页面"
        extra={
          <Button type="primary" onClick={() => navigate('/')}>
            返回首页
          </Button>
        }
      />
    );
  }
  return children;
}

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回首页
        </Button>
      }
    />
  );
}

const pages: Array<{ path: string; element: ReactNode }> = [
  { path: '/agency', element: <AgencyProfilePage /> },
  { path: '/agencies', element: <AgencyListPage /> },
  { path: '/audit', element: <AuditLogPage /> },
  { path: '/dicts', element: <DictPage /> },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/password" element={<ChangePasswordPage />} />
        {pages.map((page) => (
          <Route
            key={page.path}
            path={page.path}
            element={<RequirePage path={page.path}>{page.element}</RequirePage>}
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
