// The HTTP API against PGlite (and PostgreSQL when configured): every endpoint, bad input of
// every kind, one client reaching for another's data, and organizers without a live session.
import { Writable } from 'node:stream'
import { contentFiles } from '@/services/mock/content-files'
import { createMockApi } from '@/services/mock/mock-api'
import { memoryStore } from '../support/memory-store'
import { openContent } from '../../server/src/content'
import { signBooker } from '../../server/src/booker'
import { DEV_BOOKER_SECRET } from '../../server/src/config'
import { Signups } from '../../server/src/signups'
import {
  asDevice,
  asOrganizer,
  backends,
  housekeepingBody,
  newKey,
  NOW,
  organizerToken,
  startTestServer,
  bookedRequest,
  submitRequest,
  type TestServer,
} from './support'

const json = (r: { body: string }) => JSON.parse(r.body)

describe.each(backends())('API (%s)', (backend) => {
  let server: TestServer
  let inject: TestServer['inject']
  /** Sessions of the development 管理员 of 武都 and 成都. */
  let WUDU: string
  let CHENGDU: string
  beforeAll(async () => {
    server = await startTestServer(backend)
    inject = server.inject
    WUDU = await organizerToken(server, 'wudu-2020')
    CHENGDU = await organizerToken(server, 'chengdu-2020')
  })
  afterAll(() => server.close())

  describe('content', () => {
    const mock = createMockApi({ files: contentFiles, store: memoryStore(), now: () => NOW })

    it('answers health once the database is ready', async () => {
      const r = await inject({ method: 'GET', url: '/api/health' })
      expect([r.statusCode, json(r)]).toEqual([200, { ok: true, database: backend, federations: contentFiles.length }])
    })

    it('gives the same cards, reports and programs as the built-in mock', async () => {
      expect(json(await inject({ method: 'GET', url: '/api/cards' }))).toEqual(await mock.listCards())
      const filtered = await inject({ method: 'GET', url: `/api/cards?topic=${encodeURIComponent('健康')}` })
      expect(json(filtered)).toEqual(await mock.listCards({ topic: '健康' }))
      expect(json(filtered).cards.length).toBeGreaterThan(0)
      expect(json(await inject({ method: 'GET', url: '/api/reports/zhuzhou-2020' }))).toEqual(
        await mock.getReport('zhuzhou-2020'),
      )
      expect(json(await inject({ method: 'GET', url: '/api/programs/zz-legal-aid' }))).toEqual(
        await mock.getProgram('zz-legal-aid'),
      )
    })

    it('answers unknown ids, unknown topics and unknown routes in Chinese', async () => {
      const cases: Array<[string, number, string]> = [
        ['/api/reports/nowhere', 404, '没有找到这个妇联的年终盘点，可能已下线'],
        ['/api/programs/nothing', 404, '没有找到这个项目，可能已下线'],
        [`/api/programs/${'x'.repeat(200)}`, 404, '没有找到这个项目，可能已下线'],
        [`/api/cards?topic=${encodeURIComponent('天气')}`, 400, '没有这个主题'],
        ['/api/nothing-here', 404, '没有这个接口'],
      ]
      for (const [url, status, message] of cases) {
        const r = await inject({ method: 'GET', url })
        expect([url, r.statusCode, json(r).error.message]).toEqual([url, status, message])
      }
    })
  })

  describe('sign-up', () => {
    it('confirms, counts the seat, and gives the same sign-up back for the same key', async () => {
      const before = json(await inject({ method: 'GET', url: '/api/programs/wd-housekeeping' })).sessions[0].taken
      const key = newKey()
      const first = await inject(
        await bookedRequest(server, 'd-same-key-1', housekeepingBody({ name: '王芳', mobile: '13800138000' }), key),
      )
      expect(first.statusCode).toBe(201)
      expect(json(first)).toMatchObject({
        status: 'confirmed',
        name: '王芳',
        mobile: '13800138000',
        sessionId: 'wd-hk-1',
      })
      const again = await inject(
        await bookedRequest(server, 'd-same-key-1', housekeepingBody({ name: '王芳', mobile: '13800138000' }), key),
      )
      expect([again.statusCode, json(again).id]).toEqual([200, json(first).id])
      const mine = json(await inject(asDevice('d-same-key-1', 'GET', '/api/signups/mine')))
      expect(mine).toHaveLength(1)
      // A demo session's sign-up says so, as the built-in mock's does.
      expect([json(first).demo, json(again).demo, mine[0].demo]).toEqual([true, true, true])
      const after = json(await inject({ method: 'GET', url: '/api/programs/wd-housekeeping' })).sessions[0].taken
      expect(after).toBe(before + 1)
    })

    it('stores normalised answers: a mobile typed with +86 and spaces', async () => {
      const r = await inject(
        await bookedRequest(server, 'd-normalise-1', housekeepingBody({ name: '刘桂兰', mobile: '+86 139 0013 9000' })),
      )
      expect([r.statusCode, json(r).mobile]).toEqual([201, '13900139000'])
    })

    it('accepts a rare-character name and numbers typed on a full-width keyboard, and stores them plain', async () => {
      const r = await inject(
        await bookedRequest(server, 'd-rare-name-1', {
          programId: 'wd-two-cancers',
          sessionId: 'wd-tc-1',
          consent: true,
          answers: { name: '王𠈌', mobile: '＋８６ １３９－００１３－９００１', town: '东江镇', age: '４５' },
        }),
      )
      expect([r.statusCode, json(r).name, json(r).mobile]).toEqual([201, '王𠈌', '13900139001'])
      const roster = json(await inject(asOrganizer(WUDU, '/api/organizer/programs/wd-two-cancers/roster')))
      const row = roster.rows.find((x: { id: string }) => x.id === json(r).id)
      expect(row).toMatchObject({ name: '王𠈌', mobile: '13900139001' })
      expect(row.extra).toContainEqual({ label: '年龄', value: '45' })
      // The same person typed plainly is the same person.
      const again = await inject(
        await bookedRequest(server, 'd-rare-name-2', {
          programId: 'wd-two-cancers',
          sessionId: 'wd-tc-1',
          consent: true,
          answers: { name: '王𠈌', mobile: '13900139001', town: '东江镇', age: 45 },
        }),
      )
      expect([again.statusCode, json(again).error.code]).toEqual([409, 'duplicate'])
    })

    it('counts its own size limit in characters: 260 rare characters are 260, not 520', async () => {
      const ok = housekeepingBody({ name: '李𬌗', mobile: '13900139002' })
      const r = await inject(
        await bookedRequest(server, 'd-rare-long-1', { ...ok, answers: { ...ok.answers, note: '𠈌'.repeat(260) } }),
      )
      expect([r.statusCode, json(r).name]).toEqual([201, '李𬌗'])
      const over = await inject(
        await bookedRequest(server, 'd-rare-long-2', { ...ok, answers: { ...ok.answers, note: '𠈌'.repeat(501) } }),
      )
      expect([over.statusCode, json(over).error.message]).toEqual([400, '这一项最多500个字'])
    })

    it('refuses the same person twice for a session, from any phone', async () => {
      const who = { name: '陈秀英', mobile: '13700137000' }
      expect((await inject(await bookedRequest(server, 'd-dup-first', housekeepingBody(who)))).statusCode).toBe(201)
      const r = await inject(
        await bookedRequest(server, 'd-dup-second', housekeepingBody({ ...who, mobile: '137-0013-7000' })),
      )
      expect([r.statusCode, json(r).error]).toEqual([
        409,
        { code: 'duplicate', message: '陈秀英 已经报名了这个场次，不用重复报名', field: 'name' },
      ])
    })

    it('refuses bad input of every kind with a Chinese message and the field, storing nothing', async () => {
      const ok = housekeepingBody({ name: '赵敏', mobile: '13600136000' })
      const big = { ...ok, answers: { ...ok.answers, town: '镇'.repeat(600) } }
      const manyKeys = { ...ok, answers: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, 'x'])) }
      const cases: Array<[string, unknown, number, string, string | undefined]> = [
        ['no consent', { ...ok, consent: false }, 400, '请先阅读并勾选同意《隐私说明》', 'consent'],
        [
          'short mobile',
          { ...ok, answers: { ...ok.answers, mobile: '1380013800' } },
          400,
          '手机号应为11位，现在是10位',
          'mobile',
        ],
        ['long name', { ...ok, answers: { ...ok.answers, name: '王'.repeat(200) } }, 400, '姓名最多30个字', 'name'],
        [
          'script as name',
          { ...ok, answers: { ...ok.answers, name: '<script>alert()</script>' } },
          400,
          '姓名只能用汉字、字母和间隔号“·”',
          'name',
        ],
        [
          'emoji name',
          { ...ok, answers: { ...ok.answers, name: '王芳😀' } },
          400,
          '姓名只能用汉字、字母和间隔号“·”',
          'name',
        ],
        ['missing job', { ...ok, answers: { ...ok.answers, job: undefined } }, 400, '请选择结业后打算', 'job'],
        [
          'option not offered',
          { ...ok, answers: { ...ok.answers, job: '去月球' } },
          400,
          '请从选项中选择结业后打算',
          'job',
        ],
        ['text over the server limit', big, 400, '这一项最多500个字', 'town'],
        ['too many answers', manyKeys, 400, '报名内容的项目太多了', 'answers'],
        [
          'answer of a wrong type',
          { ...ok, answers: { ...ok.answers, town: { a: 1 } } },
          400,
          '这一项的内容不对，请重新填写',
          'town',
        ],
        ['answers missing', { ...ok, answers: undefined }, 400, '报名内容缺失，请重新填写', 'answers'],
        ['array body', [ok], 400, '报名内容缺失，请重新填写', undefined],
        ['no session', { ...ok, sessionId: '' }, 400, '请选择场次', 'session'],
        ['unknown program', { ...ok, programId: 'nope' }, 404, '没有找到这个项目，可能已下线', 'programId'],
        ['unknown session', { ...ok, sessionId: 'nope' }, 404, '没有找到这个场次，请重新选择', 'session'],
        [
          'deadline passed',
          { ...ok, programId: 'wd-live-training', sessionId: 'wd-live-2' },
          409,
          '这个场次的报名已经截止了',
          'session',
        ],
        [
          'not open yet',
          housekeepingBody({ name: '赵敏', mobile: '13600136000' }, 'wd-hk-2'),
          409,
          '这个场次还没开始报名',
          'session',
        ],
      ]
      for (const [what, body, status, message, field] of cases) {
        const r = await inject(await bookedRequest(server, 'd-bad-input', body))
        expect([what, r.statusCode, json(r).error.message, json(r).error.field]).toEqual([what, status, message, field])
      }
      expect(json(await inject(asDevice('d-bad-input', 'GET', '/api/signups/mine')))).toEqual([])
    })

    it('refuses a request that is not a proper sign-up before reading it', async () => {
      const ok = housekeepingBody({ name: '赵敏', mobile: '13600136000' })
      const noDevice = await inject({ ...submitRequest('x', ok), headers: { 'idempotency-key': newKey() } })
      expect([noDevice.statusCode, json(noDevice).error.message]).toEqual([
        401,
        '没能识别这台手机，请重新打开小程序后再试',
      ])
      const badKey = await inject(await bookedRequest(server, 'd-bad-request', ok, 'short'))
      expect([badKey.statusCode, json(badKey).error.field]).toEqual([400, 'idempotency-key'])
      const badJson = await inject({
        ...submitRequest('d-bad-request', undefined),
        payload: '{"programId":',
        headers: { 'x-device-id': 'd-bad-request', 'idempotency-key': newKey(), 'content-type': 'application/json' },
      })
      expect([badJson.statusCode, json(badJson).error.message]).toEqual([400, '提交的内容格式不对，请刷新后再试'])
      const tooLarge = await inject(
        await bookedRequest(server, 'd-bad-request', { ...ok, padding: 'x'.repeat(20_000) }),
      )
      expect([tooLarge.statusCode, json(tooLarge).error.message]).toEqual([413, '提交的内容太多了，请精简后再试'])
      const plain = await inject({
        ...submitRequest('d-bad-request', undefined),
        payload: 'name=王芳',
        headers: { 'x-device-id': 'd-bad-request', 'idempotency-key': newKey(), 'content-type': 'text/plain' },
      })
      expect([plain.statusCode, json(plain).error.message]).toEqual([415, '提交的格式不对，请用 JSON'])
      for (const r of [noDevice, badKey, badJson, tooLarge, plain]) expect(r.body).not.toMatch(/at .*\.(ts|js):\d+/)
    })
  })

  describe('my sign-ups', () => {
    it('shows each client only its own, and refuses another client’s cancel as not found', async () => {
      const a = json(
        await inject(
          await bookedRequest(server, 'd-owner-a', housekeepingBody({ name: '杨丽', mobile: '13500135000' })),
        ),
      )
      await inject(await bookedRequest(server, 'd-owner-b', housekeepingBody({ name: '周华', mobile: '13500135001' })))
      const mineB = json(await inject(asDevice('d-owner-b', 'GET', '/api/signups/mine')))
      expect(mineB.map((s: { name: string }) => s.name)).toEqual(['周华'])
      const steal = await inject(asDevice('d-owner-b', 'POST', `/api/signups/${a.id}/cancel`))
      expect([steal.statusCode, json(steal).error.message]).toEqual([404, '没有找到这条报名记录'])
      const stillA = json(await inject(asDevice('d-owner-a', 'GET', '/api/signups/mine')))
      expect(stillA[0].status).toBe('confirmed')
      const noDevice = await inject({ method: 'GET', url: '/api/signups/mine' })
      expect(noDevice.statusCode).toBe(401)
    })

    it('cancels her own sign-up and gives the seat to the first on the waitlist', async () => {
      // Fill wd-live-1 (54 seats left) and two more who wait.
      const ids: string[] = []
      for (let i = 0; i < 56; i++) {
        const who = {
          name: `${'吴郑孙马朱胡郭何高林'[i % 10]}${'春夏秋冬梅兰竹菊'[Math.floor(i / 10)]}`,
          mobile: `150${String(i).padStart(8, '0')}`,
        }
        const r = await inject(
          await bookedRequest(server, `d-live-${i}`, {
            programId: 'wd-live-training',
            sessionId: 'wd-live-1',
            consent: true,
            answers: { ...who, town: '城关镇', session: 'wd-live-1', product: '花椒' },
          }),
        )
        ids.push(json(r).id)
        expect(r.statusCode).toBe(201)
      }
      const waiting = json(await inject(asDevice('d-live-55', 'GET', '/api/signups/mine')))[0]
      expect([waiting.status, waiting.waitlistPosition]).toEqual(['waitlisted', 2])
      const cancelled = await inject(asDevice('d-live-3', 'POST', `/api/signups/${ids[3]}/cancel`))
      expect([cancelled.statusCode, json(cancelled).status, json(cancelled).demo]).toEqual([200, 'cancelled', true])
      const promoted = json(await inject(asDevice('d-live-54', 'GET', '/api/signups/mine')))[0]
      expect(promoted.status).toBe('confirmed')
      const moved = json(await inject(asDevice('d-live-55', 'GET', '/api/signups/mine')))[0]
      expect([moved.status, moved.waitlistPosition]).toEqual(['waitlisted', 1])
      // Cancelling twice changes nothing more.
      const twice = await inject(asDevice('d-live-3', 'POST', `/api/signups/${ids[3]}/cancel`))
      expect(json(twice).status).toBe('cancelled')
      expect(json(await inject(asDevice('d-live-55', 'GET', '/api/signups/mine')))[0].waitlistPosition).toBe(1)
    })

    it('deletes all of one client’s data and nobody else’s', async () => {
      await inject(
        await bookedRequest(server, 'd-delete-me', housekeepingBody({ name: '林梅', mobile: '13300133000' })),
      )
      await inject(await bookedRequest(server, 'd-keep-me', housekeepingBody({ name: '林兰', mobile: '13300133001' })))
      const r = await inject(asDevice('d-delete-me', 'DELETE', '/api/signups/mine'))
      expect(r.statusCode).toBe(204)
      expect(json(await inject(asDevice('d-delete-me', 'GET', '/api/signups/mine')))).toEqual([])
      expect(json(await inject(asDevice('d-keep-me', 'GET', '/api/signups/mine')))).toHaveLength(1)
      const roster = json(await inject(asOrganizer(WUDU, '/api/organizer/programs/wd-housekeeping/roster')))
      expect(roster.rows.some((row: { name: string }) => row.name === '林梅')).toBe(false)
    })
  })

  describe('organizer', () => {
    it('lists its programs and the roster with full mobiles, and exports CSV with a BOM', async () => {
      await inject(
        await bookedRequest(server, 'd-roster-1', housekeepingBody({ name: '高秀兰', mobile: '13200132000' })),
      )
      const programs = json(await inject(asOrganizer(WUDU, '/api/organizer/programs')))
      expect(programs.federation).toEqual({ id: 'wudu-2020', name: '武都区妇联' })
      expect(programs.programs.map((p: { id: string }) => p.id)).toEqual([
        'wd-housekeeping',
        'wd-live-training',
        'wd-two-cancers',
      ])
      const roster = json(await inject(asOrganizer(WUDU, '/api/organizer/programs/wd-housekeeping/roster')))
      const row = roster.rows.find((r: { name: string }) => r.name === '高秀兰')
      expect(row).toMatchObject({ mobile: '13200132000', status: 'confirmed', sessionTitle: '母婴护理班' })
      expect(row.extra).toEqual([
        { label: '所在乡镇（街道）', value: '东江镇' },
        { label: '结业后打算', value: '在本地就业' },
      ])

      const csv = await inject(asOrganizer(WUDU, '/api/organizer/programs/wd-housekeeping/roster.csv'))
      expect(csv.statusCode).toBe(200)
      expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
      expect(csv.headers['content-disposition']).toContain(encodeURIComponent('家政技能培训-报名名单.csv'))
      expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
      const lines = csv.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
      expect(lines[0]).toBe('序号,场次,开始时间,状态,姓名,手机号,所在乡镇（街道）,结业后打算,报名时间,签到时间,签到人')
      // Not checked in yet: 签到时间 and 签到人 are empty.
      expect(lines.find((l) => l.includes('高秀兰'))).toMatch(
        /^\d+,母婴护理班,2026-12-01 09:00,已报名,高秀兰,13200132000,东江镇,在本地就业,2026-11-23 10:00:00,,$/,
      )
      expect(lines).toHaveLength(roster.rows.length + 1)
    })

    it('refuses a missing or forged session, and another federation’s program', async () => {
      const none = await inject({ method: 'GET', url: '/api/organizer/programs' })
      expect([none.statusCode, json(none).error.message]).toEqual([401, '请先登录'])
      // One character changed, and never to itself (a last character of A would leave the token as it was).
      const forged = await inject(
        asOrganizer(`${WUDU[0] === 'A' ? 'B' : 'A'}${WUDU.slice(1)}`, '/api/organizer/programs'),
      )
      const csv = await inject(asOrganizer('nope', '/api/organizer/programs/wd-housekeeping/roster.csv'))
      for (const r of [forged, csv]) {
        expect([r.statusCode, json(r).error.message]).toEqual([401, '登录已过期，请重新登录'])
      }
      const other = await inject(asOrganizer(CHENGDU, '/api/organizer/programs/wd-housekeeping/roster'))
      expect([other.statusCode, json(other).error.message]).toEqual([403, '这不是你所在妇联的项目，看不到它的报名名单'])
      const otherCsv = await inject(asOrganizer(CHENGDU, '/api/organizer/programs/wd-housekeeping/roster.csv'))
      expect(otherCsv.statusCode).toBe(403)
      const unknown = await inject(asOrganizer(WUDU, '/api/organizer/programs/nope/roster'))
      expect(unknown.statusCode).toBe(404)
    })
  })

  describe('wx.login', () => {
    it('gives a stable client id for a code through the development stand-in', async () => {
      const login = (code: unknown) => inject({ method: 'POST', url: '/api/login', payload: { code } })
      const a = json(await login('code-a')).clientId
      expect(a).toMatch(/^wx-[A-Za-z0-9_-]{32}$/)
      expect(json(await login('code-a')).clientId).toBe(a)
      expect(json(await login('code-b')).clientId).not.toBe(a)
      const bad = await login('')
      expect([bad.statusCode, json(bad).error.field]).toEqual([400, 'code'])
    })
  })
})

describe('hygiene', () => {
  it('keeps names, mobiles, device ids and tokens out of the logs, and hides failures behind a plain 500', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const server = await startTestServer('pglite', { logger: { level: 'info', stream } })
    const { app, inject } = server
    const body = housekeepingBody({ name: '欧阳秀珍', mobile: '18912345678' })
    await inject(await bookedRequest(server, 'd-secret-device', body))
    await inject(await bookedRequest(server, 'd-secret-device', body))
    const WUDU = await organizerToken(server, 'wudu-2020')
    await inject(asOrganizer(WUDU, '/api/organizer/programs/wd-housekeeping/roster'))
    await server.db.close()
    const failed = await inject(asDevice('d-secret-device', 'GET', '/api/signups/mine'))
    expect([failed.statusCode, json(failed)]).toEqual([
      500,
      { error: { code: 'unknown', message: '服务器暂时出了问题，请稍后再试' } },
    ])
    await app.close()
    const log = lines.join('')
    expect(log).toContain('request failed')
    expect(log).toContain('/api/signups')
    for (const secret of ['欧阳秀珍', '18912345678', 'd-secret-device', WUDU]) expect(log).not.toContain(secret)
  })

  it('answers CORS only for configured origins', async () => {
    const server = await startTestServer('pglite', { config: { corsOrigins: ['http://localhost:10086'] } })
    const preflight = (origin: string) =>
      server.inject({
        method: 'OPTIONS',
        url: '/api/signups',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type,x-device-id',
        },
      })
    expect((await preflight('http://localhost:10086')).headers['access-control-allow-origin']).toBe(
      'http://localhost:10086',
    )
    expect((await preflight('https://evil.example')).headers['access-control-allow-origin']).toBeUndefined()
    await server.close()
  })

  it('limits requests per verified booker, else per address, with a Chinese message; device ids change nothing', async () => {
    const server = await startTestServer('pglite', {
      config: { rateLimitPerMinute: 3, rateLimitPerAddressPerMinute: 5 },
    })
    const expires = new Date(NOW.getTime() + 24 * 60 * 60 * 1000)
    const token = (subject: string) => signBooker({ kind: 'mobile', subject }, DEV_BOOKER_SECRET, expires).token
    let devices = 0
    const mine = (bookerToken?: string) =>
      server.inject({
        method: 'GET',
        url: '/api/signups/mine',
        // A new device id every time: a script's way round a limit keyed by it.
        headers: {
          'x-device-id': `d-rotating-${++devices}`,
          ...(bookerToken ? { 'x-booker-token': bookerToken } : {}),
        },
      })
    const codes = async (n: number, bookerToken?: string) => {
      const out: number[] = []
      for (let i = 0; i < n; i++) out.push((await mine(bookerToken)).statusCode)
      return out
    }
    const busy = token('busy-booker')
    expect(await codes(4, busy)).toEqual([200, 200, 200, 429])
    // Another booker behind the same address has a limit of her own.
    expect(await codes(1, token('calm-booker'))).toEqual([200])
    // Without a token (or with a forged one) the address is the key, with its own limit.
    expect(await codes(6)).toEqual([200, 200, 200, 200, 200, 429])
    const limited = await mine(`${busy.slice(0, -2)}xx`)
    expect(limited.statusCode).toBe(429)
    expect(json(limited).error.message).toBe('操作太频繁了，请稍等一分钟再试')
    // Preflights are answered before the limit: more of them than the limit from one address still pass.
    const preflights: number[] = []
    for (let i = 0; i < 5; i++) {
      const r = await server.inject({
        method: 'OPTIONS',
        url: '/api/signups',
        headers: { origin: 'http://localhost:10086', 'access-control-request-method': 'POST' },
      })
      preflights.push(r.statusCode)
    }
    expect(preflights).toEqual([204, 204, 204, 204, 204])
    await server.close()
  })
})

describe('retention', () => {
  it('deletes sign-ups 90 days after their session started, not before', async () => {
    const server = await startTestServer('pglite')
    const signup = JSON.parse(
      (
        await server.inject(
          await bookedRequest(server, 'd-retention', housekeepingBody({ name: '马兰', mobile: '13100131000' })),
        )
      ).body,
    )
    const signups = new Signups(server.db, await openContent(server.db), 'test-ticket-secret')
    const day = 24 * 60 * 60 * 1000
    const start = Date.parse(signup.sessionStart)
    expect(await signups.purgeExpired(new Date(start + 89 * day))).toBe(0)
    expect(await signups.mine('d-retention')).toHaveLength(1)
    expect(await signups.purgeExpired(new Date(start + 91 * day))).toBe(1)
    expect(await signups.mine('d-retention')).toEqual([])
    await server.close()
  })
})
