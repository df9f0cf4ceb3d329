import { MobileOutlined } from '@ant-design/icons';
import { roleLabels } from '@eco/contracts';
import { Button, Card, Result } from 'antd';
import { useMe } from '../../app/auth.tsx';
import { LogoutButton } from '../../app/layout.tsx';
import { AuthScreen } from './AuthScreen.tsx';

/** Field staff have no web pages: they record sampling in the mobile app. */
export function FieldStaffNotice() {
  const me = useMe();
  return (
    <AuthScreen>
      <Card style={{ width: 520, maxWidth: '92vw' }}>
        <Result
          icon={<MobileOutlined style={{ color: '#1f7a4d' }} />}
          title="请使用移动端"
          subTitle={
            <>
              {me.displayName}（{roleLabels[me.role]}
              {me.agency ? ` · ${me.agency.name}` : ''}），您好！
              <br />
              监测人员（采样、送样、实验室分析）在手机上使用移动端开展监测任务，网页端不提供监测人员功能。
              请用手机浏览器打开本站的 /m 地址。
            </>
          }
          extra={[
            <Button key="m" type="primary" href="/m" icon={<MobileOutlined />}>
              打开移动端（/m）
            </Button>,
            <LogoutButton key="logout" />,
          ]}
        />
      </Card>
    </AuthScreen>
  );
}
