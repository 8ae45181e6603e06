// Jobs that must happen once across server instances: the retention purge and the code purge skip
// a run while another instance holds their advisory lock; the hold expiry, safe by design, passes
// each seat on once when two instances run it at the same moment.
import { claimJob, JOB_LOCKS } from '../../server/src/db/job-locks'
import type { Db } from '../../server/src/db/db'
import { openPostgres } from '../../server/src/db/postgres'
import {
  asDevice,
  backends,
  book,
  bookingDevice,
  contentWithSeats,
  NOW,
  organizerToken,
  PATIENT_LIMITS,
  person,
  startSecondInstance,
  startTestServer,
  type Reply,
  type TestServer,
} from './support'

const json = (r: Reply) => JSON.parse(r.body)
const DAY = 24 * 60 * 60 * 1000

it('every job has a lock id of its own', () => {
  const ids = Object.values(JOB_LOCKS)
  expect(new Set(ids).size).toBe(ids.length)
})

describe.each(backends())('job locks (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend)
  })
  afterAll(() => server.close())

  it('a transaction claims a job once; the claim ends with it', async () => {
    const held = async (q: Pick<TestServer['db'], 'query'>) =>
      Number(
        (
          await q.query<{ n: string | number }>(
            `SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1`,
            [JOB_LOCKS.codePurge],
          )
        )[0].n,
      )
    await server.db.transaction(async (tx) => {
      expect(await claimJob(tx, 'codePurge')).toBe(true)
      expect(await held(tx)).toBe(1)
      // Held by this very session: taking it again is granted (it is re-entrant), not a second run.
      expect(await claimJob(tx, 'codePurge')).toBe(true)
    })
    expect(await held(server.db)).toBe(0)
  })
})

const onPostgres = backends().includes('postgres') ? describe : describe.skip

onPostgres('jobs across two instances on one PostgreSQL', () => {
  let a: TestServer
  let b: TestServer
  let other: Db
  const clock = { at: NOW }
  beforeAll(async () => {
    a = await startTestServer('postgres', { files: contentWithSeats(2), now: () => clock.at })
    b = await startSecondInstance(a, { now: () => clock.at })
    other = await openPostgres(a.url as string, PATIENT_LIMITS)
  })
  afterAll(async () => {
    await other.close()
    await b.close()
    await a.close()
  })

  /** Runs `during` while another connection (another instance's run) holds the job's lock. */
  async function whileHeld<T>(job: keyof typeof JOB_LOCKS, during: () => Promise<T>): Promise<T> {
    let release = () => undefined as void
    const held = new Promise<void>((resolve) => (release = resolve))
    let claimed = () => undefined as void
    const isClaimed = new Promise<void>((resolve) => (claimed = resolve))
    const holder = other.transaction(async (tx) => {
      expect(await claimJob(tx, job)).toBe(true)
      claimed()
      await held
    })
    await isClaimed
    try {
      return await during()
    } finally {
      release()
      await holder
    }
  }

  it('the code purge skips while another instance runs it, and purges after', async () => {
    await a.db.query(
      `INSERT INTO verification_codes (mobile_key, code_hash, created_at, expires_at, client_address)
       VALUES ('old-mk', 'h', $1, $1, '10.0.0.1')`,
      [new Date(NOW.getTime() - 5 * DAY)],
    )
    const left = async () =>
      Number(
        (await a.db.query<{ n: string }>(`SELECT count(*) AS n FROM verification_codes WHERE mobile_key = 'old-mk'`))[0]
          .n,
      )
    // The other instance holds the run: this one does nothing rather than wait or run twice.
    expect(await whileHeld('codePurge', () => verificationPurge(b))).toBe(0)
    expect(await left()).toBe(1)
    expect(await verificationPurge(a)).toBe(1)
    expect(await left()).toBe(0)
  })

  it('the retention purge skips while another instance runs it, and counts each seat once', async () => {
    const r = await book(a, 'wd-hk-1', person(1))
    expect(r.statusCode).toBe(201)
    const later = new Date(NOW.getTime() + 200 * DAY)
    expect(await whileHeld('retentionPurge', () => b.signups.purgeExpired(later))).toBe(0)
    expect(json(await a.inject(asDevice(bookingDevice(person(1)), 'GET', '/api/signups/mine')))).toHaveLength(1)
    // Both at once: one deletes her, the other finds nothing left (or the lock taken).
    const both = await Promise.all([a.signups.purgeExpired(later), b.signups.purgeExpired(later)])
    expect(both.reduce((x, y) => x + y)).toBe(1)
    expect(json(await a.inject(asDevice(bookingDevice(person(1)), 'GET', '/api/signups/mine')))).toEqual([])
    const [counts] = await a.db.query<{ confirmed_count: number }>(
      `SELECT confirmed_count FROM sessions WHERE id = 'wd-hk-1'`,
    )
    expect(Number(counts.confirmed_count)).toBe(0)
  })

  it('two instances expiring holds at once pass each seat on exactly once', async () => {
    const organizer = await organizerToken(a, 'wudu-2020')
    const hold = await a.inject({
      method: 'PUT',
      url: '/api/workspace/sessions/wd-hk-1',
      headers: { authorization: `Bearer ${organizer}` },
      payload: { holdHours: 24 },
    })
    expect(hold.statusCode).toBe(200)
    // Two seats: women 10 and 11 take them, 12–15 wait; both cancel, so 12 and 13 hold theirs.
    const ids: string[] = []
    for (let i = 10; i < 16; i++) ids.push(json(await book(a, 'wd-hk-1', person(i))).id)
    for (const i of [10, 11]) {
      const r = await a.inject(asDevice(bookingDevice(person(i)), 'POST', `/api/signups/${ids[i - 10]}/cancel`))
      expect(r.statusCode).toBe(200)
    }
    clock.at = new Date(NOW.getTime() + DAY + 60_000)
    const passed = await Promise.all([a.signups.expireHolds(clock.at), b.signups.expireHolds(clock.at)])
    expect(passed[0] + passed[1]).toBe(2)
    expect(await Promise.all([a.signups.expireHolds(clock.at), b.signups.expireHolds(clock.at)])).toEqual([0, 0])
    const status = async (i: number) =>
      (
        json(await a.inject(asDevice(bookingDevice(person(i)), 'GET', '/api/signups/mine'))) as Array<{
          status: string
        }>
      )[0].status
    expect(await Promise.all([12, 13, 14, 15].map(status))).toEqual([
      'cancelled',
      'cancelled',
      'confirmed',
      'confirmed',
    ])
    const [counts] = await a.db.query<{ confirmed_count: number; waitlisted_count: number }>(
      `SELECT confirmed_count, waitlisted_count FROM sessions WHERE id = 'wd-hk-1'`,
    )
    expect([Number(counts.confirmed_count), Number(counts.waitlisted_count)]).toEqual([2, 0])
    clock.at = NOW
  })
})

/** The code purge of one instance, as its daily timer runs it. */
function verificationPurge(server: TestServer): Promise<number> {
  return server.verification.purge(NOW)
}
