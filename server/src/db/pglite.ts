// Embedded Postgres: a data folder on disk (or memory for tests), one connection, nothing to install.
// Work takes turns on that connection; a request that cannot get its turn within the lock limit
// gets the 503 instead of waiting on, the same bound PostgreSQL's lock_timeout gives.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { backupPglite } from '../backup'
import type { Db, Params } from './db'
import { busy, DEFAULT_LIMITS, HEALTH_TIMEOUT_MS, MAINTENANCE_LIMITS, type DbLimits } from './limits'

/** One at a time, in arrival order; a waiter that runs out of patience leaves the line. */
export class Turns {
  private tail: Promise<void> = Promise.resolve()

  async run<T>(waitMs: number, fn: () => Promise<T>): Promise<T> {
    const before = this.tail
    let release!: () => void
    const done = new Promise<void>((r) => (release = r))
    this.tail = before.then(() => done)
    let timer: NodeJS.Timeout | undefined
    const late = new Promise<'late'>((r) => (timer = setTimeout(() => r('late'), waitMs)))
    const turn = await Promise.race([before.then(() => 'now' as const), late])
    clearTimeout(timer)
    if (turn === 'late') {
      // Gone from the line: the one behind goes as soon as the one before is done.
      void before.then(release)
      throw busy()
    }
    try {
      // Each turn starts on a fresh pass of the event loop: a line of waiters would otherwise run
      // back to back in one chain of promises, and no request (not even health) could be read meanwhile.
      await new Promise<void>((r) => setImmediate(r))
      return await fn()
    } finally {
      release()
    }
  }
}

/** Extensions every PGlite the server opens loads, restores included. */
export const PGLITE_EXTENSIONS = { pg_trgm }

export async function openPglite(dataDir?: string, limits: DbLimits = DEFAULT_LIMITS): Promise<Db> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  // pg_trgm: the card search's index (migration 012). Memory when no folder is given: extensions load only so.
  const pg = new PGlite(dataDir ?? 'memory://', { extensions: PGLITE_EXTENSIONS })
  await pg.waitReady
  const turns = new Turns()
  const wait = limits.lockTimeoutMs
  return {
    kind: 'pglite',
    query<T>(sql: string, params: Params = []) {
      return turns.run(wait, async () => (await pg.query<T>(sql, [...params])).rows)
    },
    transaction(fn, options = {}) {
      // One transaction at a time on the single connection: others wait their turn, up to the limit.
      return turns.run(options.maintenance ? MAINTENANCE_LIMITS.lockTimeoutMs : wait, () =>
        pg.transaction((tx) =>
          fn({ query: async <T>(sql: string, params: Params = []) => (await tx.query<T>(sql, [...params])).rows }),
        ),
      )
    },
    exec(sql) {
      return turns.run(MAINTENANCE_LIMITS.lockTimeoutMs, async () => {
        await pg.exec(sql)
      })
    },
    async ping() {
      try {
        await turns.run(HEALTH_TIMEOUT_MS, () => pg.query('SELECT 1'))
        return 'ok'
      } catch (e) {
        return (e as { status?: number }).status === 503 ? 'busy' : 'down'
      }
    },
    // The dump takes a turn like any other work, so it never runs inside someone's transaction.
    backup: (file) => turns.run(MAINTENANCE_LIMITS.lockTimeoutMs, () => backupPglite(pg, file)),
    close: () => turns.run(MAINTENANCE_LIMITS.lockTimeoutMs, () => pg.close()),
  }
}
