import { Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { MapPoint } from './japan-map-chart';

// The place on a map of Japan. ECharts is large, so it loads only when a project page shows a
// map. The drawing is decorative: the figure's caption says the place in words.
export function ProjectMap({ point, caption }: { point: MapPoint; caption: string }) {
  const element = useRef<HTMLDivElement>(null);
  const { lat, lng, prefectureEn } = point;
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    void import('./japan-map-chart').then(({ drawJapanMap }) => {
      if (!cancelled && element.current)
        dispose = drawJapanMap(element.current, { lat, lng, prefectureEn });
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [lat, lng, prefectureEn]);
  return (
    <figure style={{ margin: 0 }}>
      <div
        ref={element}
        aria-hidden="true"
        data-testid="project-map"
        style={{ height: 280, width: '100%' }}
      />
      <Text component="figcaption" size="sm" c="gray.7">
        {caption}
      </Text>
    </figure>
  );
}
