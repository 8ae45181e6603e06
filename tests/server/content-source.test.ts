// In server mode the database is the source of truth for content: sessions keep absolute dates
// whatever the clock says, a restart never overwrites what is there, a moved or cancelled session
// shows on the sign-ups made for it, and an unpublished federation stays out of the public feed.
import type { Session } from '@/domain/types'
import type { ProgramDetail } from '@/domain/views'
import type { CardPage, Signup } from '@/services/api'
import { createMockApi } from '@/services/mock/mock-api'
import { memoryStore } from '../support/memory-store'
import { createFederation, parseNewFederation } from '../../server/src/cli/content'
import { indexCard } from '../../server/src/card-index'
import { MOCK_DIR, openContent, readJsonDir } from '../../server/src/content'
import { migrate } from '../../server/src/db/migrate'
import type { Db } from '../../server/src/db/db'
import { createServer } from '../../server/src/server'
import { cancelSession, updateSession } from '../../server/src/sessions'
import { Signups, SQL } from '../../server/src/signups'
import {
  asDevice,
  asOrganizer,
  backends,
  freshDatabase,
  housekeepingBody,
  NOW,
  person,
  startTestServer,
  bookedRequest,
  testConfig,
  organizerToken,
  type TestServer,
} from './support'

const DAY_MS = 24 * 60 * 60 * 1000
const WEEK_LATER = new Date(NOW.getTime() + 7 * DAY_MS)

const json = async <T>(server: TestServer, url: string, device = 'd-content'): Promise<T> => {
  const r = await server.inject(asDevice(device, 'GET', url))
  expect(r.statusCode).toBe(200)
  return JSON.parse(r.body) as T
}

const when = (sessions: Session[]) =>
  sessions.map(({ id, start, end, deadline, opensAt }) => ({ id, start, end, deadline, opensAt }))

/** The database as one server sees it, left open when that server closes: the next one uses it. */
const keptOpen = (db: Db): Db => ({
  kind: db.kind,
  query: (sql, params) => db.query(sql, params),
  transaction: (fn, options) => db.transaction(fn, options),
  exec: (sql) => db.exec(sql),
  ping: () => db.ping(),
  backup: (file) => db.backup(file),
  close: async () => undefined,
})

describe.each(backends())('content from the database (%s)', (backend) => {
  it('keeps session dates when the clock moves a week (the built-in mock moves its demo dates)', async () => {
    const clock = { at: NOW }
    const server = await startTestServer(backend, { now: () => clock.at })
    try {
      const before = await json<ProgramDetail>(server, '/api/programs/wd-housekeeping')
      const hk1 = before.sessions.find((s) => s.id === 'wd-hk-1')!
      // Seeded at NOW: 8 days on, at 09:00 Beijing.
      expect(hk1.start).toBe('2026-12-01T09:00:00+08:00')
      const r = await server.inject(await bookedRequest(server, 'd-clock-phone', housekeepingBody(person(1))))
      expect(r.statusCode).toBe(201)
      const [mineBefore] = await json<Signup[]>(server, '/api/signups/mine', 'd-clock-phone')
      expect(mineBefore.sessionStart).toBe(hk1.start)

      clock.at = WEEK_LATER
      const after = await json<ProgramDetail>(server, '/api/programs/wd-housekeeping')
      expect(when(after.sessions)).toEqual(when(before.sessions))
      const [mineAfter] = await json<Signup[]>(server, '/api/signups/mine', 'd-clock-phone')
      expect(mineAfter).toEqual(mineBefore)
      expect(mineAfter.sessionChanged).toBeUndefined()

      // The showcase: the built-in mock dates its templates from the clock on every read.
      const mockClock = { at: NOW }
      const mock = createMockApi({
        files: readJsonDir(MOCK_DIR, 'mock'),
        store: memoryStore(),
        now: () => mockClock.at,
      })
      const mockBefore = (await mock.getProgram('wd-housekeeping')).sessions[0].start
      mockClock.at = WEEK_LATER
      const mockAfter = (await mock.getProgram('wd-housekeeping')).sessions[0].start
      expect(Date.parse(mockAfter) - Date.parse(mockBefore)).toBe(7 * DAY_MS)
    } finally {
      await server.close()
    }
  })

  it('a restart never overwrites what the database holds, and seeds only an empty one', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      const first = await createServer(testConfig(), { db: keptOpen(db), now: () => NOW, logger: false })
      expect(first.seeded?.written).toHaveLength(readJsonDir(MOCK_DIR, 'mock').length)
      await first.close()
      await db.query(
        `UPDATE federations SET doc = jsonb_set(doc, '{summary}', '"编辑过的导语"') WHERE id = 'wudu-2020'`,
      )
      await db.query(`UPDATE sessions SET title = '编辑过的场次' WHERE id = 'wd-hk-1'`)

      const second = await createServer(testConfig(), { db: keptOpen(db), now: () => WEEK_LATER, logger: false })
      try {
        expect(second.seeded).toBeUndefined()
        expect((await second.content.federation('wudu-2020'))?.summary).toBe('编辑过的导语')
        const sessions = await second.signups.sessionsOf((await second.content.program('wd-housekeeping'))!.program)
        expect(sessions.find((s) => s.id === 'wd-hk-1')).toMatchObject({
          title: '编辑过的场次',
          start: '2026-12-01T09:00:00+08:00',
        })
      } finally {
        await second.close()
      }
    } finally {
      await db.close()
      await database.drop()
    }
  })

  it('leaves an empty database empty when SEED_EMPTY_DATABASE is off', async () => {
    const server = await startTestServer(backend, { config: { seedEmptyDatabase: false } })
    try {
      expect(server.seeded).toBeUndefined()
      expect((await json<CardPage>(server, '/api/cards')).cards).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('a moved session, a new place and a cancellation show on her sign-ups; the purge follows the new date', async () => {
    const server = await startTestServer(backend)
    try {
      const sent = []
      for (const [i, session] of [
        [1, 'wd-hk-1'],
        [2, 'wd-tc-1'],
      ] as const) {
        const body =
          session === 'wd-hk-1'
            ? housekeepingBody(person(i))
            : {
                programId: 'wd-two-cancers',
                sessionId: session,
                consent: true,
                answers: await twoCancersAnswers(server, person(i), session),
              }
        const r = await server.inject(await bookedRequest(server, `d-move-${i}`, body))
        expect(r.statusCode).toBe(201)
        sent.push(JSON.parse(r.body) as Signup)
      }
      expect(sent.map((s) => [s.sessionChanged, s.sessionCancelled])).toEqual([
        [undefined, undefined],
        [undefined, undefined],
      ])

      // wd-hk-1 moves two days later and to another place; wd-tc-1 is cancelled.
      const moved = new Date('2026-12-03T14:00:00+08:00')
      await server.db.transaction(async (tx) => {
        await updateSession(tx, 'wd-hk-1', { startsAt: moved, place: '某某镇文化站（示例地点）' })
        await cancelSession(tx, 'wd-tc-1', '天气原因，改期另行通知')
      })
      const [hk] = await json<Signup[]>(server, '/api/signups/mine', 'd-move-1')
      expect(hk).toMatchObject({
        sessionStart: '2026-12-03T14:00:00+08:00',
        place: '某某镇文化站（示例地点）',
        sessionChanged: true,
      })
      expect(hk.sessionCancelled).toBeUndefined()
      const [tc] = await json<Signup[]>(server, '/api/signups/mine', 'd-move-2')
      expect(tc).toMatchObject({ sessionCancelled: { reason: '天气原因，改期另行通知' } })
      expect(tc.sessionChanged).toBeUndefined()

      // The organizer's roster reads the session as it is now, too.
      const roster = await server.inject(
        asOrganizer(await organizerToken(server, 'wudu-2020'), '/api/organizer/programs/wd-housekeeping/roster'),
      )
      expect(JSON.parse(roster.body).rows.map((r: { sessionStart: string }) => r.sessionStart)).toEqual([
        '2026-12-03T14:00:00+08:00',
      ])

      // A change to neither time nor place (the title) tells her nothing new.
      await server.db.transaction((tx) => updateSession(tx, 'wd-tc-1', { title: '集中筛查日（上午）' }))
      const [tcAgain] = await json<Signup[]>(server, '/api/signups/mine', 'd-move-2')
      expect([tcAgain.sessionTitle, tcAgain.sessionChanged]).toEqual(['集中筛查日（上午）', undefined])

      // The program page shows the cancelled session closed, and takes no sign-up for it.
      const detail = await json<ProgramDetail>(server, '/api/programs/wd-two-cancers')
      expect(detail.sessions.find((s) => s.id === 'wd-tc-1')?.cancelled).toEqual({ reason: '天气原因，改期另行通知' })
      const refused = await server.inject(
        await bookedRequest(server, 'd-move-3', {
          programId: 'wd-two-cancers',
          sessionId: 'wd-tc-1',
          consent: true,
          answers: await twoCancersAnswers(server, person(3), 'wd-tc-1'),
        }),
      )
      expect([refused.statusCode, JSON.parse(refused.body).error.message]).toEqual([409, '这个场次已取消'])

      // Kept 90 days after the session's NEW start (12-03): still there on 03-02, gone on 03-04.
      expect(await server.signups.purgeExpired(new Date('2027-03-02T12:00:00+08:00'))).toBe(0)
      expect((await json<Signup[]>(server, '/api/signups/mine', 'd-move-1')).length).toBe(1)
      expect(await server.signups.purgeExpired(new Date('2027-03-04T12:00:00+08:00'))).toBe(2)
      expect(await json<Signup[]>(server, '/api/signups/mine', 'd-move-1')).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('a session cancelled after she opened the form, while her sign-up waits for its row, refuses it', async () => {
    const server = await startTestServer(backend)
    try {
      // Her sign-up read the session just before the cancellation: that first read, fingerprint and
      // all, still says open.
      const before = await server.db.query(SQL.session, ['wd-hk-1', 'wd-housekeeping', 'd-late-phone', 'late-key-1'])
      await server.db.transaction((tx) => cancelSession(tx, 'wd-hk-1', '培训老师临时有事'))
      const stale: Db = {
        ...keptOpen(server.db),
        query: async <T>(sql: string, params?: Parameters<Db['query']>[1]) =>
          sql === SQL.session ? (before as T[]) : server.db.query<T>(sql, params),
      }
      const signups = new Signups(stale, server.content, 'test-ticket-secret')
      const { sessionId, programId, answers } = housekeepingBody(person(5))
      await expect(
        signups.submit({
          clientId: 'd-late-phone',
          booker: 'mobile:late-booker',
          idempotencyKey: 'late-key-1',
          programId,
          sessionId,
          answers,
          now: NOW,
        }),
      ).rejects.toMatchObject({ status: 409, message: '这个场次已取消' })
      expect(await server.signups.mine('d-late-phone')).toEqual([])
    } finally {
      await server.close()
    }
  })

  it('a federation made by create-federation exists but stays out of the public feed', async () => {
    const server = await startTestServer(backend, { config: { seedEmptyDatabase: false } })
    try {
      const f = parseNewFederation([
        '--id',
        'wenxian-2026',
        '--name',
        '文县妇联',
        '--region',
        '621222',
        '--level',
        '区县级',
      ])
      expect(await createFederation(server.db, f, NOW)).toContain('发布前不会公开显示')
      await server.content.refresh()
      const [row] = await server.db.query<{ published: boolean; region_code: string }>(
        `SELECT published, region_code FROM federations WHERE id = 'wenxian-2026'`,
      )
      expect(row).toEqual({ published: false, region_code: '621222' })
      expect((await json<CardPage>(server, '/api/cards')).cards).toEqual([])
      expect((await server.inject(asDevice('d', 'GET', '/api/reports/wenxian-2026'))).statusCode).toBe(404)
      await expect(createFederation(server.db, f, NOW)).rejects.toThrow('id "wenxian-2026" 已经被“文县妇联”使用了')
    } finally {
      await server.close()
    }
  })

  it('a change made by another server shows within a second', async () => {
    const server = await startTestServer(backend)
    try {
      expect((await json<CardPage>(server, '/api/cards')).cards.map((c) => c.federationId)).toContain('wudu-2020')
      // As another instance would: straight in the database with the card's index row, then the version bumped.
      await server.db.transaction(async (tx) => {
        await tx.query(`UPDATE federations SET published = false WHERE id = 'wudu-2020'`)
        await indexCard(tx, 'wudu-2020')
        await tx.query('UPDATE content_version SET version = version + 1 WHERE id = 1')
      })
      const start = Date.now()
      let ids: string[] = ['wudu-2020']
      while (ids.includes('wudu-2020') && Date.now() - start < 3000) {
        await new Promise((r) => setTimeout(r, 50))
        ids = (await json<CardPage>(server, '/api/cards')).cards.map((c) => c.federationId)
      }
      expect(ids).not.toContain('wudu-2020')
      expect(Date.now() - start).toBeLessThan(1000)
    } finally {
      await server.close()
    }
  })
})

describe('the content check', () => {
  it('reports the first of a run of failed checks, and again after one succeeds', async () => {
    const database = await freshDatabase('pglite')
    const real = await database.open()
    let down = false
    const db: Db = {
      ...keptOpen(real),
      query: (sql, params) =>
        down ? Promise.reject(Object.assign(new Error('busy'), { code: '57014' })) : real.query(sql, params),
    }
    try {
      await migrate(real)
      const content = await openContent(db)
      const errors: unknown[] = []
      const stop = content.watch(5, (e) => errors.push(e))
      const wait = (ms: number) => new Promise((r) => setTimeout(r, ms))
      down = true
      await wait(100)
      expect(errors).toHaveLength(1)
      down = false
      await wait(50)
      down = true
      await wait(100)
      stop()
      expect(errors).toHaveLength(2)
    } finally {
      await real.close()
    }
  })
})

describe('create-federation arguments', () => {
  it('refuses a bad id, region code or level, in Chinese, naming each', () => {
    expect(() =>
      parseNewFederation(['--id', 'Wen_Xian', '--name', '文县妇联', '--region', '62122', '--level', '县级']),
    ).toThrow(
      /--id "Wen_Xian" 只能用小写字母、数字和“-”[\s\S]*--region "62122" 应为6位行政区划代码[\s\S]*--level 应为 省级、市级、区县级 之一/,
    )
    expect(() =>
      parseNewFederation(['--id', 'x-1', '--name', '某妇联', '--region', '990100', '--level', '市级']),
    ).toThrow('--region "990100" 的前两位不是任何省级行政区的代码')
    expect(() => parseNewFederation(['--id', 'x-1', '--region', '620100', '--level', '市级'])).toThrow('缺少 --name')
    expect(
      parseNewFederation(['--id', 'lanzhou-2026', '--name', '兰州市妇联', '--region', '620100', '--level', '市级']),
    ).toEqual({
      id: 'lanzhou-2026',
      name: '兰州市妇联',
      regionCode: '620100',
      level: '市级',
    })
  })
})

/** Valid answers for the 两癌筛查 form, built from its own fields. */
async function twoCancersAnswers(server: TestServer, who: { name: string; mobile: string }, session: string) {
  const detail = await json<ProgramDetail>(server, '/api/programs/wd-two-cancers')
  const answers: Record<string, string | boolean | string[] | number> = {}
  for (const f of detail.program.signup!.form) {
    if (!f.required) continue
    if (f.type === 'session') answers[f.id] = session
    else if (f.type === 'mobile') answers[f.id] = who.mobile
    else if (f.format === 'name') answers[f.id] = who.name
    else if (f.type === 'single') answers[f.id] = f.options![0]
    else if (f.type === 'multi') answers[f.id] = [f.options![0]]
    else if (f.type === 'checkbox') answers[f.id] = true
    else if (f.type === 'number') answers[f.id] = f.min ?? 1
    else answers[f.id] = '东江镇'
  }
  return answers
}
