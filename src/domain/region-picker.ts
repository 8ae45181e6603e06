// The feed's region picker (省 → 市 → 县): the rows of each level from the division table and the
// choice a row makes. Pure: the table comes in as an argument (divisions.ts). Only the picker's
// subpackage uses it; what the feed needs of a choice is in region-choice.ts (main package).
import type { RegionChoice } from './region-choice'
import { codeLevel, provinceCodeOf, type Division, type Divisions } from './region-codes'

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
  // 市辖区 (XXYY01) is the table's placeholder for a city's own districts, no place to pick.
  const counties = [...divisions.counties.values()].filter((d) => d.name !== '市辖区')
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
