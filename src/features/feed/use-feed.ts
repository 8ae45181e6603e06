// The feed's state: the server's pages of cards for the chosen filter (我的地区, topic, search,
// 有可报名), fetched as she scrolls, and rendered 4 at a time from what has arrived (keeps each render
// small). The filter starts from the page's link and, on H5, is written back to it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { feedLinkQuery, type FeedLink } from '@/domain/feed-link'
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
type OwnFilter = Pick<CardFilter, 'topic' | 'q' | 'open'>

const FEED_PATH = '/pages/feed/index'

/**
 * H5: the address bar carries the feed's filters, so a reload or a copied link opens them again.
 * Only while the feed is the page shown (the region picker sets the region from on top of it).
 */
export function keepInLink(query: string) {
  if (process.env.TARO_ENV !== 'h5') return
  const path = window.location.hash.replace(/^#/, '').split('?')[0] || FEED_PATH
  if (path !== FEED_PATH && path !== '/') return
  const next = `#${FEED_PATH}${query ? `?${query}` : ''}`
  if (window.location.hash !== next) window.history.replaceState(window.history.state, '', next)
}

/** `link`: the filters the page was opened with (a shared link, a reload); they replace 我的地区's. */
export function useFeed(link?: FeedLink) {
  // Before the region is read: a link's region (or its 全国) is what the first page is fetched for.
  useState(() => {
    if (!link) return
    const { region, pick } = useMyRegion.getState()
    if (region?.code !== link.region?.code) pick(link.region)
  })
  const region = useMyRegion((s) => s.region)
  const pickRegion = useMyRegion((s) => s.pick)
  const [own, setOwn] = useState<OwnFilter>(() => {
    const { topic, q, open } = link ?? {}
    return { ...(topic ? { topic } : {}), ...(q ? { q } : {}), ...(open ? { open } : {}) }
  })
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

  const query = feedLinkQuery({ region, ...own })
  useEffect(() => keepInLink(query), [query])

  const choose = useCallback((key: 'topic' | 'open', value: string | undefined) => {
    setOwn((f) => toggleFilter(f, key, value))
  }, [])
  /** Searches for `text` (trimmed, cut to QUERY_MAX); empty ends the search. */
  const search = useCallback((text: string) => {
    const q = normalizeQuery(text).slice(0, QUERY_MAX)
    setOwn(({ q: _old, ...rest }) => (q ? { ...rest, q } : rest))
  }, [])
  /** 清除筛选: 全国, every topic, no search, sessions open or not. */
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
    /** The filters as the feed page's query (for its share path). */
    query,
    choose,
    search,
    clear,
    loadMore,
  }
}

export type Feed = ReturnType<typeof useFeed>
