import { Button, Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { AgencyListPage } from '../features/agencies/AgencyListPage.tsx';
import { AgencyProfilePage } from '../features/agency-profile/AgencyProfilePage.tsx';
import { AgencyReviewDetailPage } from '../features/agency-profile/AgencyReviewDetailPage.tsx';
import { AgencyReviewListPage } from '../features/agency-profile/AgencyReviewListPage.tsx';
import { AuditLogPage } from '../features/audit/AuditLogPage.tsx';
import { ChangePasswordPage, ForcedPasswordChangePage } from '../features/auth/ChangePasswordPage.tsx';
import { FieldStaffNotice } from '../features/auth/FieldStaffNotice.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { DictPage } from '../features/dicts/DictPage.tsx';
import { FlaggedPhotosPage } from '../features/field-evidence/FlaggedPhotosPage.tsx';
import { GuidePage } from '../features/guide/GuidePage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { NotificationListPage } from '../features/notifications/NotificationListPage.tsx';
import { PersonnelPage } from '../features/personnel/PersonnelPage.tsx';
import { PersonnelReviewPage } from '../features/personnel/PersonnelReviewPage.tsx';
import { ProjectReviewListPage } from '../features/project-reviews/ProjectReviewListPage.tsx';
import { ProjectDetailPage } from '../features/projects/ProjectDetailPage.tsx';
import { ProjectListPage } from '../features/projects/ProjectListPage.tsx';
import { ProjectRegisterPage } from '../features/projects/register/ProjectRegisterPage.tsx';
import { publicRoutes } from '../features/public/routes.tsx';
import { RectificationHistoryPage } from '../features/rectifications/RectificationHistoryPage.tsx';
import { RectificationListPage } from '../features/rectifications/RectificationListPage.tsx';
import { RectificationPage } from '../features/rectifications/RectificationPage.tsx';
import { DevSmsPage } from '../features/registration/DevSmsPage.tsx';
import { PersonNotice } from '../features/registration/PersonNotice.tsx';
import { RegisterAgencyPage } from '../features/registration/RegisterAgencyPage.tsx';
import { RegisterPersonPage } from '../features/registration/RegisterPersonPage.tsx';
import { ReviewCenterPage } from '../features/review-center/ReviewCenterPage.tsx';
import { ViolationDetailPage } from '../features/violations/ViolationDetailPage.tsx';
import { ViolationListPage } from '../features/violations/ViolationListPage.tsx';
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
  if (me.role === 'person') return <PersonNotice />;
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

/** `guard` names the menu page whose roles a sub-page shares (a detail page and its list). */
const pages: Array<{ path: string; guard?: string; element: ReactNode }> = [
  { path: '/agency', element: <AgencyProfilePage /> },
  { path: '/agencies', element: <AgencyListPage /> },
  { path: '/agency-reviews', element: <AgencyReviewListPage /> },
  { path: '/agency-reviews/:revisionId', guard: '/agency-reviews', element: <AgencyReviewDetailPage /> },
  { path: '/personnel', element: <PersonnelPage /> },
  { path: '/personnel-reviews', element: <PersonnelReviewPage /> },
  { path: '/projects/new', element: <ProjectRegisterPage /> },
  { path: '/projects', element: <ProjectListPage /> },
  { path: '/projects/:id', guard: '/projects', element: <ProjectDetailPage /> },
  { path: '/project-reviews', element: <ProjectReviewListPage /> },
  { path: '/reviews', element: <ReviewCenterPage /> },
  { path: '/field-evidence', element: <FlaggedPhotosPage /> },
  { path: '/violations', element: <ViolationListPage /> },
  { path: '/violations/:id', guard: '/violations', element: <ViolationDetailPage /> },
  { path: '/rectifications', element: <RectificationListPage /> },
  { path: '/rectifications/history', element: <RectificationHistoryPage /> },
  { path: '/rectifications/:id', guard: '/rectifications', element: <RectificationPage /> },
  { path: '/guide', element: <GuidePage /> },
  { path: '/audit', element: <AuditLogPage /> },
  { path: '/dicts', element: <DictPage /> },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/register/agency" element={<RegisterAgencyPage />} />
      <Route path="/register/person" element={<RegisterPersonPage />} />
      <Route path="/dev/sms" element={<DevSmsPage />} />
      {publicRoutes}
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        <Route index element={<HomePage />} />
        <Route path="/password" element={<ChangePasswordPage />} />
        <Route path="/notifications" element={<NotificationListPage />} />
        {pages.map((page) => (
          <Route
            key={page.path}
            path={page.path}
            element={<RequirePage path={page.guard ?? page.path}>{page.element}</RequirePage>}
          />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
