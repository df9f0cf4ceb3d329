import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { ChangePasswordPage } from '../features/auth/ChangePasswordPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { ProfilePage } from '../features/profile/ProfilePage.tsx';
import { RequireFieldStaff } from './RequireFieldStaff.tsx';
import { SessionProvider } from './session.tsx';
import { TabLayout } from './TabLayout.tsx';

/** The field app, served under /m. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter basename="/m">
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireFieldStaff />}>
            <Route path="/password" element={<ChangePasswordPage />} />
            <Route element={<TabLayout />}>
              <Route index element={<HomePage />} />
              <Route path="/me" element={<ProfilePage />} />
            </Route>
          </Route>
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
