import type { GeoPoint } from './match-facts';

const EARTH_RADIUS_KM = 6371;
const RAD = Math.PI / 180;

// Great-circle distance (haversine): plenty for "how far is this town from home".
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// A cheap lower bound of distanceKm from latitudes alone: no path between two latitudes is
// shorter than the meridian arc. The small slack covers rounding in distanceKm's trigonometry.
export function distanceKmLowerBound(latA: number, latB: number): number {
  return Math.max(0, EARTH_RADIUS_KM * Math.abs(latB - latA) * RAD * (1 - 1e-9) - 1e-6);
}
