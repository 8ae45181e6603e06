// The rate limit counted in the database: two instances count one limit, windows that ended are
// swept, and a database failure lets requests through (fail open) with one line in the log.
import { Writable } from 'node:stream'
import { signBooker } from '../../server/src/booker'
import { DEV_BOOKER_SECRET } from '../../server/src/config'
import type { Queryable } from '../../server/src/db/db'
import { DbRateLimitStore, FAIL_OPEN_MS } from '../../server/src/http/rate-limit-store'
import { backends, NOW, startSecondInstance, startTestServer, type Reply, type TestServer } from './support'

const json = (r: Reply) => JSON.parse(r.body)
const LIMITS = { rateLimitPerMinute: 3, rateLimitPerAddressPerMinute: 4 }
const token = (subject: string) =>
  signBooker({ kind: 'mobile', subject }, DEV_BOOKER_SECRET, new Date(NOW.getTime() + 24 * 60 * 60 * 1000)).token

let devices = 0
/** A request from a new device id each time, with a booker token when given. */
const mine = (server: TestServer, bookerToken?: string) =>
  server.inject({
    method: 'GET',
    url: '/api/signups/mine',
    headers: { 'x-device-id': `d-ratelimit-${++devices}`, ...(bookerToken ? { 'x-booker-token': bookerToken } : {}) },
  })

describe('the store by itself', () => {
  const log = () => ({ error: jest.fn(), info: jest.fn() })
  const incr = (store: DbRateLimitStore, key = 'a:10.0.0.1') =>
    new Promise<{ error: Error | null; current?: number }>((resolve) =>
      store.incr(key, (error, result) => resolve({ error, current: result?.current }), 60_000),
    )

  it('fails open, logs an outage once, leaves the database alone for a while, and says when it is back', async () => {
    let down = true
    const queries: string[] = []
    const db: Queryable = {
      async query<T>(sql: string) {
        queries.push(sql)
        if (down) throw Object.assign(new Error('connection refused: 10.0.0.1'), { code: 'ECONNREFUSED' })
        return (sql.startsWith('INSERT') ? [{ hits: 1, ttl_ms: '60000' }] : []) as T[]
      },
    }
    let t = 0
    const logged = log()
    const store = new DbRateLimitStore(db, logged, () => t)
    expect((await incr(store)).error).toBeInstanceOf(Error)
    const asked = queries.length
    t += 1000
    expect((await incr(store)).error).toBeInstanceOf(Error)
    expect((await incr(store)).error).toBeInstanceOf(Error)
    // Paused: no request waited on the database, and one line for the whole outage.
    expect(queries.length).toBe(asked)
    expect(logged.error).toHaveBeenCalledTimes(1)
    // What is logged is the kind of failure, never the message (it may quote an address).
    expect(JSON.stringify(logged.error.mock.calls[0])).not.toContain('10.0.0.1')
    down = false
    t += FAIL_OPEN_MS
    expect(await incr(store)).toEqual({ error: null, current: 1 })
    expect(logged.info).toHaveBeenCalledTimes(1)
    down = true
    t += 1000
    await incr(store)
    expect(logged.error).toHaveBeenCalledTimes(2)
  })
})

describe.each(backends())('rate limit in the database (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend, { config: LIMITS })
  })
  afterAll(() => server.close())

  it('a window that ended starts again, and the sweep deletes it', async () => {
    const booker = token('window-ends')
    for (let i = 0; i < 3; i++) expect((await mine(server, booker)).statusCode).toBe(200)
    expect((await mine(server, booker)).statusCode).toBe(429)
    // Her window began two minutes ago: the next request opens a new one.
    await server.db.query(`UPDATE rate_limits SET window_start = now() - interval '2 minutes' WHERE key LIKE 'b:%'`)
    expect((await mine(server, booker)).statusCode).toBe(200)
    await server.db.query(
      `INSERT INTO rate_limits (key, window_start, hits) VALUES ('a:old', now() - interval '1 hour', 9)`,
    )
    const { RATE_LIMIT_SQL } = await import('../../server/src/http/rate-limit-store')
    await server.db.query(RATE_LIMIT_SQL.sweep, [60_000])
    const keys = (await server.db.query<{ key: string }>('SELECT key FROM rate_limits')).map((r) => r.key)
    expect(keys).not.toContain('a:old')
    expect(keys.some((k) => k.startsWith('b:'))).toBe(true)
  })

  it('without its table the limit lets every request through, and logs it once', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const broken = await startTestServer(backend, { config: LIMITS, logger: { level: 'info', stream } })
    try {
      await broken.db.query('ALTER TABLE rate_limits RENAME TO rate_limits_gone')
      const codes: number[] = []
      for (let i = 0; i < 8; i++) codes.push((await mine(broken)).statusCode)
      expect(codes).toEqual(Array(8).fill(200))
      expect(lines.filter((l) => l.includes('限流计数暂时用不了数据库'))).toHaveLength(1)
    } finally {
      await broken.close()
    }
  })
})

const onPostgres = backends().includes('postgres') ? describe : describe.skip

onPostgres('two instances count one limit', () => {
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    a = await startTestServer('postgres', { config: LIMITS })
    b = await startSecondInstance(a, { config: LIMITS })
  })
  afterAll(async () => {
    await b.close()
    await a.close()
  })

  it('per booker and per address, alternating instances and device ids', async () => {
    const booker = token('both-instances')
    const byBooker: number[] = []
    for (let i = 0; i < 4; i++) byBooker.push((await mine(i % 2 ? b : a, booker)).statusCode)
    expect(byBooker).toEqual([200, 200, 200, 429])
    const byAddress: number[] = []
    for (let i = 0; i < 5; i++) byAddress.push((await mine(i % 2 ? b : a)).statusCode)
    expect(byAddress).toEqual([200, 200, 200, 200, 429])
    expect(json(await mine(a)).error.message).toBe('操作太频繁了，请稍等一分钟再试')
  })
})
