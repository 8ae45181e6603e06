// A sign-up in one round trip (migration 019), from the session as read before (or kept from an
// earlier sign-up): it goes on only while the session's row and form are still the ones read;
// otherwise nothing is written and they are read again.
import type { Signup } from '../../src/services/api'
import { decide } from '../../src/domain/signup-rules'
import type { Session } from '../../src/domain/types'
import type { Db } from '../../server/src/db/db'
import { createServer } from '../../server/src/server'
import { confirmBelow, SQL } from '../../server/src/signups'
import {
  backends,
  bookedRequest,
  contentWithSeats,
  freshDatabase,
  housekeepingBody,
  NOW,
  person,
  send,
  testConfig,
  type InjectOptions,
} from './support'

describe('confirmBelow', () => {
  const session = (capacity: number, taken: number): Session => ({
    id: 's',
    programId: 'p',
    title: 't',
    start: '2026-12-01T09:00:00+08:00',
    end: '2026-12-01T11:00:00+08:00',
    deadline: '2026-11-30T18:00:00+08:00',
    online: false,
    capacity,
    taken,
    demo: false,
  })

  it.each([
    [10, 0],
    [10, 3],
    [1, 0],
    [5, 5],
  ])('is the count at which decide stops giving seats (capacity %i, %i taken)', (capacity, taken) => {
    const s = session(capacity, taken)
    const below = confirmBelow(s)
    const status = (confirmed: number) => {
      const d = decide({ samePerson: false, confirmed }, s, '王芳', NOW)
      return d.kind === 'accept' ? d.status : d.kind
    }
    if (below > 0) expect(status(below - 1)).toBe('confirmed')
    expect(status(Math.max(below, 0))).toBe('waitlisted')
  })
})

describe.each(backends())('a sign-up in one call (%s)', (backend) => {
  let origin: string
  let close: () => Promise<void>
  let db: Db
  let transactions = 0
  /** Reads before the lock (SQL.session). */
  let reads = 0
  /** Each runs once, right before the next one call reaches the database: another change in between. */
  let meanwhile: Array<() => Promise<unknown>> = []

  beforeAll(async () => {
    const database = await freshDatabase(backend)
    const inner = await database.open()
    db = {
      ...inner,
      kind: inner.kind,
      async query<T>(sql: string, params?: Parameters<Db['query']>[1]) {
        if (sql === SQL.session) reads += 1
        const change = sql === SQL.oneCall ? meanwhile.shift() : undefined
        if (change) await change()
        return inner.query<T>(sql, params)
      },
      transaction(fn, options) {
        transactions += 1
        return inner.transaction(fn, options)
      },
    }
    const started = await createServer(testConfig(), {
      db,
      files: contentWithSeats(2),
      now: () => NOW,
      logger: false,
      noticeTimer: false,
    })
    await started.app.listen({ port: 0, host: '127.0.0.1' })
    const address = started.app.server.address()
    origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    close = async () => {
      await started.close()
      await database.drop()
    }
  })
  afterAll(() => close())

  const inject = (o: InjectOptions) => send(origin, o)
  // Each booker is verified (its own transactions) before a count of transactions starts.
  const request = (i: number) =>
    bookedRequest({ origin }, `d-one-call-${i}`, housekeepingBody(person(i)), `one-call-key-${i}`)
  const counts = async () => {
    const [row] = await db.query<{ confirmed_count: number; waitlisted_count: number }>(
      'SELECT confirmed_count, waitlisted_count FROM sessions WHERE id = $1',
      ['wd-hk-1'],
    )
    return [Number(row.confirmed_count), Number(row.waitlisted_count)]
  }

  it('takes no transaction of its own when the session is as it was read', async () => {
    const first = await request(0)
    const before = transactions
    const reply = await inject(first)
    expect(reply.statusCode).toBe(201)
    expect((JSON.parse(reply.body) as Signup).status).toBe('confirmed')
    expect(transactions).toBe(before)
    expect(await counts()).toEqual([1, 0])
    // The same key again: the first answer, nothing added.
    const again = await inject(first)
    expect([again.statusCode, (JSON.parse(again.body) as Signup).id]).toEqual([200, JSON.parse(reply.body).id])
    expect(await counts()).toEqual([1, 0])
  })

  it('gives the seat by the count under the lock: the last seat taken meanwhile puts her on the waitlist', async () => {
    // One seat is left when she is read; another woman takes it before her call locks the session.
    const other = await request(1)
    const her = await request(2)
    meanwhile = [async () => expect((await inject(other)).statusCode).toBe(201)]
    const before = transactions
    const reply = await inject(her)
    expect(reply.statusCode).toBe(201)
    const signup = JSON.parse(reply.body) as Signup
    expect([signup.status, signup.waitlistPosition]).toEqual(['waitlisted', 1])
    // Only the counts moved, so the one call went on: still no transaction.
    expect(transactions).toBe(before)
    expect(await counts()).toEqual([2, 1])
  })

  it('reads nothing before the lock for a session read already, and checks her against a newer form', async () => {
    const first = await request(10)
    const second = await request(11)
    const third = await request(12)
    const fourth = await request(13)
    expect((await inject(first)).statusCode).toBe(201)
    const before = reads
    expect((await inject(second)).statusCode).toBe(201)
    expect(reads).toBe(before)
    // A new version of the form no longer offers the answer she gives: the call sees the version
    // moved, and her answers are checked again against the form read afresh.
    const [{ fields }] = await db.query<{ fields: unknown }>(
      `SELECT fields FROM form_versions WHERE program_id = 'wd-housekeeping' ORDER BY version DESC LIMIT 1`,
    )
    const form = (typeof fields === 'string' ? JSON.parse(fields) : fields) as Array<{ id: string; options?: string[] }>
    const newVersion = (f: unknown) =>
      db.query(
        `INSERT INTO form_versions (program_id, version, fields)
         SELECT program_id, max(version) + 1, $1::jsonb FROM form_versions WHERE program_id = 'wd-housekeeping'
         GROUP BY program_id`,
        [JSON.stringify(f)],
      )
    await newVersion(form.map((f) => (f.id === 'job' ? { ...f, options: ['愿意外出务工', '还没想好'] } : f)))
    const refused = await inject(third)
    expect([refused.statusCode, JSON.parse(refused.body).error.field]).toEqual([400, 'job'])
    expect(reads).toBe(before + 1)
    // The form as it was, as a newer version still: her answers pass again.
    await newVersion(form)
    expect((await inject(fourth)).statusCode).toBe(201)
  })

  it('goes on when another instance adds columns: the plans it keeps and the session it kept are made again', async () => {
    const first = await request(20)
    const second = await request(21)
    expect((await inject(first)).statusCode).toBe(201)
    // A later migration, run by another instance while this one serves.
    await db.query('ALTER TABLE signups ADD COLUMN later_note text')
    await db.query('ALTER TABLE sessions ADD COLUMN later_note text')
    const before = reads
    expect((await inject(second)).statusCode).toBe(201)
    // The session's row has a column more: its fingerprint moved, so it was read again.
    expect(reads).toBe(before + 1)
  })

  it('answers nothing from a read the session has moved past: changed, then cancelled, the full path refuses her', async () => {
    const her = await request(3)
    // The session's place changes after it was kept, and an organizer cancels it after it was read
    // again, each before her call locks it: the full path reads it under its lock.
    meanwhile = [
      () => db.query(`UPDATE sessions SET place = '东江镇妇女之家' WHERE id = $1`, ['wd-hk-1']),
      () => db.query(`UPDATE sessions SET status = 'cancelled', cancel_reason = '场地维修' WHERE id = $1`, ['wd-hk-1']),
    ]
    const transactionsBefore = transactions
    const before = reads
    const seats = await counts()
    const reply = await inject(her)
    expect(reply.statusCode).toBe(409)
    expect(JSON.parse(reply.body).error.message).toBe('这个场次已取消')
    expect(reads).toBe(before + 1)
    expect(transactions).toBe(transactionsBefore + 1)
    expect(await counts()).toEqual(seats)
    const [{ n }] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM signups WHERE idempotency_key = 'one-call-key-3'`,
    )
    expect(n).toBe(0)
  })
})
