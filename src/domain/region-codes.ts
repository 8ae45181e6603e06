// A federation's place as national division codes (GB/T 2260): its province, city and county, for
// filtering the feed by region. Pure: the division table comes in as an argument (divisions.ts).
import type { Region } from './types'

/** One division: its 6-digit code and its full name (四川省, 成都市, 武都区). */
export interface Division {
  code: string
  name: string
}

/** The national division table, by code: 省 (XX0000), 市 (XXYY00) and 县/区 (XXYYZZ). */
export interface Divisions {
  provinces: ReadonlyMap<string, Division>
  cities: ReadonlyMap<string, Division>
  counties: ReadonlyMap<string, Division>
}

/** Where a federation is: the codes of each level it sits in, and the full names for search. */
export interface RegionCodes {
  province: string
  city?: string
  county?: string
  /** 四川省 成都市 (省, 市, 县 as far as known): what a search on the place matches. */
  place: string
}

export const CODE_PATTERN = /^\d{6}$/

/** The province a code lies in (its first two digits). */
export const provinceCodeOf = (code: string): string => `${code.slice(0, 2)}0000`

/** A short name as the data writes it (四川, 成都) matches the table's full name (四川省, 成都市). */
const sameName = (short: string | undefined, full: string) => !short || full.startsWith(short)

/**
 * The codes of the place the region names, or a Chinese message saying what does not fit. A county
 * directly under its province (省直辖县级, or a district of 北京/上海/天津/重庆) has no city code.
 */
export function resolveRegion(region: Region, divisions: Divisions): RegionCodes | { problem: string } {
  const code = region.code
  if (!CODE_PATTERN.test(code)) return { problem: `地区代码“${code}”应为 6 位数字` }
  const province = divisions.provinces.get(provinceCodeOf(code))
  if (!province) return { problem: `地区代码“${code}”不在全国行政区划里` }
  if (!sameName(region.province, province.name)) {
    return { problem: `地区代码“${code}”属于${province.name}，与“${region.province}”不符` }
  }
  const city = divisions.cities.get(`${code.slice(0, 4)}00`)
  const county = divisions.counties.get(code)
  if (code !== province.code && code !== city?.code && !county) {
    return { problem: `地区代码“${code}”不在全国行政区划里` }
  }
  if (city && region.city && !sameName(region.city, city.name)) {
    return { problem: `地区代码“${code}”属于${city.name}，与“${region.city}”不符` }
  }
  if (county && region.district && !sameName(region.district, county.name)) {
    return { problem: `地区代码“${code}”是${county.name}，与“${region.district}”不符` }
  }
  const parts = [province, code === province.code ? undefined : city, county].filter((d): d is Division => !!d)
  return {
    province: province.code,
    ...(city && code !== province.code ? { city: city.code } : {}),
    ...(county ? { county: county.code } : {}),
    place: parts.map((d) => d.name).join(' '),
  }
}

/** Which level a filter code names: 省 ends in 0000, 市 in 00, anything else is a 县/区. */
export function codeLevel(code: string): 'province' | 'city' | 'county' {
  if (code.endsWith('0000')) return 'province'
  if (code.endsWith('00')) return 'city'
  return 'county'
}
