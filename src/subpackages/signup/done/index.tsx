import { Button, Icon, Text, View } from '@tarojs/components'
import { useRouter } from '@/platform/page'
import { DemoNotice } from '@/components/demo-notice'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { SignupSummary } from '@/features/signup/signup-summary'
import { TicketView } from '@/features/signup/ticket-view'
import { useMySignup } from '@/features/signup/use-my-signup'
import { signUpFamily } from '@/features/signup/family-signup'
import { VisitActions } from '@/features/signup/visit-actions'
import { subscriptionNote, topicsFromParam } from '@/domain/subscriptions'
import { switchTab } from '@/platform'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'
import { pressable } from '@/shared/pressable'
import '@/features/signup/signup-form.scss'
import '@/features/signup/ticket.scss'

export default function SignupDonePage() {
  const { params } = useRouter()
  const signup = useMySignup(params.id ?? '')
  const now = useNow()
  const weChatNote = subscriptionNote(topicsFromParam(params.notices))
  const family = () => signup.status === 'ready' && signUpFamily(signup.data)
  const mine = () => switchTab(routes.mine)
  return (
    <PageShell>
      {signup.status === 'loading' ? <Skeleton blocks={1} label="正在加载报名结果" /> : null}
      {signup.status === 'error' ? <ErrorState message={signup.message} onRetry={() => void signup.reload()} /> : null}
      {signup.status === 'ready' ? (
        <View>
          {/* WeUI's own icons: waiting for the waitlist, success for a seat. */}
          {signup.data.status === 'waitlisted' ? (
            <View>
              <View className="done__mark">
                <Icon type="waiting" size={64} />
              </View>
              <Text className="done__title">已加入候补，第{signup.data.waitlistPosition}位</Text>
              <Text className="done__text">名额已满。有人取消时，会按顺序为候补的人补上。</Text>
            </View>
          ) : (
            <View>
              <View className="done__mark">
                <Icon type="success" size={64} />
              </View>
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
          {/* No reminder button that could answer "not available": the calendar reminds her. */}
          <VisitActions signup={signup.data} calendarOnly />
          <Button
            className="button button--ghost stack-button"
            onClick={family}
            aria-label="再帮家人报名"
            {...pressable(family)}
          >
            再帮家人报名
          </Button>
          <Button
            className="button button--ghost stack-button"
            onClick={mine}
            aria-label="查看我的报名"
            {...pressable(mine)}
          >
            查看我的报名
          </Button>
        </View>
      ) : null}
    </PageShell>
  )
}
