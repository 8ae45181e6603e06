// Sign-ups in the database. Every change to a session's sign-ups happens in a transaction that
// first locks that session's row, so seats are counted one sign-up at a time, in arrival order,
// and the same pure rules as the app's (decide, cancelAndPromote) decide each step. The session
// row keeps its counts, so no step reads more rows as history grows. A sign-up keeps a copy of what
// she signed up for, but every reader takes the session's title, time and place from its row.
import { randomUUID } from 'node:crypto'
import type { Answers, Signup } from '../../src/services/api'
import {
  canCancel,
  cancelAndPromote,
  closedMessage,
  decide,
  withWaitlistPositions,
  type RuleRecord,
  type SignupStatus,
} from '../../src/domain/signup-rules'
import { validateSignup } from '../../src/domain/validation'
import type { CheckedIn } from '../../src/domain/tickets'
import type { FormField, Program, Session } from '../../src/domain/types'
import { inBeijing, toIso } from '../../src/utils/date'
import { iso, sessionFromRow, type Content, type SessionRow } from './content'
import type { Db, Queryable } from './db/db'
import { runOnce } from './db/job-locks'
import { HttpError, invalid, notFound } from './errors'
import { personNameKey } from './name-key'
import { recordPromoted } from './notify'
import { holdSeats } from './holds'
import { CHECKED_IN_BY, ticketCandidates, ticketToken, type Ticket } from './tickets'

interface Row {
  id: string
  seq: string
  client_id: string
  idempotency_key: string
  session_id: string
  program_id: string
  status: SignupStatus
  name: string
  mobile: string
  answers: unknown
  program_title: string
  federation_name: string
  session_title: string
  session_start: string
  online: boolean
  place: string | null
  created_at: Date | string
  /** The session's version when she signed up. */
  session_version: number
  /** The version of the program's form she filled in. */
  form_version: number
  /** The code to read out at the door; null only for sign-ups cancelled before codes existed. */
  ticket_code: string | null
  checked_in_at: Date | string | null
  /** Promoted into a seat she must confirm by then (the session's hold window). */
  hold_until: Date | string | null
  /** Why she lost the seat, when not by her own cancel: 'hold_expired'. */
  cancelled_because: string | null
}

/** A sign-up row with its session's row as it is now (JOINED below). */
interface JoinedRow extends Row {
  cur_title: string
  cur_start: Date | string
  cur_online: boolean
  cur_place: string | null
  cur_status: 'open' | 'cancelled'
  cur_reason: string | null
  cur_version: number
  cur_demo: boolean
  cur_end: Date | string
  cur_latitude: string | number | null
  cur_longitude: string | number | null
  cur_phone: string | null
  /** Only `mine` reads it: whether a 'promoted' notice was recorded for her (moved up from the waitlist). */
  promoted?: boolean
}

/** The read before the lock (SQL.session): the session's columns are null when there is no such session. */
type PreRow = SessionRow & {
  version: number
  ends_at: Date | string
  latitude: string | number | null
  longitude: string | number | null
  contact_phone: string | null
  /** The session's row less its counts, as text: the one-call path goes on only while it is the same. */
  fingerprint: string | null
  form_version: number | null
  form_fields: unknown
  again_id: string | null
}

/** What SQL.oneCall returns (migration 019): the facts it read, and her row's seq when it was inserted. */
interface OneCallRow {
  /** False: the session changed since it was read, or is gone; nothing was written. */
  found_session: boolean
  confirmed_before: number | null
  earlier_id: string | null
  person_live: boolean | null
  booker_count: string | number | null
  ticket: string | null
  seat: 'confirmed' | 'waitlisted' | null
  row_seq: string | null
  row_created_at: Date | string | null
  waitlisted_now: number | null
}

/** What SQL.insert returns: the facts it read, and her row when it was inserted (its columns null otherwise). */
type InsertedRow = JoinedRow & {
  again_id: string | null
  same_person: boolean
  booked: string | number
  /** The first candidate code the session has not given; null when all were taken. */
  free_code: string | null
  waitlisted_now: string | number | null
}

type StoredRecord<R extends Row = Row> = RuleRecord & { row: R }

const toRecord = <R extends Row>(row: R): StoredRecord<R> => ({
  id: row.id,
  sessionId: row.session_id,
  status: row.status,
  name: row.name,
  mobile: row.mobile,
  idempotencyKey: row.idempotency_key,
  row,
})

/**
 * The sign-up with its session as it is now: title, time and place from the session's row, and
 * whether the time or place changed since she signed up, or the session was cancelled.
 */
export function toSignup(row: JoinedRow, waitlistPosition?: number): Signup {
  return {
    id: row.id,
    programId: row.program_id,
    programTitle: row.program_title,
    federationName: row.federation_name,
    sessionId: row.session_id,
    sessionTitle: row.cur_title,
    sessionStart: iso(row.cur_start),
    sessionEnd: iso(row.cur_end),
    online: row.cur_online,
    ...(row.cur_place ? { place: row.cur_place } : {}),
    ...(row.cur_latitude !== null && row.cur_longitude !== null
      ? { latitude: Number(row.cur_latitude), longitude: Number(row.cur_longitude) }
      : {}),
    ...(row.cur_phone ? { contactPhone: row.cur_phone } : {}),
    status: row.status,
    demo: row.cur_demo,
    ...(waitlistPosition ? { waitlistPosition } : {}),
    ...(Number(row.session_version) !== Number(row.cur_version) ? { sessionChanged: true as const } : {}),
    ...(row.cur_status === 'cancelled' ? { sessionCancelled: { reason: row.cur_reason ?? '' } } : {}),
    ...(row.status === 'confirmed' && row.hold_until ? { holdUntil: iso(row.hold_until) } : {}),
    ...(row.status === 'cancelled' && row.cancelled_because === 'hold_expired' ? { holdExpired: true as const } : {}),
    ...(row.status === 'confirmed' && row.promoted === true ? { promoted: true as const } : {}),
    name: row.name,
    mobile: row.mobile,
    createdAt: toIso(inBeijing(row.created_at)),
  }
}

/** A jsonb column: PGlite and node-postgres give it parsed, a text cast gives a string. */
export const parseJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

export function answersOf(row: Row): Answers {
  return parseJson<Answers>(row.answers)
}

/** A sign-up's columns and its session's, as they are now: the select list of every reader. */
const JOINED = `g.*, x.title AS cur_title, x.starts_at AS cur_start, x.online AS cur_online, x.place AS cur_place,
  x.status AS cur_status, x.cancel_reason AS cur_reason, x.version AS cur_version, x.demo AS cur_demo,
  x.ends_at AS cur_end, x.latitude AS cur_latitude, x.longitude AS cur_longitude, x.contact_phone AS cur_phone`

/**
 * Every query of the request path, by name: tests EXPLAIN each one and fail on a scan that grows
 * with the table (tests/server/query-plans.test.ts).
 */
export const SQL = {
  /** Locks the session's row and reads its counts; every change to its sign-ups waits here for the one before it. */
  lockSession: 'SELECT * FROM sessions WHERE id = $1 FOR UPDATE',
  /**
   * Before the lock, in one round trip: the session she asks for within the program she asks for
   * (no row when there is none), the program's form as it is now, and the id of the sign-up this
   * client made with this key before, if any.
   */
  session: `SELECT s.*, (to_jsonb(s) - 'confirmed_count' - 'waitlisted_count' - 'cancelled_count')::text AS fingerprint,
      f.version AS form_version, f.fields AS form_fields,
      (SELECT g.id FROM signups g WHERE g.client_id = $3 AND g.idempotency_key = $4) AS again_id
    FROM (VALUES (1)) AS one (x)
    LEFT JOIN sessions s ON s.id = $1 AND s.program_id = $2
    LEFT JOIN LATERAL (
      SELECT version, fields FROM form_versions WHERE program_id = $2 ORDER BY version DESC LIMIT 1
    ) f ON true`,
  byKey: `SELECT ${JOINED} FROM signups g JOIN sessions x ON x.id = g.session_id
    WHERE g.client_id = $1 AND g.idempotency_key = $2`,
  byId: `SELECT ${JOINED} FROM signups g JOIN sessions x ON x.id = g.session_id WHERE g.id = $1`,
  /** The session's start as it is now: she may cancel until then. */
  owned: `SELECT g.session_id, x.starts_at AS session_start, g.status FROM signups g JOIN sessions x ON x.id = g.session_id
    WHERE g.id = $1 AND g.client_id = $2`,
  /** Reads the waitlist up to this row only, never the confirmed or cancelled. */
  waitlistPlace: `SELECT count(*) AS n FROM signups WHERE session_id = $1 AND status = 'waitlisted' AND seq <= $2`,
  firstWaitlisted: `SELECT * FROM signups WHERE session_id = $1 AND status = 'waitlisted' AND id <> $2
    ORDER BY seq LIMIT 1`,
  /**
   * Under the session's lock, one statement (not the one that took the lock: that one reads from
   * before its wait) reads the facts the rules ask for and inserts the sign-up only if they let it
   * in: no earlier sign-up with this key, not the same person live on the session
   * (signups_one_live_per_person), the booker under her limit $23 (signups_by_booker), and the first
   * of the candidate ticket codes $21 (comma-separated) the session has not given (signups_ticket_code).
   * It counts her on the session and returns the facts with her row as every reader sees it
   * (JOINED); all of the sign-up's columns are null when it was not inserted. Her row is the
   * session's latest, so her waitlist place is the session's waitlisted count with her in it.
   */
  insert: `WITH facts AS (
      SELECT (SELECT id FROM signups WHERE client_id = $2 AND idempotency_key = $3) AS again_id,
        EXISTS (SELECT 1 FROM signups WHERE session_id = $4 AND name_key = $17 AND mobile = $8 AND status <> 'cancelled')
          AS same_person,
        (SELECT count(*) FROM signups WHERE session_id = $4 AND booker = $20 AND booker IS NOT NULL
          AND status <> 'cancelled') AS booked,
        (SELECT c.code FROM unnest(string_to_array($21, ',')) WITH ORDINALITY AS c (code, n)
          WHERE NOT EXISTS (SELECT 1 FROM signups WHERE session_id = $4 AND ticket_code = c.code)
          ORDER BY c.n LIMIT 1) AS free_code
    ), added AS (
      INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
        program_title, federation_name, session_title, session_start, online, place, created_at, name_key,
        session_version, form_version, booker, ticket_code, wx_subscribed)
      SELECT $1, $2, $3, $4, $5, $6::text, $7, $8, $9::jsonb, $10, $11, $12, $13, $14::boolean, $15, $16::timestamptz, $17,
        $18::integer, $19::integer, $20, f.free_code, $22::jsonb
      FROM facts f
      WHERE f.again_id IS NULL AND NOT f.same_person AND f.booked < $23::integer AND f.free_code IS NOT NULL
      RETURNING *
    ), counted AS (
      UPDATE sessions SET confirmed_count = confirmed_count + CASE WHEN $6::text = 'confirmed' THEN 1 ELSE 0 END,
        waitlisted_count = waitlisted_count + CASE WHEN $6::text = 'waitlisted' THEN 1 ELSE 0 END
      WHERE id = $4 AND EXISTS (SELECT 1 FROM added)
      RETURNING *
    )
    SELECT f.again_id, f.same_person, f.booked, f.free_code, ${JOINED}, x.waitlisted_count AS waitlisted_now
    FROM facts f LEFT JOIN added g ON true LEFT JOIN counted x ON true`,
  /**
   * The common sign-up in one round trip (migration 019's function): the lock, the facts and the
   * insert of the statement above, as long as the session's row is the one read before the lock.
   */
  oneCall: `SELECT * FROM signup_in_one_call($1::jsonb, $2::integer, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12,
    $13, $14, $15::boolean, $16, $17::timestamptz, $18, $19::integer, $20::integer, $21, $22, $23::jsonb, $24::integer)`,
  /** Every version of a program's form, for the roster's labels. */
  formVersions: 'SELECT version, fields FROM form_versions WHERE program_id = $1',
  setStatus: 'UPDATE signups SET status = $1, updated_at = now() WHERE id = $2',
  /** Adds to a session's counts: confirmed, waitlisted, cancelled. */
  count: `UPDATE sessions SET confirmed_count = confirmed_count + $2, waitlisted_count = waitlisted_count + $3,
      cancelled_count = cancelled_count + $4
    WHERE id = $1`,
  programSessions: 'SELECT * FROM sessions WHERE program_id = $1',
  statusCounts: `SELECT coalesce(sum(confirmed_count), 0) AS confirmed, coalesce(sum(waitlisted_count), 0) AS waitlisted,
      coalesce(sum(cancelled_count), 0) AS cancelled
    FROM sessions WHERE program_id = $1`,
  /** The program on both sides, so the sessions are found through their program's index too. */
  roster: `SELECT ${JOINED}, ${CHECKED_IN_BY}
    FROM signups g JOIN sessions x ON x.id = g.session_id AND x.program_id = g.program_id
    WHERE g.program_id = $1 ORDER BY g.seq`,
  mine: `SELECT ${JOINED}, CASE WHEN g.status = 'waitlisted' THEN (
        SELECT count(*) FROM signups w WHERE w.session_id = g.session_id AND w.status = 'waitlisted' AND w.seq <= g.seq
      ) END AS position,
      EXISTS (SELECT 1 FROM notices n WHERE n.signup_id = g.id AND n.kind = 'promoted' AND n.key = '') AS promoted
    FROM signups g JOIN sessions x ON x.id = g.session_id WHERE g.client_id = $1 ORDER BY g.seq DESC`,
  clientRows: 'SELECT id, session_id, status FROM signups WHERE client_id = $1',
  /** Her hold, read again under the session's lock. */
  hold: 'SELECT status, hold_until, cancelled_because FROM signups WHERE id = $1',
  confirmHold: 'UPDATE signups SET hold_until = NULL, updated_at = now() WHERE id = $1',
  deleteClient: 'DELETE FROM signups WHERE client_id = $1 RETURNING id, session_id, status',
  /** Her sealed openid goes with her data. */
  forgetOpenid: 'DELETE FROM wx_openids WHERE client_id = $1',
} as const

/** Locks the session's row; returns it as it is now, with its confirmed sign-ups. */
async function lockSession(
  tx: Queryable,
  sessionId: string,
): Promise<{ confirmed: number; row?: SessionRow & { version: number } }> {
  const [row] = await tx.query<SessionRow & { confirmed_count: number; version: number }>(SQL.lockSession, [sessionId])
  return { confirmed: Number(row?.confirmed_count ?? 0), row }
}

type Delta = Record<SignupStatus, number>
const noDelta = (): Delta => ({ confirmed: 0, waitlisted: 0, cancelled: 0 })

async function addCounts(tx: Queryable, sessionId: string, d: Delta): Promise<void> {
  if (!d.confirmed && !d.waitlisted && !d.cancelled) return
  await tx.query(SQL.count, [sessionId, d.confirmed, d.waitlisted, d.cancelled])
}

/** A sign-up as its client sees it: a waitlisted one with its place, counted in arrival order. */
async function withPlace(q: Queryable, row: JoinedRow): Promise<Signup> {
  if (row.status !== 'waitlisted') return toSignup(row)
  const [ahead] = await q.query<{ n: string | number }>(SQL.waitlistPlace, [row.session_id, row.seq])
  return toSignup(row, Number(ahead.n))
}

/** The sign-up this client sent with this idempotency key before, if any. */
async function byKey(q: Queryable, clientId: string, key: string): Promise<Signup | undefined> {
  const [row] = await q.query<JoinedRow>(SQL.byKey, [clientId, key])
  return row ? withPlace(q, row) : undefined
}

async function byId(q: Queryable, id: string): Promise<Signup> {
  const [row] = await q.query<JoinedRow>(SQL.byId, [id])
  return withPlace(q, row)
}

/**
 * Why a session takes no sign-up now. Cancelled sessions exist only in server mode, so that
 * message lives here, not in the rules the app carries (its main package is at its size budget).
 */
const closedFor = (session: Session, now: Date) => (session.cancelled ? '这个场次已取消' : closedMessage(session, now))

export const HOLD_EXPIRED_MESSAGE = '确认时间已过，名额已让给候补的下一位'

/**
 * The confirmed count below which `decide` gives a seat: it confirms while taken + confirmed is
 * under the capacity. The one-call path chooses the seat with it under the lock.
 */
export const confirmBelow = (session: Session) => session.capacity - session.taken

/** Days after a session starts that its sign-ups are kept (the privacy notice says 90). */
export const RETENTION_DAYS = 90

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505'
const violated = (e: unknown) => (e as { constraint?: string })?.constraint

/** People one verified booker may book on one session, unless configured (BOOKER_PER_SESSION). */
export const BOOKER_PER_SESSION = 10

export const bookerLimitMessage = (limit: number) => `同一个手机号在一个场次最多为${limit}人报名`

/** Sessions whose last read before the lock is kept for the next sign-up (Signups.kept). */
export const KEPT_READS = 2000

/** Her answers as checked against the form, and what is stored of them. */
interface HerAnswers {
  name: string
  mobile: string
  /** The same person however her name was typed; the name is stored as she typed it. */
  nameKey: string
  answers: string
  /** The subscribe-message templates kept (a mini-program booker's only), as JSON. */
  subscribed: string | null
}

/** Checks her answers with the same validator as the form (the server never trusts what the phone checked). */
function herAnswers(form: FormField[], session: Session, input: SubmitInput): HerAnswers {
  const checked = validateSignup(form, { ...input.answers, session: session.id }, { sessionIds: [session.id] })
  if (!checked.ok) throw invalid(checked.errors[0].message, checked.errors[0].field)
  const name = String(checked.values.name ?? '')
  return {
    name,
    mobile: String(checked.values.mobile ?? ''),
    nameKey: personNameKey(name),
    answers: JSON.stringify(checked.values),
    // Only WeChat can deliver these, so only a mini-program booker's choice is kept.
    subscribed: input.booker.startsWith('wx:') && input.subscribed?.length ? JSON.stringify(input.subscribed) : null,
  }
}

export interface SubmitInput {
  clientId: string
  /** The verified booker (booker.ts's bookerKey): she books at most `bookerPerSession` people per session. */
  booker: string
  idempotencyKey: string
  programId: string
  sessionId: string
  answers: Answers
  /** The subscribe-message templates she accepted; kept only for a mini-program booker (wx:…). */
  subscribed?: readonly string[]
  now: Date
}

export class Signups {
  constructor(
    private readonly db: Db,
    private readonly content: Content,
    /** Signs the QR tokens of the tickets in 我的报名 (config.ticketSecret). */
    private readonly ticketSecret: string,
    private readonly bookerPerSession = BOOKER_PER_SESSION,
  ) {}

  /**
   * The program's sessions as the database holds them (absolute times: `now` moves nothing), each
   * `taken` counting the demo seats and the confirmed sign-ups.
   */
  async sessionsOf(program: Program, _now?: Date): Promise<Session[]> {
    const rows = await this.db.query<SessionRow & { confirmed_count: number }>(SQL.programSessions, [program.id])
    return rows
      .map((r) => ({ ...sessionFromRow(r), taken: Number(r.taken) + Number(r.confirmed_count) }))
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id))
  }

  /**
   * What the sign-ups of a session were last checked against (SQL.session), by program and
   * session, up to KEPT_READS of them: a sign-up that finds the session as kept (its fingerprint,
   * checked under the lock by the one call) needs no read before the lock.
   */
  private readonly kept = new Map<string, { pre: PreRow; session: Session }>()

  /** Returns the sign-up and whether it is new (false when the idempotency key was seen before). */
  async submit(input: SubmitInput): Promise<{ signup: Signup; created: boolean }> {
    const { clientId, idempotencyKey, now } = input
    const found = await this.content.program(input.programId)
    if (!found) throw notFound('没有找到这个项目，可能已下线', 'programId')
    const { file, program } = found
    const key = `${program.id} ${input.sessionId}`

    // The session and form as kept from an earlier sign-up: the one call checks both under the lock.
    // Only a sign-up they let in is answered from them; anything else is decided on a fresh read.
    const kept = this.kept.get(key)
    const her = kept && this.checkAgainst(kept.pre, kept.session, input, program)
    if (kept && her) {
      const quick = await this.settled(input, kept.session, her, () =>
        this.inOneCall(input, kept.pre, kept.session, program, file.federation.name, her),
      )
      if (quick) return quick
    }

    // Everything that needs no lock is read before it, in one round trip; the lock is held only
    // for the facts that decide the seat, the insert and the commit.
    const [pre] = await this.db.query<PreRow>(SQL.session, [input.sessionId, program.id, clientId, idempotencyKey])
    this.kept.delete(key)
    if (pre?.again_id) {
      const again = await byKey(this.db, clientId, idempotencyKey)
      if (again) return { signup: again, created: false }
    }
    if (!pre?.id || !program.signup) throw notFound('没有找到这个场次，请重新选择', 'session')
    const session = sessionFromRow(pre)
    // The oldest kept goes first.
    if (this.kept.size >= KEPT_READS) this.kept.delete(this.kept.keys().next().value as string)
    this.kept.set(key, { pre, session })
    const closed = closedFor(session, now)
    if (closed) throw new HttpError(409, 'closed', closed, 'session')

    // The latest version of the form, read from its table (the catalog may be a second behind a change).
    const form = pre.form_version !== null ? parseJson<FormField[]>(pre.form_fields) : program.signup.form
    const checked = herAnswers(form, session, input)

    return this.settled(input, session, checked, async () => {
      // Most sign-ups find the session as it was read: one round trip locks, checks and inserts.
      const quick = await this.inOneCall(input, pre, session, program, file.federation.name, checked)
      if (quick) return quick
      const { name, mobile, nameKey, answers, subscribed } = checked
      // Changed since it was read (or gone): the full path reads it again under the lock.
      return await this.db.transaction(async (tx) => {
        // Read under the lock: the same facts the mock counts from its list, and the session as it
        // is now (moved or cancelled a moment ago, it is seen here).
        const { confirmed, row: locked } = await lockSession(tx, session.id)
        // Deleted by its organizer a moment ago (only a session no one signed up for can be).
        if (!locked) throw notFound('没有找到这个场次，请重新选择', 'session')
        const current = sessionFromRow(locked)
        // The rules as far as the locked row decides them: closed, or which seat she would get.
        const seat = decide({ samePerson: false, confirmed }, current, name, now)
        if (seat.kind === 'accept') {
          for (;;) {
            const [row] = await tx.query<InsertedRow>(SQL.insert, [
              `su_${randomUUID()}`,
              clientId,
              idempotencyKey,
              session.id,
              program.id,
              seat.status,
              name,
              mobile,
              answers,
              program.title,
              file.federation.name,
              current.title,
              current.start,
              current.online,
              current.place ?? null,
              now,
              nameKey,
              Number(locked.version ?? 1),
              Number(pre.form_version ?? 1),
              input.booker,
              // Under the session's lock: no other sign-up of this session is given a code meanwhile.
              ticketCandidates().join(','),
              subscribed,
              this.bookerPerSession,
            ])
            if (row.id) {
              const place = row.status === 'waitlisted' ? Number(row.waitlisted_now) : undefined
              return { signup: toSignup(row, place), created: true }
            }
            // Not let in: the same rules as the mock's say why, from the facts the statement read.
            const decision = decide(
              {
                again: row.again_id ? await byKey(tx, clientId, idempotencyKey) : undefined,
                samePerson: row.same_person,
                confirmed,
              },
              current,
              name,
              now,
            )
            if (decision.kind === 'duplicate') throw new HttpError(409, 'duplicate', decision.message, 'name')
            if (decision.kind === 'again') return { signup: decision.record, created: false }
            // Counted under the session's lock, like the seats: two instances give the same answer.
            if (Number(row.booked) >= this.bookerPerSession) {
              throw new HttpError(409, 'limit', bookerLimitMessage(this.bookerPerSession))
            }
            // Every candidate code was given already (one chance in many millions): new candidates.
          }
        }
        // Closed now: a sign-up made with this key before still stands, as the rules say.
        const again = await byKey(tx, clientId, idempotencyKey)
        if (again) return { signup: again, created: false }
        const message = seat.kind === 'closed' ? seat.message : undefined
        throw new HttpError(409, 'closed', closedFor(current, now) ?? message ?? '', 'session')
      })
    })
  }

  /**
   * Her answers checked against a kept read: undefined when that read would refuse her (closed,
   * or her answers not valid for its form), so that a fresh read decides it.
   */
  private checkAgainst(pre: PreRow, session: Session, input: SubmitInput, program: Program): HerAnswers | undefined {
    if (!program.signup || closedFor(session, input.now)) return undefined
    const form = pre.form_version !== null ? parseJson<FormField[]>(pre.form_fields) : program.signup.form
    try {
      return herAnswers(form, session, input)
    } catch {
      return undefined
    }
  }

  /** Runs a sign-up's writes; a unique index that caught a race is answered as the rules say. */
  private async settled<T>(
    input: SubmitInput,
    session: Session,
    her: HerAnswers,
    write: () => Promise<T>,
  ): Promise<T | { signup: Signup; created: boolean }> {
    const { clientId, idempotencyKey, now } = input
    try {
      return await write()
    } catch (e) {
      // The same key sent twice at once for different sessions: the first one stands.
      // The unique index on live sign-ups caught the same person twice: the rules say what to answer.
      if (isUniqueViolation(e) && violated(e) === 'signups_one_live_per_person') {
        const decision = decide({ samePerson: true, confirmed: 0 }, session, her.name, now)
        if (decision.kind === 'duplicate') throw new HttpError(409, 'duplicate', decision.message, 'name')
      }
      if (isUniqueViolation(e)) {
        const first = await byKey(this.db, clientId, idempotencyKey)
        if (first) return { signup: first, created: false }
      }
      throw e
    }
  }

  /**
   * The sign-up in one call (SQL.oneCall) while the session's row is the one in `pre`: then the
   * rules decide as they would under the lock, the seat by confirmBelow. Undefined when the row
   * changed or the codes were all taken: the caller takes the full path, which reads it all again.
   */
  private async inOneCall(
    input: SubmitInput,
    pre: PreRow,
    session: Session,
    program: Program,
    federationName: string,
    her: HerAnswers,
  ): Promise<{ signup: Signup; created: boolean } | undefined> {
    const { clientId, idempotencyKey, now } = input
    const id = `su_${randomUUID()}`
    const version = Number(pre.version ?? 1)
    const formVersion = Number(pre.form_version ?? 1)
    const [row] = await this.db.query<OneCallRow>(SQL.oneCall, [
      pre.fingerprint,
      confirmBelow(session),
      id,
      clientId,
      idempotencyKey,
      session.id,
      program.id,
      her.name,
      her.mobile,
      her.answers,
      program.title,
      federationName,
      session.title,
      session.start,
      session.online,
      session.place ?? null,
      now,
      her.nameKey,
      version,
      formVersion,
      input.booker,
      ticketCandidates().join(','),
      her.subscribed,
      this.bookerPerSession,
    ])
    if (!row?.found_session) return undefined
    if (row.row_seq !== null && row.seat) {
      const joined: JoinedRow = {
        id,
        seq: row.row_seq,
        client_id: clientId,
        idempotency_key: idempotencyKey,
        session_id: session.id,
        program_id: program.id,
        status: row.seat,
        name: her.name,
        mobile: her.mobile,
        answers: her.answers,
        program_title: program.title,
        federation_name: federationName,
        session_title: session.title,
        session_start: session.start,
        online: session.online,
        place: session.place ?? null,
        created_at: row.row_created_at ?? now,
        session_version: version,
        form_version: formVersion,
        ticket_code: row.ticket,
        checked_in_at: null,
        hold_until: null,
        cancelled_because: null,
        // The session as it is now: the row locked was the one read (its fingerprint).
        cur_title: pre.title,
        cur_start: pre.starts_at,
        cur_online: pre.online,
        cur_place: pre.place,
        cur_status: pre.status,
        cur_reason: pre.cancel_reason,
        cur_version: version,
        cur_demo: pre.demo,
        cur_end: pre.ends_at,
        cur_latitude: pre.latitude,
        cur_longitude: pre.longitude,
        cur_phone: pre.contact_phone,
      }
      // Her row is the session's latest, so her waitlist place is the waitlisted count with her in it.
      return {
        signup: toSignup(joined, row.seat === 'waitlisted' ? Number(row.waitlisted_now) : undefined),
        created: true,
      }
    }
    // Not let in: the same rules as the mock's say why, from the facts the call read under the lock.
    const decision = decide(
      {
        again: row.earlier_id ? await byKey(this.db, clientId, idempotencyKey) : undefined,
        samePerson: row.person_live === true,
        confirmed: Number(row.confirmed_before),
      },
      session,
      her.name,
      now,
    )
    if (decision.kind === 'duplicate') throw new HttpError(409, 'duplicate', decision.message, 'name')
    if (decision.kind === 'again') return { signup: decision.record, created: false }
    if (Number(row.booker_count) >= this.bookerPerSession) {
      throw new HttpError(409, 'limit', bookerLimitMessage(this.bookerPerSession))
    }
    // Every candidate code was given already (one chance in many millions): the full path tries new ones.
    return undefined
  }

  /** Gives sign-ups stored before the name key existed their key; returns how many. Run at start. */
  async fillNameKeys(): Promise<number> {
    let filled = 0
    for (;;) {
      const rows = await this.db.query<{ id: string; name: string }>(
        'SELECT id, name FROM signups WHERE name_key IS NULL LIMIT 500',
      )
      if (!rows.length) return filled
      for (const r of rows) {
        const key = personNameKey(r.name)
        try {
          await this.db.query('UPDATE signups SET name_key = $1 WHERE id = $2', [key, r.id])
        } catch (e) {
          if (!isUniqueViolation(e)) throw e
          // Two live rows of one person, kept from before the rule: both stay, each with a key of its own.
          await this.db.query('UPDATE signups SET name_key = $1 WHERE id = $2', [`${key}#${r.id}`, r.id])
        }
      }
      filled += rows.length
    }
  }

  /** This client's sign-ups, newest first; a confirmed one carries its ticket (a waitlisted one gets it when promoted). */
  async mine(clientId: string): Promise<Array<Signup & { ticket?: Ticket }>> {
    // The place for every row in one query (a list can be long), the same count as withPlace's.
    const rows = await this.db.query<JoinedRow & { position: string | number | null }>(SQL.mine, [clientId])
    return rows.map((r) => ({
      ...toSignup(r, r.position === null ? undefined : Number(r.position)),
      ...(r.status === 'confirmed' && r.ticket_code
        ? { ticket: { token: ticketToken(this.ticketSecret, r.id), code: r.ticket_code } }
        : {}),
    }))
  }

  /**
   * Cancels one of this client's sign-ups, until its session starts (the app's canCancel rule);
   * another client's id is "not found", never "forbidden".
   */
  async cancel(clientId: string, signupId: string, now: Date): Promise<Signup> {
    const [owned] = await this.db.query<{ session_id: string; session_start: Date | string; status: SignupStatus }>(
      SQL.owned,
      [signupId, clientId],
    )
    if (!owned) throw notFound('没有找到这条报名记录')
    const check = canCancel({ status: owned.status, sessionStart: iso(owned.session_start) }, now)
    if (check.kind === 'started') throw new HttpError(409, 'closed', check.message)
    return this.db.transaction(async (tx) => {
      await lockSession(tx, owned.session_id)
      await applyCancellations(tx, owned.session_id, [signupId], now)
      return byId(tx, signupId)
    })
  }

  /**
   * She confirms the seat she holds (promoted on a session with a hold window), from her own
   * device, before the hold ends. A seat without a hold needs nothing: it is returned as it is.
   */
  async confirm(clientId: string, signupId: string, now: Date): Promise<Signup> {
    const [owned] = await this.db.query<{ session_id: string }>(SQL.owned, [signupId, clientId])
    if (!owned) throw notFound('没有找到这条报名记录')
    return this.db.transaction(async (tx) => {
      await lockSession(tx, owned.session_id)
      const [row] = await tx.query<Pick<Row, 'status' | 'hold_until' | 'cancelled_because'>>(SQL.hold, [signupId])
      const expired = HOLD_EXPIRED_MESSAGE
      if (row.status === 'cancelled') {
        throw new HttpError(409, 'closed', row.cancelled_because === 'hold_expired' ? expired : '这条报名已经取消了')
      }
      if (row.status === 'waitlisted') throw new HttpError(409, 'closed', '还在候补，有了名额会通知您')
      if (row.hold_until) {
        // Past its end the seat is the next woman's, even before the job has passed it on.
        if (new Date(row.hold_until).getTime() <= now.getTime()) throw new HttpError(409, 'closed', expired)
        await tx.query(SQL.confirmHold, [signupId])
      }
      return byId(tx, signupId)
    })
  }

  /**
   * Passes on every seat whose hold ended unconfirmed by `now`: her sign-up is cancelled with
   * cancelled_because 'hold_expired' and the first on the waitlist is promoted (and told), each under
   * its session's lock and checked again there, so two instances never pass one seat twice. Safe by
   * that design without a job lock (tests/server/jobs.test.ts runs it on two instances at once).
   */
  async expireHolds(now: Date): Promise<number> {
    const due = await this.db.query<{ id: string; session_id: string }>(
      `SELECT id, session_id FROM signups WHERE hold_until <= $1 AND hold_until IS NOT NULL AND status = 'confirmed'
        ORDER BY hold_until LIMIT 200`,
      [now],
    )
    let passed = 0
    for (const d of due) {
      passed += await this.db.transaction(async (tx) => {
        await lockSession(tx, d.session_id)
        const [row] = await tx.query<Pick<Row, 'status' | 'hold_until'>>(SQL.hold, [d.id])
        if (row?.status !== 'confirmed' || !row.hold_until) return 0
        if (new Date(row.hold_until).getTime() > now.getTime()) return 0
        await applyCancellations(tx, d.session_id, [d.id], now)
        await tx.query(`UPDATE signups SET cancelled_because = 'hold_expired', hold_until = NULL WHERE id = $1`, [d.id])
        return 1
      })
    }
    return passed
  }

  /** Deletes every sign-up of this client; seats she held go to the waitlist first. */
  async deleteMine(clientId: string, now: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.query<{ id: string; session_id: string; status: SignupStatus }>(SQL.clientRows, [clientId])
      // Every session she has a row in is locked, in id order, so two deletions never wait on each other.
      const sessionIds = [...new Set(rows.map((r) => r.session_id))].sort()
      for (const sessionId of sessionIds) {
        await lockSession(tx, sessionId)
        await applyCancellations(
          tx,
          sessionId,
          rows.filter((r) => r.session_id === sessionId && r.status !== 'cancelled').map((r) => r.id),
          now,
        )
      }
      const deleted = await tx.query<{ id: string; session_id: string; status: SignupStatus }>(SQL.deleteClient, [
        clientId,
      ])
      for (const sessionId of sessionIds) {
        const gone = deleted.filter((r) => r.session_id === sessionId)
        const d = noDelta()
        for (const r of gone) d[r.status] -= 1
        await addCounts(tx, sessionId, d)
      }
      await tx.query(SQL.forgetOpenid, [clientId])
      return deleted.length
    })
  }

  /**
   * Deletes sign-ups whose session started more than `days` ago, as the privacy notice promises
   * (活动结束后 90 天内删除), by the session's start as it is now (a moved session moves it), and the
   * openids of those with no sign-up left who have not logged in for as long. Returns how many
   * sign-ups went.
   */
  async purgeExpired(now: Date, days = RETENTION_DAYS): Promise<number> {
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
    // Maintenance, not a request: it may take longer than a request's limits allow. One instance
    // at a time (runOnce): the others skip the run, which this one does whole.
    return runOnce(
      this.db,
      'retentionPurge',
      async (tx) => {
        const [gone] = await tx.query<{ n: string | number }>(
          `WITH gone AS (
             DELETE FROM signups g USING sessions x WHERE x.id = g.session_id AND x.starts_at < $1
             RETURNING g.session_id, g.status
           ), counts AS (
             SELECT session_id,
                    count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
                    count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted,
                    count(*) FILTER (WHERE status = 'cancelled') AS cancelled
             FROM gone GROUP BY session_id
           ), counted AS (
             UPDATE sessions SET confirmed_count = confirmed_count - counts.confirmed,
               waitlisted_count = waitlisted_count - counts.waitlisted,
               cancelled_count = cancelled_count - counts.cancelled
             FROM counts WHERE sessions.id = counts.session_id
             RETURNING 1
           )
           SELECT coalesce(sum(confirmed + waitlisted + cancelled), 0) AS n FROM counts`,
          [cutoff],
        )
        // An openid kept for notices goes once she has no sign-up left and has not opened the app
        // within the same period: it serves nothing else.
        await tx.query(
          `DELETE FROM wx_openids o WHERE o.updated_at < $1
             AND NOT EXISTS (SELECT 1 FROM signups g WHERE g.client_id = o.client_id)`,
          [cutoff],
        )
        return Number(gone.n)
      },
      0,
    )
  }

  /** How many of a program's sign-ups stand in each status. */
  async statusCounts(programId: string): Promise<Record<SignupStatus, number>> {
    const [row] = await this.db.query<Record<SignupStatus, string | number>>(SQL.statusCounts, [programId])
    return { confirmed: Number(row.confirmed), waitlisted: Number(row.waitlisted), cancelled: Number(row.cancelled) }
  }

  /**
   * A program's sign-ups in arrival order, with waitlist places: for the organizer. Each comes with
   * the version of the form she filled in (undefined if that version is missing: the caller then
   * uses the form as it is now).
   */
  async roster(
    programId: string,
  ): Promise<Array<{ signup: Signup; answers: Answers; form?: FormField[]; checkedIn?: CheckedIn }>> {
    const rows = await this.db.query<JoinedRow & { checked_in_by: string | null }>(SQL.roster, [programId])
    const versions = await this.db.query<{ version: number; fields: unknown }>(SQL.formVersions, [programId])
    const forms = new Map(versions.map((v) => [Number(v.version), parseJson<FormField[]>(v.fields)]))
    return withWaitlistPositions(rows.map((row) => toRecord(row))).map((r) => ({
      signup: toSignup(r.row, r.waitlistPosition),
      answers: answersOf(r.row),
      form: forms.get(Number(r.row.form_version)),
      ...(r.row.checked_in_at
        ? {
            checkedIn: {
              checkedInAt: iso(r.row.checked_in_at),
              ...(r.row.checked_in_by ? { checkedInBy: r.row.checked_in_by } : {}),
            },
          }
        : {}),
    }))
  }
}

/**
 * Runs cancelAndPromote for each id over the records it can touch (the sign-up itself and the
 * first on the waitlist), writes the statuses that changed and moves the session's counts with them,
 * and records a 'promoted' notice for whoever moved into the seat (holding it, with a hold window).
 */
async function applyCancellations(tx: Queryable, sessionId: string, ids: string[], now: Date): Promise<void> {
  for (const id of ids) {
    const [target] = await tx.query<Row>(SQL.byId, [id])
    if (!target) continue
    const [first] = await tx.query<Row>(SQL.firstWaitlisted, [sessionId, id])
    const before = [target, ...(first ? [first] : [])].map(toRecord)
    const after = cancelAndPromote(before, id)
    const d = noDelta()
    const promoted: string[] = []
    for (const [i, r] of after.entries()) {
      if (before[i].status === r.status) continue
      await tx.query(SQL.setStatus, [r.status, r.id])
      d[before[i].status] -= 1
      d[r.status] += 1
      if (before[i].status === 'waitlisted' && r.status === 'confirmed') promoted.push(r.id)
    }
    await addCounts(tx, sessionId, d)
    // She is told in this transaction's outbox: no promotion without its notice, and none twice.
    await recordPromoted(tx, sessionId, promoted, await holdSeats(tx, sessionId, promoted, now))
  }
}
