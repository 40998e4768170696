import type { GeoPoint } from './match-facts';

const EARTH_RADIUS_KM = 6371;

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

// A point on the unit sphere, for chord lengths: three multiplications instead of trigonometry.
export function unitVector(point: GeoPoint): [number, number, number] {
  const rad = Math.PI / 180;
  const lat = point.lat * rad;
  const lng = point.lng * rad;
  return [Math.cos(lat) * Math.cos(lng), Math.cos(lat) * Math.sin(lng), Math.sin(lat)];
}

// A lower bound of distanceKm from the chord between two unit vectors: an arc is never shorter
// than its chord (2·asin(c/2) >= c). The slack of 1 mm covers rounding in both computations.
export function chordLowerBoundKm(
  ax: number,
  ay: number,
  az: number,
  bx: number,
  by: number,
  bz: number,
): number {
  const dx = ax - bx;
  const dy = ay - by;
  const dz = az - bz;
  return Math.max(0, EARTH_RADIUS_KM * Math.sqrt(dx * dx + dy * dy + dz * dz) - 1e-6);
}
