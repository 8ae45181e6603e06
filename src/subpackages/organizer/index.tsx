import { PageShell } from '@/components/page-shell'
import { OrganizerView } from '@/features/organizer/organizer-view'
import { useOrganizer } from '@/features/organizer/use-organizer'
import { useDidShow, useRouter } from '@/platform/page'

export default function OrganizerPage() {
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
