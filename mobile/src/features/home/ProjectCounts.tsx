import { useNavigate } from 'react-router';
import { useResource } from '../../app/use-resource.ts';
import { fetchFieldSummary } from '../projects/api.ts';

/** 在行项目 and 完成项目 counts; each opens its list. No alert on failure: the counts show a dash. */
export function ProjectCounts() {
  const navigate = useNavigate();
  const summary = useResource(fetchFieldSummary);
  const counts = summary.data?.data;
  const show = (value: number | undefined) => (value === undefined ? '—' : String(value));

  return (
    <section className="project-counts" aria-label="项目数量">
      <button type="button" className="count-tile" onClick={() => navigate('/projects')}>
        <span className="count-value" data-testid="active-project-count">
          {show(counts?.activeProjectCount)}
        </span>
        <span className="count-label">在行项目</span>
      </button>
      <button type="button" className="count-tile" onClick={() => navigate('/projects/done')}>
        <span className="count-value" data-testid="done-project-count">
          {show(counts?.doneProjectCount)}
        </span>
        <span className="count-label">完成项目</span>
      </button>
    </section>
  );
}
