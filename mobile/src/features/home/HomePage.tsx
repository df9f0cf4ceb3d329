import NoticeBar from 'antd-mobile/es/components/notice-bar';
import { Page } from '../../app/Page.tsx';
import { PostTags } from '../../app/PostTags.tsx';
import { useCurrentUser } from '../../app/session.tsx';
import { useResource } from '../../app/use-resource.ts';
import { NotificationsCard } from '../notifications/NotificationsCard.tsx';
import { fetchCurrentAgency } from './api.ts';
import { PositionCard } from './PositionCard.tsx';
import { ProjectCounts } from './ProjectCounts.tsx';

/**
 * 首页: the user's agency, who they are and their posts, 在行/完成项目 counts, where the phone is
 * now, and the latest 消息通知.
 */
export function HomePage() {
  const user = useCurrentUser();
  const agency = useResource(fetchCurrentAgency);
  const agencyName = agency.data?.name ?? user.agency?.name;
  const agencyStatus = agency.data?.status ?? user.agency?.status;

  return (
    <Page title="生态环境监测业务">
      <section className="home-hero" aria-label="机构与人员">
        <div className="hero-label">机构名称</div>
        <div className="hero-agency">{agencyName ?? '未关联监测机构'}</div>
        {agency.data?.regionName && <div className="hero-region">{agency.data.regionName}</div>}
        <div className="hero-person">
          <span className="hero-name">{user.displayName}</span>
          <PostTags posts={user.posts} onDark />
        </div>
      </section>
      {agencyStatus && agencyStatus !== 'approved' && (
        <NoticeBar
          color="alert"
          wrap
          content="本机构信息尚未通过监管部门审核，审核通过后方可开展项目监测。"
        />
      )}
      <ProjectCounts />
      <PositionCard />
      <NotificationsCard />
    </Page>
  );
}
