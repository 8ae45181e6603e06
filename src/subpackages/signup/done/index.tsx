import { Button, Text, View } from '@tarojs/components'
import { useRouter } from '@/platform/page'
import { env } from '@/config/env'
import { DemoNotice } from '@/components/demo-notice'
import { PageShell } from '@/components/page-shell'
import { ErrorState, Skeleton } from '@/components/state-view'
import { SignupSummary } from '@/features/signup/signup-summary'
import { TicketView } from '@/features/signup/ticket-view'
import { useMySignup } from '@/features/signup/use-my-signup'
import { redirectTo, requestReminder, switchTab, toast } from '@/platform'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'
import '@/features/signup/signup-form.scss'
import '@/features/signup/ticket.scss'

const REMINDER_TEXT = {
  accepted: '好的，开课前会提醒你',
  rejected: '没有开启提醒，可以在“我的报名”里查看时间',
  'not-configured': '提醒功能还没有开通，请记下活动时间',
  unavailable: '网页版不能发送提醒，请记下活动时间',
  failed: '提醒没能设置成功，请记下活动时间',
} as const

export default function SignupDonePage() {
  const { params } = useRouter()
  const signup = useMySignup(params.id ?? '')
  const now = useNow()
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
          {signup.data.demo ? <DemoNotice variant="banner" /> : null}
          <TicketView signup={signup.data} />
          <SignupSummary signup={signup.data} now={now} />
          {signup.data.demo ? null : (
            <Button
              className="button stack-button"
              onClick={() => void requestReminder(env.subscribeTemplateId).then((r) => toast(REMINDER_TEXT[r]))}
              aria-label="开课前提醒我"
            >
              开课前提醒我
            </Button>
          )}
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
