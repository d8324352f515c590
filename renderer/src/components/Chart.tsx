import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Category names under bars: every one shown, slanted so that long Chinese names (场(厂)内专用机动车辆) do not overlap. */
export const categoryLabel = { interval: 0, fontSize: 11, rotate: 30 } as const;
/** Room for the slanted names. */
export const barGrid = { left: 36, right: 10, top: 28, bottom: 56 } as const;

/** One ECharts chart in a div, redrawn when its option changes and disposed with the component. */
export function Chart({ option, label, testId, className = 'chart' }: { option: ChartOption; label: string; testId: string; className?: string }) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    // SVG: the charts print sharply and their text is real text
    const chart = echarts.init(host.current, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={host} className={className} role="img" aria-label={label} data-testid={testId} />;
}
