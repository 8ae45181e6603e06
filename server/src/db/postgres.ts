// A real PostgreSQL server through pg's connection pool: the same SQL as PGlite. Every connection
// that serves requests carries the limits of DbLimits, so no wait is unbounded; health has a
// one-connection pool of its own, so it never queues behind sign-ups.
import pg from 'pg'
import { backupPostgres } from '../backup'
import type { Db, Params, Queryable } from './db'
import { boundedCall, DEFAULT_LIMITS, HEALTH_TIMEOUT_MS, MAINTENANCE_LIMITS, type DbLimits } from './limits'

export async function openPostgres(connectionString: string, limits: DbLimits = DEFAULT_LIMITS, max = 10): Promise<Db> {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: limits.acquireTimeoutMs,
    lock_timeout: limits.lockTimeoutMs,
    statement_timeout: limits.statementTimeoutMs,
    idle_in_transaction_session_timeout: limits.idleInTransactionMs,
  })
  const health = new pg.Pool({
    connectionString,
    max: 1,
    // Kept open, so a ping is one round trip, not a new connection.
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: HEALTH_TIMEOUT_MS,
    statement_timeout: HEALTH_TIMEOUT_MS,
    query_timeout: HEALTH_TIMEOUT_MS,
  })
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  health.on('error', () => undefined)
  await pool.query('SELECT 1')
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: Params = []) {
      return boundedCall(async () => (await pool.query(sql, [...params])).rows as T[])
    },
    async transaction(fn, options = {}) {
      const client = await boundedCall(() => pool.connect())
      try {
        await client.query('BEGIN')
        if (options.maintenance) {
          const m = MAINTENANCE_LIMITS
          // SET takes no parameters; the numbers are our own constants.
          await client.query(
            `SET LOCAL lock_timeout = ${m.lockTimeoutMs}; SET LOCAL statement_timeout = ${m.statementTimeoutMs};` +
              ` SET LOCAL idle_in_transaction_session_timeout = ${m.idleInTransactionMs}`,
          )
        }
        const tx: Queryable = {
          query: <T>(sql: string, params: Params = []) =>
            boundedCall(async () => (await client.query(sql, [...params])).rows as T[]),
        }
        const result = await fn(tx)
        await boundedCall(() => client.query('COMMIT'))
        return result
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    async exec(sql) {
      await pool.query(sql)
    },
    async ping() {
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<'down'>((r) => (timer = setTimeout(() => r('down'), HEALTH_TIMEOUT_MS)))
      const answer = health.query('SELECT 1').then(
        () => 'ok' as const,
        () => 'down' as const,
      )
      try {
        return await Promise.race([answer, late])
      } finally {
        clearTimeout(timer)
      }
    },
    backup: (file) => backupPostgres(connectionString, file),
    async close() {
      await Promise.all([pool.end(), health.end()])
    },
  }
}
