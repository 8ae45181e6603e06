// WGS-84 (what a browser's geolocation gives) to GCJ-02 (what Chinese maps and WeChat use), so a
// place found either way is stored in the one system the maps read.

/** Krasovsky 1940 ellipsoid, as the GCJ-02 offset is defined on it. */
const A = 6378245.0
const EE = 0.006693421622965943

/** A rough box around the mainland: outside it the maps apply no offset. */
export function outOfChina(latitude: number, longitude: number): boolean {
  return longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
  return r
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
  return r
}

/** The published GCJ-02 offset (a few hundred metres in China, none outside). */
export function wgs84ToGcj02(latitude: number, longitude: number): { latitude: number; longitude: number } {
  if (outOfChina(latitude, longitude)) return { latitude, longitude }
  const rad = (latitude / 180) * Math.PI
  const s = Math.sin(rad)
  const magic = 1 - EE * s * s
  const root = Math.sqrt(magic)
  const dLat = (offsetLat(longitude - 105, latitude - 35) * 180) / (((A * (1 - EE)) / (magic * root)) * Math.PI)
  const dLng = (offsetLng(longitude - 105, latitude - 35) * 180) / ((A / root) * Math.cos(rad) * Math.PI)
  return { latitude: latitude + dLat, longitude: longitude + dLng }
}

/** Six decimals, about 0.1 m: as precise as a phone's fix, and short enough to read. */
export const roundCoordinate = (value: number): number => Math.round(value * 1e6) / 1e6
