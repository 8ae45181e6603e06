// SIGTERM during a burst of sign-ups (and, on PostgreSQL, with sign-ups waiting on a held lock):
// the server stops taking requests, finishes the ones in flight, closes the database and exits
// within 10 s, and every sign-up it answered with a 2xx is in the database, counted.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import type { Db } from '../../server/src/db/db'
import { openPglite } from '../../server/src/db/pglite'
import { openPostgres } from '../../server/src/db/postgres'
import {
  backends,
  bookedRequest,
  bookerToken,
  countDrift,
  freshDatabase,
  housekeepingBody,
  newKey,
  send,
  tenPerBooker,
} from './support'

import { startApiProcess } from '../../scripts/api-process.cjs'

/** The i-th of 400 different people (two-character names, distinct mobiles). */
const someone = (i: number) => ({
  name: `${'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'[i % 20]}${'芳娜丽敏静秀英华兰霞梅红燕玲云凤洁琴萍娟'[Math.floor(i / 20) % 20]}`,
  mobile: `137${String(i).padStart(8, '0')}`,
})

describe.each(backends())('shutdown on SIGTERM (%s)', (backend) => {
  it('exits within 10 s and keeps every sign-up it answered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jg-stop-'))
    const database = await freshDatabase(backend)
    const api = await startApiProcess({
      PGLITE_DIR: dataDir,
      DATABASE_URL: database.url ?? '',
      RATE_LIMIT_PER_MINUTE: '0',
      // 31 bookers verified from 127.0.0.1: over the 30 codes an address gets a day.
      SMS_PER_ADDRESS_PER_DAY: '100',
    })
    let holder: pg.Client | undefined
    let db: Db | undefined
    try {
      const answered: string[] = []
      const statuses: Record<number, number> = {}
      const signUp = async (i: number, body: unknown) => {
        try {
          const r = await send(api.origin, await bookedRequest(api, `d-stop-${i}`, body, newKey(), tenPerBooker(i)))
          if (r.statusCode >= 200 && r.statusCode < 300) answered.push(JSON.parse(r.body).id)
          statuses[r.statusCode] = (statuses[r.statusCode] ?? 0) + 1
        } catch {
          // Refused once the server stopped listening: never answered, so nothing is owed.
        }
      }
      // Every booker verified before the burst (ten people each), so the burst is sign-ups alone.
      for (let b = 0; b <= 30; b++) await bookerToken(api, tenPerBooker(b * 10))
      const waiting: Array<Promise<void>> = []
      if (database.url) {
        // Another connection holds hb-ml-1's row lock: ten sign-ups for it wait on the lock.
        holder = new pg.Client({ connectionString: database.url })
        await holder.connect()
        await holder.query('BEGIN')
        await holder.query(`SELECT id FROM sessions WHERE id = 'hb-ml-1' FOR UPDATE`)
        for (let i = 300; i < 310; i++) {
          const answers = { ...someone(i), session: 'hb-ml-1' }
          waiting.push(signUp(i, { programId: 'hb-marriage-live', sessionId: 'hb-ml-1', consent: true, answers }))
        }
      }
      // A burst for wd-hk-1 from 8 loops that keep sending until the server is gone.
      let next = 0
      let stopped = false
      const loops = Array.from({ length: 8 }, async () => {
        while (!stopped && next < 250) {
          const i = next++
          await signUp(i, housekeepingBody(someone(i)))
        }
      })
      await new Promise((r) => setTimeout(r, 800))

      const t = performance.now()
      const exited = new Promise<number | null>((resolve) => api.child.once('exit', (code) => resolve(code)))
      api.child.kill('SIGTERM')
      const code = await exited
      const seconds = (performance.now() - t) / 1000
      stopped = true
      await Promise.all([...loops, ...waiting])
      await holder?.query('ROLLBACK')

      if (process.env.SHOW_TIMES) console.log(backend, { seconds, statuses })
      expect(code).toBe(0)
      expect(seconds).toBeLessThan(10)
      expect(answered.length).toBeGreaterThan(0)
      // The sign-ups stuck behind the lock were answered (503 once their wait ran out), not cut off.
      if (database.url) expect(statuses[503]).toBeGreaterThanOrEqual(10)

      db = database.url ? await openPostgres(database.url) : await openPglite(dataDir)
      const stored = await db.query<{ id: string }>('SELECT id FROM signups')
      const ids = new Set(stored.map((r) => r.id))
      expect(answered.filter((id) => !ids.has(id))).toEqual([])
      expect(await countDrift(db)).toEqual([])
    } finally {
      await holder?.end().catch(() => undefined)
      await db?.close()
      await api.stop('SIGKILL')
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 180_000)
})
