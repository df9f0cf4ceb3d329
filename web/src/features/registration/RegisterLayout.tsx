import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { AuthScreen } from '../auth/AuthScreen.tsx';
import { useIsDevSmsAvailable } from './api.ts';

/** The card around both registration forms, with the way back to 登录 and the demo SMS page. */
export function RegisterLayout({
  title,
  intro,
  children,
}: {
  title: string;
  intro: string;
  children: ReactNode;
}) {
  const isDevSms = useIsDevSmsAvailable();
  return (
    <AuthScreen>
      <Card style={{ width: 560, maxWidth: '94vw' }} styles={{ body: { padding: '28px 32px 20px' } }}>
        <Typography.Title level={3} style={{ textAlign: 'center', marginTop: 0 }}>
          {title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
        {children}
        <Flex justify="space-between" style={{ fontSize: 13 }}>
          <span>
            已有账号？<Link to="/login">返回登录</Link>
          </span>
          {isDevSms && (
            <Link to="/dev/sms" target="_blank">
              查看演示短信
            </Link>
          )}
        </Flex>
      </Card>
    </AuthScreen>
  );
}
