import type { ReactNode } from 'react';

/** The full-page backdrop of the login, forced password change and field-staff pages. */
export function AuthScreen({ children }: { children: ReactNode }) {
  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        gap: 24,
        padding: 24,
        boxSizing: 'border-box',
        background: 'linear-gradient(135deg, #e8f5ee 0%, #d3ebf5 100%)',
      }}
    >
      {children}
      <div style={{ color: 'rgba(0,0,0,0.45)', fontSize: 12 }}>
        四川省生态环境厅 · 生态环境监测业务管理平台
      </div>
    </div>
  );
}
