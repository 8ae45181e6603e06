// Feed filters: by province and by topic, combinable.
import type { Topic, YearEndCard } from './types'

/** What the feed can be narrowed by. */
export interface CardFilter {
  province?: string
  topic?: Topic
}

export function matchesFilter(card: YearEndCard, filter: CardFilter = {}): boolean {
  if (filter.province && card.region.province !== filter.province) return false
  if (filter.topic && !card.topics.includes(filter.topic)) return false
  return true
}

export function filterCards(cards: YearEndCard[], filter: CardFilter = {}): YearEndCard[] {
  return cards.filter((c) => matchesFilter(c, filter))
}

/** Provinces that have cards, in the order the feed shows them. */
export function provincesOf(cards: YearEndCard[]): string[] {
  return [...new Set(cards.map((c) => c.region.province))]
}

/** Tapping the chosen value again clears that part of the filter. */
export function toggleFilter(filter: CardFilter, key: keyof CardFilter, value: string | undefined): CardFilter {
  const next = { ...filter }
  if (value === undefined || filter[key] === value) delete next[key]
  else (next as Record<string, string>)[key] = value
  return next
}
