/**
 * @module The analytics chart: ECharts with the chart types analytics draws (bar, line, scatter, pie),
 * a click handler that receives the clicked item's data (each carries the list filter behind it), and a
 * handle to export the drawn chart as a PNG (`getDataURL`). `ariaLabel` describes it for screen readers.
 */
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, ScatterChart } from 'echarts/charts';
import { AriaComponent, DataZoomComponent, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { DataZoomComponentOption, GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';

echarts.use([BarChart, LineChart, PieChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, DataZoomComponent, AriaComponent, CanvasRenderer]);

export type AnalyticsOption = ComposeOption<
  | BarSeriesOption
  | LineSeriesOption
  | PieSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | TooltipComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | DataZoomComponentOption
>;

export interface ChartHandle {
  /** The chart as a PNG data URL (white background, double resolution). */
  png(): string | undefined;
}

interface Props {
  option: AnalyticsOption;
  ariaLabel: string;
  height?: number;
  testId?: string;
  /** Called with the clicked item's `data` (as given in the option). */
  onItemClick?: ((data: unknown) => void) | undefined;
}

export const Chart = forwardRef<ChartHandle, Props>(function Chart({ option, ariaLabel, height = 300, testId, onItemClick }, handle) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | undefined>(undefined);
  const click = useRef(onItemClick);
  click.current = onItemClick;

  useImperativeHandle(handle, () => ({
    png: () => chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' }),
  }));

  useEffect(() => {
    if (!ref.current) return;
    const c = echarts.init(ref.current, undefined, { renderer: 'canvas', locale: 'ZH' });
    chart.current = c;
    c.on('click', (params) => click.current?.((params as { data?: unknown }).data));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(ref.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = undefined;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, textStyle: { fontFamily: '"Noto Sans CJK SC", "Microsoft YaHei", sans-serif' }, ...option }, true);
  }, [option]);

  return <div ref={ref} className="chart" style={{ height }} role="img" aria-label={ariaLabel} data-testid={testId} />;
});
