import type { GeoPoint } from './match-facts';

const EARTH_RADIUS_KM = 6371;

export const RAD = Math.PI / 180;

// Great-circle distance (haversine): plenty for "how far is this town from home".
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  return haversineKm(a.lat, a.lng, cosLatitude(a.lat), b.lat, b.lng, cosLatitude(b.lat));
}

// The cosine of a latitude as haversineKm takes it: indexes keep it per point, so a pair costs
// no cosines.
export function cosLatitude(lat: number): number {
  return Math.cos(lat * RAD);
}

// distanceKm from coordinates and their cosLatitude: the same arithmetic in the same order, so
// the same km bit for bit.
export function haversineKm(
  aLat: number,
  aLng: number,
  aCos: number,
  bLat: number,
  bLng: number,
  bCos: number,
): number {
  const dLat = (bLat - aLat) * RAD;
  const dLng = (bLng - aLng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + aCos * bCos * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

// A point on the unit sphere, for chord lengths: three multiplications instead of trigonometry.
export function unitVector(point: GeoPoint): [number, number, number] {
  const lat = point.lat * RAD;
  const lng = point.lng * RAD;
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
