import Button from 'antd-mobile/es/components/button';
import Form from 'antd-mobile/es/components/form';
import Input from 'antd-mobile/es/components/input';
import SafeArea from 'antd-mobile/es/components/safe-area';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { describeError } from '../../app/api.ts';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { useSession } from '../../app/session.tsx';
import { FieldStaffOnly } from './FieldStaffOnly.tsx';
import { PasswordInput } from './PasswordInput.tsx';
import { SsoLoginButton } from './SsoLoginButton.tsx';

type LoginValues = { username: string; password: string };

/** 登录: user name and password; only 监测人员 accounts get into the field app. */
export function LoginPage() {
  const { state, login } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [isSubmitting, setSubmitting] = useState(false);
  // A failed provincial SSO login comes back as /m/login?sso_error=….
  const [error, setError] = useState<string | null>(() =>
    new URLSearchParams(window.location.search).get('sso_error'),
  );
  const [isWrongRole, setWrongRole] = useState(false);

  if (state.status === 'authenticated') return <Navigate to="/" replace />;

  const submit = async ({ username, password }: LoginValues) => {
    setSubmitting(true);
    setError(null);
    try {
      const outcome = await login(username.trim(), password);
      if (!outcome.isFieldStaff) {
        setWrongRole(true);
        form.resetFields();
      }
    } catch (failure) {
      setError(describeError(failure));
      form.setFieldValue('password', '');
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <div className="login">
      <SafeArea position="top" />
      <div className="login-brand">
        <img src={`${import.meta.env.BASE_URL}icon.svg`} alt="" width={64} height={64} />
        <h1>生态环境监测业务</h1>
        <p>监测人员现场记录上报</p>
      </div>
      {isWrongRole ? (
        <FieldStaffOnly>
          <Button block fill="outline" onClick={() => setWrongRole(false)}>
            使用监测人员账号登录
          </Button>
        </FieldStaffOnly>
      ) : (
        <>
          {error && <ErrorNotice className="login-error" message={error} />}
          <Form
            form={form}
            mode="card"
            onFinish={submit}
            requiredMarkStyle="none"
            footer={
              <Button
                block
                type="submit"
                color="primary"
                size="large"
                loading={isSubmitting}
                loadingText="登录中"
              >
                登录
              </Button>
            }
          >
            <Form.Item
              name="username"
              label="用户名"
              rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}
            >
              <Input placeholder="请输入用户名" autoComplete="username" clearable maxLength={64} />
            </Form.Item>
            <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
              <PasswordInput placeholder="请输入密码" autoComplete="current-password" />
            </Form.Item>
          </Form>
          <div className="login-sso">
            <SsoLoginButton />
          </div>
          <p className="login-hint">机构法人、登记人员请在电脑上登录监测业务管理平台</p>
        </>
      )}
      <SafeArea position="bottom" />
    </div>
  );
}
