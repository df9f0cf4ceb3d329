import SpinLoading from 'antd-mobile/es/components/spin-loading';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { ProfilePage } from '../features/profile/ProfilePage.tsx';
import { RequireFieldStaff } from './RequireFieldStaff.tsx';
import { SessionProvider } from './session.tsx';
import { TabLayout } from './TabLayout.tsx';

// Loaded on first use (and precached by the service worker for offline use), to keep the first load small.
const ProjectListPage = lazy(() =>
  import('../features/projects/ProjectListPage.tsx').then((m) => ({ default: m.ProjectListPage })),
);
const ProjectPage = lazy(() =>
  import('../features/projects/ProjectPage.tsx').then((m) => ({ default: m.ProjectPage })),
);
const TaskPage = lazy(() => import('../features/tasks/TaskPage.tsx').then((m) => ({ default: m.TaskPage })));
const PhotoFormPage = lazy(() =>
  import('../features/tasks/PhotoFormPage.tsx').then((m) => ({ default: m.PhotoFormPage })),
);
const TrackPage = lazy(() =>
  import('../features/track/TrackPage.tsx').then((m) => ({ default: m.TrackPage })),
);
const SyncPage = lazy(() => import('../features/sync/SyncPage.tsx').then((m) => ({ default: m.SyncPage })));

function Loading() {
  return (
    <div className="center-screen">
      <SpinLoading color="primary" />
    </div>
  );
}

/** The field app, served under /m. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter basename="/m">
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/login" element={<LoginPage />} />
            <Route element={<RequireFieldStaff />}>
              <Route path="/password" element={<ChangePasswordPage />} />
              <Route element={<TabLayout />}>
                <Route index element={<HomePage />} />
                <Route path="/projects" element={<ProjectListPage key="active" scope="active" />} />
                <Route path="/projects/done" element={<ProjectListPage key="done" scope="done" />} />
                <Route path="/me" element={<ProfilePage />} />
              </Route>
              <Route path="/projects/:id" element={<ProjectPage />} />
              <Route path="/tasks/:id" element={<TaskPage />} />
              <Route path="/tasks/:id/photo" element={<PhotoFormPage />} />
              <Route path="/tasks/:id/track" element={<TrackPage />} />
              <Route path="/sync" element={<SyncPage />} />
            </Route>
            <Route path="*" element={<Navigate to="/" replace />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </SessionProvider>
  );
}
