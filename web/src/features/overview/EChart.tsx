import {
  BarChart,
  type BarSeriesOption,
  LineChart,
  type LineSeriesOption,
  PieChart,
  type PieSeriesOption,
} from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import { type ComposeOption, type ECElementEvent, type ECharts, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { type CSSProperties, useEffect, useRef } from 'react';
import { Link, useNavigate } from 'react-router';

// Only what the overview draws: the rest of ECharts stays out of the bundle.
use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | TooltipComponentOption
>;

/** Where a data item leads, in data order; also listed as links for keyboards and screen readers. */
export type ChartLink = { label: string; href: string };

type Props = {
  option: ChartOption;
  links: ChartLink[];
  /** Names the figure for screen readers and for tests (`data-testid`). */
  title: string;
  testId: string;
  height?: number;
  /** Which axis lists the items (bars, months): a click anywhere in an item's column counts, not only on its mark. */
  categoryAxis?: 'x' | 'y';
};

const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  margin: -1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * An ECharts canvas in a div: made once on mount, given each new option, resized with its box,
 * disposed on unmount. A click on a bar, slice or point opens the list that item stands for.
 */
export function EChart({ option, links, title, testId, height = 300, categoryAxis }: Props) {
  const boxRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const linksRef = useRef(links);
  const navigate = useNavigate();

  useEffect(() => {
    linksRef.current = links;
  }, [links]);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const chart = init(box, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    const open = (index: number) => {
      const link = linksRef.current[index];
      if (link) navigate(link.href);
    };
    if (categoryAxis) {
      const zr = chart.getZr();
      zr.on('mousemove', (event) => {
        if (chart.containPixel('grid', [event.offsetX, event.offsetY])) zr.setCursorStyle('pointer');
      });
      // Anywhere in an item's column (its bar, its point, the space above): thin marks are hard to hit.
      zr.on('click', (event) => {
        const point = [event.offsetX, event.offsetY];
        if (!chart.containPixel('grid', point)) return;
        const value = chart.convertFromPixel({ gridIndex: 0 }, point);
        const index = Array.isArray(value) ? value[categoryAxis === 'x' ? 0 : 1] : undefined;
        if (index !== undefined) open(Math.round(index));
      });
    } else {
      chart.on('click', (event: ECElementEvent) => open(event.dataIndex));
    }
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(box);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [navigate, categoryAxis]);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div data-testid={testId} style={{ position: 'relative' }}>
      <div ref={boxRef} role="img" aria-label={title} style={{ width: '100%', height }} />
      <ul style={visuallyHidden} aria-label={`${title}：打开对应列表`}>
        {links.map((link) => (
          <li key={link.href}>
            <Link to={link.href}>{link.label}</Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
