// GET /api/sessions/open: the programs' index (migration 015), written with the card index, and the
// paged read that joins it to the sessions taking sign-ups now.
import {
  decodeOpenSessionCursor,
  encodeOpenSessionCursor,
  toOpenSession,
  type OpenSessionFilter,
  type OpenSessionPage,
} from '../../src/domain/open-sessions'
import type { Topic } from '../../src/domain/types'
import { sessionFromRow, type SessionRow } from './content'
import type { Queryable } from './db/db'

/**
 * Rewrites the federation's program rows from its published document and its card-index row
 * (the region codes); with no card-index row (not published), it has none. Runs inside indexCard,
 * so whatever writes the card index writes these in the same transaction.
 */
export async function indexPrograms(tx: Queryable, federationId: string): Promise<void> {
  await tx.query('DELETE FROM program_index WHERE federation_id = $1', [federationId])
  await tx.query(
    `INSERT INTO program_index (program_id, federation_id, program_title, federation_name, topic, province_code,
       city_code, county_code)
     SELECT p ->> 'id', f.id, p ->> 'title', coalesce(f.doc -> 'federation' ->> 'name', f.name), p ->> 'topic',
       ci.province_code, ci.city_code, ci.county_code
     FROM card_index ci
     JOIN federations f ON f.id = ci.federation_id
     CROSS JOIN jsonb_array_elements(coalesce(f.doc -> 'programs', '[]'::jsonb)) AS p
     WHERE ci.federation_id = $1 AND f.published AND p ->> 'topic' IS NOT NULL
       AND EXISTS (SELECT 1 FROM programs pr WHERE pr.id = p ->> 'id')
     ON CONFLICT (program_id) DO UPDATE SET federation_id = excluded.federation_id,
       program_title = excluded.program_title, federation_name = excluded.federation_name, topic = excluded.topic,
       province_code = excluded.province_code, city_code = excluded.city_code, county_code = excluded.county_code`,
    [federationId],
  )
}

type Row = SessionRow & {
  confirmed_count: number | string
  program_title: string
  federation_id: string
  federation_name: string
  topic: Topic
}

/**
 * The page's SQL: sessions taking sign-ups or waitlist entries at the request's time, by the same
 * rule as signupState (not cancelled, before the deadline and the start, sign-up opened), in the
 * order of sessions_open_by_deadline; the filters are indexed conditions on program_index.
 */
export function openSessionQuery(
  filter: OpenSessionFilter,
  cursor: string | null | undefined,
  size: number,
  now: Date,
) {
  const params: Array<string | number | Date> = []
  const bind = (v: string | number | Date) => `$${params.push(v)}`
  const at = `${bind(now)}::timestamptz`
  const where = [`s.status = 'open'`, `s.deadline_at > ${at}`, `s.starts_at > ${at}`]
  where.push(`(s.opens_at IS NULL OR s.opens_at <= ${at})`)
  if (filter.province) where.push(`pi.province_code = ${bind(filter.province)}`)
  if (filter.city) where.push(`pi.city_code = ${bind(filter.city)}`)
  if (filter.county) where.push(`pi.county_code = ${bind(filter.county)}`)
  if (filter.topic) where.push(`pi.topic = ${bind(filter.topic)}`)
  const after = cursor ? decodeOpenSessionCursor(cursor) : undefined
  if (after)
    where.push(
      `(s.deadline_at, s.id) > (${bind(new Date(after.deadline).toISOString())}::timestamptz, ${bind(after.id)})`,
    )
  const sql = `SELECT s.id, s.program_id, s.title, s.starts_at, s.ends_at, s.deadline_at, s.opens_at, s.online, s.place,
      s.capacity, s.taken, s.confirmed_count, s.status, s.cancel_reason, s.demo,
      pi.program_title, pi.federation_id, pi.federation_name, pi.topic
    FROM sessions s JOIN program_index pi ON pi.program_id = s.program_id
    WHERE ${where.join(' AND ')}
    ORDER BY s.deadline_at, s.id LIMIT ${bind(size + 1)}`
  return { sql, params }
}

/** One page of the list as the database holds it at `now`: seats left count every sign-up held. */
export async function readOpenSessions(
  db: Queryable,
  filter: OpenSessionFilter,
  cursor: string | null | undefined,
  size: number,
  now: Date,
): Promise<OpenSessionPage> {
  const { sql, params } = openSessionQuery(filter, cursor, size, now)
  const rows = await db.query<Row>(sql, params)
  const page = rows.slice(0, size)
  const sessions = page.flatMap((r) => {
    const session = { ...sessionFromRow(r), taken: Number(r.taken) + Number(r.confirmed_count) }
    const row = toOpenSession(
      session,
      {
        programTitle: r.program_title,
        federationId: r.federation_id,
        federationName: r.federation_name,
        topic: r.topic,
      },
      now,
    )
    return row ? [row] : []
  })
  const last = page[page.length - 1]
  return {
    sessions,
    next:
      rows.length > size
        ? encodeOpenSessionCursor({ deadline: new Date(last.deadline_at).getTime(), id: last.id })
        : null,
  }
}
