// The rate limit's counts in the database (table rate_limits), so every server instance on it
// counts one limit: a store for @fastify/rate-limit that fails open when the database does.
import type { FastifyBaseLogger } from 'fastify'
import type { FastifyRateLimitStore } from '@fastify/rate-limit'
import type { Queryable } from '../db/db'

/**
 * The window is the key's own, from its first request, on the database's clock: instances on
 * different machines agree on it, and no window edge splits a burst in two.
 */
export const RATE_LIMIT_SQL = {
  hit: `INSERT INTO rate_limits AS r (key, window_start, hits) VALUES ($1, statement_timestamp(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN r.window_start <= statement_timestamp() - $2::integer * interval '1 millisecond'
        THEN statement_timestamp() ELSE r.window_start END,
      hits = CASE WHEN r.window_start <= statement_timestamp() - $2::integer * interval '1 millisecond'
        THEN 1 ELSE r.hits + 1 END
    RETURNING hits,
      ceil(extract(epoch FROM r.window_start + $2::integer * interval '1 millisecond' - statement_timestamp()) * 1000)
        AS ttl_ms`,
  sweep: `DELETE FROM rate_limits WHERE window_start < statement_timestamp() - $1::integer * interval '1 millisecond'`,
} as const

/** After a failure the database is left alone this long: requests pass at once instead of waiting on it. */
export const FAIL_OPEN_MS = 5000

type Log = Pick<FastifyBaseLogger, 'error' | 'info'>

/** The kind of failure only, as for failed requests: a database message could quote a key (an address). */
const failure = (e: unknown) => {
  const err = e as { name?: string; code?: string }
  return { type: err.name, code: err.code }
}

/**
 * One per app. Windows that ended are swept on the way, at most once per window per instance.
 * Monotonic time paces the sweep and the pause after a failure; it never dates anything.
 */
export class DbRateLimitStore implements FastifyRateLimitStore {
  private failing = false
  private pausedUntil = 0
  private nextSweep = 0

  constructor(
    private readonly db: Queryable,
    private readonly log: Log,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  incr(key: string, cb: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
    const t = this.clock()
    // Fail open: the plugin (skipOnError) lets the request through on an error.
    if (t < this.pausedUntil) return cb(new Error('rate-limit store paused after a database failure'))
    if (t >= this.nextSweep) {
      this.nextSweep = t + timeWindow
      this.db.query(RATE_LIMIT_SQL.sweep, [timeWindow]).catch((e: unknown) => this.failed(e))
    }
    this.db.query<{ hits: number; ttl_ms: number | string }>(RATE_LIMIT_SQL.hit, [key, timeWindow]).then(
      ([row]) => {
        if (this.failing) {
          this.failing = false
          this.log.info('限流计数恢复使用数据库')
        }
        cb(null, { current: Number(row.hits), ttl: Math.max(0, Number(row.ttl_ms)) })
      },
      (e: unknown) => {
        this.failed(e)
        cb(e instanceof Error ? e : new Error(String(e)))
      },
    )
  }

  child(): FastifyRateLimitStore {
    // Routes set no limits of their own: one store, one table.
    return this
  }

  /** Logged once per outage, not once per request: the API keeps answering without the limit. */
  private failed(e: unknown) {
    this.pausedUntil = this.clock() + FAIL_OPEN_MS
    if (this.failing) return
    this.failing = true
    this.log.error({ failure: failure(e) }, '限流计数暂时用不了数据库，请求先不限流，照常处理')
  }
}
