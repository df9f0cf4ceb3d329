import './track.css';
import Slider from 'antd-mobile/es/components/slider';
import SpinLoading from 'antd-mobile/es/components/spin-loading';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import { ErrorNotice } from '../../app/ErrorNotice.tsx';
import { formatMetres, formatTime } from '../../app/format.ts';
import { Page } from '../../app/Page.tsx';
import { useBack } from '../../app/use-back.ts';
import { useResource } from '../../app/use-resource.ts';
import { fetchTrackData, type TrackData } from './api.ts';
import { stageColors, TrackMap } from './TrackMap.tsx';

const stageNames = { sampling: '采样', delivery: '送样', lab: '实验室分析' } as const;

function TrackView({ data }: { data: TrackData }) {
  const { track, mapConfig } = data;
  const [cursor, setCursor] = useState(0);
  const point = track.points[cursor];
  const last = track.points.length - 1;

  return (
    <>
      <TrackMap track={track} config={mapConfig} cursor={cursor} />
      <section className="track-panel">
        <div className="track-legend">
          {Object.entries(stageColors).map(([stage, color]) => (
            <span key={stage}>
              <i style={{ background: color }} />
              {stageNames[stage as keyof typeof stageNames]}
            </span>
          ))}
          <span>
            <i className="legend-site" />
            项目地点
          </span>
        </div>
        {last >= 0 ? (
          <>
            <div className="track-time" aria-live="polite">
              {point ? `${formatTime(new Date(point.recordedAt))} · ${formatMetres(point.accuracy)}` : ''}{' '}
              （第 {cursor + 1} / {last + 1} 个点）
            </div>
            {last > 0 && (
              <Slider
                min={0}
                max={last}
                value={cursor}
                onChange={(value) => setCursor(Array.isArray(value) ? (value[0] ?? 0) : value)}
                aria-label="时间"
              />
            )}
          </>
        ) : (
          <div className="muted">此任务尚无航迹点</div>
        )}
        <ul className="track-photos" aria-label="照片点">
          {track.photos.map((photo) => (
            <li key={photo.id}>
              <i style={{ background: stageColors[photo.stage] }} />
              {formatTime(new Date(photo.capturedAt))} {photo.photoTypeLabel}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

/** 监测航迹: the task's track on a map with its photo points and a time slider. */
export function TrackPage() {
  const { id = '' } = useParams();
  const load = useCallback(() => fetchTrackData(id), [id]);
  const data = useResource(load);
  const goBack = useBack(`/tasks/${id}`);

  return (
    <Page title="监测航迹" onBack={goBack}>
      {data.status === 'failed' && <ErrorNotice className="page-notice" message={data.message} />}
      {data.status === 'loading' && !data.data && (
        <div className="center-block">
          <SpinLoading color="primary" />
        </div>
      )}
      {data.data && <TrackView data={data.data} />}
    </Page>
  );
}
