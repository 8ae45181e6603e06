import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@/platform/page'
import { DemoNotice } from '@/components/demo-notice'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { SignupSummary } from '@/features/signup/signup-summary'
import { TicketView } from '@/features/signup/ticket-view'
import { useMySignup } from '@/features/signup/use-my-signup'
import { subscriptionNote, topicsFromParam } from '@/domain/subscriptions'
import { redirectTo, switchTab } from '@/platform'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'
import '@/features/signup/signup-form.scss'
import '@/features/signup/ticket.scss'

export default function SignupDonePage() {
  const { params } = useRouter()
  const signup = useMySignup(params.id ?? '')
  const now = useNow()
  const weChatNote = subscriptionNote(topicsFromParam(params.notices))
  return (
    <PageShell>
      {signup.status === 'loading' ? <Skeleton blocks={1} label="正在加载报名结果" /> : null}
      {signup.status === 'error' ? <ErrorState message={signup.message} onRetry={() => void signup.reload()} /> : null}
      {signup.status === 'ready' ? (
        <View>
          {signup.data.status === 'waitlisted' ? (
            <View>
              <Text className="done__mark done__mark--wait">⏳</Text>
              <Text className="done__title">已进入候补，第{signup.data.waitlistPosition}位</Text>
              <Text className="done__text">名额已满。有人取消时，会按顺序为候补的人补上。</Text>
            </View>
          ) : (
            <View>
              <Text className="done__mark">✓</Text>
              <Text className="done__title">报名成功</Text>
              {/* A demo session will not take place: no "come on time" for it. */}
              {signup.data.demo ? null : (
                <Text className="done__text">请按时参加。如不能参加，请在“我的报名”里取消，把名额让给别人。</Text>
              )}
            </View>
          )}
          {weChatNote ? <Text className="done__text">{weChatNote}</Text> : null}
          {signup.data.demo ? <DemoNotice variant="banner" /> : null}
          <TicketView signup={signup.data} />
          <SignupSummary signup={signup.data} now={now} />
          <Button
            className="button button--ghost stack-button"
            onClick={() => redirectTo(routes.signup(signup.data.programId))}
            aria-label="再帮家人或邻居报名"
          >
            再帮家人或邻居报名
          </Button>
          <Button
            className="button button--ghost stack-button"
            onClick={() => switchTab(routes.mine)}
            aria-label="查看我的报名"
          >
            查看我的报名
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
