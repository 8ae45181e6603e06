import { PageShell } from '@/components/page-shell'
import { ProgramsView } from '@/features/workspace-programs/programs-view'
import { usePrograms } from '@/features/workspace-programs/use-programs'

export default function ProgramsPage() {
  const programs = usePrograms()
  return (
    <PageShell>
      <ProgramsView p={programs} />
    </PageShell>
  )
}
