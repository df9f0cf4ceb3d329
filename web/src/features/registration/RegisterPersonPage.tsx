import { type RegisterPersonBody, registerPersonBodySchema } from '@eco/contracts';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyProblemToForm } from '../../app/forms.ts';
import { useRegister } from './api.ts';
import { PasswordFields } from './RegisterAgencyPage.tsx';
import { RegisterLayout } from './RegisterLayout.tsx';
import { SmsCodeField } from './SmsCodeButton.tsx';
import { zodRule } from './zod-rule.ts';

type Values = RegisterPersonBody & { confirmPassword: string };
const shape = registerPersonBodySchema.shape;

/** 个人注册: a personal account; it works as 登记人员 once the agency's staff record says so. */
export function RegisterPersonPage() {
  const [form] = Form.useForm<Values>();
  const register = useRegister();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  const handleFinish = async ({ confirmPassword: _c, ...values }: Values) => {
    setProblem(null);
    setSubmitting(true);
    try {
      await register('person', values);
      navigate('/', { replace: true });
    } catch (error) {
      setProblem(applyProblemToForm(form, error));
    } finally {
      setSubmitting(false);
    }
  };

  const getMobile = async () => {
    try {
      return (await form.validateFields(['mobile'])).mobile.trim();
    } catch {
      return null;
    }
  };

  return (
    <RegisterLayout
      title="个人注册"
      intro="机构的登记人员注册个人账号。机构法人在“监测人员”中添加您（身份证号一致）并选择岗位职能“登记人员”，审核通过后，个人账号即可办理项目登记、查询统计。"
    >
      <Form form={form} layout="vertical" onFinish={handleFinish} autoComplete="off">
        <Form.Item label="姓名" name="name" required rules={[zodRule(shape.name)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="身份证号" name="idNumber" required rules={[zodRule(shape.idNumber)]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item label="手机号" name="mobile" required rules={[zodRule(shape.mobile)]}>
          <Input maxLength={11} placeholder="接收验证码的手机号" />
        </Form.Item>
        <SmsCodeField purpose="register_person" getMobile={getMobile} rules={[zodRule(shape.smsCode)]} />
        <Form.Item label="用户名" name="username" required rules={[zodRule(shape.username)]}>
          <Input maxLength={32} autoComplete="username" />
        </Form.Item>
        <PasswordFields />
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} />}
        <Button type="primary" htmlType="submit" block size="large" loading={isSubmitting}>
          注册并登录
        </Button>
      </Form>
    </RegisterLayout>
  );
}
