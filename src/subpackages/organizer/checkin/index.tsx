import { PageShell } from '@/components/page-shell'
import { CheckinView } from '@/features/checkin/checkin-view'
import { NeedsServer } from '@/features/checkin/needs-server'
import { titleParam } from '@/features/checkin/route'
import { useCheckin } from '@/features/checkin/use-checkin'
import { useDidHide, useDidShow, useRouter } from '@/platform/page'

function CheckinPage() {
  const { params } = useRouter()
  const checkin = useCheckin(params.sessionId ?? '')
  // Counts refresh while she looks at the page; the camera is let go when she leaves it.
  useDidShow(() => checkin.show(true))
  useDidHide(() => checkin.show(false))
  return (
    <PageShell>
      <CheckinView c={checkin} title={titleParam(params.title)} />
    </PageShell>
  )
}

function WithoutServer() {
  return (
    <PageShell>
      <NeedsServer what="现场签到" />
    </PageShell>
  )
}

// Read literally so the build sees a constant: a build on the built-in data leaves check-in's code
// out, and with it what the main package would otherwise keep for it from shared modules.
export default process.env.TARO_APP_API_BASE ? CheckinPage : WithoutServer
