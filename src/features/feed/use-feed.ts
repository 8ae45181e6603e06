// The feed's state: the server's pages of cards for the chosen filter, fetched as she scrolls,
// and rendered 4 at a time from what has arrived (keeps each render small on weak phones).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { provincesOf, toggleFilter, type CardPage } from '@/domain/filters'
import type { YearEndCard } from '@/domain/types'
import { api } from '@/services'
import type { CardFilter } from '@/services/api'
import { useAsync } from '@/shared/use-async'

/** Cards rendered per step: keeps the first screen's node count low even with 1,000 cards. */
export const FEED_PAGE_SIZE = 4

interface Loaded {
  /** The first page these follow: a new first page (new filter, refresh) starts them again. */
  from: CardPage | undefined
  cards: YearEndCard[]
  next: string | null
}

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '加载失败，请稍后重试')

export function useFeed() {
  const [filter, setFilter] = useState<CardFilter>({})
  const cards = useAsync(() => api.listCards(filter), [filter])
  const first = cards.status === 'ready' ? cards.data : undefined
  const [loaded, setLoaded] = useState<Loaded>({ from: undefined, cards: [], next: null })
  const [limit, setLimit] = useState(FEED_PAGE_SIZE)
  const [fetching, setFetching] = useState(false)
  const [moreError, setMoreError] = useState<string | undefined>()
  // Provinces seen in any page so far: the chips stay while a filter narrows the cards.
  const [provinces, setProvinces] = useState<Array<{ code: string; name: string }>>([])
  const busy = useRef(false)

  // What has arrived: the first page's cards, then each later page's (reset with a new first page).
  const current: Loaded = useMemo(
    () =>
      first && loaded.from === first ? loaded : { from: first, cards: first?.cards ?? [], next: first?.next ?? null },
    [first, loaded],
  )

  useEffect(() => {
    if (!first) return
    setProvinces((known) => {
      const codes = new Set(known.map((p) => p.code))
      const added = provincesOf(first.cards).filter((p) => !codes.has(p.code))
      return added.length ? [...known, ...added] : known
    })
  }, [first])

  const choose = useCallback((key: keyof CardFilter, value: string | undefined) => {
    setFilter((f) => toggleFilter(f, key, value))
    setLimit(FEED_PAGE_SIZE)
    setMoreError(undefined)
  }, [])
  const clear = useCallback(() => {
    setFilter({})
    setLimit(FEED_PAGE_SIZE)
    setMoreError(undefined)
  }, [])

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
    provinces,
    matched: current.cards,
    visible: current.cards.slice(0, limit),
    hasMore: current.cards.length > limit || current.next !== null,
    /** A next page is on its way from the server. */
    fetching,
    /** The next page could not be fetched: 加载更多 tries again. */
    moreError,
    filtered: Object.keys(filter).length > 0,
    choose,
    clear,
    loadMore,
  }
}

export type Feed = ReturnType<typeof useFeed>
