import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@eco/contracts';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../app/api.ts';
import { useAuth } from '../../app/auth.tsx';
import { applyProblemToForm } from '../../app/forms.ts';
import { AuthScreen } from './AuthScreen.tsx';
import { SsoLoginButtons } from './SsoLoginButtons.tsx';

type LoginNotice = { type: 'error' | 'warning'; text: string };

function noticeFor(error: unknown, text: string): LoginNotice {
  const isLockedOrLimited =
    error instanceof ApiError && (error.code === 'ACCOUNT_LOCKED' || error.code === 'RATE_LIMITED');
  return { type: isLockedOrLimited ? 'warning' : 'error', text };
}

function returnPath(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state) {
    const from = (state as { from: unknown }).from;
    if (typeof from === 'string' && from.startsWith('/') && from !== '/login') return from;
  }
  return '/';
}

export function LoginPage() {
  const { me, login } = useAuth();
  const [form] = Form.useForm<LoginBody>();
  // A failed provincial SSO login comes back as /login?sso_error=….
  const [notice, setNotice] = useState<LoginNotice | null>(() => {
    const ssoError = new URLSearchParams(window.location.search).get('sso_error');
    return ssoError ? { type: 'error', text: ssoError } : null;
  });
  const [isSubmitting, setSubmitting] = useState(false);
  const navigate = useNavigate();
  const location = useLocation();

  if (me && !isSubmitting) return <Navigate to={returnPath(location.state)} replace />;

  const handleFinish = async (values: LoginBody) => {
    setNotice(null);
    setSubmitting(true);
    try {
      await login({ username: values.username.trim(), password: values.password });
      navigate(returnPath(location.state), { replace: true });
    } catch (error) {
      const text = applyProblemToForm(form, error);
      if (text) setNotice(noticeFor(error, text));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <AuthScreen>
      <Card style={{ width: 400, maxWidth: '92vw' }} styles={{ body: { padding: '32px 32px 24px' } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          生态环境监测业务管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center' }}>
          监测机构 · 监管部门 · 系统管理
        </Typography.Paragraph>
        <Form form={form} layout="vertical" size="large" onFinish={handleFinish} requiredMark={false}>
          <Form.Item name="username" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item name="password" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password prefix={<LockOutlined />} placeholder="密码" autoComplete="current-password" />
          </Form.Item>
          {notice && (
            <Alert
              type={notice.type}
              showIcon
              title={notice.text}
              style={{ marginBottom: 16 }}
              data-testid="login-error"
            />
          )}
          <Form.Item style={{ marginBottom: 8 }}>
            <Button type="primary" htmlType="submit" block loading={isSubmitting}>
              登录
            </Button>
          </Form.Item>
        </Form>
        <SsoLoginButtons />
        <Typography.Paragraph style={{ textAlign: 'center', marginBottom: 12 }}>
          <Link to="/register/agency">法人注册</Link> · <Link to="/register/person">个人注册</Link>
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          监测机构请先法人注册；其他账号由所在机构或系统管理员开设，首次登录须修改初始密码。
          监测人员（采样、送样、实验室分析）请在手机上使用<a href="/m">移动端（/m）</a>。
        </Typography.Paragraph>
      </Card>
    </AuthScreen>
  );
}
