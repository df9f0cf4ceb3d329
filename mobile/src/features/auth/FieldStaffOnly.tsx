import Result from 'antd-mobile/es/components/result';
import type { ReactNode } from 'react';

/** Tells a non-field account that this app is for 监测人员 and where its own work is done. */
export function FieldStaffOnly({ children }: { children?: ReactNode }) {
  return (
    <div className="field-staff-only" role="alert">
      <Result
        status="warning"
        title="本应用仅供监测人员使用"
        description="您的账号不是监测人员账号，请在电脑上登录生态环境监测业务管理平台办理业务。"
      />
      <div className="stacked-actions">
        <a className="link-button" href="/">
          前往监测业务管理平台
        </a>
        {children}
      </div>
    </div>
  );
}
