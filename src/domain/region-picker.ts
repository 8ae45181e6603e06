// The feed's region picker (省 → 市 → 县): the rows of each level from the division table, the
// choice as a feed filter, and its label. Pure: the table comes in as an argument (divisions.ts).
import type { CardFilter } from './filters'
import { CODE_PATTERN, codeLevel, provinceCodeOf, type Division, type Divisions } from './region-codes'

/** What she picked: a division's code and its names from the province down (四川省 成都市). */
export interface RegionChoice {
  code: string
  /** Full names joined by a space, province first. */
  names: string
}

/** One row of the picker: a division, and whether it has a level below to open. */
export interface PickerRow extends Division {
  hasChildren: boolean
}

const cityCodeOf = (code: string) => `${code.slice(0, 4)}00`

const byCode = (a: Division, b: Division) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)

/**
 * The rows under `parent` (the provinces when there is none). A province lists its cities, and
 * the counties under no city of the table: 北京's districts, 湖北's 仙桃 (省直辖县级).
 */
export function pickerRows(divisions: Divisions, parent?: string): PickerRow[] {
  const counties = [...divisions.counties.values()]
  if (!parent) {
    return [...divisions.provinces.values()].sort(byCode).map((d) => ({ ...d, hasChildren: true }))
  }
  if (codeLevel(parent) === 'province') {
    const prefix = parent.slice(0, 2)
    const cities = [...divisions.cities.values()]
      .filter((c) => c.code.startsWith(prefix))
      .map((c) => ({ ...c, hasChildren: counties.some((d) => d.code.startsWith(c.code.slice(0, 4))) }))
    const direct = counties
      .filter((d) => d.code.startsWith(prefix) && !divisions.cities.has(cityCodeOf(d.code)))
      .map((d) => ({ ...d, hasChildren: false }))
    return [...cities, ...direct].sort(byCode)
  }
  if (codeLevel(parent) === 'city') {
    const prefix = parent.slice(0, 4)
    return counties
      .filter((d) => d.code.startsWith(prefix))
      .sort(byCode)
      .map((d) => ({ ...d, hasChildren: false }))
  }
  return []
}

/** The divisions from the province down to `code`, as far as the table knows them. */
export function pathOf(divisions: Divisions, code: string): Division[] {
  const province = divisions.provinces.get(provinceCodeOf(code))
  if (!province) return []
  const level = codeLevel(code)
  const city = level === 'province' ? undefined : divisions.cities.get(cityCodeOf(code))
  const county = level === 'county' ? divisions.counties.get(code) : undefined
  if (level === 'city' && !city) return [province]
  return [province, city, county].filter((d): d is Division => !!d)
}

/** The choice of `code`, with its names; undefined when the table has no such division. */
export function choiceOf(divisions: Divisions, code: string): RegionChoice | undefined {
  const path = pathOf(divisions, code)
  if (path[path.length - 1]?.code !== code) return undefined
  return { code, names: path.map((d) => d.name).join(' ') }
}

/** The feed filter for a choice: every level down to it, none for 全国. */
export function regionFilter(choice: RegionChoice | undefined): Pick<CardFilter, 'province' | 'city' | 'county'> {
  if (!choice) return {}
  const level = codeLevel(choice.code)
  const province = provinceCodeOf(choice.code)
  if (level === 'province') return { province }
  if (level === 'city') return { province, city: choice.code }
  // A county under no city (北京's districts, 仙桃) is found by its own code alone.
  const names = choice.names.split(' ')
  return names.length >= 3
    ? { province, city: cityCodeOf(choice.code), county: choice.code }
    : { province, county: choice.code }
}

/** What the feed's control says: the nearest name (成都市), or 全国. */
export function regionLabel(choice: RegionChoice | undefined): string {
  if (!choice) return '全国'
  const names = choice.names.split(' ')
  return names[names.length - 1] || '全国'
}

/** A stored choice read back: only a well-formed one is kept (storage can hold anything). */
export function parseChoice(raw: string | null): RegionChoice | undefined {
  if (!raw) return undefined
  try {
    const v = JSON.parse(raw) as unknown
    if (!v || typeof v !== 'object') return undefined
    const { code, names } = v as { code?: unknown; names?: unknown }
    if (typeof code !== 'string' || !CODE_PATTERN.test(code) || code.startsWith('00')) return undefined
    if (typeof names !== 'string' || !names.trim() || names.length > 60) return undefined
    return { code, names: names.trim() }
  } catch {
    return undefined
  }
}
