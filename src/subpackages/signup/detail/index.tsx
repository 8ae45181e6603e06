// The built-in data's writes load with this page (a server build has none).
import '@/services/mock/use-mock-more'
import { useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@/platform/page'
import { DemoNotice } from '@/components/demo-notice'
import { PageShell } from '@/components/page-shell'
import { canCancel } from '@/domain/signup-rules'
import { ErrorState, Skeleton } from '@/components/state-view'
import { SignupSummary } from '@/features/signup/signup-summary'
import { HoldPanel } from '@/features/signup/hold-panel'
import { TicketView } from '@/features/signup/ticket-view'
import { useMySignup } from '@/features/signup/use-my-signup'
import { VisitActions } from '@/features/signup/visit-actions'
import { confirm, navigateTo, toast } from '@/platform'
import { routes } from '@/routes'
import { api } from '@/services'
import { useNow } from '@/shared/use-now'
import '@/features/signup/signup-form.scss'
import '@/features/signup/ticket.scss'

export default function SignupDetailPage() {
  const { params } = useRouter()
  const signup = useMySignup(params.id ?? '')
  const now = useNow()
  const [cancelling, setCancelling] = useState(false)

  const cancel = async () => {
    if (signup.status !== 'ready' || cancelling) return
    const ok = await confirm(
      '取消报名',
      `确定取消“${signup.data.sessionTitle}”的报名吗？名额会让给候补的人。`,
      '取消报名',
    )
    if (!ok) return
    setCancelling(true)
    try {
      await api.cancelSignup(signup.data.id)
      toast('已取消报名', 'success')
      await signup.reload()
    } catch (e) {
      toast(e instanceof Error ? e.message : '没能取消，请稍后再试')
    } finally {
      setCancelling(false)
    }
  }

  const check = signup.status === 'ready' ? canCancel(signup.data, now) : undefined
  return (
    <PageShell>
      {signup.status === 'loading' ? <Skeleton blocks={1} label="正在加载报名详情" /> : null}
      {signup.status === 'error' ? <ErrorState message={signup.message} onRetry={() => void signup.reload()} /> : null}
      {signup.status === 'ready' ? (
        <View>
          {signup.data.demo ? <DemoNotice variant="banner" /> : null}
          <HoldPanel signup={signup.data} where="detail" onChanged={signup.reload} />
          <TicketView signup={signup.data} />
          <VisitActions signup={signup.data} />
          <SignupSummary signup={signup.data} now={now} />
          <Button
            className="button button--ghost stack-button"
            onClick={() => navigateTo(routes.program(signup.data.programId))}
            aria-label={`查看培训：${signup.data.programTitle}`}
          >
            查看这个培训的介绍和场次
          </Button>
          {check?.kind === 'cancel' ? (
            <Button
              className={`button button--ghost stack-button ${cancelling ? 'button--disabled' : ''}`}
              onClick={() => void cancel()}
              aria-label="取消这个报名"
            >
              {cancelling ? '正在取消…' : '取消这个报名'}
            </Button>
          ) : (
            <Text className="done__text">{check?.kind === 'started' ? check.message : '这个报名已经取消。'}</Text>
          )}
        </View>
      ) : null}
    </PageShell>
  )
}
