import './projects.css';
import type { FieldProjectScope, FieldProjectSummary } from '@eco/contracts';
import InfiniteScroll from 'antd-mobile/es/components/infinite-scroll';
import List from 'antd-mobile/es/components/list';
import NoticeBar from 'antd-mobile/es/components/notice-bar';
import SearchBar from 'antd-mobile/es/components/search-bar';
import { useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { formatDate } from '../../app/format.ts';
import { Page } from '../../app/Page.tsx';
import { fetchProjectPage } from './api.ts';

const titles: Record<FieldProjectScope, string> = { active: '在行项目', done: '完成项目' };

function ProjectItem({ project }: { project: FieldProjectSummary }) {
  const navigate = useNavigate();
  return (
    <List.Item
      onClick={() => navigate(`/projects/${project.id}`)}
      description={
        <div className="project-item-details">
          <div>
            {project.projectNo} · {project.monitoringTypeLabel}
          </div>
          <div>
            计划 {formatDate(project.plannedStart)} 至 {formatDate(project.plannedEnd)}
          </div>
        </div>
      }
      extra={
        <span className="project-item-tasks">
          任务 {project.endedTaskCount}/{project.taskCount}
        </span>
      }
    >
      {project.name}
    </List.Item>
  );
}

/** 在行项目 / 完成项目: the person's projects page by page; 完成项目 searches by name. */
export function ProjectListPage({ scope }: { scope: FieldProjectScope }) {
  const [name, setName] = useState('');
  const [projects, setProjects] = useState<FieldProjectSummary[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [nextPage, setNextPage] = useState(1);
  const [hasMore, setHasMore] = useState(true);
  const [isOffline, setIsOffline] = useState(false);
  /** A new search makes the answers of the previous one obsolete. */
  const generation = useRef(0);

  const loadMore = async () => {
    const asked = generation.current;
    const { data, isOffline: isCopy } = await fetchProjectPage(scope, name, nextPage);
    if (asked !== generation.current) return;
    setProjects((previous) => (nextPage === 1 ? data.items : [...previous, ...data.items]));
    setTotal(data.total);
    setIsOffline(isCopy);
    setNextPage(nextPage + 1);
    setHasMore(!isCopy && data.page * data.pageSize < data.total);
  };

  const search = (value: string) => {
    generation.current++;
    setName(value.trim());
    setProjects([]);
    setTotal(null);
    setNextPage(1);
    setHasMore(true);
  };

  return (
    <Page title={titles[scope]}>
      {scope === 'done' && (
        <div className="search-box">
          <SearchBar placeholder="请输入项目名称" onSearch={search} onClear={() => search('')} />
        </div>
      )}
      {isOffline && <NoticeBar color="alert" content="网络已断开，显示的是上次联网时的列表" wrap />}
      {total !== null && (
        <div className="list-total muted">
          {name ? `“${name}”` : ''}共 {total} 个项目
        </div>
      )}
      {projects.length > 0 && (
        <List mode="card">
          {projects.map((project) => (
            <ProjectItem key={project.id} project={project} />
          ))}
        </List>
      )}
      <InfiniteScroll loadMore={loadMore} hasMore={hasMore}>
        {(more, failed, retry) => {
          if (failed)
            return (
              <button type="button" className="link-text" onClick={() => void retry()}>
                加载失败，点击重试
              </button>
            );
          if (more) return <span className="muted">加载中…</span>;
          return <span className="muted">{total === 0 ? '暂无项目' : '没有更多了'}</span>;
        }}
      </InfiniteScroll>
    </Page>
  );
}
