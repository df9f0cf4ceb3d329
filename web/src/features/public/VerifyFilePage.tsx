import { useMutation } from '@tanstack/react-query';
import { Alert, Card, Flex, Spin, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { findReportsBySha256 } from './api.ts';
import { FileHashDropZone, type HashedFile } from './FileHashDropZone.tsx';
import { HashedFileFacts } from './HashedFileFacts.tsx';
import { ReportSummary } from './ReportSummary.tsx';

/** 报告真伪核验: does a PDF someone holds match, byte for byte, a report registered on the platform? */
export function VerifyFilePage() {
  const [file, setFile] = useState<HashedFile | null>(null);
  const verify = useMutation({ mutationFn: findReportsBySha256 });

  const handleHashed = (hashed: HashedFile) => {
    setFile(hashed);
    verify.mutate(hashed.sha256);
  };

  return (
    <Flex vertical gap={16}>
      <Card title="报告真伪核验">
        <Typography.Paragraph type="secondary">
          监测机构在平台登记报告时，平台记录了报告文件的 SHA-256 摘要。选择您收到的报告 PDF
          文件，浏览器计算其摘要并与平台登记的报告比对：文件哪怕改动一个字节，摘要也会不同。
        </Typography.Paragraph>
        <FileHashDropZone onHashed={handleHashed} />
      </Card>

      {file && (
        <Card title="核验结果" data-testid="public-verify-result">
          <Flex vertical gap={16}>
            <HashedFileFacts file={file} />
            {verify.isPending && <Spin description="正在核验…" />}
            {verify.isError && <Alert type="error" showIcon title={errorMessage(verify.error)} />}
            {verify.data && verify.data.length > 0 && (
              <>
                <Alert type="success" showIcon title="核验通过：与平台登记的报告一致" />
                {verify.data.map((report) => (
                  <ReportSummary key={report.id} report={report} />
                ))}
              </>
            )}
            {verify.data?.length === 0 && (
              <Alert
                type="warning"
                showIcon
                title="未找到与该文件一致的登记报告"
                description="该文件可能不是平台登记的报告原件，或已被修改（包括重新保存、打印为 PDF、加盖电子签章等）。请向出具报告的监测机构核实。"
              />
            )}
          </Flex>
        </Card>
      )}
    </Flex>
  );
}
