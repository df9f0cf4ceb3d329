import Button from 'antd-mobile/es/components/button';
import Result from 'antd-mobile/es/components/result';
import SpinLoading from 'antd-mobile/es/components/spin-loading';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FieldStaffOnly } from '../features/auth/FieldStaffOnly.tsx';
import { isFieldStaff, useSession } from './session.tsx';

/** Lets only a logged-in 监测人员 through; a pending initial password is changed first. */
export function RequireFieldStaff() {
  const { state, logout, reload } = useSession();
  const { pathname } = useLocation();

  switch (state.status) {
    case 'loading':
      return (
        <div className="center-screen">
          <SpinLoading color="primary" />
        </div>
      );
    case 'failed':
      return (
        <div className="center-screen">
          <Result status="error" title="加载失败" description={state.message} />
          <Button color="primary" onClick={() => void reload()}>
            重试
          </Button>
        </div>
      );
    case 'anonymous':
      return <Navigate to="/login" replace />;
    case 'authenticated':
      if (!isFieldStaff(state.user)) {
        return (
          <div className="center-screen">
            <FieldStaffOnly>
              <Button block fill="outline" onClick={() => void logout()}>
                退出登录，更换账号
              </Button>
            </FieldStaffOnly>
          </div>
        );
      }
      if (state.user.mustChangePassword && pathname !== '/password')
        return <Navigate to="/password" replace />;
      return <Outlet />;
  }
}
