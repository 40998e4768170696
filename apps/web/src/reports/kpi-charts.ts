import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { JAPAN_MAP } from '../projects/japan-map-chart';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

// Blue and orange stay apart for colour-blind readers and on a greyscale print.
const COLOURS = ['#1864ab', '#d9480f', '#2b8a3e'];

export interface SeriesData {
  name: string;
  values: number[];
}

export interface BarData {
  categories: string[];
  series: SeriesData[];
  // Lines for figures over time, bars for categories.
  kind: 'bar' | 'line';
  // Long category names (themes) read better on their own lines, bars running sideways.
  horizontal?: boolean;
}

export interface MapData {
  // Prefectures by their English name, as the geometry names them.
  values: Array<{ name: string; value: number }>;
  legend: string;
}

// On a canvas: the map's prefecture outlines as SVG would be thousands of nodes for every
// assistive tool to walk, while the table beside each chart already says it in words.
function draw(element: HTMLElement, option: echarts.EChartsCoreOption): () => void {
  const chart = echarts.init(element, undefined, { renderer: 'canvas' });
  chart.setOption(option);
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}

export function drawSeriesChart(element: HTMLElement, data: BarData): () => void {
  const categoryAxis = {
    type: 'category',
    data: data.categories,
    axisLabel: { interval: 0, hideOverlap: true, width: 110, overflow: 'truncate' },
    inverse: data.horizontal,
  };
  const valueAxis = { type: 'value', minInterval: 1 };
  return draw(element, {
    animation: false,
    color: COLOURS,
    tooltip: { trigger: 'axis' },
    legend: { show: data.series.length > 1, top: 0 },
    grid: {
      left: 8,
      right: 16,
      top: data.series.length > 1 ? 32 : 12,
      bottom: 8,
      containLabel: true,
    },
    xAxis: data.horizontal ? valueAxis : categoryAxis,
    yAxis: data.horizontal ? categoryAxis : valueAxis,
    series: data.series.map((s) => ({
      name: s.name,
      type: data.kind,
      data: s.values,
      ...(data.kind === 'line' ? { symbolSize: 6 } : { barMaxWidth: 28 }),
    })),
  });
}

// Japan with each prefecture shaded by its value, and the scale as a legend.
export function drawPrefectureMap(element: HTMLElement, data: MapData): () => void {
  const max = Math.max(1, ...data.values.map((v) => v.value));
  return draw(element, {
    animation: false,
    tooltip: { trigger: 'item' },
    visualMap: {
      min: 0,
      max,
      left: 8,
      bottom: 8,
      text: [String(max), '0'],
      calculable: false,
      itemHeight: 100,
      inRange: { color: ['#e7f5ff', '#1864ab'] },
      textStyle: { color: '#212529' },
    },
    series: [
      {
        name: data.legend,
        type: 'map',
        map: JAPAN_MAP,
        roam: false,
        aspectScale: Math.cos((36 * Math.PI) / 180),
        itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96', borderWidth: 0.5 },
        emphasis: { label: { show: false } },
        data: data.values,
      },
    ],
  });
}
