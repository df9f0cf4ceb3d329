import { Button, Result, Spin } from 'antd';
import { lazy, Suspense } from 'react';
import { Route, useNavigate } from 'react-router';
import { AgencyDetailPage } from './AgencyDetailPage.tsx';
import { AgencySearchPage } from './AgencySearchPage.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { ReportLookupPage } from './ReportLookupPage.tsx';
import { VerifyFilePage } from './VerifyFilePage.tsx';
import { VerifyReportPage } from './VerifyReportPage.tsx';

// pdf.js is large: only readers who open a report download it.
const ReportViewerPage = lazy(() =>
  import('./ReportViewerPage.tsx').then((module) => ({ default: module.ReportViewerPage })),
);

function LazyViewer() {
  return (
    <Suspense
      fallback={<Spin size="large" description="加载中…" style={{ display: 'block', padding: 64 }} />}
    >
      <ReportViewerPage />
    </Suspense>
  );
}

function PublicNotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Button type="primary" onClick={() => navigate('/public')}>
          返回监测报告查询
        </Button>
      }
    />
  );
}

/** 监测业务公开端 at /public, outside the login: mount as a child of `<Routes>`. */
export const publicRoutes = (
  <Route path="/public" element={<PublicLayout />}>
    <Route index element={<ReportLookupPage />} />
    <Route path="reports/view" element={<LazyViewer />} />
    <Route path="agencies" element={<AgencySearchPage />} />
    <Route path="agencies/:id" element={<AgencyDetailPage />} />
    <Route path="verify" element={<VerifyFilePage />} />
    <Route path="verify/:reportId" element={<VerifyReportPage />} />
    <Route path="*" element={<PublicNotFound />} />
  </Route>
);
