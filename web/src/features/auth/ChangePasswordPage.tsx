import {
  checkPassword,
  passphraseMinLength,
  passwordMinLength,
  passwordProblemMessages,
} from '@eco/contracts';
import { Alert, App, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useAuth, useMe } from '../../app/auth.tsx';
import { applyProblemToForm } from '../../app/forms.ts';
import { LogoutButton } from '../../app/layout.tsx';
import { AuthScreen } from './AuthScreen.tsx';
import { changePassword } from './api.ts';

type PasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

const passwordRuleText = `至少${passwordMinLength}位，包含大写字母、小写字母、数字、符号中的至少三类；或使用${passphraseMinLength}位以上的口令短语。不能使用常见密码，不能包含用户名。`;

function PasswordForm({ onDone }: { onDone: () => void }) {
  const me = useMe();
  const { refresh } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  const handleFinish = async (values: PasswordValues) => {
    setProblem(null);
    setSubmitting(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      message.success('密码已修改，其他设备上的登录已失效');
      form.resetFields();
      await refresh();
      onDone();
    } catch (error) {
      setProblem(applyProblemToForm(form, error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Form form={form} layout="vertical" onFinish={handleFinish} style={{ maxWidth: 420 }}>
      <Form.Item
        label="当前密码"
        name="currentPassword"
        rules={[{ required: true, message: '请输入当前密码' }]}
      >
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label="新密码"
        name="newPassword"
        extra={passwordRuleText}
        rules={[
          { required: true, message: '请输入新密码' },
          {
            validator: async (_rule, value: string | undefined) => {
              if (!value) return;
              const found = checkPassword(value, me.username);
              if (found) throw new Error(passwordProblemMessages[found]);
            },
          },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认新密码"
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: '请再次输入新密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value: string | undefined) => {
              if (value && value !== getFieldValue('newPassword')) throw new Error('两次输入的新密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit" loading={isSubmitting}>
        确认修改
      </Button>
    </Form>
  );
}

/** 修改密码 from the header, inside the layout. */
export function ChangePasswordPage() {
  const navigate = useNavigate();
  return (
    <Card title="修改密码">
      <PasswordForm onDone={() => navigate('/')} />
    </Card>
  );
}

/** Shown instead of every page until an initial or reset password has been changed. */
export function ForcedPasswordChangePage() {
  const me = useMe();
  const navigate = useNavigate();
  return (
    <AuthScreen>
      <Card style={{ width: 480, maxWidth: '92vw' }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          修改密码
        </Typography.Title>
        <Alert
          type="warning"
          showIcon
          title={`${me.displayName}，您正在使用初始密码或已被重置的密码，请先修改密码后再使用系统。`}
          style={{ marginBottom: 24 }}
        />
        <PasswordForm onDone={() => navigate('/', { replace: true })} />
        <div style={{ marginTop: 16, textAlign: 'right' }}>
          <LogoutButton type="link" />
        </div>
      </Card>
    </AuthScreen>
  );
}
