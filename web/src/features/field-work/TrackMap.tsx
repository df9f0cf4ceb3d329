import { type FieldTrack, fieldStageLabels, fieldStages, type MapConfig } from '@eco/contracts';
import { Alert, Slider, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import gcoord from 'gcoord';
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { displayTimeZone, formatDateTime } from '../../app/time.ts';
import { stageColors } from './stages.ts';

type LatLng = [number, number];
type Project = (latitude: number, longitude: number) => LatLng;

const trackColor = '#722ed1';
const siteColor = '#f5222d';
const cursorColor = '#fadb14';

/** Coordinates are stored in WGS-84; Chinese web tiles (GCJ-02) need them shifted to line up. */
function projectorFor(crs: MapConfig['crs']): Project {
  if (crs === 'wgs84') return (latitude, longitude) => [latitude, longitude];
  return (latitude, longitude) => {
    const [lng, lat] = gcoord.transform<[number, number]>([longitude, latitude], gcoord.WGS84, gcoord.GCJ02);
    return [lat, lng];
  };
}

function addTiles(map: L.Map, config: MapConfig): void {
  if (config.kind === 'none' || !config.urlTemplate) return;
  const options: L.TileLayerOptions = {
    maxZoom: 18,
    subdomains: config.subdomains.length > 0 ? config.subdomains : 'abc',
    attribution: config.attribution ?? undefined,
  };
  L.tileLayer(config.urlTemplate, options).addTo(map);
  // 天地图's vector layer has no place names: they come as a separate annotation layer.
  if (config.kind === 'tianditu' && config.urlTemplate.includes('T=vec_w')) {
    L.tileLayer(config.urlTemplate.replace('T=vec_w', 'T=cva_w'), {
      ...options,
      attribution: undefined,
    }).addTo(map);
  }
}

/** Popup text as DOM text nodes: addresses are typed in by people, never parsed as HTML. */
function popupContent(title: string, lines: string[]): HTMLElement {
  const box = document.createElement('div');
  const heading = document.createElement('strong');
  heading.textContent = title;
  box.appendChild(heading);
  for (const line of lines) {
    const row = document.createElement('div');
    row.textContent = line;
    box.appendChild(row);
  }
  return box;
}

function formatClock(iso: string): string {
  return dayjs(iso).tz(displayTimeZone).format('HH:mm');
}

function LegendDot({ color, label, isHollow }: { color: string; label: string; isHollow?: boolean }) {
  return (
    <Space size={4}>
      <span
        style={{
          display: 'inline-block',
          width: 12,
          height: 12,
          borderRadius: '50%',
          background: isHollow ? '#fff' : color,
          border: `2px solid ${isHollow ? color : '#fff'}`,
          boxShadow: '0 0 0 1px rgba(0,0,0,0.15)',
        }}
      />
      <span>{label}</span>
    </Space>
  );
}

function Legend() {
  return (
    <Space wrap size="middle" style={{ marginBottom: 8, fontSize: 12 }} data-testid="track-legend">
      {fieldStages.map((stage) => (
        <LegendDot key={stage} color={stageColors[stage]} label={`${fieldStageLabels[stage]}照片`} />
      ))}
      <LegendDot color={siteColor} label="项目地点" isHollow />
      <Space size={4}>
        <span style={{ display: 'inline-block', width: 20, height: 3, background: trackColor }} />
        <span>航迹</span>
      </Space>
      <LegendDot color={cursorColor} label="当前位置" />
    </Space>
  );
}

type TrackPoint = FieldTrack['points'][number];

/** The time slider under the map: moving it moves the 当前位置 marker along the track. */
function TrackTimeline({
  points,
  index,
  onChange,
}: {
  points: TrackPoint[];
  index: number;
  onChange: (index: number) => void;
}) {
  const current = points[index];
  const start = points[0];
  const last = points[points.length - 1];
  if (!current || !start || !last) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginTop: 8 }}
        title="暂无航迹点：任务进行中手机按时间和距离记录位置，联网后上传。"
      />
    );
  }
  return (
    <div style={{ padding: '8px 12px 0' }} data-testid="track-slider">
      {points.length > 1 && (
        <Slider
          min={0}
          max={points.length - 1}
          value={index}
          onChange={onChange}
          marks={{ 0: formatClock(start.recordedAt), [points.length - 1]: formatClock(last.recordedAt) }}
          tooltip={{
            formatter: (value) => formatDateTime(value === undefined ? null : points[value]?.recordedAt),
          }}
        />
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        当前位置时间：{formatDateTime(current.recordedAt)} · 精度 ±{Math.round(current.accuracy)} m · 第{' '}
        {index + 1} / {points.length} 个航迹点
      </Typography.Text>
    </div>
  );
}

/** 监测航迹: the track, the photo points coloured by stage and the site, with a time slider. */
export function TrackMap({ track, mapConfig }: { track: FieldTrack; mapConfig: MapConfig }) {
  const containerRef = useRef<HTMLDivElement>(null);
  const cursorRef = useRef<L.CircleMarker | null>(null);
  const project = useMemo(() => projectorFor(mapConfig.crs), [mapConfig.crs]);
  const points = useMemo(
    () => [...track.points].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt)),
    [track.points],
  );
  const [index, setIndex] = useState(0);

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const map = L.map(container, { maxZoom: 18 });
    map.attributionControl.setPrefix(false);
    addTiles(map, mapConfig);
    L.control.scale({ imperial: false }).addTo(map);

    const site = project(track.site.latitude, track.site.longitude);
    const bounds = L.latLngBounds([site, site]);
    const line = points.map((p) => project(p.latitude, p.longitude));
    for (const at of line) bounds.extend(at);
    if (line.length > 1) L.polyline(line, { color: trackColor, weight: 3, opacity: 0.85 }).addTo(map);
    L.circleMarker(site, { radius: 9, color: siteColor, weight: 3, fillColor: '#fff', fillOpacity: 1 })
      .bindPopup(popupContent('项目地点', [track.site.address]))
      .addTo(map);
    for (const photo of track.photos) {
      const at = project(photo.latitude, photo.longitude);
      bounds.extend(at);
      L.circleMarker(at, {
        radius: 7,
        color: '#fff',
        weight: 2,
        fillColor: stageColors[photo.stage],
        fillOpacity: 0.95,
      })
        .bindPopup(
          popupContent(photo.photoTypeLabel, [
            `${fieldStageLabels[photo.stage]} · ${formatDateTime(photo.capturedAt)}`,
          ]),
        )
        .addTo(map);
    }
    const first = line[0];
    cursorRef.current = first
      ? L.circleMarker(first, {
          radius: 6,
          color: '#262626',
          weight: 2,
          fillColor: cursorColor,
          fillOpacity: 1,
        })
          .bindTooltip('当前位置')
          .addTo(map)
      : null;

    // The dialog animates open: fit once the container has a size, and follow later resizes.
    let hasFitted = false;
    const fit = () => {
      if (container.clientWidth === 0) return;
      map.invalidateSize();
      if (hasFitted) return;
      map.fitBounds(bounds, { padding: [32, 32], maxZoom: 17 });
      hasFitted = true;
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(container);
    return () => {
      observer.disconnect();
      cursorRef.current = null;
      map.remove();
    };
  }, [track, mapConfig, points, project]);

  useEffect(() => {
    const point = points[index];
    if (point) cursorRef.current?.setLatLng(project(point.latitude, point.longitude));
  }, [index, points, project]);

  return (
    <div>
      <Legend />
      {mapConfig.kind === 'none' && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
          未配置地图底图：在空白背景上显示航迹、照片点位与比例尺。
        </Typography.Paragraph>
      )}
      <div
        ref={containerRef}
        data-testid="track-map"
        style={{
          height: 480,
          width: '100%',
          borderRadius: 6,
          background: '#f3f5f2',
          border: '1px solid #f0f0f0',
        }}
      />
      <TrackTimeline points={points} index={index} onChange={setIndex} />
    </div>
  );
}
