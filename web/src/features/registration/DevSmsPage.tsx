import { mobileField } from '@eco/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Empty, Input, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../app/api.ts';
import { formatDateTime } from '../../app/time.ts';
import { AuthScreen } from '../auth/AuthScreen.tsx';
import { fetchDevSmsOutbox } from './sms.ts';

/** 演示短信 (outside production only): what the outbox gateway "sent" to a number. */
export function DevSmsPage() {
  const [mobile, setMobile] = useState('');
  const isValid = mobileField.safeParse(mobile).success;
  const outbox = useQuery({
    queryKey: ['dev-sms', mobile],
    queryFn: () => fetchDevSmsOutbox(mobile),
    enabled: isValid,
    refetchInterval: 3000,
  });
  return (
    <AuthScreen>
      <Card title="演示短信" style={{ width: 560, maxWidth: '94vw' }}>
        <Typography.Paragraph type="secondary">
          演示与测试环境不真正发送短信，平台把短信记录在发件箱中。输入手机号查看最近收到的短信（生产环境无此页面）。
        </Typography.Paragraph>
        <Input.Search
          placeholder="手机号"
          maxLength={11}
          allowClear
          enterButton="查看"
          onSearch={(value) => setMobile(value.trim())}
          data-testid="dev-sms-mobile"
        />
        <div style={{ marginTop: 16 }}>
          {outbox.error && <Alert type="error" showIcon title={errorMessage(outbox.error)} />}
          {isValid && outbox.data && outbox.data.items.length === 0 && (
            <Empty description="该手机号暂无短信" />
          )}
          {outbox.data && outbox.data.items.length > 0 && (
            <List
              dataSource={outbox.data.items}
              renderItem={(item) => (
                <List.Item>
                  <List.Item.Meta
                    title={
                      <>
                        {item.mobileMasked} <Tag>{formatDateTime(item.createdAt)}</Tag>
                      </>
                    }
                    description={<span data-testid="dev-sms-body">{item.body}</span>}
                  />
                </List.Item>
              )}
            />
          )}
        </div>
      </Card>
    </AuthScreen>
  );
}
