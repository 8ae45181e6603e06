// E-tickets and check-in at the door: the QR token (signed, never stored), the code to read out,
// and the check-in itself, which is one conditional UPDATE so two staff phones scanning the same
// ticket at once still make one check-in.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { maskMobile } from '../../src/domain/mobile'
import type { SignupStatus } from '../../src/domain/signup-rules'
import { normalizeTicketCode, TICKET_CODE_SPACE, ticketCodeOf, type CheckinResult } from '../../src/domain/tickets'
import { audit, type Actor } from './audit'
import { iso } from './content'
import type { Db, Queryable } from './db/db'
import { HttpError, invalid, notFound } from './errors'
import { LIMITS } from './http/limits'
import type { CheckinAnswer, CheckinCounts, CheckinSearchRow } from '../../src/services/workspace'

/** What her 我的报名 carries for a confirmed sign-up: the QR's token and the code to read out. */
export type { SignupTicket as Ticket } from '../../src/services/api'

const TOKEN_VERSION = 't1'
/** 128 bits of the HMAC: as hard to forge as the whole, and a smaller QR on a dim phone screen. */
const MAC_BYTES = 16

const macOf = (secret: string, signupId: string): Buffer =>
  createHmac('sha256', secret).update(`${TOKEN_VERSION}.${signupId}`).digest().subarray(0, MAC_BYTES)

/** `t1.<signupId>.<mac>`: whoever holds it can show it, no one can make one for another id. */
export function ticketToken(secret: string, signupId: string): string {
  return `${TOKEN_VERSION}.${signupId}.${macOf(secret, signupId).toString('base64url')}`
}

/** The sign-up a token was made for; undefined when it was not made with this secret or was changed. */
export function signupIdOfToken(secret: string, token: string): string | undefined {
  const parts = token.trim().split('.')
  if (parts.length !== 3 || parts[0] !== TOKEN_VERSION) return undefined
  const [, signupId, mac] = parts
  if (!signupId || signupId.length > LIMITS.idLength || !/^[A-Za-z0-9_-]+$/.test(mac)) return undefined
  const given = Buffer.from(mac, 'base64url')
  const expected = macOf(secret, signupId)
  // Same length first: timingSafeEqual throws otherwise. The length says nothing about the key.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  // base64url decoding ignores stray trailing bits: only the exact text the server wrote passes.
  return given.toString('base64url') === mac ? signupId : undefined
}

/**
 * Codes to try for a new sign-up: the insert takes the first its session has not given, under the
 * session's lock. With hundreds of millions of codes and thousands given per session, the first is
 * almost always free.
 */
export const ticketCandidates = (n = 3): string[] =>
  Array.from({ length: n }, () => ticketCodeOf(randomInt(TICKET_CODE_SPACE)))

export const TICKET_NOT_FOUND = '没有找到这张电子票'

// Scalar subqueries, not joins: one primary-key lookup per row, whatever the size of those tables.
/** The staff member who checked her in, by name. */
export const CHECKED_IN_BY = '(SELECT a.display_name FROM accounts a WHERE a.id = g.checked_in_by) AS checked_in_by'
const FEDERATION = '(SELECT p.federation_id FROM programs p WHERE p.id = x.program_id) AS federation_id'
const TICKET_COLUMNS = `g.id, g.session_id, g.status, g.name, g.mobile, g.checked_in_at, ${CHECKED_IN_BY},
  x.title AS session_title, ${FEDERATION}`

/** Every query of check-in, by name: tests/server/query-plans.test.ts EXPLAINs each one. */
export const CHECKIN_SQL = {
  /** The session and the federation whose program it is. */
  session: `SELECT x.id, x.title, x.confirmed_count, ${FEDERATION} FROM sessions x WHERE x.id = $1`,
  byId: `SELECT ${TICKET_COLUMNS} FROM signups g JOIN sessions x ON x.id = g.session_id WHERE g.id = $1`,
  byCode: `SELECT ${TICKET_COLUMNS} FROM signups g JOIN sessions x ON x.id = g.session_id
    WHERE g.session_id = $1 AND g.ticket_code = $2`,
  /** The check-in: only a confirmed sign-up not yet checked in; the row lock makes a second one wait, then find it set. */
  checkIn: `UPDATE signups SET checked_in_at = $2, checked_in_by = $3
    WHERE id = $1 AND status = 'confirmed' AND checked_in_at IS NULL
    RETURNING checked_in_at`,
  checkedIn: `SELECT count(*) AS n FROM signups WHERE session_id = $1 AND checked_in_at IS NOT NULL AND status = 'confirmed'`,
  /** By the last 4 digits of the mobile ($2) or a part of the name ($3); at most 20. */
  search: `SELECT g.id, g.status, g.name, g.mobile, g.ticket_code, g.checked_in_at, ${CHECKED_IN_BY}
    FROM signups g
    WHERE g.session_id = $1 AND (CASE WHEN $2::text IS NULL THEN strpos(g.name, $3) > 0 ELSE right(g.mobile, 4) = $2 END)
    ORDER BY g.seq LIMIT 20`,
} as const

interface TicketRow {
  id: string
  session_id: string
  status: SignupStatus
  name: string
  mobile: string
  checked_in_at: Date | string | null
  checked_in_by: string | null
  session_title: string
  federation_id: string
}

// The answers' shapes are the app's (src/services/workspace.ts): one definition for both sides.
export type { CheckinAnswer, CheckinCounts, CheckinSearchRow }

/** A check-in as the roster and the door show it: when, and the staff member's name. */
const checkedInFields = (row: { checked_in_at: Date | string | null; checked_in_by: string | null }) =>
  row.checked_in_at
    ? { checkedInAt: iso(row.checked_in_at), ...(row.checked_in_by ? { checkedInBy: row.checked_in_by } : {}) }
    : {}

const answerOf = (result: CheckinResult, row: TicketRow): CheckinAnswer => ({
  result,
  signup: { id: row.id, name: row.name, mobile: maskMobile(row.mobile), sessionTitle: row.session_title },
  ...(result === 'already' || result === 'checked_in' ? checkedInFields(row) : {}),
})

export type TicketInput = { token: string } | { code: string }

/** What the body names: a scanned token or a typed code, exactly one; anything else is a Chinese 400. */
export function checkCheckinBody(body: unknown): { sessionId: string; ticket: TicketInput } {
  const { sessionId, token, code } = (body ?? {}) as Record<string, unknown>
  if (typeof sessionId !== 'string' || !sessionId || sessionId.length > LIMITS.idLength) {
    throw invalid('请先选择场次', 'sessionId')
  }
  if (typeof token === 'string' && token && code === undefined) return { sessionId, ticket: { token } }
  if (typeof code === 'string' && code && token === undefined) return { sessionId, ticket: { code } }
  throw invalid('请扫描电子票上的二维码，或输入票上的6位入场码', 'token')
}

export class Checkins {
  constructor(
    private readonly db: Db,
    private readonly secret: string,
  ) {}

  /** The session, when it is one of her federation's: 404 when there is none, 403 when it is another's. */
  private async ownSession(q: Queryable, federationId: string, sessionId: string) {
    const [row] = await q.query<{ id: string; title: string; confirmed_count: number; federation_id: string }>(
      CHECKIN_SQL.session,
      [sessionId],
    )
    if (!row) throw notFound('没有找到这个场次')
    if (row.federation_id !== federationId) throw new HttpError(403, 'forbidden', '这不是你所在妇联的场次')
    return row
  }

  /** The sign-up the ticket names; a forged token, an unknown code or another federation's ticket is 404. */
  private async find(federationId: string, sessionId: string, ticket: TicketInput): Promise<TicketRow> {
    let row: TicketRow | undefined
    if ('token' in ticket) {
      const id = signupIdOfToken(this.secret, ticket.token)
      if (id) [row] = await this.db.query<TicketRow>(CHECKIN_SQL.byId, [id])
    } else {
      // A code belongs to one session: it is looked up only in the session being checked in.
      const code = normalizeTicketCode(ticket.code)
      if (code) [row] = await this.db.query<TicketRow>(CHECKIN_SQL.byCode, [sessionId, code])
    }
    // Another federation's ticket says nothing about that federation's sign-ups.
    if (!row || row.federation_id !== federationId)
      throw notFound(TICKET_NOT_FOUND, 'token' in ticket ? 'token' : 'code')
    return row
  }

  async checkIn(actor: Actor, sessionId: string, ticket: TicketInput): Promise<CheckinAnswer> {
    await this.ownSession(this.db, actor.federationId, sessionId)
    const row = await this.find(actor.federationId, sessionId, ticket)
    if (row.session_id !== sessionId) return answerOf('wrong_session', row)
    if (row.status !== 'confirmed') return answerOf(row.status, row)
    const done = await this.db.transaction(async (tx) => {
      const [set] = await tx.query<{ checked_in_at: Date | string }>(CHECKIN_SQL.checkIn, [
        row.id,
        actor.at,
        actor.accountId,
      ])
      if (!set) return false
      await audit(tx, actor, 'checkin', row.id, { sessionId, by: 'token' in ticket ? 'qr' : 'code' })
      return true
    })
    // Not set by this request: checked in a moment ago by another phone (or cancelled meanwhile).
    const [now] = await this.db.query<TicketRow>(CHECKIN_SQL.byId, [row.id])
    if (!now) throw notFound(TICKET_NOT_FOUND, 'token')
    if (done) return answerOf('checked_in', now)
    return answerOf(now.status === 'confirmed' ? 'already' : now.status, now)
  }

  async counts(federationId: string, sessionId: string): Promise<CheckinCounts> {
    const session = await this.ownSession(this.db, federationId, sessionId)
    return this.countsOf(session)
  }

  private async countsOf(session: { id: string; confirmed_count: number }): Promise<CheckinCounts> {
    const [row] = await this.db.query<{ n: string | number }>(CHECKIN_SQL.checkedIn, [session.id])
    const confirmed = Number(session.confirmed_count)
    const checkedIn = Number(row.n)
    return { confirmed, checkedIn, absent: Math.max(0, confirmed - checkedIn) }
  }

  /**
   * Her sign-up found by the last 4 digits of her mobile (4 digits typed) or a part of her name,
   * with the session's counts; nothing typed finds no one.
   */
  async search(
    federationId: string,
    sessionId: string,
    q: string,
  ): Promise<{ counts: CheckinCounts; rows: CheckinSearchRow[] }> {
    const session = await this.ownSession(this.db, federationId, sessionId)
    const text = q.trim()
    const rows = text
      ? await this.db.query<{
          id: string
          status: SignupStatus
          name: string
          mobile: string
          ticket_code: string | null
          checked_in_at: Date | string | null
          checked_in_by: string | null
        }>(CHECKIN_SQL.search, [sessionId, /^\d{4}$/.test(text) ? text : null, text])
      : []
    return {
      counts: await this.countsOf(session),
      rows: rows.map((r) => ({
        id: r.id,
        name: r.name,
        mobile: maskMobile(r.mobile),
        status: r.status,
        ...(r.ticket_code ? { code: r.ticket_code } : {}),
        ...checkedInFields(r),
      })),
    }
  }
}
