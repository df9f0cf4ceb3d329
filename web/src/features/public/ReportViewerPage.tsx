import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { formatDateTime } from '../../app/time.ts';
import { readViewerState } from './history-state.ts';
import { PdfViewer } from './PdfViewer.tsx';

/** The report a preview grant opens; reached from 预览 only (the grant travels in the history state). */
export function ReportViewerPage() {
  const location = useLocation();
  const navigate = useNavigate();
  const [openedAt] = useState(() => Date.now());
  const viewing = readViewerState(location.state, openedAt);

  if (!viewing) {
    return (
      <Card>
        <Result
          status="warning"
          title="预览已失效"
          subTitle="预览须在监测报告查询中重新验证手机号后打开。"
          extra={
            <Button type="primary" onClick={() => navigate('/public', { replace: true })}>
              返回监测报告查询
            </Button>
          }
        />
      </Card>
    );
  }

  const { grant, report } = viewing;
  return (
    <Card
      title={
        <Flex align="center" gap={8} wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} aria-label="返回" onClick={() => navigate(-1)} />
          <span>报告预览</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {report.reportNumber}
          </Typography.Text>
        </Flex>
      }
      styles={{ body: { padding: 0 } }}
    >
      <Typography.Paragraph type="secondary" style={{ margin: 0, padding: '8px 16px', fontSize: 13 }}>
        {report.agencyName} · {report.reportType}。报告仅供在线查阅，不提供下载和打印；页面含查阅人水印（
        {grant.watermark}），链接于 {formatDateTime(grant.expiresAt)} 失效。
      </Typography.Paragraph>
      <PdfViewer token={grant.token} watermark={grant.watermark} />
    </Card>
  );
}
