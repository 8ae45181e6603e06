// A region picked for the feed (我的地区): its feed filter, its label and reading it back from
// storage. Small on purpose: it is in the main package, the picker's rows are not (region-picker.ts).
import type { CardFilter } from './filters'
import { CODE_PATTERN, codeLevel, provinceCodeOf } from './region-codes'

/** What she picked: a division's code and its names from the province down (四川省 成都市). */
export interface RegionChoice {
  code: string
  /** Full names joined by a space, province first. */
  names: string
}

const cityCodeOf = (code: string) => `${code.slice(0, 4)}00`

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
