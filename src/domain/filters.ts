// Feed filters and paging: by region code (省/市/县), topic, a search on name or place and 有可报名, in one
// stable order (newest year first, then region code, then id), a page at a time behind a cursor.
// The built-in data pages with these; the server does the same in SQL over its card index.
import { CODE_PATTERN, provinceCodeOf } from './region-codes'
import { TOPICS, type Topic, type YearEndCard } from './types'

/** What the feed can be narrowed by: region codes are 6-digit GB/T 2260 codes. */
export interface CardFilter {
  province?: string
  city?: string
  county?: string
  topic?: Topic
  /** Words in the federation's name or its place (成都, 武都区). */
  q?: string
  /** '1': only federations with a program taking sign-ups now (the link's open=1). */
  open?: '1'
}

/** One page of cards, and the cursor of the next (null after the last). */
export interface CardPage {
  cards: YearEndCard[]
  next: string | null
}

export const CARD_PAGE = { min: 10, max: 20, default: 12 }
/** Longest search the feed takes: a name and a place. */
export const QUERY_MAX = 30

/** Where a card sits in the order: the cursor names the last card of a page. */
export interface CardKey {
  year: number
  regionCode: string
  id: string
}

const keyOf = (c: YearEndCard): CardKey => ({ year: c.year, regionCode: c.region.code, id: c.federationId })

/** Newest year first, then region code, then id: the same on the phone and in SQL (C collation). */
export function compareKeys(a: CardKey, b: CardKey): number {
  if (a.year !== b.year) return b.year - a.year
  if (a.regionCode !== b.regionCode) return a.regionCode < b.regionCode ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

export const encodeCardCursor = (k: CardKey) => `c1~${k.year}~${k.regionCode}~${k.id}`

/** The key a cursor names, or undefined when it is not one this app made. */
export function decodeCardCursor(cursor: string): CardKey | undefined {
  const m = /^c1~(\d{4})~(\d{6})~([a-z0-9]+(?:-[a-z0-9]+)*)$/.exec(cursor)
  return m ? { year: Number(m[1]), regionCode: m[2], id: m[3] } : undefined
}

/** The codes of each level a card's place lies in, read from its code alone. */
export function cardRegionCodes(code: string): { province: string; city?: string; county?: string } {
  if (!CODE_PATTERN.test(code) || code.endsWith('0000')) return { province: provinceCodeOf(code) }
  const city = `${code.slice(0, 4)}00`
  return code.endsWith('00')
    ? { province: provinceCodeOf(code), city }
    : { province: provinceCodeOf(code), city, county: code }
}

/** A search as typed: trimmed, inner spaces kept single; empty is no search. */
export const normalizeQuery = (q: string | undefined) => (q ?? '').trim().replace(/\s+/g, ' ')

export function matchesFilter(card: YearEndCard, filter: CardFilter = {}): boolean {
  const codes = cardRegionCodes(card.region.code)
  if (filter.province && codes.province !== filter.province) return false
  if (filter.city && codes.city !== filter.city) return false
  if (filter.county && codes.county !== filter.county) return false
  if (filter.topic && !card.topics.includes(filter.topic)) return false
  if (filter.open && card.openProgramCount === 0) return false
  const q = normalizeQuery(filter.q)
  if (q) {
    const { province, city, district } = card.region
    if (![card.name, province, city, district].some((text) => text?.includes(q))) return false
  }
  return true
}

export function filterCards(cards: YearEndCard[], filter: CardFilter = {}): YearEndCard[] {
  return cards.filter((c) => matchesFilter(c, filter))
}

/** The page after `cursor` (the first without one) of the cards the filter matches. */
export function pageCards(
  cards: YearEndCard[],
  filter: CardFilter = {},
  cursor?: string | null,
  size = CARD_PAGE.default,
): CardPage {
  const after = cursor ? decodeCardCursor(cursor) : undefined
  const sorted = filterCards(cards, filter).sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
  const rest = after ? sorted.filter((c) => compareKeys(keyOf(c), after) > 0) : sorted
  const page = rest.slice(0, size)
  return { cards: page, next: rest.length > size ? encodeCardCursor(keyOf(page[page.length - 1])) : null }
}

/**
 * What is wrong with a filter or cursor, in Chinese, with the field at fault; undefined when
 * there is nothing. The server answers 400 with it; the built-in data throws the same.
 */
export function filterProblem(
  filter: CardFilter,
  cursor?: string | null,
): { field: string; message: string } | undefined {
  for (const level of ['province', 'city', 'county'] as const) {
    const code = filter[level]
    if (code === undefined) continue
    const shape =
      level === 'province' ? /^\d{2}0000$/ : level === 'city' ? /^\d{2}(?!00)\d{2}00$/ : /^\d{4}(?!00)\d{2}$/
    if (!shape.test(code)) return { field: level, message: `地区代码“${code}”不对：请重新选择地区` }
  }
  if (filter.topic !== undefined && !TOPICS.includes(filter.topic)) return { field: 'topic', message: '没有这个主题' }
  if (filter.q !== undefined && normalizeQuery(filter.q).length > QUERY_MAX) {
    return { field: 'q', message: `搜索的字太多了，请少于 ${QUERY_MAX} 个字` }
  }
  if (filter.open !== undefined && filter.open !== '1') {
    return { field: 'open', message: '“有可报名的培训”的筛选写法不对：请重新选择' }
  }
  if (cursor && !decodeCardCursor(cursor)) return { field: 'cursor', message: '翻页位置不对，请从头再看' }
  return undefined
}

/** Provinces that have cards among those loaded, in the order the feed shows them: code and name. */
export function provincesOf(cards: YearEndCard[]): Array<{ code: string; name: string }> {
  const seen = new Map<string, string>()
  for (const c of cards) {
    const code = provinceCodeOf(c.region.code)
    if (!seen.has(code)) seen.set(code, c.region.province)
  }
  return [...seen].map(([code, name]) => ({ code, name }))
}

/** Tapping the chosen value again clears that part of the filter. */
export function toggleFilter(filter: CardFilter, key: keyof CardFilter, value: string | undefined): CardFilter {
  const next = { ...filter }
  if (value === undefined || filter[key] === value) delete next[key]
  else (next as Record<string, string>)[key] = value
  return next
}
