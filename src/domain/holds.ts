// The hold window as she sees it: a seat held for her until she taps 确认参加, its countdown, and the
// hour choices an organizer offers. Pure: the clock comes in as `now`.
import { formatSessionTime } from '../utils/date'

/** Hours an organizer may give (the server allows 1 to 168). */
export const HOLD_HOURS_CHOICES = [2, 12, 24, 48] as const

/** What a sign-up needs for its hold state; the Signup of the Api has all of it. */
export interface HoldFacts {
  status: 'confirmed' | 'waitlisted' | 'cancelled'
  sessionStart: string
  holdUntil?: string
  holdExpired?: true
  sessionCancelled?: object
}

export type HoldState =
  /** No hold involved: a seat of her own, a waitlist place, a cancel, or a session over or called off. */
  | { kind: 'none' }
  /** The seat is hers until `until` if she confirms; `left` is the countdown's text. */
  | { kind: 'holding'; until: string; untilText: string; left: string }
  /** She did not confirm in time: the seat is (or is being) passed to the next woman. */
  | { kind: 'expired' }

const MINUTE_MS = 60 * 1000
const HOUR_MS = 60 * MINUTE_MS
const DAY_MS = 24 * HOUR_MS

export const HOLD_EXPIRED_TEXT = '保留已过期，名额已让给候补的下一位'

export function holdState(s: HoldFacts, now: Date): HoldState {
  if (s.sessionCancelled) return { kind: 'none' }
  if (s.status === 'cancelled') return s.holdExpired ? { kind: 'expired' } : { kind: 'none' }
  if (s.status !== 'confirmed' || !s.holdUntil) return { kind: 'none' }
  if (now.getTime() >= Date.parse(s.sessionStart)) return { kind: 'none' }
  const ms = Date.parse(s.holdUntil) - now.getTime()
  // Past its end the seat is the next woman's, even before the server has passed it on.
  if (!(ms > 0)) return { kind: 'expired' }
  return { kind: 'holding', until: s.holdUntil, untilText: formatSessionTime(s.holdUntil), left: holdLeftText(ms) }
}

/**
 * "还剩5小时12分", "还剩1天3小时", "还剩12分", "还剩不到1分钟": rounded down, so it never promises
 * more time than there is.
 */
export function holdLeftText(ms: number): string {
  if (ms < MINUTE_MS) return '还剩不到1分钟'
  const days = Math.floor(ms / DAY_MS)
  const hours = Math.floor((ms % DAY_MS) / HOUR_MS)
  const minutes = Math.floor((ms % HOUR_MS) / MINUTE_MS)
  if (days > 0) return `还剩${days}天${hours ? `${hours}小时` : ''}`
  if (hours > 0) return `还剩${hours}小时${minutes ? `${minutes}分` : ''}`
  return `还剩${minutes}分`
}

/**
 * How long until the countdown's text next changes: just past the next whole minute left (the
 * minutes are rounded down), or the hold's end; 0 once it has ended.
 */
export function nextHoldTickMs(holdUntil: string, now: Date): number {
  const ms = Date.parse(holdUntil) - now.getTime()
  if (!(ms > 0)) return 0
  return (ms % MINUTE_MS) + 1
}

/** "24小时": how a session's hold window reads; '' for none. */
export function holdHoursText(hours: number | null | undefined): string {
  return hours ? `${hours}小时` : ''
}
