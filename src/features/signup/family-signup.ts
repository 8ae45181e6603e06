// 再帮家人报名: the answers a second form starts with, kept in memory (never stored) from submit to the success page.
import { redirectTo } from '@/platform'
import { routes } from '@/routes'
import type { Signup } from '@/services/api'
import { useAppStore } from '@/store'

let kept: { signupId: string; prefill: Record<string, string> } | undefined

export function rememberForFamily(signupId: string, prefill: Record<string, string>) {
  kept = { signupId, prefill }
}

/**
 * Opens the form again with the same session, region and the booker's mobile filled in, the
 * person's own fields empty. After a reload the answers are gone: the session is still chosen.
 */
export function signUpFamily(signup: Pick<Signup, 'id' | 'programId' | 'sessionId'>) {
  const prefill = kept?.signupId === signup.id ? kept.prefill : {}
  const { clearDraft, setDraftField } = useAppStore.getState()
  clearDraft(signup.programId)
  for (const [field, value] of Object.entries(prefill)) setDraftField(signup.programId, field, value)
  redirectTo(routes.signup(signup.programId, signup.sessionId))
}
