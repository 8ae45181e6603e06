// The sign-up form's state: answers live in the persisted draft, errors beside fields, one submit at a time.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { env } from '@/config/env'
import { familyPrefill } from '@/domain/family'
import { signupState } from '@/domain/sessions'
import { parseSubscribeTemplates, topicsParam } from '@/domain/subscriptions'
import { CONSENT_MESSAGE, validateSignup } from '@/domain/validation'
import { redirectTo, scrollToSelector } from '@/platform'
import { randomId } from '@/platform/random'
import { askSubscriptions } from '@/platform/subscribe'
import { routes } from '@/routes'
import { api } from '@/services'
import { ApiError } from '@/services/api'
import { useAsync } from '@/shared/use-async'
import { useAppStore, type DraftValue } from '@/store'
import { rememberForFamily } from './family-signup'
import { VERIFY_CODE_FIELD, useMobileVerification } from './use-mobile-verification'

export const CONSENT_FIELD = 'consent'
const EMPTY: Record<string, DraftValue> = {}
/** Asked only with a server behind the app: the built-in data sends no messages. */
const TEMPLATES = env.apiBase ? parseSubscribeTemplates(env.weChatTemplates) : []

/** A fresh key per form: a retried or double-tapped submit is recognised by the server. */
export async function newIdempotencyKey(): Promise<string> {
  return `k-${await randomId()}`
}

export function useSignupForm(programId: string, initialSessionId: string | undefined, now: Date) {
  const program = useAsync(() => api.getProgram(programId), [programId])
  const answers = useAppStore((s) => s.drafts[programId]?.answers) ?? EMPTY
  const setDraftField = useAppStore((s) => s.setDraftField)
  const clearDraft = useAppStore((s) => s.clearDraft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [summary, setSummary] = useState<string[]>([])
  const [consent, setConsent] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  // The same person already holds this session: the form points to 我的报名 beside the message.
  const [duplicate, setDuplicate] = useState(false)
  const busy = useRef(false)
  // Made at the first submit and kept for this form's retries (weapp's random source is asynchronous).
  const key = useRef<string>()

  const selectable = useMemo(
    () =>
      program.status === 'ready'
        ? program.data.sessions.filter((s) => ['open', 'waitlist'].includes(signupState(s, now))).map((s) => s.id)
        : [],
    [program, now],
  )

  // A session chosen on the program page is filled in, unless the draft already has one.
  useEffect(() => {
    if (initialSessionId && answers.session === undefined) setDraftField(programId, 'session', initialSessionId)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [programId, initialSessionId])

  const setField = useCallback(
    (fieldId: string, value: DraftValue) => {
      setDraftField(programId, fieldId, value)
      setDuplicate(false)
      setErrors((e) => {
        if (!(fieldId in e)) return e
        const { [fieldId]: _fixed, ...rest } = e
        return rest
      })
    },
    [programId, setDraftField],
  )

  /** Puts a message beside one field, or clears it, leaving the others as they are. */
  const report = useCallback((field: string, message?: string) => {
    setErrors(({ [field]: _old, ...rest }) => (message ? { ...rest, [field]: message } : rest))
  }, [])

  // The number to verify starts as the one typed in the form's 手机号 field.
  const mobileField =
    program.status === 'ready' ? program.data.program.signup?.form.find((f) => f.type === 'mobile') : undefined
  const formMobile = mobileField ? answers[mobileField.id] : undefined
  const verify = useMobileVerification(typeof formMobile === 'string' ? formMobile : '', report)

  const toggleConsent = useCallback(() => {
    setConsent((c) => !c)
    setErrors(({ [CONSENT_FIELD]: _gone, ...rest }) => rest)
  }, [])

  const showErrors = (list: Array<{ field: string; message: string }>) => {
    setErrors(Object.fromEntries(list.map((e) => [e.field, e.message])))
    setSummary(list.map((e) => e.message))
    scrollToSelector(`#field-${list[0].field}`)
  }

  const submit = useCallback(async () => {
    if (busy.current || program.status !== 'ready' || !program.data.program.signup) return
    const form = program.data.program.signup.form
    const checked = validateSignup(form, answers, { sessionIds: selectable })
    const problems = checked.ok ? [] : [...checked.errors]
    if (!consent) problems.push({ field: CONSENT_FIELD, message: CONSENT_MESSAGE })
    const unverified = verify.problem()
    if (unverified) problems.push(unverified)
    if (problems.length || !checked.ok) return showErrors(problems)

    // WeChat takes the request only from her tap, so it is made here, before anything is awaited.
    // Whatever she answers, the sign-up goes on.
    const asking = askSubscriptions(TEMPLATES)
    busy.current = true
    setSubmitting(true)
    setSummary([])
    setDuplicate(false)
    try {
      // First booking on this phone (H5 with a server): the code is checked, then the form goes.
      const refused = await verify.confirm()
      if (refused) return showErrors([refused])
      key.current ??= await newIdempotencyKey()
      const answer = await asking
      const subscribed = answer.status === 'answered' ? answer.accepted : []
      const signup = await api.submitSignup({
        programId,
        sessionId: String(checked.values.session),
        answers: checked.values,
        consent: true,
        idempotencyKey: key.current,
        ...(subscribed.length ? { subscribed } : {}),
      })
      rememberForFamily(signup.id, familyPrefill(form, checked.values))
      clearDraft(programId)
      // The success page says which WeChat messages she will not get; nothing when she was not asked.
      redirectTo(routes.signupDone(signup.id, answer.status === 'unavailable' ? undefined : topicsParam(subscribed)))
    } catch (e) {
      // Whatever went wrong, the answers stay in the form and in the draft.
      const message = e instanceof Error && e.message ? e.message : '提交没有成功，请稍后再试'
      if (e instanceof ApiError && e.code === 'verify_required' && verify.available) {
        // The kept proof was refused (expired, revoked): verify again, everything else stays.
        verify.expire()
        showErrors([{ field: VERIFY_CODE_FIELD, message }])
      } else if (e instanceof ApiError && e.code === 'duplicate') {
        setDuplicate(true)
        showErrors([{ field: e.field && form.some((f) => f.id === e.field) ? e.field : form[0].id, message }])
      } else if (e instanceof ApiError && e.field && (e.field === CONSENT_FIELD || form.some((f) => f.id === e.field)))
        showErrors([{ field: e.field, message }])
      else setSummary([message])
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [program, answers, selectable, consent, programId, clearDraft, verify])

  return {
    program,
    answers,
    errors,
    summary,
    consent,
    submitting,
    duplicate,
    selectable,
    verify,
    setField,
    toggleConsent,
    submit,
  }
}

export type SignupFormState = ReturnType<typeof useSignupForm>
