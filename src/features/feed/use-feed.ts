// The feed's state: the server's pages of cards for the chosen filter (我的地区, topic, search),
// fetched as she scrolls, and rendered 4 at a time from what has arrived (keeps each render small).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { normalizeQuery, QUERY_MAX, toggleFilter, type CardPage } from '@/domain/filters'
import { regionFilter } from '@/domain/region-choice'
import type { YearEndCard } from '@/domain/types'
import { api } from '@/services'
import type { CardFilter } from '@/services/api'
import { useAsync } from '@/shared/use-async'
import { useMyRegion } from './my-region'

/** Cards rendered per step: keeps the first screen's node count low even with 1,000 cards. */
export const FEED_PAGE_SIZE = 4

interface Loaded {
  /** The first page these follow: a new first page (new filter, refresh) starts them again. */
  from: CardPage | undefined
  cards: YearEndCard[]
  next: string | null
}

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '加载失败，请稍后重试')

/** The filter this hook keeps itself; the region comes from 我的地区. */
type OwnFilter = Pick<CardFilter, 'topic' | 'q'>

export function useFeed() {
  const region = useMyRegion((s) => s.region)
  const pickRegion = useMyRegion((s) => s.pick)
  const [own, setOwn] = useState<OwnFilter>({})
  const filter = useMemo<CardFilter>(() => ({ ...regionFilter(region), ...own }), [region, own])
  const cards = useAsync(() => api.listCards(filter), [filter])
  const first = cards.status === 'ready' ? cards.data : undefined
  const [loaded, setLoaded] = useState<Loaded>({ from: undefined, cards: [], next: null })
  const [limit, setLimit] = useState(FEED_PAGE_SIZE)
  const [fetching, setFetching] = useState(false)
  const [moreError, setMoreError] = useState<string | undefined>()
  const busy = useRef(false)

  // What has arrived: the first page's cards, then each later page's (reset with a new first page).
  const current: Loaded = useMemo(
    () =>
      first && loaded.from === first ? loaded : { from: first, cards: first?.cards ?? [], next: first?.next ?? null },
    [first, loaded],
  )

  // A new filter starts the list again from its first page, 4 cards shown.
  useEffect(() => {
    setLimit(FEED_PAGE_SIZE)
    setMoreError(undefined)
  }, [filter])

  const choose = useCallback((key: 'topic', value: string | undefined) => {
    setOwn((f) => toggleFilter(f, key, value))
  }, [])
  /** Searches for `text` (trimmed, cut to QUERY_MAX); empty ends the search. */
  const search = useCallback((text: string) => {
    const q = normalizeQuery(text).slice(0, QUERY_MAX)
    setOwn(({ q: _old, ...rest }) => (q ? { ...rest, q } : rest))
  }, [])
  /** 清除筛选: 全国, every topic, no search. */
  const clear = useCallback(() => {
    setOwn({})
    if (region) pickRegion(undefined)
  }, [region, pickRegion])

  const loadMore = useCallback(() => {
    if (current.cards.length > limit) {
      setLimit((n) => n + FEED_PAGE_SIZE)
      return
    }
    if (!current.next || busy.current) return
    busy.current = true
    setFetching(true)
    setMoreError(undefined)
    const base = current
    api
      .listCards(filter, base.next)
      .then((page) => {
        // A page for a filter or first page since replaced is dropped.
        setLoaded((l) => {
          const now = l.from === base.from ? l : base
          if (now.next !== base.next) return l
          return { from: base.from, cards: [...now.cards, ...page.cards], next: page.next }
        })
        setLimit((n) => n + FEED_PAGE_SIZE)
      })
      .catch((e: unknown) => setMoreError(messageOf(e)))
      .finally(() => {
        busy.current = false
        setFetching(false)
      })
  }, [current, filter, limit])

  return {
    cards,
    filter,
    region,
    matched: current.cards,
    visible: current.cards.slice(0, limit),
    hasMore: current.cards.length > limit || current.next !== null,
    /** A next page is on its way from the server. */
    fetching,
    /** The next page could not be fetched: 加载更多 tries again. */
    moreError,
    filtered: Object.keys(filter).length > 0,
    choose,
    search,
    clear,
    loadMore,
  }
}

export type Feed = ReturnType<typeof useFeed>
