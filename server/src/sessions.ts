// Changes to a session by its organizer, at the storage level: moving it or changing its place
// (which bumps its version, so sign-ups made before say 已变更) and cancelling it. Routes for
// organizers call these; each runs inside the caller's transaction and locks the session's row.
import { promoteIntoSeats, type RuleRecord, type SignupStatus } from '../../src/domain/signup-rules'
import { bumpContentVersion, sessionFromRow, type SessionRow } from './content'
import type { Queryable } from './db/db'
import { HttpError, notFound } from './errors'
import { recordPromoted, recordSessionNotice } from './notify'
import { holdSeats } from './holds'

export interface SessionChange {
  title?: string
  startsAt?: Date
  endsAt?: Date
  deadlineAt?: Date
  /** null: opens at once. */
  opensAt?: Date | null
  online?: boolean
  /** null: no place (an online session). */
  place?: string | null
  joinInfo?: string | null
  latitude?: number | null
  longitude?: number | null
  contactPhone?: string | null
  /** null: no hold window. */
  holdHours?: number | null
}

/** The columns each field writes, and whether a change to it is one she must be told about. */
const COLUMNS: Record<keyof SessionChange, { column: string; notify: boolean }> = {
  title: { column: 'title', notify: false },
  startsAt: { column: 'starts_at', notify: true },
  endsAt: { column: 'ends_at', notify: true },
  deadlineAt: { column: 'deadline_at', notify: false },
  opensAt: { column: 'opens_at', notify: false },
  online: { column: 'online', notify: true },
  place: { column: 'place', notify: true },
  joinInfo: { column: 'join_info', notify: true },
  latitude: { column: 'latitude', notify: false },
  longitude: { column: 'longitude', notify: false },
  contactPhone: { column: 'contact_phone', notify: false },
  holdHours: { column: 'hold_hours', notify: false },
}

type Stored = SessionRow & Record<string, unknown> & { version: number }

/** Whether a stored value (a Date, a numeric as text) already equals the new one. */
function same(stored: unknown, value: unknown): boolean {
  if (stored === null || stored === undefined || value === null) return (stored ?? null) === value
  if (value instanceof Date) return new Date(stored as string | Date).getTime() === value.getTime()
  if (typeof value === 'number') return Number(stored) === value
  return stored === value
}

async function locked(tx: Queryable, id: string): Promise<Stored> {
  const [row] = await tx.query<Stored>('SELECT * FROM sessions WHERE id = $1 FOR UPDATE', [id])
  if (!row) throw notFound('没有找到这个场次')
  return row
}

/**
 * Changes a session. A change to its time, place or way of joining bumps its version: every
 * sign-up made for the earlier version then carries sessionChanged, and everyone on it gets a
 * notice. Fields left out stay.
 */
export async function updateSession(tx: Queryable, id: string, change: SessionChange) {
  const before = await locked(tx, id)
  const sets: string[] = []
  const params: Array<string | number | boolean | null | Date> = [id]
  let notify = false
  for (const [key, value] of Object.entries(change) as Array<
    [keyof SessionChange, SessionChange[keyof SessionChange]]
  >) {
    if (value === undefined) continue
    const { column, notify: told } = COLUMNS[key]
    if (same(before[column], value)) continue
    params.push(value)
    sets.push(`${column} = $${params.length}`)
    notify ||= told
  }
  if (!sets.length) return sessionFromRow(before)
  if (notify) sets.push('version = version + 1', 'changed_at = now()')
  const [row] = await tx.query<Stored>(`UPDATE sessions SET ${sets.join(', ')} WHERE id = $1 RETURNING *`, params)
  // Everyone still on it is told, in this transaction: the notice stands or falls with the change.
  if (notify) await recordSessionNotice(tx, id, 'session_changed')
  await bumpContentVersion(tx)
  return sessionFromRow(row)
}

/** Cancels a session with the reason its sign-ups are shown and told; sign-ups stay as they are. */
export async function cancelSession(tx: Queryable, id: string, reason: string) {
  await locked(tx, id)
  const [row] = await tx.query<Stored>(
    `UPDATE sessions SET status = 'cancelled', cancel_reason = $2, changed_at = now() WHERE id = $1 RETURNING *`,
    [id, reason.trim()],
  )
  await recordSessionNotice(tx, id, 'session_cancelled')
  await bumpContentVersion(tx)
  return sessionFromRow(row)
}

/**
 * Sets a session's seats. Fewer than are already taken is refused (409); more seats go to the
 * waitlist first, in arrival order, by the same rule as the app's, in this transaction, with the
 * session's counts moved along; with a hold window, each holds her seat until she confirms. Returns
 * the ids of the sign-ups promoted.
 */
export async function changeCapacity(tx: Queryable, id: string, capacity: number, now: Date): Promise<string[]> {
  const before = await locked(tx, id)
  const held = Number(before.taken) + Number(before.confirmed_count)
  if (capacity < held) {
    throw new HttpError(409, 'invalid', `当前已有 ${held} 人报名成功，名额不能少于 ${held}`, 'capacity')
  }
  if (capacity === Number(before.capacity)) return []
  await tx.query('UPDATE sessions SET capacity = $2 WHERE id = $1', [id, capacity])
  const seats = capacity - held
  const promoted: string[] = []
  if (seats > 0 && Number(before.waitlisted_count) > 0) {
    // Only the first `seats` in line can move: no more rows are read than can be promoted.
    const waiting = await tx.query<{
      id: string
      session_id: string
      status: SignupStatus
      name: string
      mobile: string
      idempotency_key: string
    }>(
      `SELECT id, session_id, status, name, mobile, idempotency_key FROM signups
        WHERE session_id = $1 AND status = 'waitlisted' ORDER BY seq LIMIT $2`,
      [id, seats],
    )
    const records: RuleRecord[] = waiting.map((r) => ({
      id: r.id,
      sessionId: r.session_id,
      status: r.status,
      name: r.name,
      mobile: r.mobile,
      idempotencyKey: r.idempotency_key,
    }))
    for (const [i, r] of promoteIntoSeats(records, id, seats).entries()) {
      if (r.status !== records[i].status) promoted.push(r.id)
    }
    if (promoted.length) {
      await tx.query(
        `UPDATE signups SET status = 'confirmed', updated_at = now() WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(promoted)],
      )
      await tx.query(
        `UPDATE sessions SET confirmed_count = confirmed_count + $2, waitlisted_count = waitlisted_count - $2
          WHERE id = $1`,
        [id, promoted.length],
      )
      await recordPromoted(tx, id, promoted, await holdSeats(tx, id, promoted, now))
    }
  }
  await bumpContentVersion(tx)
  return promoted
}

/**
 * Sets every session's counters from its sign-ups. For bulk loads that insert sign-ups without
 * submit() (seed:scale, the load bench's history): submit and cancel keep the counters themselves.
 */
export const RECOUNT_SESSIONS = `UPDATE sessions SET confirmed_count = c.confirmed, waitlisted_count = c.waitlisted,
    cancelled_count = c.cancelled
  FROM (SELECT session_id,
          count(*) FILTER (WHERE status = 'confirmed') AS confirmed,
          count(*) FILTER (WHERE status = 'waitlisted') AS waitlisted,
          count(*) FILTER (WHERE status = 'cancelled') AS cancelled
        FROM signups GROUP BY session_id) c
  WHERE sessions.id = c.session_id`
