// Verifying her mobile before the first booking (H5 with a server): the number, the code, the resend countdown.
import { useCallback, useEffect, useState } from 'react'
import { isMainlandMobile, maskMobile, normalizeMobile } from '@/domain/mobile'
import { VERIFY_MESSAGES, isCode, normalizeCode, secondsLeft } from '@/domain/verification'
import { api } from '@/services'
import { ApiError, type VerifiedBooker } from '@/services/api'
import { clock } from '@/shared/clock'

export const VERIFY_MOBILE_FIELD = 'verify-mobile'
export const VERIFY_CODE_FIELD = 'verify-code'

export interface Problem {
  field: string
  message: string
}

/** Where a refusal is shown: beside the mobile when the server blames it, else beside the code. */
const fieldOf = (e: unknown) =>
  e instanceof ApiError && e.field === 'mobile' ? VERIFY_MOBILE_FIELD : VERIFY_CODE_FIELD
const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '验证没有成功，请稍后再试')

/**
 * `formMobile` is what she typed in the form's 手机号: the number to verify unless she changes it
 * (a cadre booking for an elder receives the code on her own phone). `report` puts a message beside
 * a field (or clears it), in the form's one map of errors.
 */
export function useMobileVerification(formMobile: string, report: (field: string, message?: string) => void) {
  const verification = api.verification
  const [verified, setVerified] = useState<VerifiedBooker | null>(() => verification?.verified() ?? null)
  const [typedMobile, setTypedMobile] = useState<string>()
  const mobile = typedMobile ?? formMobile
  const [code, setCodeValue] = useState('')
  const [sending, setSending] = useState(false)
  /** The masked number the last code went to, and for how many minutes it is good. */
  const [sent, setSent] = useState<{ to: string; minutes: number }>()
  /** When (ms, by the app clock) she may ask for another code. */
  const [resendAt, setResendAt] = useState<number>()
  const [, tick] = useState(0)
  const wait = resendAt === undefined ? 0 : secondsLeft(resendAt, clock.now())
  const counting = wait > 0

  // Once a second while counting down; the seconds themselves come from the clock, not from ticks.
  useEffect(() => {
    if (!counting) return
    const timer = setInterval(() => tick((n) => n + 1), 1000)
    return () => clearInterval(timer)
  }, [counting])

  const setMobile = useCallback(
    (value: string) => {
      setTypedMobile(value)
      report(VERIFY_MOBILE_FIELD)
    },
    [report],
  )
  const setCode = useCallback(
    (value: string) => {
      // Digits only: a pasted "123 456" or full-width digits still make the code.
      setCodeValue(normalizeCode(value))
      report(VERIFY_CODE_FIELD)
    },
    [report],
  )

  const sendCode = useCallback(async () => {
    if (!verification || sending || counting) return
    if (!isMainlandMobile(mobile)) return report(VERIFY_MOBILE_FIELD, VERIFY_MESSAGES.mobile)
    setSending(true)
    try {
      const r = await verification.sendCode(normalizeMobile(mobile))
      setResendAt(clock.now().getTime() + Math.max(0, r.resendAfterSeconds) * 1000)
      setSent({ to: maskMobile(mobile), minutes: Math.max(1, Math.round(r.expiresInSeconds / 60)) })
      report(VERIFY_MOBILE_FIELD)
      report(VERIFY_CODE_FIELD)
    } catch (e) {
      report(fieldOf(e), messageOf(e))
    } finally {
      setSending(false)
    }
  }, [verification, sending, counting, mobile, report])

  /** What stops the submit before anything is sent: no valid mobile, no 6-digit code. */
  const problem = (): Problem | null => {
    if (!verification || verified) return null
    if (!isMainlandMobile(mobile)) return { field: VERIFY_MOBILE_FIELD, message: VERIFY_MESSAGES.mobile }
    if (!isCode(code))
      return { field: VERIFY_CODE_FIELD, message: sent ? VERIFY_MESSAGES.code : VERIFY_MESSAGES.noCodeYet }
    return null
  }

  /** Checks the code with the server; a refusal comes back as the problem to show. */
  const confirm = async (): Promise<Problem | null> => {
    if (!verification || verified) return null
    try {
      const booker = await verification.checkCode(normalizeMobile(mobile), normalizeCode(code))
      setVerified(booker)
      setCodeValue('')
      return null
    } catch (e) {
      return { field: fieldOf(e), message: messageOf(e) }
    }
  }

  /** The server no longer takes the kept proof (401 verify_required): show the block again. */
  const expire = () => {
    setVerified(null)
    setCodeValue('')
  }

  return {
    /** Whether this build verifies mobiles at all (H5 with a server). */
    available: Boolean(verification),
    verified,
    needed: Boolean(verification) && !verified,
    mobile,
    code,
    sending,
    sent,
    wait,
    setMobile,
    setCode,
    sendCode,
    problem,
    confirm,
    expire,
  }
}

export type MobileVerificationState = ReturnType<typeof useMobileVerification>
