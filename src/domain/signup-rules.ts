// Sign-up rules as pure functions of the records so far, the session and the clock.
import { nameKey } from './name-key'
import { signupState } from './sessions'
import type { Session } from './types'

export type SignupStatus = 'confirmed' | 'waitlisted' | 'cancelled'

/** What the rules need to know about a sign-up; stores keep more. */
export interface RuleRecord {
  id: string
  sessionId: string
  status: SignupStatus
  name: string
  mobile: string
  idempotencyKey: string
  waitlistPosition?: number
}

export type Decision<R> =
  | { kind: 'again'; record: R }
  | { kind: 'closed'; message: string }
  | { kind: 'duplicate'; message: string }
  | { kind: 'accept'; status: 'confirmed' | 'waitlisted' }

/** Why a session takes no sign-up now (deadline passed, started, or not open yet); undefined when it does. */
export function closedMessage(session: Session, now: Date): string | undefined {
  const state = signupState(session, now)
  if (state === 'closed') return '这个场次的报名已经截止了'
  if (state === 'notYet') return '这个场次还没开始报名'
  return undefined
}

/** What a decision needs to know about a session's sign-ups so far; a store may count them however it likes. */
export interface SessionFacts<R> {
  /** The earlier sign-up with the same idempotency key, if any. */
  again?: R
  /** The same person (name + mobile) already holds a live sign-up for this session. */
  samePerson: boolean
  /** Confirmed sign-ups in the store (demo seats taken by others are in session.taken). */
  confirmed: number
}

/**
 * Decides a sign-up: a repeated idempotency key returns the first record; a closed or
 * not-yet-open session refuses; the same person twice for a session refuses; otherwise she is
 * confirmed while seats last (demo seats taken by others count) and waitlisted after.
 */
export function decide<R>(facts: SessionFacts<R>, session: Session, name: string, now: Date): Decision<R> {
  if (facts.again) return { kind: 'again', record: facts.again }
  const closed = closedMessage(session, now)
  if (closed) return { kind: 'closed', message: closed }
  if (facts.samePerson) return { kind: 'duplicate', message: `${name} 已经报名了这个场次，不用重复报名` }
  return { kind: 'accept', status: session.taken + facts.confirmed < session.capacity ? 'confirmed' : 'waitlisted' }
}

/** The facts for `decide`, from a list of records (the mock's storage). */
export function factsFrom<R extends RuleRecord>(
  records: R[],
  sessionId: string,
  person: { name: string; mobile: string },
  idempotencyKey: string,
): SessionFacts<R> {
  const live = records.filter((r) => r.sessionId === sessionId && r.status !== 'cancelled')
  return {
    again: records.find((r) => r.idempotencyKey === idempotencyKey),
    // The same person however her name is typed (U+F9E1 for 李, spaces); the server also folds
    // traditional to simplified, which needs a dictionary the app does not carry.
    samePerson: live.some((r) => nameKey(r.name) === nameKey(person.name) && r.mobile === person.mobile),
    confirmed: live.filter((r) => r.status === 'confirmed').length,
  }
}

/** `decide` over a list of records. */
export function decideSignup<R extends RuleRecord>(
  records: R[],
  session: Session,
  person: { name: string; mobile: string },
  idempotencyKey: string,
  now: Date,
): Decision<R> {
  return decide(factsFrom(records, session.id, person, idempotencyKey), session, person.name, now)
}

/** Waitlist positions (1-based) follow arrival order within each session. */
export function withWaitlistPositions<R extends RuleRecord>(records: R[]): R[] {
  const counters = new Map<string, number>()
  return records.map((r) => {
    if (r.status !== 'waitlisted') return { ...r, waitlistPosition: undefined }
    const n = (counters.get(r.sessionId) ?? 0) + 1
    counters.set(r.sessionId, n)
    return { ...r, waitlistPosition: n }
  })
}

export type CancelCheck = { kind: 'cancel' } | { kind: 'already' } | { kind: 'started'; message: string }

/**
 * Whether a sign-up can be cancelled at `now`: not once its session has started (the seat can no
 * longer go to someone on the waitlist). Cancelling twice is no error: the second changes nothing.
 */
export function canCancel(signup: { status: SignupStatus; sessionStart: string }, now: Date): CancelCheck {
  if (signup.status === 'cancelled') return { kind: 'already' }
  if (now.getTime() >= Date.parse(signup.sessionStart))
    return { kind: 'started', message: '活动已经开始，不能再取消报名了' }
  return { kind: 'cancel' }
}

/** Cancels one sign-up; a freed seat goes to the first on that session's waitlist. */
export function cancelAndPromote<R extends RuleRecord>(records: R[], signupId: string): R[] {
  const target = records.find((r) => r.id === signupId)
  if (!target || target.status === 'cancelled') return records
  let next = records.map((r) => (r.id === signupId ? { ...r, status: 'cancelled' as const } : r))
  if (target.status === 'confirmed') {
    const first = next.find((r) => r.sessionId === target.sessionId && r.status === 'waitlisted')
    if (first) next = next.map((r) => (r.id === first.id ? { ...r, status: 'confirmed' as const } : r))
  }
  return withWaitlistPositions(next)
}

/**
 * Seats added to a session (its capacity raised): the first `seats` on its waitlist, in arrival
 * order, are confirmed; the rest keep their places, renumbered.
 */
export function promoteIntoSeats<R extends RuleRecord>(records: R[], sessionId: string, seats: number): R[] {
  let left = Math.max(0, seats)
  return withWaitlistPositions(
    records.map((r) => {
      if (left === 0 || r.sessionId !== sessionId || r.status !== 'waitlisted') return r
      left--
      return { ...r, status: 'confirmed' as const }
    }),
  )
}

const ROSTER_STATUS: Record<SignupStatus, string> = { confirmed: '已报名', waitlisted: '候补', cancelled: '已取消' }

/** How a sign-up reads on the organizer's roster and in its CSV: what she signed up as, with her waitlist place. */
export function rosterStatusText(s: { status: SignupStatus; waitlistPosition?: number }): string {
  return s.status === 'waitlisted' && s.waitlistPosition ? `候补第${s.waitlistPosition}位` : ROSTER_STATUS[s.status]
}

/** How a sign-up reads in 我的报名: 已结束 once its session has started, whatever it was. */
export function signupLabel(
  s: {
    status: SignupStatus
    waitlistPosition?: number
    sessionStart: string
    sessionCancelled?: object
    promoted?: true
    holdUntil?: string
    holdExpired?: true
  },
  now: Date,
): string {
  if (s.status === 'cancelled') return s.holdExpired ? '保留已过期' : '已取消'
  if (s.sessionCancelled) return '场次已取消'
  if (now.getTime() >= Date.parse(s.sessionStart)) return '已结束'
  if (s.status === 'waitlisted') return s.waitlistPosition ? `候补第${s.waitlistPosition}位` : '候补'
  // A seat held for her until she confirms (a session with a hold window): hers only once she does.
  if (s.holdUntil) return now.getTime() < Date.parse(s.holdUntil) ? '待确认' : '保留已过期'
  return s.promoted ? '已转正' : '已报名'
}
