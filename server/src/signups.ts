// Sign-ups in the database. Every change to a session's sign-ups happens in a transaction that
// first locks that session's row, so seats are counted one sign-up at a time, in arrival order,
// and the same pure rules as the app's (decide, cancelAndPromote) decide each step.
import { randomUUID } from 'node:crypto'
import type { Answers, Signup } from '../../src/services/api'
import { isDemoProgram, programSessions } from '../../src/domain/sessions'
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
import type { Program, Session } from '../../src/domain/types'
import { inBeijing, toIso } from '../../src/utils/date'
import type { Content } from './content'
import type { Db, Queryable } from './db/db'
import { HttpError, invalid, notFound } from './errors'
import { personNameKey } from './name-key'

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
}

type StoredRecord = RuleRecord & { row: Row }

/** A sign-up as its row holds it; whether its session is demo data comes from the content (see Signups.mark). */
type RowSignup = Omit<Signup, 'demo'>

const toRecord = (row: Row): StoredRecord => ({
  id: row.id,
  sessionId: row.session_id,
  status: row.status,
  name: row.name,
  mobile: row.mobile,
  idempotencyKey: row.idempotency_key,
  row,
})

export function toSignup(row: Row, waitlistPosition?: number): RowSignup {
  return {
    id: row.id,
    programId: row.program_id,
    programTitle: row.program_title,
    federationName: row.federation_name,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    sessionStart: row.session_start,
    online: row.online,
    ...(row.place ? { place: row.place } : {}),
    status: row.status,
    ...(waitlistPosition ? { waitlistPosition } : {}),
    name: row.name,
    mobile: row.mobile,
    createdAt: toIso(inBeijing(row.created_at)),
  }
}

export function answersOf(row: Row): Answers {
  return (typeof row.answers === 'string' ? JSON.parse(row.answers) : row.answers) as Answers
}

/** Locks the session's row; every change to its sign-ups waits here for the one before it. */
async function lockSession(tx: Queryable, sessionId: string): Promise<void> {
  await tx.query('SELECT id FROM sessions WHERE id = $1 FOR UPDATE', [sessionId])
}

async function sessionRecords(tx: Queryable, sessionId: string): Promise<StoredRecord[]> {
  const rows = await tx.query<Row>('SELECT * FROM signups WHERE session_id = $1 ORDER BY seq', [sessionId])
  return withWaitlistPositions(rows.map(toRecord))
}

/** A sign-up as its client sees it: a waitlisted one with its place, counted in arrival order. */
async function withPlace(q: Queryable, row: Row): Promise<RowSignup> {
  if (row.status !== 'waitlisted') return toSignup(row)
  const [ahead] = await q.query<{ n: string | number }>(
    `SELECT count(*) AS n FROM signups WHERE session_id = $1 AND status = 'waitlisted' AND seq <= $2`,
    [row.session_id, row.seq],
  )
  return toSignup(row, Number(ahead.n))
}

/** The sign-up this client sent with this idempotency key before, if any. */
async function byKey(q: Queryable, clientId: string, key: string): Promise<RowSignup | undefined> {
  const [row] = await q.query<Row>('SELECT * FROM signups WHERE client_id = $1 AND idempotency_key = $2', [
    clientId,
    key,
  ])
  return row ? withPlace(q, row) : undefined
}

async function byId(q: Queryable, id: string): Promise<RowSignup> {
  const [row] = await q.query<Row>('SELECT * FROM signups WHERE id = $1', [id])
  return withPlace(q, row)
}

/** Days after a session starts that its sign-ups are kept (the privacy notice says 90). */
export const RETENTION_DAYS = 90

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === '23505'

export interface SubmitInput {
  clientId: string
  idempotencyKey: string
  programId: string
  sessionId: string
  answers: Answers
  now: Date
}

export class Signups {
  constructor(
    private readonly db: Db,
    private readonly content: Content,
  ) {}

  /**
   * Adds whether the sign-up's session is demo data, from its program in the content, so the
   * answer matches the built-in mock's. A program no longer in the content can only have had
   * demo sessions: the catalog has never accepted any other kind.
   */
  private mark(signup: RowSignup): Signup {
    const found = this.content.program(signup.programId)
    return { ...signup, demo: found ? isDemoProgram(found.program) : true }
  }

  /** The program's sessions for `now`, each `taken` counting the demo seats and the confirmed sign-ups. */
  async sessionsOf(program: Program, now: Date): Promise<Session[]> {
    const counts = await this.db.query<{ session_id: string; n: string | number }>(
      `SELECT session_id, count(*) AS n FROM signups WHERE program_id = $1 AND status = 'confirmed' GROUP BY session_id`,
      [program.id],
    )
    const confirmed = new Map(counts.map((c) => [c.session_id, Number(c.n)]))
    return programSessions(program, now).map((s) => ({ ...s, taken: s.taken + (confirmed.get(s.id) ?? 0) }))
  }

  /** Returns the sign-up and whether it is new (false when the idempotency key was seen before). */
  async submit(input: SubmitInput): Promise<{ signup: Signup; created: boolean }> {
    const { clientId, idempotencyKey, now } = input
    const found = this.content.program(input.programId)
    if (!found) throw notFound('没有找到这个项目，可能已下线', 'programId')
    const { file, program } = found

    const again = await byKey(this.db, clientId, idempotencyKey)
    if (again) return { signup: this.mark(again), created: false }

    const session = programSessions(program, now).find((s) => s.id === input.sessionId)
    if (!session || !program.signup) throw notFound('没有找到这个场次，请重新选择', 'session')
    const closed = closedMessage(session, now)
    if (closed) throw new HttpError(409, 'closed', closed, 'session')

    // The same validator as the form: the server never trusts what the phone checked.
    const checked = validateSignup(
      program.signup.form,
      { ...input.answers, session: session.id },
      { sessionIds: [session.id] },
    )
    if (!checked.ok) throw invalid(checked.errors[0].message, checked.errors[0].field)
    const name = String(checked.values.name ?? '')
    const mobile = String(checked.values.mobile ?? '')
    // The same person however her name was typed; the name is stored as she typed it.
    const nameKey = personNameKey(name)

    try {
      return await this.db.transaction(async (tx) => {
        await lockSession(tx, session.id)
        // Counted in SQL under the lock: the same facts the mock counts from its list.
        const [counts] = await tx.query<{ confirmed: string | number; same_person: boolean | null }>(
          `SELECT count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
                  bool_or(status <> 'cancelled' AND name_key = $2 AND mobile = $3) AS same_person
           FROM signups WHERE session_id = $1`,
          [session.id, nameKey, mobile],
        )
        const decision = decide(
          {
            again: await byKey(tx, clientId, idempotencyKey),
            samePerson: counts.same_person === true,
            confirmed: Number(counts.confirmed),
          },
          session,
          name,
          now,
        )
        if (decision.kind === 'closed') throw new HttpError(409, 'closed', decision.message, 'session')
        if (decision.kind === 'duplicate') throw new HttpError(409, 'duplicate', decision.message, 'name')
        if (decision.kind === 'again') return { signup: this.mark(decision.record), created: false }
        const [row] = await tx.query<Row>(
          `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
             program_title, federation_name, session_title, session_start, online, place, created_at, name_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
           RETURNING *`,
          [
            `su_${randomUUID()}`,
            clientId,
            idempotencyKey,
            session.id,
            program.id,
            decision.status,
            name,
            mobile,
            JSON.stringify(checked.values),
            program.title,
            file.federation.name,
            session.title,
            session.start,
            session.online,
            session.place ?? null,
            now,
            nameKey,
          ],
        )
        return { signup: this.mark(await withPlace(tx, row)), created: true }
      })
    } catch (e) {
      // The same key sent twice at once for different sessions: the first one stands.
      if (isUniqueViolation(e)) {
        const first = await byKey(this.db, clientId, idempotencyKey)
        if (first) return { signup: this.mark(first), created: false }
      }
      throw e
    }
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
        await this.db.query('UPDATE signups SET name_key = $1 WHERE id = $2', [personNameKey(r.name), r.id])
      }
      filled += rows.length
    }
  }

  /** This client's sign-ups, newest first. */
  async mine(clientId: string): Promise<Signup[]> {
    // The place for every row in one query (a list can be long), the same count as withPlace's.
    const rows = await this.db.query<Row & { position: string | number | null }>(
      `SELECT s.*, CASE WHEN s.status = 'waitlisted' THEN (
           SELECT count(*) FROM signups w WHERE w.session_id = s.session_id AND w.status = 'waitlisted' AND w.seq <= s.seq
         ) END AS position
       FROM signups s WHERE s.client_id = $1 ORDER BY s.seq DESC`,
      [clientId],
    )
    return rows.map((r) => this.mark(toSignup(r, r.position === null ? undefined : Number(r.position))))
  }

  /**
   * Cancels one of this client's sign-ups, until its session starts (the app's canCancel rule);
   * another client's id is "not found", never "forbidden".
   */
  async cancel(clientId: string, signupId: string, now: Date): Promise<Signup> {
    const [owned] = await this.db.query<{ session_id: string; session_start: string; status: SignupStatus }>(
      'SELECT session_id, session_start, status FROM signups WHERE id = $1 AND client_id = $2',
      [signupId, clientId],
    )
    if (!owned) throw notFound('没有找到这条报名记录')
    const check = canCancel({ status: owned.status, sessionStart: owned.session_start }, now)
    if (check.kind === 'started') throw new HttpError(409, 'closed', check.message)
    return this.db.transaction(async (tx) => {
      await lockSession(tx, owned.session_id)
      await applyCancellations(tx, owned.session_id, [signupId])
      return this.mark(await byId(tx, signupId))
    })
  }

  /** Deletes every sign-up of this client; seats she held go to the waitlist first. */
  async deleteMine(clientId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const live = await tx.query<{ id: string; session_id: string }>(
        `SELECT id, session_id FROM signups WHERE client_id = $1 AND status <> 'cancelled'`,
        [clientId],
      )
      // Sessions locked in id order, so two deletions can never wait on each other.
      const sessionIds = [...new Set(live.map((r) => r.session_id))].sort()
      for (const sessionId of sessionIds) {
        await lockSession(tx, sessionId)
        await applyCancellations(
          tx,
          sessionId,
          live.filter((r) => r.session_id === sessionId).map((r) => r.id),
        )
      }
      const deleted = await tx.query<{ id: string }>('DELETE FROM signups WHERE client_id = $1 RETURNING id', [
        clientId,
      ])
      return deleted.length
    })
  }

  /**
   * Deletes sign-ups whose session started more than `days` ago, as the privacy notice promises
   * (活动结束后 90 天内删除). Returns how many went.
   */
  async purgeExpired(now: Date, days = RETENTION_DAYS): Promise<number> {
    const cutoff = new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
    const gone = await this.db.query<{ id: string }>(
      'DELETE FROM signups WHERE session_start::timestamptz < $1 RETURNING id',
      [cutoff],
    )
    return gone.length
  }

  /** How many of a program's sign-ups stand in each status. */
  async statusCounts(programId: string): Promise<Record<SignupStatus, number>> {
    const rows = await this.db.query<{ status: SignupStatus; n: string | number }>(
      'SELECT status, count(*) AS n FROM signups WHERE program_id = $1 GROUP BY status',
      [programId],
    )
    const counts: Record<SignupStatus, number> = { confirmed: 0, waitlisted: 0, cancelled: 0 }
    for (const r of rows) counts[r.status] = Number(r.n)
    return counts
  }

  /** A program's sign-ups in arrival order, with waitlist places: for the organizer. */
  async roster(programId: string): Promise<Array<{ signup: Signup; answers: Answers }>> {
    const rows = await this.db.query<Row>('SELECT * FROM signups WHERE program_id = $1 ORDER BY seq', [programId])
    return withWaitlistPositions(rows.map(toRecord)).map((r) => ({
      signup: this.mark(toSignup(r.row, r.waitlistPosition)),
      answers: answersOf(r.row),
    }))
  }
}

/** Runs cancelAndPromote over the locked session's records and writes the statuses that changed. */
async function applyCancellations(tx: Queryable, sessionId: string, ids: string[]): Promise<void> {
  const before = await sessionRecords(tx, sessionId)
  const after = ids.reduce((records, id) => cancelAndPromote(records, id), before)
  const was = new Map(before.map((r) => [r.id, r.status]))
  for (const r of after) {
    if (was.get(r.id) !== r.status) {
      await tx.query('UPDATE signups SET status = $1, updated_at = now() WHERE id = $2', [r.status, r.id])
    }
  }
}
