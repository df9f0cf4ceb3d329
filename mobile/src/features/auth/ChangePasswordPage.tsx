import Button from 'antd-mobile/es/components/button';
import Form from 'antd-mobile/es/components/form';
import NoticeBar from 'antd-mobile/es/components/notice-bar';
import Toast from 'antd-mobile/es/components/toast';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, describeError } from '../../app/api.ts';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { Page } from '../../app/Page.tsx';
import { useCurrentUser, useSession } from '../../app/session.tsx';
import { changePassword } from './api.ts';
import { PasswordInput } from './PasswordInput.tsx';

type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

/** 修改密码: required before first use of an account, and reachable from 我的. */
export function ChangePasswordPage() {
  const user = useCurrentUser();
  const { reload, logout } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordValues>();
  const [isSubmitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const isForced = user.mustChangePassword;

  const submit = async ({ currentPassword, newPassword }: PasswordValues) => {
    setSubmitting(true);
    setError(null);
    try {
      await changePassword(currentPassword, newPassword);
      Toast.show({ icon: 'success', content: '密码已修改' });
      await reload();
      navigate('/', { replace: true });
    } catch (failure) {
      if (failure instanceof ApiError && failure.fieldErrors.length > 0) {
        form.setFields(failure.fieldErrors.map(({ field, message }) => ({ name: field, errors: [message] })));
      } else {
        setError(describeError(failure));
      }
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Page
      title="修改密码"
      onBack={isForced ? undefined : () => navigate(-1)}
      right={
        isForced ? (
          <Button size="mini" fill="none" onClick={() => void logout()}>
            退出登录
          </Button>
        ) : undefined
      }
    >
      {isForced && <NoticeBar color="alert" wrap content="首次登录请先修改初始密码，修改后即可使用。" />}
      {error && <ErrorNotice className="page-notice" message={error} />}
      <Form
        form={form}
        mode="card"
        onFinish={submit}
        requiredMarkStyle="none"
        footer={
          <Button block type="submit" color="primary" size="large" loading={isSubmitting}>
            确认修改
          </Button>
        }
      >
        {/* Lets the phone's password manager file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <Form.Item
          name="currentPassword"
          label="当前密码"
          rules={[{ required: true, message: '请输入当前密码' }]}
        >
          <PasswordInput placeholder="请输入当前密码" autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label="新密码" rules={[{ required: true, message: '请输入新密码' }]}>
          <PasswordInput
            placeholder="至少8位，含大小写字母、数字、符号中的三类"
            autoComplete="new-password"
          />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label="确认新密码"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: async (_rule, value: string | undefined) => {
                if (value && value !== getFieldValue('newPassword'))
                  throw new Error('两次输入的新密码不一致');
              },
            }),
          ]}
        >
          <PasswordInput placeholder="请再次输入新密码" autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Page>
  );
}
