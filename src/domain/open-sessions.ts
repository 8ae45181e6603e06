// The 可报名 list: sessions taking sign-ups now across every published federation, narrowed by region
// code and topic, in deadline order (then id), a page at a time behind a cursor.
import { CARD_PAGE, filterProblem } from './filters'
import { seatsLeft, signupState } from './sessions'
import type { Session, Topic } from './types'

/** What the list can be narrowed by: 6-digit region codes at any level, and a topic. */
export interface OpenSessionFilter {
  province?: string
  city?: string
  county?: string
  topic?: Topic
}

/** What the program and its federation add to a session's row. */
export interface OpenSessionProgram {
  programTitle: string
  federationId: string
  federationName: string
  topic: Topic
}

/** One row of the list: only what it shows. */
export interface OpenSession extends OpenSessionProgram {
  id: string
  programId: string
  title: string
  start: string
  end: string
  deadline: string
  online: boolean
  place?: string
  seatsLeft: number
  /** Every seat is taken: a sign-up joins the waitlist. */
  waitlist: boolean
  /** Demo data, not a real event: the row says so in words. */
  demo: boolean
}

export interface OpenSessionPage {
  sessions: OpenSession[]
  next: string | null
}

/** The same page sizes as the feed's. */
export const OPEN_SESSION_PAGE = CARD_PAGE

/** Where a session sits in the order: the cursor names the last row of a page. */
export interface OpenSessionKey {
  /** Milliseconds since the epoch: an instant, whatever offset the deadline was written with. */
  deadline: number
  id: string
}

export const encodeOpenSessionCursor = (k: OpenSessionKey) => `s1~${k.deadline}~${k.id}`

export function decodeOpenSessionCursor(cursor: string): OpenSessionKey | undefined {
  const m = /^s1~(\d{1,15})~(\S{1,80})$/.exec(cursor)
  return m ? { deadline: Number(m[1]), id: m[2] } : undefined
}

/** What is wrong with a filter or cursor, in Chinese, with the field at fault; undefined when nothing. */
export function openSessionProblem(
  filter: OpenSessionFilter,
  cursor?: string | null,
): { field: string; message: string } | undefined {
  const problem = filterProblem(filter)
  if (problem) return problem
  if (cursor && !decodeOpenSessionCursor(cursor)) return { field: 'cursor', message: '翻页位置不对，请从头再看' }
  return undefined
}

/**
 * The list's row for a session at `now` (its `taken` counting every seat held), or undefined when
 * the sign-up rule (signupState) says it takes neither sign-ups nor waitlist entries.
 */
export function toOpenSession(session: Session, program: OpenSessionProgram, now: Date): OpenSession | undefined {
  const state = signupState(session, now)
  if (state !== 'open' && state !== 'waitlist') return undefined
  return {
    id: session.id,
    programId: session.programId,
    ...program,
    title: session.title,
    start: session.start,
    end: session.end,
    deadline: session.deadline,
    online: session.online,
    ...(session.place ? { place: session.place } : {}),
    seatsLeft: seatsLeft(session),
    waitlist: state === 'waitlist',
    demo: session.demo,
  }
}
