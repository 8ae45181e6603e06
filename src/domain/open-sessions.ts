// The 可报名 list: sessions taking sign-ups now across every published federation, narrowed by region
// code and topic, in deadline order (then id), a page at a time behind a cursor.
import { CARD_PAGE, cardRegionCodes, filterProblem } from './filters'
import { seatsLeft, signupState } from './sessions'
import type { Session, Topic } from './types'
import { deadlineText } from '../utils/date'

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

/** One row of the list: only what it shows, its times, place and demo flag as the session has them. */
export interface OpenSession
  extends OpenSessionProgram,
    Pick<Session, 'id' | 'programId' | 'title' | 'start' | 'end' | 'deadline' | 'online' | 'place' | 'demo'> {
  seatsLeft: number
  /** Every seat is taken: a sign-up joins the waitlist. */
  waitlist: boolean
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

/** A row as the built-in data has it: the session's row and its federation's region code. */
export interface PlacedOpenSession {
  session: OpenSession
  regionCode: string
}

const keyOf = (s: OpenSession): OpenSessionKey => ({ deadline: Date.parse(s.deadline), id: s.id })

const compareKeys = (a: OpenSessionKey, b: OpenSessionKey) =>
  a.deadline - b.deadline || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/**
 * One page of the list from rows held in memory (the built-in data): the server's filters, order
 * and cursor, so both answer the same request the same way.
 */
export function pageOpenSessions(
  rows: PlacedOpenSession[],
  filter: OpenSessionFilter = {},
  cursor?: string | null,
  size = OPEN_SESSION_PAGE.default,
): OpenSessionPage {
  const after = cursor ? decodeOpenSessionCursor(cursor) : undefined
  const kept = rows
    .filter(({ session, regionCode }) => {
      const codes = cardRegionCodes(regionCode)
      if (filter.province && codes.province !== filter.province) return false
      if (filter.city && codes.city !== filter.city) return false
      if (filter.county && codes.county !== filter.county) return false
      return !filter.topic || session.topic === filter.topic
    })
    .map((r) => r.session)
    .sort((a, b) => compareKeys(keyOf(a), keyOf(b)))
  const rest = after ? kept.filter((s) => compareKeys(keyOf(s), after) > 0) : kept
  const page = rest.slice(0, size)
  return { sessions: page, next: rest.length > size ? encodeOpenSessionCursor(keyOf(page[page.length - 1])) : null }
}

/** What a row says of its seats and deadline: "还剩 5 个名额 · 还剩3天截止", "名额已满，可以候补 · …". */
export function openSessionHint(s: Pick<OpenSession, 'seatsLeft' | 'waitlist' | 'deadline'>, now: Date): string {
  const seats = s.waitlist ? '名额已满，可以候补' : `还剩 ${s.seatsLeft} 个名额`
  return `${seats} · ${deadlineText(s.deadline, now)}`
}
