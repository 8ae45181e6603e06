// The audit log: every change an organizer makes, written by audit() inside the transaction of
// the change itself, so a change and its record are committed together or not at all.
import type { AuditAction } from '../../src/domain/audit-actions'
import type { Queryable } from './db/db'

/**
 * Who made a change and when (the server's clock): an organizer, or (accountId null) the command
 * line or the server itself.
 */
export interface Actor {
  federationId: string
  accountId: number | null
  at: Date
}

export type { AuditAction }

export interface AuditEntry {
  id: number
  at: string
  action: AuditAction
  target: string | null
  detail: Record<string, unknown>
  account: { id: number; login: string; displayName: string } | null
}

/** Records one change; `tx` is the transaction making it. */
export async function audit(
  tx: Queryable,
  actor: Actor,
  action: AuditAction,
  target: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (federation_id, account_id, action, target, detail, at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [actor.federationId, actor.accountId, action, target, JSON.stringify(detail), actor.at],
  )
}

interface Row {
  id: string | number
  at: Date | string
  action: AuditAction
  target: string | null
  detail: Record<string, unknown> | string
  account_id: string | number | null
  login: string | null
  display_name: string | null
}

/** One federation's entries, newest first, before the entry `before` (paging by id). */
export async function auditPage(
  db: Queryable,
  federationId: string,
  options: { before?: number; limit: number },
): Promise<AuditEntry[]> {
  const rows = await db.query<Row>(
    `SELECT l.id, l.at, l.action, l.target, l.detail, l.account_id, a.login, a.display_name
       FROM audit_log l LEFT JOIN accounts a ON a.id = l.account_id
      WHERE l.federation_id = $1 AND ($2::bigint IS NULL OR l.id < $2)
      ORDER BY l.id DESC
      LIMIT $3`,
    [federationId, options.before ?? null, options.limit],
  )
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    action: r.action,
    target: r.target,
    detail: typeof r.detail === 'string' ? (JSON.parse(r.detail) as Record<string, unknown>) : r.detail,
    account:
      r.account_id === null
        ? null
        : { id: Number(r.account_id), login: r.login ?? '', displayName: r.display_name ?? '' },
  }))
}
