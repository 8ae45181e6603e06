// Feed filters: by province and by topic, combinable.
import type { CardFilter } from '@/services/api'
import type { YearEndCard } from './types'

export function matchesFilter(card: YearEndCard, filter: CardFilter = {}): boolean {
  if (filter.province && card.region.province !== filter.province) return false
  if (filter.topic && !card.topics.includes(filter.topic)) return false
  return true
}

export function filterCards(cards: YearEndCard[], filter: CardFilter = {}): YearEndCard[] {
  return cards.filter((c) => matchesFilter(c, filter))
}
