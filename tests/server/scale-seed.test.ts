// npm run seed:scale at a small scale, on each backend: the counts asked for, the seat rules on
// every session, content and people the validators accept, a server that serves them, and a
// refusal to write into a database that already holds something.
import budgets from '../../bench/budgets.json'
import { regionCodeProblem } from '@/domain/catalog'
import { mobileError } from '@/domain/validation'
import { BUSY_CLIENT, BUSY_SIGNUPS, parseScaleArgs, seedScale, type ScaleResult } from '../../server/src/cli/scale'
import type { Db } from '../../server/src/db/db'
import { MOCK_DIR, readJsonDir } from '../../server/src/content'
import { migrate } from '../../server/src/db/migrate'
import { createServer, type Started } from '../../server/src/server'
import { backends, freshDatabase, NOW, rawGet, send, testConfig } from './support'

/** The wire budgets, in the one file `npm run check:budgets` and the bench read. */
const WIRE = budgets.wireBytes

jest.setTimeout(180_000)

const num = (v: unknown) => Number(v)

describe('seed:scale options', () => {
  it('read --federations, --signups and --scale, and refuse anything else in Chinese', () => {
    expect(parseScaleArgs([])).toEqual({ federations: 3000, signups: 1_000_000 })
    expect(parseScaleArgs(['--federations', '30', '--signups', '2000'])).toEqual({ federations: 30, signups: 2000 })
    expect(parseScaleArgs(['--scale', '0.1'])).toEqual({ federations: 300, signups: 100_000 })
    expect(() => parseScaleArgs(['--scale', '2'])).toThrow('比例')
    expect(() => parseScaleArgs(['--signups', '-5'])).toThrow('正数')
    expect(() => parseScaleArgs(['--people', '5'])).toThrow('不认识的参数')
    expect(() => parseScaleArgs(['--federations', '99999'])).toThrow('最多')
  })
})

describe.each(backends())('seed:scale on %s', (backend) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>
  let db: Db
  let result: ScaleResult

  beforeAll(async () => {
    database = await freshDatabase(backend)
    db = await database.open()
    await migrate(db)
    result = await seedScale(db, { federations: 30, signups: 2000 }, NOW)
  })

  afterAll(async () => {
    await started?.close()
    await database.drop()
  })

  it('writes 30 federations, ten programs each, their sessions and exactly 2,000 sign-ups', async () => {
    const [row] = await db.query<Record<string, unknown>>(
      `SELECT (SELECT count(*) FROM federations WHERE published) AS f, (SELECT count(*) FROM programs) AS p,
         (SELECT count(*) FROM sessions) AS s, (SELECT count(*) FROM signups) AS g,
         (SELECT count(*) FROM accounts WHERE dev_seed) AS a,
         (SELECT count(DISTINCT region_code) FROM federations) AS regions`,
    )
    expect([row.f, row.p, row.s, row.g, row.a, row.regions].map(num)).toEqual([30, 300, 1000, 2000, 30, 30])
    expect(result).toMatchObject({ federations: 30, programs: 300, sessions: 1000, signups: 2000 })
  })

  it('keeps every session within its seats, with counts that agree with its sign-ups', async () => {
    const rows = await db.query<Record<string, unknown>>(
      `SELECT s.id, s.capacity, s.confirmed_count, s.waitlisted_count, s.cancelled_count,
         count(g.*) FILTER (WHERE g.status = 'confirmed') AS confirmed,
         count(g.*) FILTER (WHERE g.status = 'waitlisted') AS waitlisted,
         count(g.*) FILTER (WHERE g.status = 'cancelled') AS cancelled
       FROM sessions s LEFT JOIN signups g ON g.session_id = s.id GROUP BY s.id`,
    )
    for (const r of rows) {
      expect([r.confirmed_count, r.waitlisted_count, r.cancelled_count].map(num)).toEqual(
        [r.confirmed, r.waitlisted, r.cancelled].map(num),
      )
      expect(num(r.confirmed)).toBeLessThanOrEqual(num(r.capacity))
      // A waitlist only behind a full session.
      if (num(r.waitlisted) > 0) expect(num(r.confirmed)).toBe(num(r.capacity))
    }
    const hot = rows.find((r) => r.id === result.hotSession)
    // A quarter of the sign-ups at this scale; three in five of them seated, every tenth cancelled.
    expect([hot?.confirmed, hot?.waitlisted, hot?.cancelled].map(num)).toEqual([300, 150, 50])
    // The waitlist is in arrival order after the seated: no waitlisted sign-up came before a confirmed one.
    const [order] = await db.query<{ n: unknown }>(
      `SELECT count(*) AS n FROM signups w JOIN signups c ON c.session_id = w.session_id
       WHERE w.status = 'waitlisted' AND c.status = 'confirmed' AND w.seq < c.seq`,
    )
    expect(num(order.n)).toBe(0)
  })

  it('dates every session ahead of the clock, its sign-up closing before it starts', async () => {
    const [row] = await db.query<Record<string, unknown>>(
      `SELECT min(deadline_at) AS first_deadline, max(starts_at) AS last_start,
         count(*) FILTER (WHERE deadline_at >= starts_at OR ends_at <= starts_at) AS wrong
       FROM sessions`,
    )
    expect(new Date(String(row.first_deadline)).getTime()).toBeGreaterThan(NOW.getTime())
    expect(new Date(String(row.last_start)).getTime() - NOW.getTime()).toBeLessThan(200 * 86_400_000)
    expect(num(row.wrong)).toBe(0)
  })

  it('places copies in real counties and writes valid people with tickets', async () => {
    const feds = await db.query<{ id: string; name: string; region_code: string }>(
      'SELECT id, name, region_code FROM federations ORDER BY id',
    )
    for (const f of feds) {
      expect(regionCodeProblem(f.region_code)).toBeUndefined()
      expect(f.id.endsWith(`-${f.region_code}`)).toBe(true)
      expect(f.name).toMatch(/^\p{Script=Han}+妇联$/u)
    }
    // Copies of every shipped federation (mock/ holds five, and CI adds a sixth).
    expect(new Set(feds.map((f) => f.id.replace(/-\d{6}$/, ''))).size).toBe(readJsonDir(MOCK_DIR, 'mock').length)
    const people = await db.query<{ mobile: string; ticket_code: string }>('SELECT mobile, ticket_code FROM signups')
    expect(people.filter((p) => mobileError(p.mobile) !== undefined)).toEqual([])
    expect(people.filter((p) => !/^[2-9A-HJKMNP-Z]{6}$/.test(p.ticket_code))).toEqual([])
  })

  it('refuses a database that already holds something, in Chinese, and writes nothing', async () => {
    await expect(seedScale(db, { federations: 2, signups: 10 }, NOW)).rejects.toThrow('数据库不是空的')
    const [row] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM federations')
    expect(num(row.n)).toBe(30)
  })

  // One server on the seeded database, started by the first test that asks (closing it closes the database).
  let started: Started | undefined
  let origin = ''
  async function serving(run: (origin: string) => Promise<void>): Promise<void> {
    if (!started) {
      started = await createServer(testConfig(), { db, now: () => NOW, logger: false, noticeTimer: false })
      await started.app.listen({ port: 0, host: '127.0.0.1' })
      const address = started.app.server.address()
      origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    }
    await run(origin)
  }

  it('is served by the server: cards, a program with its sessions, 我的报名 of the busy phone', async () => {
    // The seed indexed every card: the server has none to fill at start.
    const indexed = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM card_index')
    expect(indexed[0].n).toBe(30)
    await serving(async (origin) => {
      const get = async (url: string, headers: Record<string, string> = {}) => {
        const res = await send(origin, { method: 'GET', url, headers })
        expect(res.statusCode).toBe(200)
        return JSON.parse(res.body)
      }
      expect((await get('/api/health')).federations).toBe(30)
      const cards = await get('/api/cards')
      expect(cards.cards).toHaveLength(12)
      expect(cards.next).toEqual(expect.any(String))
      const program = await get(`/api/programs/${result.hotProgram}`)
      expect(JSON.stringify(program)).toContain(result.hotSession)
      const mine = await get('/api/signups/mine', { 'x-device-id': BUSY_CLIENT })
      expect(mine).toHaveLength(BUSY_SIGNUPS)
      const login = await send(origin, {
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: `${result.hotFederation}-admin`, password: `jg-dev-${result.hotFederation}` },
      })
      expect(login.statusCode).toBe(200)
      const csv = await send(origin, {
        method: 'GET',
        url: `/api/organizer/programs/${result.hotProgram}/roster.csv`,
        headers: { authorization: `Bearer ${JSON.parse(login.body).token}` },
      })
      expect(csv.statusCode).toBe(200)
      // A header line, and at least the hot session's 500 sign-ups.
      expect(csv.body.trim().split('\n').length).toBeGreaterThan(500)
    })
  })

  // The wire budgets (bench/budgets.json) on national-scale-shaped data: a full first page of copies
  // placed in real counties, and every report and program, as a phone asking for br or gzip gets them.
  it.each(['br', 'gzip'])(
    'keeps the first feed page, every report and every program within the wire budgets (%s)',
    async (encoding) => {
      await serving(async (origin) => {
        const wire = async (url: string) => {
          const r = await rawGet(origin, url, { 'accept-encoding': encoding })
          expect([url, r.status]).toEqual([url, 200])
          // Answers under 1 KB go out plain (compress.ts); anything larger is compressed as asked.
          expect([url, r.headers['content-encoding'] ?? (r.body.length < 1024 ? encoding : 'plain')]).toEqual([
            url,
            encoding,
          ])
          return r.body.length
        }
        const over: string[] = []
        const check = (what: string, bytes: number, limit: number) => {
          if (bytes > limit) over.push(`${what}: ${bytes} B > ${limit} B`)
        }
        check('/api/cards', await wire('/api/cards'), WIRE.cardsFirstPage)
        const federations = await db.query<{ id: string }>('SELECT id FROM federations WHERE published ORDER BY id')
        for (const { id } of federations) check(`/api/reports/${id}`, await wire(`/api/reports/${id}`), WIRE.report)
        const programs = await db.query<{ id: string }>('SELECT id FROM programs ORDER BY id')
        expect(programs).toHaveLength(300)
        for (const { id } of programs) check(`/api/programs/${id}`, await wire(`/api/programs/${id}`), WIRE.program)
        expect(over).toEqual([])
      })
    },
  )
})
