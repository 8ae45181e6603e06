import { useDidShow } from '@/platform/page'
import { PageShell } from '@/components/page-shell'
import { env } from '@/config/env'
import { LargeFontSwitch } from '@/features/mine/large-font-switch'
import { MyData } from '@/features/mine/my-data'
import { SignupList } from '@/features/mine/signup-list'
import { useMySignups } from '@/features/mine/use-my-signups'
import { navigateTo } from '@/platform'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'

export default function MinePage() {
  const signups = useMySignups()
  const now = useNow()
  // Sign-ups made or cancelled on other pages should show when the tab comes back into view.
  useDidShow(() => {
    void signups.reload()
  })
  return (
    <PageShell>
      <SignupList state={signups} now={now} onOpen={(id) => navigateTo(routes.signupDetail(id))} />
      <LargeFontSwitch />
      <MyData
        onOpenPrivacy={() => navigateTo(routes.privacy)}
        onDeleted={() => void signups.reload()}
        // Only a server has rosters and check-in to show.
        onOpenOrganizer={env.apiBase ? () => navigateTo(routes.organizer) : undefined}
      />
    </PageShell>
  )
}
