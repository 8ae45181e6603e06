import { PageShell } from '@/components/page-shell'
import { OrganizerView } from '@/features/organizer/organizer-view'
import { useOrganizer } from '@/features/organizer/use-organizer'
import { useRouter } from '@/platform/page'

export default function OrganizerPage() {
  // An invitation link opens this page with ?invite=<token>.
  const { params } = useRouter()
  const organizer = useOrganizer({ invitation: params.invite || undefined })
  return (
    <PageShell>
      <OrganizerView o={organizer} />
    </PageShell>
  )
}
