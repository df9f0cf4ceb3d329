import type { OverviewCount } from '@eco/contracts';
import type { ChartOption } from './EChart.tsx';

const brand = '#1f7a4d';
const fontFamily = "'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif";

/** A value label only where there is something: a row of zeros says nothing. */
const hideZero = (params: { value?: unknown }) => (params.value ? String(params.value) : '');

/** Colours of statuses shared by agencies, staff and projects: waiting amber, done green, returned red. */
export const statusColors: Record<string, string> = {
  draft: '#bfbfbf',
  in_progress: '#1677ff',
  submitted: '#faad14',
  approved: brand,
  returned: '#ff4d4f',
};

/** A donut: one slice per item in the given order (its data index is its link's index). */
export function donutOption(rows: OverviewCount[], unit: string): ChartOption {
  return {
    textStyle: { fontFamily },
    tooltip: { trigger: 'item', formatter: `{b}：{c} ${unit}（{d}%）` },
    legend: { bottom: 0, icon: 'circle' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { position: 'inside', formatter: '{c}', color: '#fff', fontSize: 13, fontWeight: 'bold' },
        data: rows.map((r) => ({
          name: r.label,
          value: r.count,
          itemStyle: { color: statusColors[r.key] ?? brand },
          label: { show: r.count > 0 },
        })),
      },
    ],
  };
}

/** Bars along x (many short names, e.g. 21 市州): labels slanted so every name shows. */
export function columnOption(rows: OverviewCount[], unit: string): ChartOption {
  return {
    textStyle: { fontFamily },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v} ${unit}` },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.label),
      axisLabel: { interval: 0, rotate: rows.length > 8 ? 40 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '项目数',
        barMaxWidth: 36,
        itemStyle: { color: brand, borderRadius: [4, 4, 0, 0] },
        label: { show: true, position: 'top', formatter: hideZero },
        data: rows.map((r) => r.count),
      },
    ],
  };
}

/** Bars across (long names such as 废气（有组织）), the first item on top. */
export function barOption(rows: OverviewCount[], unit: string): ChartOption {
  return {
    textStyle: { fontFamily },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => `${v} ${unit}` },
    grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.label) },
    series: [
      {
        type: 'bar',
        name: '项目数',
        barMaxWidth: 22,
        itemStyle: { color: '#2f9e6b', borderRadius: [0, 4, 4, 0] },
        label: { show: true, position: 'right', formatter: hideZero },
        data: rows.map((r) => r.count),
      },
    ],
  };
}

/** 3月; with the year at the first month shown and at each January (2026年1月). */
function monthLabel(key: string, isFirst: boolean): string {
  const month = Number(key.slice(5, 7));
  return isFirst || month === 1 ? `${key.slice(0, 4)}年${month}月` : `${month}月`;
}

/** Monthly counts as a line with its area; each point is a month. */
export function monthOption(rows: OverviewCount[], unit: string): ChartOption {
  return {
    textStyle: { fontFamily },
    tooltip: { trigger: 'axis', valueFormatter: (v) => `${v} ${unit}` },
    grid: { left: 8, right: 24, top: 24, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: rows.map((r, i) => monthLabel(r.key, i === 0)),
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'line',
        name: '登记项目',
        symbolSize: 10,
        itemStyle: { color: brand },
        areaStyle: { color: 'rgba(31, 122, 77, 0.12)' },
        label: { show: true, position: 'top', formatter: hideZero },
        data: rows.map((r) => r.count),
      },
    ],
  };
}
