import { IdcardOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useAuth, useMe } from '../../app/auth.tsx';
import { LogoutButton } from '../../app/layout.tsx';
import { AuthScreen } from '../auth/AuthScreen.tsx';

/** A personal account with no 登记人员 staff record: the notice from `me`, and a way to re-check. */
export function PersonNotice() {
  const me = useMe();
  const { refresh } = useAuth();
  return (
    <AuthScreen>
      <Card style={{ width: 560, maxWidth: '92vw' }}>
        <Result
          icon={<IdcardOutlined style={{ color: '#1f7a4d' }} />}
          title={`${me.displayName}，您好！个人账号尚未关联监测机构`}
          subTitle={<span data-testid="person-notice">{me.notice}</span>}
          extra={[
            <Button key="refresh" type="primary" onClick={() => void refresh()}>
              重新检查
            </Button>,
            <LogoutButton key="logout" />,
          ]}
        />
      </Card>
    </AuthScreen>
  );
}
