// 可报名的培训: the open sessions of every federation in one list, in its own subpackage.
// The built-in data's writes load with this page (a server build has none).
import '@/services/mock/use-mock-more'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { useMyRegion } from '@/features/feed/my-region'
import { TrainingsView } from '@/features/trainings/trainings-view'
import { useOpenSessions } from '@/features/trainings/use-open-sessions'
import { navigateTo, stopPullDownRefresh } from '@/platform'
import { usePullDownRefresh, useReachBottom } from '@/platform/page'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'

export default function TrainingsPage() {
  const mine = useMyRegion((s) => s.mine)
  // 我的地区 first, when she has one; 全国 otherwise.
  const [local, setLocal] = useState(true)
  const list = useOpenSessions(local && mine ? mine : undefined)
  const now = useNow()
  useReachBottom(list.loadMore)
  usePullDownRefresh(() => {
    void list.first.reload().finally(stopPullDownRefresh)
  })
  return (
    <PageShell>
      <TrainingsView
        list={list}
        now={now}
        mine={mine}
        local={!!mine && local}
        onScope={setLocal}
        onOpenProgram={(id) => navigateTo(routes.program(id))}
        onSignup={(programId, sessionId) => navigateTo(routes.signup(programId, sessionId))}
      />
    </PageShell>
  )
}
