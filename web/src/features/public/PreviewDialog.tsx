import type { PublicReport } from '@eco/contracts';
import { mobileField, previewGrantBodySchema } from '@eco/contracts';
import { App, Button, Flex, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { errorMessage } from '../../app/api.ts';
import { useIsDevSmsAvailable } from '../registration/api.ts';
import { useCountdown } from '../registration/sms.ts';
import { zodRule } from '../registration/zod-rule.ts';
import { grantPreview, isCaptchaRequired, requestPreviewCode } from './api.ts';
import { CaptchaField, useCaptcha } from './CaptchaField.tsx';
import type { ViewerState } from './history-state.ts';

type PreviewForm = { mobile: string; code: string; captchaAnswer?: string };

/** 预览: the reader's mobile and the SMS code sent to it; then the viewer opens. */
export function PreviewDialog({ report, onClose }: { report: PublicReport | null; onClose: () => void }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<PreviewForm>();
  const { secondsLeft, start } = useCountdown();
  const [isSending, setSending] = useState(false);
  const [isGranting, setGranting] = useState(false);
  const [isCaptchaShown, setCaptchaShown] = useState(false);
  const captcha = useCaptcha('report-preview', isCaptchaShown && report !== null);
  const isDevSms = useIsDevSmsAvailable();

  const handleSendCode = async () => {
    if (!report) return;
    const fields: Array<keyof PreviewForm> = isCaptchaShown ? ['mobile', 'captchaAnswer'] : ['mobile'];
    let values: Pick<PreviewForm, 'mobile' | 'captchaAnswer'>;
    try {
      values = await form.validateFields(fields);
    } catch {
      return;
    }
    setSending(true);
    try {
      await requestPreviewCode({
        reportNumber: report.reportNumber,
        mobile: values.mobile.trim(),
        ...(captcha.captcha && values.captchaAnswer
          ? { captchaId: captcha.captcha.id, captchaAnswer: values.captchaAnswer.trim() }
          : {}),
      });
      message.success('短信验证码已发送，请注意查收');
      start();
    } catch (error) {
      if (isCaptchaRequired(error)) {
        if (isCaptchaShown) message.warning(errorMessage(error));
        setCaptchaShown(true);
      } else {
        message.error(errorMessage(error));
      }
    } finally {
      setSending(false);
      if (isCaptchaShown) {
        form.setFieldValue('captchaAnswer', '');
        captcha.refresh();
      }
    }
  };

  const handleFinish = async (values: PreviewForm) => {
    if (!report) return;
    setGranting(true);
    try {
      const grant = await grantPreview({
        reportNumber: report.reportNumber,
        mobile: values.mobile.trim(),
        code: values.code.trim(),
      });
      const state: ViewerState = { grant, report };
      onClose();
      navigate('/public/reports/view', { state });
    } catch (error) {
      message.error(errorMessage(error));
    } finally {
      setGranting(false);
    }
  };

  return (
    <Modal
      open={report !== null}
      title="报告预览验证"
      onCancel={onClose}
      footer={null}
      width={460}
      afterClose={() => {
        form.resetFields();
        setCaptchaShown(false);
      }}
    >
      <Typography.Paragraph type="secondary">
        报告编号 <Typography.Text strong>{report?.reportNumber}</Typography.Text>
        。为保护报告信息，预览前须验证手机号；报告将带有含手机号（部分隐藏）和时间的水印，仅供在线查阅。
      </Typography.Paragraph>
      <Form<PreviewForm> form={form} layout="vertical" onFinish={handleFinish} requiredMark={false}>
        <Form.Item label="手机号" name="mobile" rules={[zodRule(mobileField)]}>
          <Input maxLength={11} inputMode="numeric" placeholder="请输入手机号" autoComplete="tel" />
        </Form.Item>
        {isCaptchaShown && <CaptchaField state={captcha} />}
        <Form.Item label="短信验证码" required>
          <Flex gap={8}>
            <Form.Item name="code" noStyle rules={[zodRule(previewGrantBodySchema.shape.code)]}>
              <Input
                maxLength={6}
                inputMode="numeric"
                placeholder="6位短信验证码"
                autoComplete="one-time-code"
                data-testid="public-preview-code"
              />
            </Form.Item>
            <Button
              onClick={handleSendCode}
              loading={isSending}
              disabled={secondsLeft > 0}
              style={{ minWidth: 116 }}
              data-testid="public-preview-send"
            >
              {secondsLeft > 0 ? `${secondsLeft}秒后重新获取` : '获取验证码'}
            </Button>
          </Flex>
        </Form.Item>
        <Flex justify="space-between" align="center">
          {isDevSms ? (
            <Link to="/dev/sms" target="_blank">
              查看演示短信
            </Link>
          ) : (
            <span />
          )}
          <Flex gap={8}>
            <Button onClick={onClose}>取消</Button>
            <Button type="primary" htmlType="submit" loading={isGranting}>
              确定
            </Button>
          </Flex>
        </Flex>
      </Form>
    </Modal>
  );
}
