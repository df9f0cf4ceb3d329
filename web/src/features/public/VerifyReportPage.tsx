import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Result, Skeleton, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, errorMessage } from '../../app/api.ts';
import { fetchVerifiedReport, publicKeys } from './api.ts';
import { FileHashDropZone, type HashedFile } from './FileHashDropZone.tsx';
import { HashedFileFacts } from './HashedFileFacts.tsx';
import { ReportSummary } from './ReportSummary.tsx';

/** Where a report's QR code leads: its registration, and a check of the copy in hand against it. */
export function VerifyReportPage() {
  const { reportId = '' } = useParams();
  const [file, setFile] = useState<HashedFile | null>(null);
  const report = useQuery({
    queryKey: publicKeys.verifiedReport(reportId),
    queryFn: () => fetchVerifiedReport(reportId),
  });

  if (report.isPending) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 6 }} />
      </Card>
    );
  }
  if (report.isError) {
    const isNotFound = report.error instanceof ApiError && report.error.status === 404;
    return (
      <Card>
        {isNotFound ? (
          <Result
            status="warning"
            title="未找到该登记报告"
            subTitle="二维码对应的报告未在平台登记或尚未公开，请向出具报告的监测机构核实。"
            extra={<Link to="/public/verify">按文件核验报告</Link>}
          />
        ) : (
          <Alert type="error" showIcon title={errorMessage(report.error)} />
        )}
      </Card>
    );
  }

  const registered = report.data;
  const isMatch = file !== null && file.sha256 === registered.sha256.toLowerCase();
  return (
    <Flex vertical gap={16}>
      <Card title="平台登记的监测报告">
        <Alert
          type="success"
          showIcon
          title={`报告编号 ${registered.reportNumber} 已在平台登记`}
          style={{ marginBottom: 16 }}
        />
        <ReportSummary report={registered} showSha256 />
      </Card>
      <Card title="核对您持有的报告文件">
        <Typography.Paragraph type="secondary">
          {'上方 SHA-256 是监测机构登记时报告文件的摘要。将您持有的报告 PDF 文件拖放到下方，'}
          {'浏览器计算其摘要并与登记值比对，一致即为平台登记的原件；也可自行计算（如 Windows 中 '}
          <Typography.Text code>certutil -hashfile 报告.pdf SHA256</Typography.Text>
          {'）后比对。纸质报告请核对其报告编号、监测机构和登记日期与上方信息一致。'}
        </Typography.Paragraph>
        <Flex vertical gap={16}>
          <FileHashDropZone onHashed={setFile} />
          {file && <HashedFileFacts file={file} />}
          {file && isMatch && <Alert type="success" showIcon title="核验通过：与平台登记的报告一致" />}
          {file && !isMatch && (
            <Alert
              type="warning"
              showIcon
              title="该文件与平台登记的报告不一致"
              description="文件可能不是登记的原件，或已被修改（包括重新保存、打印为 PDF、加盖电子签章等）。"
            />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
