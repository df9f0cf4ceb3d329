import 'leaflet/dist/leaflet.css';
import type { FieldStage, FieldTrack, MapConfig } from '@eco/contracts';
import gcoord from 'gcoord';
import L from 'leaflet';
import { useEffect, useRef } from 'react';
import { formatTime } from '../../app/format.ts';

/** Photo points by stage: 采样 blue, 送样 orange, 实验室分析 green. */
export const stageColors: Record<FieldStage, string> = {
  sampling: '#1677ff',
  delivery: '#fa8c16',
  lab: '#00b578',
};

type LatLon = { latitude: number; longitude: number };

/** Coordinates are stored in WGS-84; GCJ-02 tiles (天地图 is WGS-84, many others are not) need them shifted. */
function toMapPoint(point: LatLon, config: MapConfig): L.LatLngTuple {
  if (config.crs !== 'gcj02') return [point.latitude, point.longitude];
  const [lng, lat] = gcoord.transform([point.longitude, point.latitude], gcoord.WGS84, gcoord.GCJ02);
  return [lat, lng];
}

function escapeHtml(text: string): string {
  const span = document.createElement('span');
  span.textContent = text;
  return span.innerHTML;
}

const siteIcon = L.divIcon({
  className: 'site-marker',
  html: '<span></span>',
  iconSize: [22, 22],
  iconAnchor: [11, 22],
});

/** The track as a line, photo points coloured by stage, the project site, and a marker at `cursor`. */
export function TrackMap({
  track,
  config,
  cursor,
}: {
  track: FieldTrack;
  config: MapConfig;
  cursor: number;
}) {
  const container = useRef<HTMLDivElement>(null);
  const cursorMarker = useRef<L.CircleMarker | null>(null);

  useEffect(() => {
    if (!container.current) return;
    const map = L.map(container.current, { attributionControl: config.kind !== 'none' });
    if (config.kind !== 'none' && config.urlTemplate) {
      L.tileLayer(config.urlTemplate, {
        subdomains: config.subdomains.length > 0 ? config.subdomains : ['a', 'b', 'c'],
        attribution: config.attribution ?? '',
        maxZoom: 18,
      }).addTo(map);
    }
    L.control.scale({ imperial: false }).addTo(map);

    const line = track.points.map((point) => toMapPoint(point, config));
    const site = toMapPoint(track.site, config);
    const bounds = L.latLngBounds([site]);
    if (line.length > 1) L.polyline(line, { color: '#1677ff', weight: 4, opacity: 0.8 }).addTo(map);
    for (const point of line) bounds.extend(point);
    L.marker(site, { icon: siteIcon, title: '项目地点' })
      .bindPopup(`项目地点<br>${escapeHtml(track.site.address)}`)
      .addTo(map);
    for (const photo of track.photos) {
      const at = toMapPoint(photo, config);
      bounds.extend(at);
      L.circleMarker(at, {
        radius: 8,
        color: '#fff',
        weight: 2,
        fillColor: stageColors[photo.stage],
        fillOpacity: 1,
      })
        .bindPopup(`${escapeHtml(photo.photoTypeLabel)}<br>${formatTime(new Date(photo.capturedAt))}`)
        .addTo(map);
    }
    const first = line[0];
    cursorMarker.current = first
      ? L.circleMarker(first, {
          radius: 7,
          color: '#000',
          weight: 2,
          fillColor: '#ffd400',
          fillOpacity: 1,
        }).addTo(map)
      : null;
    map.fitBounds(bounds.pad(0.2), { maxZoom: 17 });
    return () => {
      cursorMarker.current = null;
      map.remove();
    };
  }, [track, config]);

  useEffect(() => {
    const point = track.points[cursor];
    if (point) cursorMarker.current?.setLatLng(toMapPoint(point, config));
  }, [track, config, cursor]);

  return (
    <div
      ref={container}
      className={config.kind === 'none' ? 'track-map plain' : 'track-map'}
      role="img"
      aria-label="监测航迹地图"
    />
  );
}
