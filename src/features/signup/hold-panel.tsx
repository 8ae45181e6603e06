// A seat held for her since she was promoted from the waitlist: until when, a live countdown from
// the one clock, and 确认参加; then 已确认参加, or, when the hold lapsed, that the seat went on.
import { useEffect, useState } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { HOLD_EXPIRED_TEXT, holdState, nextHoldTickMs } from '@/domain/holds'
import { api } from '@/services'
import { ApiError, type Signup } from '@/services/api'
import { clock } from '@/shared/clock'
import { keyboardStop } from '@/shared/keyboard-stop'
import './hold-panel.scss'

export const CONFIRM_OFFLINE = '网络不太好，没能确认，请稍后再试'

/** The clock, read again each time the countdown's text would change, while the hold runs. */
function useHoldClock(holdUntil: string | undefined): Date {
  const [now, setNow] = useState(() => clock.now())
  useEffect(() => {
    if (!holdUntil) return
    const wait = nextHoldTickMs(holdUntil, clock.now())
    if (wait <= 0) return
    // At most a minute: a phone that slept catches up on its next tick.
    const timer = setTimeout(() => setNow(clock.now()), Math.min(wait, 60 * 1000))
    return () => clearTimeout(timer)
  }, [holdUntil, now])
  return now
}

/**
 * `where`: in 我的报名 the ticket is one tap away, on the detail page it shows below. `onChanged`
 * reads the sign-up again (after a confirm, or an error that may mean the hold has passed).
 */
export function HoldPanel({
  signup,
  where,
  onChanged,
}: {
  signup: Signup
  where: 'list' | 'detail'
  onChanged: () => Promise<void> | void
}) {
  const now = useHoldClock(signup.holdUntil)
  const [busy, setBusy] = useState(false)
  const [done, setDone] = useState(false)
  const [error, setError] = useState('')
  const state = holdState(signup, now)

  const confirm = async () => {
    if (busy) return
    setBusy(true)
    setError('')
    try {
      await api.confirmSignup(signup.id)
      setDone(true)
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'network' ? CONFIRM_OFFLINE : errorText(e))
    } finally {
      setBusy(false)
    }
    // Either way the row is read again: the ticket after a confirm, the passed-on seat after a 409.
    await onChanged()
  }

  const errorLine = error ? (
    <View className="hold__error" role="alert">
      {error}
    </View>
  ) : null

  // Said at once, before the row read again arrives (it has no hold left, and a ticket).
  if (done && signup.status === 'confirmed') {
    return (
      <View className={`hold hold--${where} hold--done`} role="status" {...keyboardStop}>
        <Text className="hold__title">已确认参加</Text>
        <Text className="hold__hint">
          {where === 'list' ? '点开这条报名就能看到电子票。' : '名额是您的了，入场时出示下面的电子票。'}
        </Text>
      </View>
    )
  }
  // The server's 409 for a lapsed hold says the same: this line alone.
  if (state.kind === 'expired') {
    return (
      <View className={`hold hold--${where} hold--expired`} {...keyboardStop}>
        <Text className="hold__hint">{HOLD_EXPIRED_TEXT}</Text>
      </View>
    )
  }
  if (state.kind !== 'holding') return errorLine
  return (
    // A keyboard stop: at 1.4× the page scrolls, and Taro's H5 buttons take no focus of their own.
    <View className={`hold hold--${where}`} role="group" aria-label="保留名额" {...keyboardStop}>
      <Text className="hold__title">
        名额为您保留到 <Text className="hold__when">{state.untilText}</Text>
      </Text>
      <Text className="hold__left">{state.left}</Text>
      <Text className="hold__hint">请在此前点“确认参加”，过时名额让给候补的下一位。</Text>
      {errorLine}
      <Button
        className={`button stack-button hold__confirm ${busy ? 'button--disabled' : ''}`}
        onClick={() => void confirm()}
        aria-label="确认参加"
      >
        {busy ? '正在确认…' : '确认参加'}
      </Button>
    </View>
  )
}

const errorText = (e: unknown) => (e instanceof Error && e.message ? e.message : '没能确认，请稍后再试')
