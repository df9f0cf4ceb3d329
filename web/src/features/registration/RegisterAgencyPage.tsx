import { type RegisterAgencyBody, registerAgencyBodySchema } from '@eco/contracts';
import { Alert, Button, Cascader, Form, Input } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { applyProblemToForm } from '../../app/forms.ts';
import { useRegionTree, useRegister } from './api.ts';
import { RegisterLayout } from './RegisterLayout.tsx';
import { SmsCodeField } from './SmsCodeButton.tsx';
import { zodRule } from './zod-rule.ts';

/** `regionCode` is a hidden field only so the server's error for it has somewhere to land. */
type Values = Omit<RegisterAgencyBody, 'regionCode'> & {
  region: string[];
  regionCode?: string;
  confirmPassword: string;
};
const shape = registerAgencyBodySchema.shape;

/** 法人注册: the agency (草稿) and its 法人账号; afterwards the user completes 机构信息. */
export function RegisterAgencyPage() {
  const [form] = Form.useForm<Values>();
  const regions = useRegionTree();
  const register = useRegister();
  const navigate = useNavigate();
  const [problem, setProblem] = useState<string | null>(null);
  const [isSubmitting, setSubmitting] = useState(false);

  const handleFinish = async ({ region, regionCode: _r, confirmPassword: _c, ...values }: Values) => {
    setProblem(null);
    setSubmitting(true);
    try {
      await register('agency', { ...values, regionCode: region.at(-1) ?? '' });
      navigate('/agency', { replace: true });
    } catch (error) {
      const text = applyProblemToForm(form, error);
      // The server names the region field regionCode; the form calls it region.
      const regionError = form.getFieldError('regionCode');
      if (regionError.length > 0) form.setFields([{ name: 'region', errors: regionError }]);
      setProblem(text);
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
      title="法人注册"
      intro="第三方监测机构注册法人账号。注册后请在“机构信息”中完善机构信息并提交审核，审核通过后方可进行项目登记。"
    >
      <Form form={form} layout="vertical" onFinish={handleFinish} requiredMark autoComplete="off">
        <Form.Item label="机构名称" name="agencyName" required rules={[zodRule(shape.agencyName)]}>
          <Input maxLength={100} placeholder="与营业执照一致" />
        </Form.Item>
        <Form.Item label="统一社会信用代码" name="creditCode" required rules={[zodRule(shape.creditCode)]}>
          <Input maxLength={18} placeholder="18位统一社会信用代码" />
        </Form.Item>
        <Form.Item
          label="所在区县"
          name="region"
          required
          rules={[{ required: true, message: '请选择所在区县' }]}
        >
          <Cascader
            options={regions.data ?? []}
            fieldNames={{ label: 'name', value: 'code', children: 'children' }}
            placeholder="省 / 市州 / 区县"
            loading={regions.isPending}
            showSearch
          />
        </Form.Item>
        <Form.Item name="regionCode" hidden>
          <Input />
        </Form.Item>
        <Form.Item
          label="法定代表人"
          name="legalRepresentative"
          required
          rules={[zodRule(shape.legalRepresentative)]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="联系人" name="contactPerson" required rules={[zodRule(shape.contactPerson)]}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item label="手机号" name="mobile" required rules={[zodRule(shape.mobile)]}>
          <Input maxLength={11} placeholder="接收验证码的手机号" />
        </Form.Item>
        <SmsCodeField purpose="register_agency" getMobile={getMobile} rules={[zodRule(shape.smsCode)]} />
        <Form.Item label="用户名" name="username" required rules={[zodRule(shape.username)]}>
          <Input maxLength={32} placeholder="登录用的用户名" autoComplete="username" />
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

/** 密码 and 确认密码; the rules themselves are checked by the server (checkPassword). */
export function PasswordFields() {
  return (
    <>
      <Form.Item
        label="密码"
        name="password"
        required
        rules={[{ required: true, message: '请输入密码' }]}
        extra="至少8位，包含大写字母、小写字母、数字、符号中的至少三类"
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label="确认密码"
        name="confirmPassword"
        dependencies={['password']}
        required
        rules={[
          { required: true, message: '请再次输入密码' },
          ({ getFieldValue }) => ({
            validator: async (_rule, value) => {
              if (value && value !== getFieldValue('password')) throw new Error('两次输入的密码不一致');
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
