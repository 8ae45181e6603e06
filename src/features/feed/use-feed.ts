// The feed's state: all cards fetched once, filtered and paged on the phone (instant on weak networks).
import { useCallback, useMemo, useState } from 'react'
import { filterCards, provincesOf, toggleFilter } from '@/domain/filters'
import { api } from '@/services'
import type { CardFilter } from '@/services/api'
import { useAsync } from '@/shared/use-async'

/** Cards rendered per page: keeps the first screen's node count low even with 1,000 cards. */
export const FEED_PAGE_SIZE = 4

export function useFeed() {
  const cards = useAsync(() => api.listCards(), [])
  const [filter, setFilter] = useState<CardFilter>({})
  const [limit, setLimit] = useState(FEED_PAGE_SIZE)
  const all = useMemo(() => (cards.status === 'ready' ? cards.data : []), [cards])
  const provinces = useMemo(() => provincesOf(all), [all])
  const matched = useMemo(() => filterCards(all, filter), [all, filter])

  const choose = useCallback((key: keyof CardFilter, value: string | undefined) => {
    setFilter((f) => toggleFilter(f, key, value))
    setLimit(FEED_PAGE_SIZE)
  }, [])
  const clear = useCallback(() => {
    setFilter({})
    setLimit(FEED_PAGE_SIZE)
  }, [])
  const loadMore = useCallback(() => setLimit((n) => n + FEED_PAGE_SIZE), [])

  return {
    cards,
    filter,
    provinces,
    matched,
    visible: matched.slice(0, limit),
    hasMore: matched.length > limit,
    choose,
    clear,
    loadMore,
  }
}

export type Feed = ReturnType<typeof useFeed>
