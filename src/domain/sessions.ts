// Turns demo session templates into dated sessions, and decides what the sign-up button says.
import { beijingDayAt, toIso } from '@/utils/date'
import type { Program, Session, SessionTemplate } from './types'

const DEADLINE_TIME = '18:00'
const OPENS_TIME = '09:00'

/**
 * Dates a template relative to `now`'s Beijing day, so demo sessions never go stale. Templates are
 * demo data unless their program says otherwise (the data contract has no other kind yet).
 */
export function materializeSession(programId: string, t: SessionTemplate, now: Date, demo = true): Session {
  const start = beijingDayAt(now, t.startInDays, t.startTime)
  return {
    id: t.id,
    programId,
    title: t.title,
    start: toIso(start),
    end: toIso(start.add(t.durationMinutes, 'minute')),
    deadline: toIso(beijingDayAt(now, t.deadlineInDays, DEADLINE_TIME)),
    opensAt: t.signupOpensInDays === undefined ? undefined : toIso(beijingDayAt(now, t.signupOpensInDays, OPENS_TIME)),
    online: t.online,
    place: t.place,
    capacity: t.capacity,
    taken: t.taken,
    demo,
  }
}

/** A program whose sessions are demo data (`signup.demo`); its figures are real either way. */
export function isDemoProgram(program: Program): boolean {
  return program.signup?.demo === true
}

export function programSessions(program: Program, now: Date): Session[] {
  return (program.signup?.sessions ?? [])
    .map((t) => materializeSession(program.id, t, now, isDemoProgram(program)))
    .sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
}

export type SignupState = 'open' | 'waitlist' | 'closed' | 'notYet'

export const SIGNUP_STATE_LABEL: Record<SignupState, string> = {
  open: '报名',
  waitlist: '候补',
  closed: '已截止',
  notYet: '未开始',
}

/**
 * The sign-up rule for one session at `now`: closed when cancelled, after the deadline or once it has
 * started, not yet before sign-up opens, waitlist when every seat is taken, else open.
 */
export function signupState(session: Session, now: Date): SignupState {
  const t = now.getTime()
  if (session.cancelled) return 'closed'
  if (t >= Date.parse(session.deadline) || t >= Date.parse(session.start)) return 'closed'
  if (session.opensAt && t < Date.parse(session.opensAt)) return 'notYet'
  if (session.taken >= session.capacity) return 'waitlist'
  return 'open'
}

export function seatsLeft(session: Session): number {
  return Math.max(0, session.capacity - session.taken)
}

/**
 * A program is open when any of its sessions takes sign-ups or waitlist entries now; `sessions`
 * are its dated sessions (the server's, from the database), its templates' when absent.
 */
export function isProgramOpen(program: Program, now: Date, sessions = programSessions(program, now)): boolean {
  return hasOpenSession(sessions, now)
}

/** Any of these sessions takes sign-ups or waitlist entries now. */
export function hasOpenSession(sessions: Session[], now: Date): boolean {
  return sessions.some((s) => {
    const state = signupState(s, now)
    return state === 'open' || state === 'waitlist'
  })
}
