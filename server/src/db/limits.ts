// How long the database may keep a request waiting, and the 503 a request gets past that.
import { HttpError } from '../errors'

export interface DbLimits {
  /** Longest wait for a row lock (PostgreSQL lock_timeout); on PGlite, for its one connection. */
  lockTimeoutMs: number
  /** Longest single statement (statement_timeout). */
  statementTimeoutMs: number
  /** A transaction left open and idle this long is ended by the server (idle_in_transaction_session_timeout). */
  idleInTransactionMs: number
  /** Longest wait for a free connection from the pool. */
  acquireTimeoutMs: number
}

/** Seconds, not minutes: a phone gives up after 8 s, and a retry is better than a spinner. */
export const DEFAULT_LIMITS: DbLimits = {
  lockTimeoutMs: 3000,
  statementTimeoutMs: 5000,
  idleInTransactionMs: 10_000,
  acquireTimeoutMs: 3000,
}

/** Migrations, loading content and purging old sign-ups: work that runs rarely and may take long. */
export const MAINTENANCE_LIMITS: DbLimits = {
  lockTimeoutMs: 60_000,
  statementTimeoutMs: 15 * 60_000,
  idleInTransactionMs: 15 * 60_000,
  acquireTimeoutMs: 60_000,
}

/** /api/health answers within a second, whatever the sign-ups are waiting for: its ping gets less. */
export const HEALTH_TIMEOUT_MS = 600

/** Seconds the 503 asks a client to wait before it tries again. */
export const RETRY_AFTER_SECONDS = 2

export const BUSY_MESSAGE = '现在报名的人比较多，请稍等几秒再试'

/** The answer when the database could not serve a request in time. */
export const busy = () => new HttpError(503, 'busy', BUSY_MESSAGE)

/**
 * True for a wait that ran out: PostgreSQL's lock_not_available (lock_timeout) and query_canceled
 * (statement_timeout), pg's pool giving up on a connection, or PGlite's queue.
 */
export function isTimeout(e: unknown): boolean {
  const err = e as { code?: string; message?: string } | undefined
  if (!err) return false
  if (err.code === '55P03' || err.code === '57014') return true
  return typeof err.message === 'string' && err.message.startsWith('timeout exceeded when trying to connect')
}

/** Runs a database call, answering a 503 instead of a timeout. */
export async function boundedCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (e) {
    throw isTimeout(e) ? busy() : e
  }
}
