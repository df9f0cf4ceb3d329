import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Divider, Space } from 'antd';
import { useEffect, useState } from 'react';

/**
 * 法人登录 / 个人登录 through 四川政务服务网 (OpenID Connect), shown only when the server has it
 * configured; failures come back as /login?sso_error=….
 */
export function SsoLoginButtons() {
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
  const go = (identity: 'legal' | 'natural') => () =>
    window.location.assign(`/api/v1/sso/login?identity=${identity}&target=web`);
  return (
    <>
      <Divider plain style={{ fontSize: 12 }}>
        四川政务服务网统一身份认证
      </Divider>
      <Space.Compact block style={{ marginBottom: 12 }}>
        <Button block icon={<SafetyCertificateOutlined />} onClick={go('legal')}>
          法人登录
        </Button>
        <Button block icon={<SafetyCertificateOutlined />} onClick={go('natural')}>
          个人登录
        </Button>
      </Space.Compact>
    </>
  );
}
