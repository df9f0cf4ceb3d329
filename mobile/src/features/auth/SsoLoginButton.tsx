import Button from 'antd-mobile/es/components/button';
import { useEffect, useState } from 'react';

/**
 * 实名认证登录 through the provincial identity platform (OpenID Connect), shown only when the
 * server has it configured; the server redirects back to /m/ or to /m/login?sso_error=….
 */
export function SsoLoginButton() {
  const [isEnabled, setEnabled] = useState(false);
  useEffect(() => {
    let isCurrent = true;
    fetch('/api/v1/sso/config')
      .then((res) => (res.ok ? (res.json() as Promise<{ enabled: boolean }>) : { enabled: false }))
      .then((body) => {
        if (isCurrent) setEnabled(body.enabled);
      })
      .catch(() => undefined);
    return () => {
      isCurrent = false;
    };
  }, []);
  if (!isEnabled) return null;
  return (
    <Button
      block
      fill="outline"
      color="primary"
      size="large"
      onClick={() => window.location.assign('/api/v1/sso/login?identity=natural&target=mobile')}
    >
      天府通办实名认证登录
    </Button>
  );
}
