import type { RequestSmsCodeBody } from '@eco/contracts';
import { mobileField } from '@eco/contracts';
import { App, Button, Flex, Form, type FormItemProps, Input } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { requestSmsCode, useCountdown } from './sms.ts';

type Props = {
  purpose: RequestSmsCodeBody['purpose'];
  /** Reads the mobile number from the form when the button is pressed; null when it is invalid. */
  getMobile: () => Promise<string | null>;
};

/** 获取验证码 with a 60-second countdown; the server enforces the same limit. */
export function SmsCodeButton({ purpose, getMobile }: Props) {
  const { message } = App.useApp();
  const { secondsLeft, start } = useCountdown();
  const [isSending, setSending] = useState(false);

  const handleClick = async () => {
    const mobile = await getMobile();
    if (!mobile || !mobileField.safeParse(mobile).success) return;
    setSending(true);
    try {
      const sent = await requestSmsCode({ mobile, purpose });
      message.success(
        `验证码已发送至 ${sent.mobileMasked}，${Math.round(sent.expiresInSeconds / 60)}分钟内有效`,
      );
      start(sent.resendInSeconds);
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Button onClick={handleClick} loading={isSending} disabled={secondsLeft > 0} data-testid="sms-send">
      {secondsLeft > 0 ? `${secondsLeft}秒后重新获取` : '获取验证码'}
    </Button>
  );
}

type FieldProps = Props & { rules?: FormItemProps['rules'] };

/** The 验证码 form row: the code input (form field `smsCode`) beside 获取验证码. */
export function SmsCodeField({ purpose, getMobile, rules }: FieldProps) {
  return (
    <Flex gap={8} align="flex-start">
      <Form.Item label="短信验证码" name="smsCode" required rules={rules} style={{ flex: 1 }}>
        <Input maxLength={6} placeholder="6位短信验证码" autoComplete="one-time-code" />
      </Form.Item>
      <Form.Item label=" " colon={false}>
        <SmsCodeButton purpose={purpose} getMobile={getMobile} />
      </Form.Item>
    </Flex>
  );
}
