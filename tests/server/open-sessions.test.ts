// GET /api/sessions/open (可报名): every session taking sign-ups now across published federations, in
// deadline order, each exactly once over the pages; each filter; closed, cancelled, past and
// unpublished sessions absent; a session added by an organizer present at once; bad input refused.
import { cardRegionCodes } from '@/domain/filters'
import { decodeOpenSessionCursor, type OpenSession, type OpenSessionPage } from '@/domain/open-sessions'
import { signupState } from '@/domain/sessions'
import type { Topic } from '@/domain/types'
import { MOCK_DIR, readJsonDir, seedContent } from '../../server/src/content'
import { migrate, readMigrations, splitStatements } from '../../server/src/db/migrate'
import { asStaff, backends, freshDatabase, NOW, organizerToken, startTestServer, type TestServer } from './support'

const json = (r: { body: string }) => JSON.parse(r.body)

interface Expected {
  id: string
  deadline: string
  topic: Topic
  codes: { province: string; city?: string; county?: string }
  federationId: string
  waitlist: boolean
  seatsLeft: number
}

describe.each(backends())('open sessions (%s)', (backend) => {
  let server: TestServer
  /** The open sessions as the program pages' own reads and the sign-up rule give them, before any change. */
  let expected: Expected[]
  let closedCount: number

  beforeAll(async () => {
    server = await startTestServer(backend)
    expected = []
    closedCount = 0
    for (const { id } of await server.db.query<{ id: string }>('SELECT id FROM federations WHERE published')) {
      const file = (await server.content.federation(id))!
      for (const program of file.programs) {
        for (const s of await server.signups.sessionsOf(program)) {
          const state = signupState(s, NOW)
          if (state !== 'open' && state !== 'waitlist') {
            closedCount++
            continue
          }
          expected.push({
            id: s.id,
            deadline: s.deadline,
            topic: program.topic,
            codes: cardRegionCodes(file.federation.region.code),
            federationId: file.federation.id,
            waitlist: state === 'waitlist',
            seatsLeft: Math.max(0, s.capacity - s.taken),
          })
        }
      }
    }
  }, 120_000)
  afterAll(async () => server?.close())

  const get = (query: string) => server.inject({ method: 'GET', url: `/api/sessions/open${query}` })

  const page = async (query: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries(query).filter(([, v]) => v) as Array<[string, string]>)
    const r = await get(`?${q}`)
    expect([r.statusCode, r.body.slice(0, 200)]).toEqual([200, expect.any(String)])
    return json(r) as OpenSessionPage
  }

  /** Every page in turn: the rows in order, and how many pages it took. */
  async function walk(query: Record<string, string | undefined> = {}) {
    const rows: OpenSession[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const p = await page({ ...query, ...(cursor ? { cursor } : {}) })
      rows.push(...p.sessions)
      pages++
      cursor = p.next ?? undefined
      expect(pages).toBeLessThan(100)
    } while (cursor)
    return { rows, pages }
  }

  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id).sort()

  it('lists more than a page of sessions to check against, and some closed ones to leave out', () => {
    expect(expected.length).toBeGreaterThan(12)
    expect(closedCount).toBeGreaterThan(0)
  })

  it('pages cover each open session once, in deadline order, 12 to a page by default', async () => {
    const first = await page({})
    expect(first.sessions).toHaveLength(12)
    expect(decodeOpenSessionCursor(first.next ?? '')).toBeDefined()
    const { rows, pages } = await walk({ limit: '10' })
    // The page after the last is never asked for: the last page says next: null.
    expect(pages).toBe(Math.ceil(expected.length / 10))
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
    expect(ids(rows)).toEqual(ids(expected))
    const deadlines = rows.map((r) => Date.parse(r.deadline))
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b))
    // What a list row shows, as the program page's rule gives it.
    for (const row of rows) {
      const want = expected.find((e) => e.id === row.id)
      expect([row.id, row.federationId, row.topic, row.waitlist, row.seatsLeft]).toEqual([
        want?.id,
        want?.federationId,
        want?.topic,
        want?.waitlist,
        want?.seatsLeft,
      ])
      expect(row.programTitle).not.toBe('')
      expect(row.federationName).not.toBe('')
    }
  })

  it('answers a public read: an ETag, no-cache, and 304 when unchanged', async () => {
    const r = await get('')
    expect(r.headers['cache-control']).toBe('no-cache')
    const again = await server.inject({
      method: 'GET',
      url: '/api/sessions/open',
      headers: { 'if-none-match': r.headers.etag },
    })
    expect(again.statusCode).toBe(304)
  })

  it('filters by province, city, county and topic', async () => {
    const filters: Array<[Record<string, string>, (e: Expected) => boolean]> = []
    for (const e of expected) {
      filters.push([{ province: e.codes.province }, (x) => x.codes.province === e.codes.province])
      if (e.codes.city) filters.push([{ city: e.codes.city }, (x) => x.codes.city === e.codes.city])
      if (e.codes.county) filters.push([{ county: e.codes.county }, (x) => x.codes.county === e.codes.county])
      filters.push([{ topic: e.topic }, (x) => x.topic === e.topic])
      filters.push([
        { province: e.codes.province, topic: e.topic },
        (x) => x.codes.province === e.codes.province && x.topic === e.topic,
      ])
    }
    const seen = new Set<string>()
    let narrowed = 0
    for (const [query, keep] of filters) {
      const key = JSON.stringify(query)
      if (seen.has(key)) continue
      seen.add(key)
      const want = expected.filter(keep)
      if (want.length < expected.length) narrowed++
      expect([key, ids((await walk(query)).rows)]).toEqual([key, ids(want)])
    }
    expect(narrowed).toBeGreaterThan(5)
    // A place with no federation: an empty page, not an error.
    expect(await page({ province: '650000' })).toEqual({ sessions: [], next: null })
  })

  it('refuses a bad cursor, code, topic or page size in Chinese', async () => {
    for (const [query, field] of [
      ['?cursor=nothing', 'cursor'],
      ['?cursor=c1~2020~510100~chengdu-2020', 'cursor'],
      ['?province=510100', 'province'],
      ['?city=510000', 'city'],
      ['?county=51010x', 'county'],
      ['?topic=nothing', 'topic'],
      ['?limit=5', 'limit'],
      ['?limit=21', 'limit'],
    ] as const) {
      const r = await get(query)
      const body = json(r)
      expect([query, r.statusCode, body.error.field]).toEqual([query, 400, field])
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('leaves out a cancelled session, one past its deadline, one started and one not open yet; a full one is waitlist', async () => {
    const open = expected.filter((e) => !e.waitlist).slice(0, 5)
    expect(open).toHaveLength(5)
    const [cancelled, pastDeadline, started, notYet, full] = open.map((e) => e.id)
    await server.db.query(`UPDATE sessions SET status = 'cancelled', cancel_reason = '场地维修' WHERE id = $1`, [
      cancelled,
    ])
    await server.db.query(`UPDATE sessions SET deadline_at = $2 WHERE id = $1`, [
      pastDeadline,
      new Date(NOW.getTime() - 60_000),
    ])
    await server.db.query(`UPDATE sessions SET starts_at = $2 WHERE id = $1`, [started, new Date(NOW.getTime() - 1)])
    await server.db.query(`UPDATE sessions SET opens_at = $2 WHERE id = $1`, [
      notYet,
      new Date(NOW.getTime() + 3600_000),
    ])
    await server.db.query(`UPDATE sessions SET taken = capacity - confirmed_count WHERE id = $1`, [full])
    const { rows } = await walk()
    const listed = new Set(rows.map((r) => r.id))
    for (const id of [cancelled, pastDeadline, started, notYet]) expect([id, listed.has(id)]).toEqual([id, false])
    const fullRow = rows.find((r) => r.id === full)
    expect([fullRow?.waitlist, fullRow?.seatsLeft]).toEqual([true, 0])
    expect(rows).toHaveLength(expected.length - 4)
  })

  it("a session an organizer adds is listed at once; an unpublished federation's sessions are not", async () => {
    const token = await organizerToken(server, 'wudu-2020')
    const { programs } = json(await server.inject(asStaff(token, 'GET', '/api/workspace/programs'))) as {
      programs: Array<{ id: string }>
    }
    const added = await server.inject(
      asStaff(token, 'POST', `/api/workspace/programs/${programs[0].id}/sessions`, {
        title: '新增一期',
        startsAt: '2026-12-05 14:00',
        endsAt: '2026-12-05 16:00',
        deadlineAt: '2026-12-04 18:00',
        online: false,
        place: '武都区妇女儿童活动中心三楼',
        capacity: 30,
        contactPhone: '0939-8212345',
      }),
    )
    expect(added.statusCode).toBe(200)
    const newId = (json(added) as { id: string }).id
    const inWudu = await walk({ county: '621202' })
    expect(inWudu.rows.map((r) => r.id)).toContain(newId)
    expect(inWudu.rows.find((r) => r.id === newId)?.federationId).toBe('wudu-2020')

    const off = await server.inject(asStaff(token, 'POST', '/api/workspace/card/unpublish', {}))
    expect(off.statusCode).toBe(200)
    const { rows } = await walk()
    expect(rows.filter((r) => r.federationId === 'wudu-2020')).toEqual([])
    expect(rows.length).toBeGreaterThan(0)
    expect(await page({ county: '621202' })).toEqual({ sessions: [], next: null })
  })
})

describe.each(backends())('the program index migration (%s)', (backend) => {
  it('fills the rows of cards indexed before it, as publishing writes them', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      await migrate(db)
      await seedContent(db, readJsonDir(MOCK_DIR, 'mock'), NOW)
      const read = () => db.query('SELECT * FROM program_index ORDER BY program_id')
      const written = await read()
      expect(written.length).toBeGreaterThan(20)
      // As on a database whose cards were indexed before migration 015: its backfill alone.
      await db.query('DELETE FROM program_index')
      const migration = readMigrations().find((m) => m.version === 15)
      const backfill = splitStatements(migration?.sql ?? '').filter((q) => q.startsWith('INSERT INTO program_index'))
      expect(backfill).toHaveLength(1)
      await db.query(backfill[0])
      expect(await read()).toEqual(written)
    } finally {
      await db.close()
      await database.drop()
    }
  })
})
