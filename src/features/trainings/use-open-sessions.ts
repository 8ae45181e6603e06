// 可报名的培训's state: the first page for the chosen scope (我的地区 or 全国), then each later page
// as she asks for more; a page that arrives after the scope changed is dropped.
import { useMemo } from 'react'
import { regionFilter, type RegionChoice } from '@/domain/region-choice'
import { api } from '@/services'
import type { OpenSession } from '@/services/api'
import { usePagedList } from '@/shared/use-paged-list'

export function useOpenSessions(region: RegionChoice | undefined) {
  const filter = useMemo(() => regionFilter(region), [region])
  return usePagedList<OpenSession>(filter, (cursor) =>
    api.listOpenSessions(filter, cursor).then(({ sessions, next }) => ({ rows: sessions, next })),
  )
}
