// Places on a map: one she picks (WeChat's picker, or Tencent's on H5) and where she is now, both
// in GCJ-02, the coordinates Chinese maps and WeChat read. Only the staff programs page needs it.
import Taro from '@tarojs/taro'
import { roundCoordinate, wgs84ToGcj02 } from '@/domain/coordinates'
import { isWeapp } from './index'

/** Taro's H5 chooseLocation reads this build constant (config/index.ts sets it from TARO_APP_MAP_KEY). */
declare const LOCATION_APIKEY: string | undefined

export interface Coordinates {
  latitude: number
  longitude: number
}

export interface PickedPlace extends Coordinates {
  name: string
  address: string
}

/** She closed the map, said no to location, or the device could not tell. */
export type LocationFailure = 'cancelled' | 'denied' | 'unavailable'

export type LocationAnswer<T> = { ok: true; value: T } | { ok: false; reason: LocationFailure }

/** The H5 picker is Tencent's page and needs the build's map key; without one there is no map. */
export function canChooseLocation(): boolean {
  if (isWeapp) return true
  return typeof LOCATION_APIKEY === 'string' && LOCATION_APIKEY.trim() !== ''
}

/** What a failed call means for her, from its errMsg (WeChat and the browser word them differently). */
export function locationFailure(e: unknown): LocationFailure {
  const msg = String((e as { errMsg?: unknown } | null)?.errMsg ?? (e instanceof Error ? e.message : ''))
  // H5's picker closed without a point fails with no errMsg at all: nothing was chosen.
  if (!msg || /cancel/i.test(msg)) return 'cancelled'
  if (/den(y|ied)|permission|auth/i.test(msg)) return 'denied'
  return 'unavailable'
}

const at = (latitude: unknown, longitude: unknown): Coordinates | null => {
  const lat = Number(latitude)
  const lng = Number(longitude)
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return null
  return { latitude: roundCoordinate(lat), longitude: roundCoordinate(lng) }
}

/** A place picked on the map, with its name and address as the map gives them. */
export async function chooseLocation(): Promise<LocationAnswer<PickedPlace>> {
  if (!canChooseLocation()) return { ok: false, reason: 'unavailable' }
  try {
    const r = await Taro.chooseLocation({})
    const c = at(r.latitude, r.longitude)
    if (!c) return { ok: false, reason: 'unavailable' }
    return { ok: true, value: { ...c, name: (r.name ?? '').trim(), address: (r.address ?? '').trim() } }
  } catch (e) {
    return { ok: false, reason: locationFailure(e) }
  }
}

/**
 * Where she is now. WeChat gives GCJ-02 itself; Taro's H5 getLocation is the browser's geolocation,
 * which only knows WGS-84, so that answer is converted here.
 */
export async function currentLocation(): Promise<LocationAnswer<Coordinates>> {
  try {
    const r = await Taro.getLocation({
      type: isWeapp ? 'gcj02' : 'wgs84',
      isHighAccuracy: true,
      // Without a limit a browser may wait for a fix for ever.
      highAccuracyExpireTime: 10_000,
    })
    const c = at(r.latitude, r.longitude)
    if (!c) return { ok: false, reason: 'unavailable' }
    if (isWeapp) return { ok: true, value: c }
    const g = wgs84ToGcj02(Number(r.latitude), Number(r.longitude))
    return { ok: true, value: { latitude: roundCoordinate(g.latitude), longitude: roundCoordinate(g.longitude) } }
  } catch (e) {
    return { ok: false, reason: locationFailure(e) }
  }
}
