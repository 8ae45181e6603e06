// The feed's state: the server's pages of cards for the chosen filter (我的地区, topic, search,
// 有可报名), fetched as she scrolls, and rendered 4 at a time from what has arrived (keeps each render
// small). The filter starts from the page's link and, on H5, is written back to it.
import { useCallback, useEffect, useMemo, useState } from 'react'
import { feedLinkQuery, type FeedLink } from '@/domain/feed-link'
import { normalizeQuery, QUERY_MAX, toggleFilter } from '@/domain/filters'
import { regionFilter } from '@/domain/region-choice'
import type { YearEndCard } from '@/domain/types'
import { api } from '@/services'
import type { CardFilter } from '@/services/api'
import { usePagedList } from '@/shared/use-paged-list'
import { useMyRegion } from './my-region'

/** Cards rendered per step: keeps the first screen's node count low even with 1,000 cards. */
export const FEED_PAGE_SIZE = 4

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
  const list = usePagedList<YearEndCard>(
    filter,
    (cursor) => api.listCards(filter, cursor).then(({ cards, next }) => ({ rows: cards, next })),
    FEED_PAGE_SIZE,
  )

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

  return {
    ...list,
    cards: list.first,
    filter,
    region,
    filtered: Object.keys(filter).length > 0,
    /** The filters as the feed page's query (for its share path). */
    query,
    choose,
    search,
    clear,
  }
}

export type Feed = ReturnType<typeof useFeed>
