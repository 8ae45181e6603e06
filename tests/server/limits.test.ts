// Every wait is bounded: a sign-up that cannot get its session's lock (PostgreSQL) or the one
// connection (PGlite) in time answers a Chinese 503 with Retry-After, health still answers within
// a second, and the same idempotency key books once when the lock is free again.
import pg from 'pg'
import type { DbLimits } from '../../server/src/db/limits'
import { Turns } from '../../server/src/db/pglite'
import {
  asOrganizer,
  backends,
  contentWithSeats,
  housekeepingBody,
  person,
  send,
  organizerToken,
  startTestServer,
  bookedRequest,
  type Reply,
  type TestServer,
} from './support'

const SHORT: DbLimits = {
  lockTimeoutMs: 1000,
  statementTimeoutMs: 5000,
  idleInTransactionMs: 10_000,
  acquireTimeoutMs: 1000,
}

const timed = async <T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> => {
  const t = performance.now()
  const value = await work()
  return { value, ms: performance.now() - t }
}

/** Holds wd-hk-1's row lock from outside the server until `release` is called. */
async function holdLock(server: TestServer): Promise<() => Promise<void>> {
  if (server.url) {
    const client = new pg.Client({ connectionString: server.url })
    await client.connect()
    await client.query('BEGIN')
    await client.query(`SELECT id FROM sessions WHERE id = 'wd-hk-1' FOR UPDATE`)
    return async () => {
      await client.query('ROLLBACK')
      await client.end()
    }
  }
  // PGlite has one connection: a transaction left open holds it, as a slow one would.
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  let started!: () => void
  const holding = new Promise<void>((r) => (started = r))
  const tx = server.db.transaction(async (q) => {
    await q.query(`SELECT id FROM sessions WHERE id = 'wd-hk-1' FOR UPDATE`)
    started()
    await gate
  })
  await holding
  return async () => {
    release()
    await tx
  }
}

describe.each(backends())('bounded waits (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend, { files: contentWithSeats(30), limits: SHORT })
  }, 120_000)
  afterAll(() => server.close())

  const expectBusy = (r: Reply) => {
    expect(r.statusCode).toBe(503)
    expect(r.headers['retry-after']).toBe('2')
    const body = JSON.parse(r.body)
    expect(body.error.code).toBe('busy')
    expect(body.error.message).toMatch(/请稍等几秒再试/)
  }

  it('answers 503 with Retry-After within the limit, health within a second, and books once afterwards', async () => {
    // Each booker verified before the lock is taken (on PGlite it holds the one connection).
    const requests = await Promise.all(
      Array.from({ length: 15 }, (_, i) =>
        bookedRequest(server, `d-held-${i}`, housekeepingBody(person(i)), `held-key-${backend}-${i}`),
      ),
    )
    const release = await holdLock(server)
    let replies: Array<{ value: Reply; ms: number }>
    try {
      const pending = requests.map((r) => timed(() => server.inject(r)))
      // While the sign-ups wait (and, on PostgreSQL, hold every pooled connection), health answers.
      await new Promise((r) => setTimeout(r, 300))
      const health = await timed(() => send(server.origin, { method: 'GET', url: '/api/health' }))
      expect(health.ms).toBeLessThan(1000)
      expect(health.value.statusCode).toBe(200)
      expect(JSON.parse(health.value.body)).toMatchObject({ ok: true, database: backend })
      replies = await Promise.all(pending)
    } finally {
      await release()
    }
    for (const r of replies) expectBusy(r.value)
    // Each waited about one limit: for the lock, or for a connection and then the lock; never minutes.
    expect(Math.max(...replies.map((r) => r.ms))).toBeLessThan(SHORT.lockTimeoutMs + SHORT.acquireTimeoutMs + 1500)

    // The phone tries again with the same key: booked once, and a further try gets the same sign-up.
    const again = await server.inject(requests[0])
    expect(again.statusCode).toBe(201)
    const third = await server.inject(requests[0])
    expect([third.statusCode, JSON.parse(third.body).id]).toEqual([200, JSON.parse(again.body).id])
    const roster = JSON.parse(
      (
        await server.inject(
          asOrganizer(await organizerToken(server, 'wudu-2020'), '/api/organizer/programs/wd-housekeeping/roster'),
        )
      ).body,
    )
    expect(roster.rows).toHaveLength(1)
  }, 60_000)
})

describe('load shedding', () => {
  it('answers a Chinese 503 while the event loop is stalled', async () => {
    const server = await startTestServer('pglite', { config: { maxEventLoopDelayMs: 5 } })
    try {
      let reply: Reply | undefined
      for (let tries = 0; tries < 5 && reply?.statusCode !== 503; tries++) {
        // A stall the sampler sees at its next tick, before the request is read.
        const until = Date.now() + 2000
        while (Date.now() < until) {
          // busy on purpose
        }
        reply = await server.inject({ method: 'GET', url: '/api/cards' })
      }
      expect(reply?.statusCode).toBe(503)
      expect(reply?.headers['retry-after']).toBe('2')
      expect(JSON.parse(reply?.body ?? '{}')).toEqual({
        error: { code: 'busy', message: '服务器现在太忙了，请稍等几秒再试' },
      })
    } finally {
      await server.close()
    }
  }, 60_000)
})

describe("PGlite's turns", () => {
  it('run one at a time in arrival order; a waiter out of patience leaves the line with a 503', async () => {
    const turns = new Turns()
    const log: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const first = turns.run(1000, async () => {
      log.push('first')
      await gate
    })
    const impatient = turns.run(50, async () => log.push('impatient'))
    const second = turns.run(5000, async () => log.push('second'))
    const e = (await impatient.then(
      () => undefined,
      (x: unknown) => x,
    )) as { status: number; code: string }
    expect([e.status, e.code]).toEqual([503, 'busy'])
    release()
    await Promise.all([first, second])
    expect(log).toEqual(['first', 'second'])
  })
})
