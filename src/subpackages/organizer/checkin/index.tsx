import { PageShell } from '@/components/page-shell'
import { CheckinView } from '@/features/checkin/checkin-view'
import { titleParam } from '@/features/checkin/route'
import { useCheckin } from '@/features/checkin/use-checkin'
import { useDidHide, useDidShow, useRouter } from '@/platform/page'

export default function CheckinPage() {
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
