import { useRouter } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { SignupForm } from '@/features/signup/signup-form'
import { useSignupForm } from '@/features/signup/use-signup-form'
import { navigateTo } from '@/platform'
import { routes } from '@/routes'
import { useNow } from '@/shared/use-now'

export default function SignupFormPage() {
  const { params } = useRouter()
  const now = useNow()
  const form = useSignupForm(params.programId ?? '', params.sessionId, now)
  return (
    <PageShell>
      <SignupForm form={form} now={now} onOpenPrivacy={() => navigateTo(routes.privacy)} />
    </PageShell>
  )
}
