// The built-in data's writes load with this page (a server build has none).
import '@/services/mock/use-mock-more'
import { useRouter } from '@/platform/page'
import { PageShell } from '@/components/page-shell'
import { SignupForm } from '@/features/signup/signup-form'
import { useSignupForm } from '@/features/signup/use-signup-form'
import { navigateTo } from '@/platform'
import { routes } from '@/routes'
import { SinglePageHint } from '@/features/share/single-page-hint'
import { useNow } from '@/shared/use-now'
import { useSinglePage } from '@/shared/use-single-page'

export default function SignupFormPage() {
  const { params } = useRouter()
  const now = useNow()
  const form = useSignupForm(params.programId ?? '', params.sessionId, now)
  // Opened from Moments (single-page mode) no form can be sent: say where to sign up instead.
  const single = useSinglePage()
  return (
    <PageShell>
      {single ? (
        <SinglePageHint action="填写报名表" />
      ) : (
        <SignupForm form={form} now={now} onOpenPrivacy={() => navigateTo(routes.privacy)} />
      )}
    </PageShell>
  )
}
