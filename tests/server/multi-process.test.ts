// Two server processes (scripts/api-process.cjs) on one PostgreSQL, over real HTTP, as N instances
// behind a reverse proxy run: the attack with rotating device ids and forged X-Forwarded-For, one
// verified mobile's limit, the race for the last seats, and the rate limit, each counted as one.
// PostgreSQL only: PGlite is one process's by design.
import { randomUUID } from 'node:crypto'
import { request } from 'node:http'
import { startApiProcess, type ApiProcess } from '../../scripts/api-process.cjs'
import type { Db } from '../../server/src/db/db'
import { openPostgres } from '../../server/src/db/postgres'
import { backends, freshDatabase, housekeepingBody, PATIENT_LIMITS, type InjectOptions } from './support'

const onPostgres = backends().includes('postgres')

/** Each part sends from a loopback address of its own, so one part's requests never count against another's limit. */
const FROM = { attack: '127.0.0.2', verify: '127.0.0.3', race: '127.0.0.4', limited: '127.0.0.5' } as const
const PER_BOOKER = 40
const PER_ADDRESS = 100
const BOOKER_PER_SESSION = 10

interface Answer {
  status: number
  body: { id?: string; status?: string; error?: { code: string; message: string } }
}

/** One request over HTTP from the local address `from` (node:http, as fetch cannot choose it). */
function call(origin: string, from: string, { method, url, headers = {}, payload }: InjectOptions): Promise<Answer> {
  const body = payload === undefined ? undefined : JSON.stringify(payload)
  return new Promise((resolve, reject) => {
    const req = request(
      `${origin}${url}`,
      {
        method,
        localAddress: from,
        headers: { ...headers, ...(body ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (d: string) => (text += d))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} }))
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** Sixty made-up people: names the form takes, mobiles no one has. */
const madeUp = (i: number) => ({
  name: `${'王李张刘陈杨'[i % 6]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 6) % 10]}`,
  mobile: `170${String(i).padStart(8, '0')}`,
})

const submit = (device: string, body: unknown, key: string, token?: string): InjectOptions => ({
  method: 'POST',
  url: '/api/signups',
  headers: {
    'x-device-id': device,
    'idempotency-key': key,
    // Forged: no proxy is trusted (TRUST_PROXY unset), so it changes nothing.
    'x-forwarded-for': `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`,
    ...(token ? { 'x-booker-token': token } : {}),
  },
  payload: body,
})

if (!onPostgres) {
  describe('two server processes on one PostgreSQL', () => {
    it.skip('跳过：需要设置 TEST_DATABASE_URL=postgres://…（CI 会设置）才能启动两个服务器进程', () => undefined)
  })
}

;(onPostgres ? describe : describe.skip)('two server processes on one PostgreSQL, over HTTP', () => {
  let processes: ApiProcess[] = []
  let db: Db
  let drop: () => Promise<void>
  const origins = () => processes.map((p) => p.origin)
  /** The process for the i-th request: half to each. */
  const at = (i: number) => origins()[i % 2]

  beforeAll(async () => {
    const database = await freshDatabase('postgres')
    drop = database.drop
    const env = {
      DATABASE_URL: database.url as string,
      RATE_LIMIT_PER_MINUTE: String(PER_BOOKER),
      RATE_LIMIT_PER_ADDRESS_PER_MINUTE: String(PER_ADDRESS),
      BOOKER_PER_SESSION: String(BOOKER_PER_SESSION),
      SMS_PER_ADDRESS_PER_DAY: '1000',
      BACKUP_EVERY_HOURS: '0',
    }
    // One after the other: the first migrates and seeds the empty database, the second finds it done.
    // (Started at the same moment, migrate's CREATE TABLE IF NOT EXISTS schema_migrations, which runs
    // before its lock, can fail on PostgreSQL's catalog: a deployment starts its first instance first.)
    processes = [await startApiProcess(env)]
    processes.push(await startApiProcess(env))
    db = await openPostgres(database.url as string, PATIENT_LIMITS)
    // Room for everyone on wd-hk-1 until the race below sets its last seats.
    await db.query(`UPDATE sessions SET capacity = 1000 WHERE id = 'wd-hk-1'`)
  }, 90_000)
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()))
    await db?.close()
    await drop?.()
  })

  /** A booker token for `mobile`, verified on `origin` (its development SMS stand-in holds the code). */
  async function verified(origin: string, mobile: string): Promise<string> {
    const sent = await call(origin, FROM.verify, { method: 'POST', url: '/api/verify/send', payload: { mobile } })
    expect(sent.status).toBe(200)
    const latest = await call(origin, FROM.verify, { method: 'GET', url: `/api/dev/sms/latest?mobile=${mobile}` })
    const checked = await call(origin, FROM.verify, {
      method: 'POST',
      url: '/api/verify/check',
      payload: { mobile, code: (latest.body as { code: string }).code },
    })
    expect(checked.status).toBe(200)
    return (checked.body as { bookerToken: string }).bookerToken
  }

  const count = async (sql: string, params: string[] = []) => Number((await db.query<{ n: string }>(sql, params))[0].n)

  it('sixty made-up people, fresh device ids and forged addresses, at once on both: no seat', async () => {
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        call(at(i), FROM.attack, submit(`d-${randomUUID()}`, housekeepingBody(madeUp(i)), randomUUID())),
      ),
    )
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([401]))
    expect(answers[0].body.error?.code).toBe('verify_required')
    const seats = await count(`SELECT count(*) AS n FROM signups WHERE session_id = 'wd-hk-1'`)
    expect(seats).toBeLessThanOrEqual(3)
    expect(seats).toBe(0)
  })

  it('one verified mobile books at most BOOKER_PER_SESSION across both processes', async () => {
    const token = await verified(at(0), '13966667777')
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(at(i), FROM.attack, submit(`d-${randomUUID()}`, housekeepingBody(madeUp(i)), randomUUID(), token)),
      ),
    )
    const codes = answers.map((a) => a.status)
    expect([codes.filter((c) => c === 201).length, codes.filter((c) => c === 409).length]).toEqual([
      BOOKER_PER_SESSION,
      30 - BOOKER_PER_SESSION,
    ])
    expect(await count(`SELECT count(*) AS n FROM signups WHERE session_id = 'wd-hk-1'`)).toBe(BOOKER_PER_SESSION)
  })

  it('the last K seats: exactly K confirmed, the rest waitlisted; keys resent elsewhere; cancellations promote in order', async () => {
    const K = 4
    const people = 14
    const [row] = await db.query<{ taken: number; confirmed_count: number }>(
      `SELECT taken, confirmed_count FROM sessions WHERE id = 'wd-hk-1'`,
    )
    await db.query(`UPDATE sessions SET capacity = $1 WHERE id = 'wd-hk-1'`, [
      String(Number(row.taken) + Number(row.confirmed_count) + K),
    ])
    // Each woman verified her own mobile, on either process.
    const women = await Promise.all(
      Array.from({ length: people }, async (_, i) => {
        const who = {
          name: `${'赵钱孙李周吴郑王'[i % 8]}${'春夏秋冬'[Math.floor(i / 8)]}`,
          mobile: `1365555${String(i).padStart(4, '0')}`,
        }
        return { who, device: `d-race-${randomUUID()}`, key: randomUUID(), token: await verified(at(i), who.mobile) }
      }),
    )
    const request = (w: (typeof women)[number]) => submit(w.device, housekeepingBody(w.who), w.key, w.token)
    const first = await Promise.all(women.map((w, i) => call(at(i), FROM.race, request(w))))
    expect(first.map((a) => a.status)).toEqual(Array(people).fill(201))
    const statuses = first.map((a) => a.body.status)
    expect([
      statuses.filter((s) => s === 'confirmed').length,
      statuses.filter((s) => s === 'waitlisted').length,
    ]).toEqual([K, people - K])

    // The same key again, to the other process: the same sign-up, not a second one.
    const again = await Promise.all(women.map((w, i) => call(at(i + 1), FROM.race, request(w))))
    expect(again.map((a) => a.body.id)).toEqual(first.map((a) => a.body.id))
    expect(again.map((a) => a.body.status)).toEqual(statuses)
    const keys = women.map((w) => w.key)
    expect(
      await count(
        `SELECT count(*) AS n FROM signups WHERE idempotency_key IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(keys)],
      ),
    ).toBe(people)

    // Three of the confirmed cancel, on both processes: the first three waiting move up, in order.
    const waiting = await db.query<{ id: string }>(
      `SELECT id FROM signups WHERE session_id = 'wd-hk-1' AND status = 'waitlisted' ORDER BY seq`,
    )
    const confirmed = women.filter((_, i) => statuses[i] === 'confirmed').slice(0, 3)
    const cancelled = await Promise.all(
      confirmed.map((w, i) =>
        call(at(i), FROM.race, {
          method: 'POST',
          url: `/api/signups/${first[women.indexOf(w)].body.id}/cancel`,
          headers: { 'x-device-id': w.device },
        }),
      ),
    )
    expect(cancelled.map((a) => a.status)).toEqual([200, 200, 200])
    const after = await db.query<{ id: string; status: string }>(
      `SELECT id, status FROM signups WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb)) ORDER BY seq`,
      [JSON.stringify(waiting.map((w) => w.id))],
    )
    expect(after.map((r) => r.status)).toEqual([
      ...Array(3).fill('confirmed'),
      ...Array(waiting.length - 3).fill('waitlisted'),
    ])
    expect(
      await count(
        `SELECT count(*) AS n FROM signups
          WHERE status = 'confirmed' AND idempotency_key IN (SELECT jsonb_array_elements_text($1::jsonb))`,
        [JSON.stringify(keys)],
      ),
    ).toBe(K)
  })

  it('the rate limit counts one limit across both processes; new device ids do not escape it', async () => {
    const mine = (i: number, token?: string) =>
      call(at(i), FROM.limited, {
        method: 'GET',
        url: '/api/signups/mine',
        headers: { 'x-device-id': `d-${randomUUID()}`, ...(token ? { 'x-booker-token': token } : {}) },
      })
    // Per address: a new address, requests one after the other, alternating processes.
    const byAddress: number[] = []
    for (let i = 0; i <= PER_ADDRESS; i++) byAddress.push((await mine(i)).status)
    expect(byAddress.slice(0, PER_ADDRESS)).toEqual(Array(PER_ADDRESS).fill(200))
    const over = await mine(PER_ADDRESS + 1)
    expect([byAddress[PER_ADDRESS], over.status]).toEqual([429, 429])
    expect(over.body.error).toMatchObject({ code: 'rate_limited', message: '操作太频繁了，请稍等一分钟再试' })

    // Per verified booker: her own limit, whatever address or device she comes from.
    const token = await verified(at(1), '13988889999')
    const byBooker: number[] = []
    for (let i = 0; i <= PER_BOOKER; i++) byBooker.push((await mine(i, token)).status)
    expect(byBooker.slice(0, PER_BOOKER)).toEqual(Array(PER_BOOKER).fill(200))
    expect(byBooker[PER_BOOKER]).toBe(429)
  })
})
