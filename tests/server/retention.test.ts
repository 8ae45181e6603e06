// The running server deletes expired sign-ups on a schedule, and a run that fails is logged, not lost.
import { Writable } from 'node:stream'
import type { Db } from '../../server/src/db/db'
import { createServer, schedulePurge } from '../../server/src/server'
import { freshDatabase, NOW, testConfig } from './support'

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const until = Date.now() + ms
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('schedulePurge', () => {
  it('runs every interval and logs a failed run with its kind of failure', async () => {
    const runs: Date[] = []
    let fail = false
    const signups = {
      purgeExpired: async (now: Date) => {
        runs.push(now)
        if (fail) throw Object.assign(new Error('connection lost to 13800138000'), { code: '57P01' })
        return 2
      },
    }
    const log = { error: jest.fn(), info: jest.fn() }
    const timer = schedulePurge(signups, () => NOW, log, 5)
    try {
      await waitFor(() => log.info.mock.calls.length > 0)
      expect(log.info).toHaveBeenCalledWith({ deleted: 2 }, '已删除过期报名')
      expect(runs[0]).toBe(NOW)
      fail = true
      await waitFor(() => log.error.mock.calls.length > 0)
      expect(log.error).toHaveBeenCalledWith(
        { failure: { type: 'Error', code: '57P01' } },
        '过期报名没能按时删除，下次再试',
      )
      // The schedule goes on after a failure.
      const after = runs.length
      await waitFor(() => runs.length > after + 1)
    } finally {
      clearInterval(timer)
    }
  })
})

describe('the running server', () => {
  it('reports a failed purge in its log, without the database message', async () => {
    const database = await freshDatabase('pglite')
    const real = await database.open()
    let failing = false
    // The database as the server sees it, with the purge's DELETE failing once switched on.
    const db: Db = {
      kind: real.kind,
      query: (sql, params) => real.query(sql, params),
      transaction: (fn, options) =>
        real.transaction(
          (tx) =>
            fn({
              query: (sql, params) =>
                failing && sql.includes('DELETE FROM signups g USING sessions')
                  ? Promise.reject(Object.assign(new Error('disk full near 13800138000'), { code: '53100' }))
                  : tx.query(sql, params),
            }),
          options,
        ),
      exec: (sql) => real.exec(sql),
      close: () => real.close(),
      backup: (file) => real.backup(file),
      ping: () => real.ping(),
    }
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const started = await createServer(testConfig(), {
      db,
      now: () => NOW,
      logger: { level: 'info', stream },
      purgeEveryMs: 20,
    })
    try {
      failing = true
      await waitFor(() => lines.some((l) => l.includes('过期报名没能按时删除')))
      const line = JSON.parse(lines.find((l) => l.includes('过期报名没能按时删除'))!)
      expect(line).toMatchObject({ level: 50, failure: { type: 'Error', code: '53100' } })
      expect(lines.join('')).not.toContain('13800138000')
    } finally {
      await started.close()
    }
  }, 120_000)
})
