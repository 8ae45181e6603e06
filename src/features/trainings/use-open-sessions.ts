// 可报名的培训's state: the first page for the chosen scope (我的地区 or 全国), then each later page
// as she asks for more; a page that arrives after the scope changed is dropped.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { regionFilter, type RegionChoice } from '@/domain/region-choice'
import { api } from '@/services'
import type { OpenSession, OpenSessionPage } from '@/services/api'
import { useAsync } from '@/shared/use-async'

interface More {
  /** The first page these rows follow. */
  from: OpenSessionPage | undefined
  rows: OpenSession[]
  next: string | null
}

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '加载失败，请稍后重试')

export function useOpenSessions(region: RegionChoice | undefined) {
  const filter = useMemo(() => regionFilter(region), [region])
  const first = useAsync(() => api.listOpenSessions(filter), [filter])
  const page = first.status === 'ready' ? first.data : undefined
  const [more, setMore] = useState<More>({ from: undefined, rows: [], next: null })
  const [fetching, setFetching] = useState(false)
  const [moreError, setMoreError] = useState<string | undefined>()
  const busy = useRef(false)

  const current = useMemo<More>(
    () => (page && more.from === page ? more : { from: page, rows: page?.sessions ?? [], next: page?.next ?? null }),
    [page, more],
  )

  useEffect(() => setMoreError(undefined), [filter])

  const loadMore = useCallback(() => {
    if (!current.next || busy.current) return
    busy.current = true
    setFetching(true)
    setMoreError(undefined)
    const base = current
    api
      .listOpenSessions(filter, base.next)
      .then((next) => setMore({ from: base.from, rows: [...base.rows, ...next.sessions], next: next.next }))
      .catch((e: unknown) => setMoreError(messageOf(e)))
      .finally(() => {
        busy.current = false
        setFetching(false)
      })
  }, [current, filter])

  return { first, rows: current.rows, hasMore: current.next !== null, loadMore, fetching, moreError }
}
