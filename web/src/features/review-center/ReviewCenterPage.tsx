import { useQuery } from '@tanstack/react-query';
import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { AgencyReviewListPage } from '../agency-profile/AgencyReviewListPage.tsx';
import { fetchAgencyReviews, profileKeys } from '../agency-profile/api.ts';
import { fetchPersonnelReviews, personnelKeys } from '../personnel/api.ts';
import { PersonnelReviewPage } from '../personnel/PersonnelReviewPage.tsx';
import { fetchProjectReviewCount, projectReviewKeys } from '../project-reviews/api.ts';
import { ProjectReviewListPage } from '../project-reviews/ProjectReviewListPage.tsx';

const tabKeys = ['agencies', 'personnel', 'projects'] as const;
type TabKey = (typeof tabKeys)[number];

/**
 * The queue lengths, under the same query keys the queue pages invalidate after a decision, so
 * the tab counts follow.
 */
function useQueueCounts(): Record<TabKey, number | undefined> {
  const agencySearch = { status: 'submitted' as const, page: 1, pageSize: 1 };
  const agencies = useQuery({
    queryKey: profileKeys.reviews(agencySearch),
    queryFn: () => fetchAgencyReviews(agencySearch),
  });
  const personnel = useQuery({
    queryKey: personnelKeys.reviews(1, 1),
    queryFn: () => fetchPersonnelReviews(1, 1),
  });
  const projects = useQuery({ queryKey: projectReviewKeys.count, queryFn: fetchProjectReviewCount });
  return { agencies: agencies.data?.total, personnel: personnel.data?.total, projects: projects.data };
}

function tabLabel(text: string, count: number | undefined, testId: string): ReactNode {
  return <span data-testid={testId}>{count === undefined ? text : `${text}（${count}）`}</span>;
}

/** 审核中心: the three review queues (机构, 人员, 项目) in one place, each oldest submission first. */
export function ReviewCenterPage() {
  const [params, setParams] = useSearchParams();
  const active: TabKey = tabKeys.find((k) => k === params.get('tab')) ?? 'agencies';
  const counts = useQueueCounts();
  return (
    <Tabs
      activeKey={active}
      onChange={(key) => setParams({ tab: key }, { replace: true })}
      items={[
        {
          key: 'agencies',
          label: tabLabel('机构审核', counts.agencies, 'review-tab-agencies'),
          children: <AgencyReviewListPage />,
        },
        {
          key: 'personnel',
          label: tabLabel('人员审核', counts.personnel, 'review-tab-personnel'),
          children: <PersonnelReviewPage />,
        },
        {
          key: 'projects',
          label: tabLabel('项目审核', counts.projects, 'review-tab-projects'),
          children: <ProjectReviewListPage />,
        },
      ]}
    />
  );
}
