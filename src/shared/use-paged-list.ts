// A list the server sends a page at a time (a cursor to the next), fetched as she scrolls, and shown
// `step` rows at a time from what has arrived. Shared by the feed and 可报名的培训.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { useAsync } from './use-async'

/** What every paged list answer carries: its rows, and the cursor to the next page (null at the end). */
export interface Paged<T> {
  rows: T[]
  next: string | null
}

interface Loaded<T> {
  /** The first page these rows follow: a new first page (new filter, refresh) starts them again. */
  from: Paged<T> | undefined
  rows: T[]
  next: string | null
}

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '加载失败，请稍后重试')

/**
 * `fetchPage(cursor)` fetches one page for `key` (the filter); a new key starts from its first page.
 * `step`: rows shown per 加载更多 from what has arrived (the feed's 4 keeps each render small);
 * by default every row that has arrived is shown.
 */
export function usePagedList<T>(
  key: unknown,
  fetchPage: (cursor?: string | null) => Promise<Paged<T>>,
  step = Infinity,
) {
  const first = useAsync(() => fetchPage(), [key])
  const page = first.status === 'ready' ? first.data : undefined
  const [loaded, setLoaded] = useState<Loaded<T>>({ from: undefined, rows: [], next: null })
  const [limit, setLimit] = useState(step)
  const [fetching, setFetching] = useState(false)
  const [moreError, setMoreError] = useState<string | undefined>()
  const busy = useRef(false)
  const fetchRef = useRef(fetchPage)
  fetchRef.current = fetchPage

  // What has arrived: the first page's rows, then each later page's (reset with a new first page).
  const current = useMemo<Loaded<T>>(
    () => (page && loaded.from === page ? loaded : { from: page, rows: page?.rows ?? [], next: page?.next ?? null }),
    [page, loaded],
  )

  // A new filter starts the list again from its first page.
  useEffect(() => {
    setLimit(step)
    setMoreError(undefined)
  }, [key, step])

  const loadMore = useCallback(() => {
    if (current.rows.length > limit) {
      setLimit((n) => n + step)
      return
    }
    if (!current.next || busy.current) return
    busy.current = true
    setFetching(true)
    setMoreError(undefined)
    const base = current
    fetchRef
      .current(base.next)
      .then((next) => {
        // A page for a filter or first page since replaced is dropped.
        setLoaded((l) => {
          const now = l.from === base.from ? l : base
          if (now.next !== base.next) return l
          return { from: base.from, rows: [...now.rows, ...next.rows], next: next.next }
        })
        setLimit((n) => n + step)
      })
      .catch((e: unknown) => setMoreError(messageOf(e)))
      .finally(() => {
        busy.current = false
        setFetching(false)
      })
  }, [current, limit, step])

  return {
    first,
    /** Every row that has arrived. */
    rows: current.rows,
    /** The rows shown now. */
    visible: current.rows.length > limit ? current.rows.slice(0, limit) : current.rows,
    hasMore: current.rows.length > limit || current.next !== null,
    /** A next page is on its way from the server. */
    fetching,
    /** The next page could not be fetched: 加载更多 tries again. */
    moreError,
    loadMore,
  }
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>
