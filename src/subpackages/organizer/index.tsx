import { PageShell } from '@/components/page-shell'
import { OrganizerView } from '@/features/organizer/organizer-view'
import { useOrganizer } from '@/features/organizer/use-organizer'

export default function OrganizerPage() {
  const organizer = useOrganizer()
  return (
    <PageShell>
      <OrganizerView o={organizer} />
    </PageShell>
  )
}
