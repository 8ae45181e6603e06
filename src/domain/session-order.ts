// How a program page puts its sessions and its one primary action: sessions taking sign-ups
// first, closed ones last, and what the sticky 报名 bar says and opens.
import { signupState, type SignupState } from './sessions'
import type { Session } from './types'

const RANK: Record<SignupState, number> = { open: 0, waitlist: 1, notYet: 2, closed: 3 }

/** Open, then waitlist, then not yet open, then closed; by start time within each (a new array). */
export function orderForSignup(sessions: readonly Session[], now: Date): Session[] {
  return sessions
    .map((s) => ({ s, rank: RANK[signupState(s, now)], start: Date.parse(s.start) }))
    .sort((a, b) => a.rank - b.rank || a.start - b.start)
    .map(({ s }) => s)
}

/** The word on the primary action: the same as the form and the success page use for a full session. */
export const JOIN_WAITLIST = '加入候补'

export interface SignupAction {
  label: '报名' | typeof JOIN_WAITLIST
  /** The one session it signs up for; absent when she picks among several on the form. */
  sessionId?: string
  /** Sessions taking sign-ups or waitlist entries now. */
  takeable: number
  /** Every takeable session is full: she joins a waitlist. */
  full: boolean
}

/**
 * The program page's primary action at `now`: 报名 while any session has a seat, 加入候补 when
 * every one she could take is full; none when no session takes anyone.
 */
export function signupAction(sessions: readonly Session[], now: Date): SignupAction | undefined {
  const takeable = sessions.filter((s) => {
    const state = signupState(s, now)
    return state === 'open' || state === 'waitlist'
  })
  if (takeable.length === 0) return undefined
  const full = takeable.every((s) => signupState(s, now) === 'waitlist')
  return {
    label: full ? JOIN_WAITLIST : '报名',
    ...(takeable.length === 1 ? { sessionId: takeable[0].id } : {}),
    takeable: takeable.length,
    full,
  }
}
