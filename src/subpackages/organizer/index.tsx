import { PageShell } from '@/components/page-shell'
import { NeedsServer } from '@/features/checkin/needs-server'
import { OrganizerView } from '@/features/organizer/organizer-view'
import { useOrganizer } from '@/features/organizer/use-organizer'
import { useDidShow, useRouter } from '@/platform/page'

function OrganizerPage() {
  // An invitation link opens this page with ?invite=<token>.
  const { params } = useRouter()
  const organizer = useOrganizer({ invitation: params.invite || undefined })
  // Programs and counts change on the pages she comes back from.
  useDidShow(() => void organizer.refresh())
  return (
    <PageShell>
      <OrganizerView o={organizer} />
    </PageShell>
  )
}

function WithoutServer() {
  return (
    <PageShell>
      <NeedsServer what="组织者页面" />
    </PageShell>
  )
}

// Read literally so the build sees a constant: a build on the built-in data leaves the organizer's
// code out, and with it what the main package would otherwise keep for it from shared modules.
export default process.env.TARO_APP_API_BASE ? OrganizerPage : WithoutServer
