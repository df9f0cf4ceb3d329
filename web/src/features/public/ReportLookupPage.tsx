import { EyeOutlined, SearchOutlined } from '@ant-design/icons';
import type { PublicReport } from '@eco/contracts';
import { reportNumberField } from '@eco/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { zodRule } from '../registration/zod-rule.ts';
import { isCaptchaRequired, lookupReport } from './api.ts';
import { CaptchaField, useCaptcha } from './CaptchaField.tsx';
import { readFoundReport } from './history-state.ts';
import { PreviewDialog } from './PreviewDialog.tsx';
import { ReportSummary } from './ReportSummary.tsx';

type LookupForm = { reportNumber: string; captchaAnswer?: string };

/** 监测报告查询: look a report up by its number, then 预览 it after an SMS check. */
export function ReportLookupPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<LookupForm>();
  const [isCaptchaShown, setCaptchaShown] = useState(false);
  const captcha = useCaptcha('report-lookup', isCaptchaShown);
  const [previewing, setPreviewing] = useState<PublicReport | null>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const foundBefore = readFoundReport(location.state);

  const lookup = useMutation({
    mutationFn: ({ reportNumber, captchaAnswer }: LookupForm) =>
      lookupReport(
        reportNumber,
        captcha.captcha && captchaAnswer ? { captchaId: captcha.captcha.id, captchaAnswer } : undefined,
      ),
    onSettled: () => {
      // A captcha answers one look-up only.
      if (isCaptchaShown) {
        form.setFieldValue('captchaAnswer', '');
        captcha.refresh();
      }
    },
    onSuccess: (report) => {
      navigate(location.pathname, { replace: true, state: { foundReport: report } });
    },
    onError: (error) => {
      if (isCaptchaRequired(error)) {
        if (isCaptchaShown) message.warning(errorMessage(error));
        setCaptchaShown(true);
      }
    },
  });

  const handleFinish = (values: LookupForm) => {
    const reportNumber = values.reportNumber.trim().toUpperCase();
    form.setFieldValue('reportNumber', reportNumber);
    lookup.mutate({ ...values, reportNumber });
  };

  const error = lookup.error;
  const isNotFound = error instanceof ApiError && error.status === 404;
  const report = lookup.isIdle ? foundBefore : (lookup.data ?? null);

  return (
    <Flex vertical gap={16}>
      <Card title="监测报告查询">
        <Typography.Paragraph type="secondary">
          输入监测报告上的报告编号，点击查询，可查看报告的登记信息；点击预览并通过短信验证后，可在线查阅报告内容。
        </Typography.Paragraph>
        <Form<LookupForm>
          form={form}
          layout="vertical"
          onFinish={handleFinish}
          requiredMark={false}
          initialValues={{ reportNumber: foundBefore?.reportNumber }}
        >
          <Form.Item label="监测报告编号" required>
            <Flex gap={8}>
              <Form.Item name="reportNumber" noStyle rules={[zodRule(reportNumberField)]}>
                <Input
                  allowClear
                  size="large"
                  maxLength={40}
                  placeholder="请输入监测报告编号，如 SHJC-2026-0001"
                  data-testid="public-report-number"
                />
              </Form.Item>
              <Button
                type="primary"
                size="large"
                htmlType="submit"
                icon={<SearchOutlined />}
                loading={lookup.isPending}
              >
                查询
              </Button>
            </Flex>
          </Form.Item>
          {isCaptchaShown && <CaptchaField state={captcha} />}
        </Form>
      </Card>

      {isNotFound && (
        <Card>
          <Result
            status="warning"
            title={error.message || '未找到该编号的监测报告'}
            subTitle="请核对报告编号后重新查询；报告须由监测机构在平台登记后方可查询。"
          />
        </Card>
      )}
      {error && !isNotFound && !isCaptchaRequired(error) && (
        <Alert type="error" showIcon title={errorMessage(error)} />
      )}

      {report && (
        <Card
          title="查询结果"
          extra={
            <Button type="primary" icon={<EyeOutlined />} onClick={() => setPreviewing(report)}>
              预览
            </Button>
          }
          data-testid="public-report-result"
        >
          <ReportSummary report={report} />
        </Card>
      )}

      <PreviewDialog report={previewing} onClose={() => setPreviewing(null)} />
    </Flex>
  );
}
