import Button from 'antd-mobile/es/components/button';
import Dialog from 'antd-mobile/es/components/dialog';
import List from 'antd-mobile/es/components/list';
import Toast from 'antd-mobile/es/components/toast';
import { LockOutline } from 'antd-mobile-icons';
import { useNavigate } from 'react-router';
import { describeError } from '../../app/api.ts';
import { Page } from '../../app/Page.tsx';
import { PostTags } from '../../app/PostTags.tsx';
import { useCurrentUser, useSession } from '../../app/session.tsx';
import { useOutbox } from '../sync/use-sync.ts';

/** 我的: who is logged in, 修改密码 and 退出登录. */
export function ProfilePage() {
  const user = useCurrentUser();
  const { logout, state } = useSession();
  const navigate = useNavigate();
  const unsyncedCount = useOutbox().filter((item) => item.userId === user.id).length;

  const confirmLogout = async () => {
    if (state.status === 'authenticated' && state.isOffline) {
      await Dialog.alert({ content: '网络已断开，联网后才能退出登录', confirmText: '知道了' });
      return;
    }
    const isConfirmed = await Dialog.confirm({
      content:
        unsyncedCount > 0
          ? `还有${unsyncedCount}项未同步，退出后将在下次登录时继续同步。确定要退出登录吗？`
          : '确定要退出登录吗？',
      confirmText: '退出',
      cancelText: '取消',
    });
    if (!isConfirmed) return;
    try {
      await logout();
    } catch (error) {
      Toast.show({ icon: 'fail', content: describeError(error) });
    }
    navigate('/login', { replace: true });
  };

  return (
    <Page title="我的">
      <section className="profile-head">
        <div className="profile-avatar" aria-hidden="true">
          {user.displayName.slice(0, 1)}
        </div>
        <div>
          <div className="profile-name">{user.displayName}</div>
          <div className="muted">监测人员{user.username ? ` · ${user.username}` : ''}</div>
        </div>
      </section>
      <List mode="card" header="基本信息">
        <List.Item extra={user.agency?.name ?? '未关联监测机构'}>所属机构</List.Item>
        <List.Item extra={<PostTags posts={user.posts} />}>岗位</List.Item>
      </List>
      <List mode="card">
        <List.Item prefix={<LockOutline />} onClick={() => navigate('/password')}>
          修改密码
        </List.Item>
      </List>
      <div className="page-actions">
        <Button block color="danger" fill="outline" size="large" onClick={() => void confirmLogout()}>
          退出登录
        </Button>
      </div>
    </Page>
  );
}
