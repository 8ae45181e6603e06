// The routes' JSON schemas are the one definition of what the API answers: every route declares
// one; the running server's real answers and the built-in mock's answers both validate against
// them (additional properties refused, so a field missing from a schema shows here); and the
// request schemas accept everything the routes' own checks accept, so the Chinese messages stay theirs.
import Ajv from 'ajv'
import fc from 'fast-check'
import sharp from 'sharp'
import { TOPICS } from '@/domain/types'
import { contentFiles } from '@/services/mock/content-files'
import { createMockApi } from '@/services/mock/mock-api'
import type { Signup } from '@/services/api'
import { memoryStore } from '../support/memory-store'
import { routeTable } from '../../server/src/app'
import { toHttpError } from '../../server/src/http/errors-hook'
import type { RouteEntry } from '../../server/src/http/route-table'
import { clientIdFrom } from '../../server/src/identity'
import { checkSubmit } from '../../server/src/routes/signups'
import * as S from '../../server/src/schemas'
import {
  asDevice,
  asOrganizer,
  backends,
  book,
  bookingDevice,
  contentWithSeats,
  housekeepingBody,
  newKey,
  NOW,
  person,
  startTestServer,
  bookedRequest,
  organizerToken,
  type InjectOptions,
  type Reply,
  type TestServer,
  asStaff,
} from './support'

const ajv = new Ajv({ allErrors: true })

function expectValid(schema: unknown, data: unknown, what: string): void {
  const validate = ajv.compile(schema as object)
  if (!validate(data)) throw new Error(`${what} 不符合声明的结构：${ajv.errorsText(validate.errors)}`)
}

const isValid = (schema: unknown, data: unknown) => ajv.validate(schema as object, data) === true

type Responses = Record<string, unknown>
const responsesOf = (route: RouteEntry) => (route.schema as { response?: Responses } | undefined)?.response

/** The schema Fastify serializes a status with: the exact code first, then its range. */
const responseSchema = (route: RouteEntry, status: number) => {
  const responses = responsesOf(route) ?? {}
  return responses[String(status)] ?? responses[`${String(status)[0]}xx`]
}

const apiRoutes = (server: TestServer) =>
  routeTable(server.app).filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD' && r.method !== 'OPTIONS')

/** 武都 家政 wd-hk-1 with a single seat: the second sign-up is waitlisted and carries its position. */
const ONE_SEAT = contentWithSeats(1)

describe.each(backends())('route schemas (%s)', (backend) => {
  let server: TestServer
  let routes: RouteEntry[]
  /** `METHOD /pattern` of every route whose success answer was validated. */
  const validated = new Set<string>()

  beforeAll(async () => {
    server = await startTestServer(backend, { files: ONE_SEAT })
    routes = apiRoutes(server)
  })
  afterAll(() => server.close())

  /** Sends the request and validates the answer against the schema its route declares for that status. */
  async function call(options: InjectOptions): Promise<Reply> {
    const reply = await server.inject(options)
    const path = options.url.split('?')[0]
    const route = routes.find((r) => r.method === options.method && r.pattern.test(path))
    if (!route) throw new Error(`没有这个接口：${options.method} ${path}`)
    const schema = responseSchema(route, reply.statusCode)
    if (!schema) throw new Error(`${route.method} ${route.url} 没有声明 ${reply.statusCode} 的结构`)
    const type = reply.headers['content-type'] ?? ''
    const body =
      reply.statusCode === 204 ? null : type.startsWith('application/json') ? JSON.parse(reply.body) : reply.body
    expectValid(schema, body, `${options.method} ${options.url} → ${reply.statusCode}`)
    if (reply.statusCode < 300) validated.add(`${route.method} ${route.url}`)
    return reply
  }
  const get = (url: string) => call({ method: 'GET', url })
  const json = (r: Reply) => JSON.parse(r.body)

  it('every /api route declares its success answer and the error shape for 4xx and 5xx', () => {
    expect(routes.length).toBeGreaterThanOrEqual(12)
    for (const route of routes) {
      const responses = responsesOf(route)
      const where = `${route.method} ${route.url}`
      expect([where, Object.keys(responses ?? {}).some((k) => /^2\d\d$/.test(k))]).toEqual([where, true])
      expect([where, responses?.['4xx'], responses?.['5xx']]).toEqual([where, S.errorResponse, S.errorResponse])
      // A path parameter is declared too.
      if (route.url.includes('/:'))
        expect([where, (route.schema as { params?: unknown }).params]).toEqual([where, expect.any(Object)])
    }
  })

  it('public answers validate, and carry every field the built-in mock gives (nothing dropped)', async () => {
    const mock = createMockApi({ files: ONE_SEAT, store: memoryStore(), now: () => NOW })
    expect(json(await get('/api/health'))).toMatchObject({ ok: true, database: backend })
    const { cards } = json(await get('/api/cards'))
    expect({ cards, next: null }).toEqual(await mock.listCards())
    expect(json(await get(`/api/cards?topic=${encodeURIComponent('健康')}`))).toEqual(
      await mock.listCards({ topic: '健康' }),
    )
    let programs = 0
    for (const card of cards as Array<{ federationId: string }>) {
      const report = json(await get(`/api/reports/${card.federationId}`))
      expect(report).toEqual(await mock.getReport(card.federationId))
      for (const program of report.programs as Array<{ id: string }>) {
        expect(json(await get(`/api/programs/${program.id}`))).toEqual(await mock.getProgram(program.id))
        programs++
      }
    }
    expect(programs).toBeGreaterThan(cards.length)
    // Errors have the declared shape too.
    expect((await get('/api/reports/nowhere')).statusCode).toBe(404)
    expect((await get('/api/cards?topic=nothing')).statusCode).toBe(400)
    expect((await get('/api/cards?cursor=nothing')).statusCode).toBe(400)
    expect((await get('/api/cards?limit=12&city=510100&q=%E6%88%90%E9%83%BD')).statusCode).toBe(200)
  })

  it('the open sessions list validates, with a place and without (online), filtered, and its refusals', async () => {
    const first = json(await get('/api/sessions/open?limit=10'))
    expect(first.sessions).toHaveLength(10)
    const rest = json(await get(`/api/sessions/open?limit=20&cursor=${encodeURIComponent(first.next)}`))
    const rows = [...first.sessions, ...rest.sessions] as Array<{ online: boolean; place?: string; waitlist: boolean }>
    // Both shapes of a row are among the answers validated.
    expect(rows.some((r) => r.online && r.place === undefined)).toBe(true)
    expect(rows.some((r) => !r.online && r.place)).toBe(true)
    const filtered = await get(`/api/sessions/open?county=621202&topic=${encodeURIComponent('健康')}`)
    expect(filtered.statusCode).toBe(200)
    expect((await get('/api/sessions/open?topic=nothing')).statusCode).toBe(400)
    expect((await get('/api/sessions/open?cursor=nothing')).statusCode).toBe(400)
    expect((await get('/api/sessions/open?province=510100')).statusCode).toBe(400)
    expect((await get('/api/sessions/open?limit=9')).statusCode).toBe(400)
  })

  it('sign-up answers validate, the optional fields included', async () => {
    const device = 'd-schemas-1'
    const first = await bookedRequest(server, device, housekeepingBody(person(1)))
    expect((await call(first)).statusCode).toBe(201)
    // The same key again: the same sign-up, 200.
    expect((await call(first)).statusCode).toBe(200)
    const waitlisted = json(await call(await bookedRequest(server, device, housekeepingBody(person(2)))))
    expect(waitlisted).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    const mine: Signup[] = json(await call(asDevice(device, 'GET', '/api/signups/mine')))
    expect(mine.map((s) => s.status).sort()).toEqual(['confirmed', 'waitlisted'])
    expect(
      (await call(await bookedRequest(server, device, { ...housekeepingBody(person(3)), consent: false }))).statusCode,
    ).toBe(400)
    expect((await call(asDevice('', 'GET', '/api/signups/mine'))).statusCode).toBe(401)

    // The organizer's roster before anything is cancelled: one row with a waitlist position.
    const wudu = await organizerToken(server, 'wudu-2020')
    expect(json(await call(asOrganizer(wudu, '/api/organizer/programs'))).programs.length).toBeGreaterThan(0)
    const roster = json(await call(asOrganizer(wudu, '/api/organizer/programs/wd-housekeeping/roster')))
    expect(roster.rows.find((r: { status: string }) => r.status === 'waitlisted')).toMatchObject({
      waitlistPosition: 1,
    })
    const csv = await call(asOrganizer(wudu, '/api/organizer/programs/wd-housekeeping/roster.csv'))
    expect(csv.body.startsWith('\uFEFF序号')).toBe(true)
    expect((await call(asOrganizer('wrong-token-000000', '/api/organizer/programs'))).statusCode).toBe(401)
    const other = asOrganizer(
      await organizerToken(server, 'chengdu-2020'),
      '/api/organizer/programs/wd-housekeeping/roster',
    )
    expect((await call(other)).statusCode).toBe(403)

    const confirmed = mine.find((s) => s.status === 'confirmed')!
    // A seat without a hold window needs no confirming: she gets it back as it is.
    expect(json(await call(asDevice(device, 'POST', `/api/signups/${confirmed.id}/confirm`))).status).toBe('confirmed')
    expect(json(await call(asDevice(device, 'POST', `/api/signups/${confirmed.id}/cancel`))).status).toBe('cancelled')
    expect((await call(asDevice(device, 'POST', `/api/signups/${confirmed.id}/confirm`))).statusCode).toBe(409)
    expect((await call(asDevice(device, 'POST', '/api/signups/su-none/cancel'))).statusCode).toBe(404)
    expect((await call(asDevice(device, 'DELETE', '/api/signups/mine'))).statusCode).toBe(204)
  })

  it('login answers validate', async () => {
    const login = (payload: unknown) => call({ method: 'POST', url: '/api/login', payload })
    expect(json(await login({ code: 'wx-login-code-1' })).clientId).toMatch(/^wx-/)
    expect((await login({})).statusCode).toBe(400)
  })

  it('verification answers validate: send, the development code, check, and their refusals', async () => {
    const post = (url: string, payload: unknown) => call({ method: 'POST', url, payload })
    const mobile = '13812345678'
    expect(json(await post('/api/verify/send', { mobile })).sent).toBe(true)
    expect((await post('/api/verify/send', { mobile })).statusCode).toBe(429)
    expect((await post('/api/verify/send', { mobile: '123' })).statusCode).toBe(400)
    const { code } = json(await get(`/api/dev/sms/latest?mobile=${mobile}`))
    expect((await get('/api/dev/sms/latest?mobile=13812345679')).statusCode).toBe(404)
    expect(
      (await post('/api/verify/check', { mobile, code: code === '000000' ? '000001' : '000000' })).statusCode,
    ).toBe(400)
    expect(json(await post('/api/verify/check', { mobile, code })).mobile).toBe('138****5678')
  })

  it('a schema refusal the route does not check itself is still a Chinese 400 naming the field', async () => {
    // A repeated key makes an array, which the route's check passes over and the schema refuses.
    const r = await get(`/api/cards?province=${encodeURIComponent('四川省')}&province=x`)
    expect(r.statusCode).toBe(400)
    expect(json(r).error).toEqual({ code: 'invalid', field: 'province', message: '“地区”填得不对，请检查后重新提交' })
  })

  it('organizer account answers validate: login, me, invitations, staff, roles, resets, audit, logout', async () => {
    const as = asStaff
    const admin = await organizerToken(server, 'zhuzhou-2020')
    expect(json(await call(as(admin, 'GET', '/api/auth/me'))).account.role).toBe('admin')
    const invitation = json(await call(as(admin, 'POST', '/api/workspace/invitations', { role: 'viewer' })))
    const newcomer = { login: `schema-viewer-${backend}`, displayName: '李查看', password: 'a-long-password-1' }
    const accepted = json(
      await call({ method: 'POST', url: `/api/auth/invitations/${invitation.token}/accept`, payload: newcomer }),
    )
    expect(accepted.account).toMatchObject({ login: newcomer.login, role: 'viewer' })
    const viewerId = accepted.account.id as number
    const staff = json(await call(as(admin, 'GET', '/api/workspace/staff'))).staff as Array<{ id: number }>
    expect(staff.map((m) => m.id)).toContain(viewerId)
    expect(json(await call(as(admin, 'POST', `/api/workspace/staff/${viewerId}/role`, { role: 'editor' }))).role).toBe(
      'editor',
    )
    expect(json(await call(as(admin, 'POST', `/api/workspace/staff/${viewerId}/disable`))).disabled).toBe(true)
    expect(json(await call(as(admin, 'POST', `/api/workspace/staff/${viewerId}/enable`))).disabled).toBe(false)
    const reset = json(await call(as(admin, 'POST', `/api/workspace/staff/${viewerId}/reset-password`)))
    const login = (payload: unknown) => call({ method: 'POST', url: '/api/auth/login', payload })
    const relogged = json(await login({ login: newcomer.login, password: reset.temporaryPassword }))
    expect(relogged.mustChangePassword).toBe(true)
    const next = 'another-long-password-2'
    expect(
      json(await call(as(relogged.token, 'POST', '/api/auth/password', { current: reset.temporaryPassword, next }))),
    ).toEqual({ ok: true })
    const audit = json(await call(as(admin, 'GET', '/api/workspace/audit?limit=3')))
    expect(audit.entries).toHaveLength(3)
    expect(
      json(await call(as(admin, 'GET', `/api/workspace/audit?before=${audit.nextBefore}`))).entries.length,
    ).toBeGreaterThan(0)
    // Refusals have the error shape: a wrong password, a viewer's staff list, a forged session.
    expect((await login({ login: newcomer.login, password: 'not-the-password' })).statusCode).toBe(401)
    expect((await call(as('forged-token', 'GET', '/api/auth/me'))).statusCode).toBe(401)
    expect((await call(as(admin, 'GET', '/api/workspace/audit?limit=500'))).statusCode).toBe(400)
    expect(json(await call(as(admin, 'POST', '/api/auth/logout')))).toEqual({ ok: true })
    expect((await call(as(admin, 'GET', '/api/auth/me'))).statusCode).toBe(401)
  })

  it('card workspace answers validate: the draft, saving, publishing, versions, provenance, the source text', async () => {
    const token = await organizerToken(server, 'huizhou-2020')
    const as = (method: InjectOptions['method'] | 'PUT', url: string, payload?: unknown) =>
      call({
        method: method as InjectOptions['method'],
        url,
        headers: { authorization: `Bearer ${token}` },
        ...(payload === undefined ? {} : { payload }),
      })
    const state = json(await as('GET', '/api/workspace/card'))
    expect(state).toMatchObject({ federation: { id: 'huizhou-2020' }, revision: 0, published: true })
    const draft = state.draft
    expect(json(await as('PUT', '/api/workspace/card/draft', { draft, revision: 0 })).revision).toBe(1)
    expect((await as('PUT', '/api/workspace/card/draft', { draft, revision: 0 })).statusCode).toBe(409)
    const edited = { ...draft, figures: [{ ...draft.figures[0], value: '98765' }, ...draft.figures.slice(1)] }
    expect(json(await as('PUT', '/api/workspace/card/draft', { draft: edited, revision: 1 })).revision).toBe(2)
    expect(
      json(await as('POST', '/api/workspace/card/publish', { revision: 2 })).error.problems.length,
    ).toBeGreaterThan(0)
    expect(json(await as('PUT', '/api/workspace/card/draft', { draft, revision: 2 })).revision).toBe(3)
    expect(json(await as('POST', '/api/workspace/card/publish', { revision: 3 })).version).toBe(1)
    expect(json(await as('GET', '/api/workspace/card')).updatedBy).toEqual(expect.any(Object))
    expect(json(await as('POST', '/api/workspace/card/versions/1/restore')).version).toBe(2)
    expect(json(await as('GET', '/api/workspace/card/versions'))[0]).toMatchObject({ version: 2, restoredFrom: 1 })
    expect(json(await get('/api/reports/huizhou-2020/source')).text.length).toBeGreaterThan(100)
    const text = json(await get('/api/reports/huizhou-2020/source')).text as string
    const { candidates } = json(await as('POST', '/api/workspace/provenance/candidates', { text }))
    expect(candidates.length).toBeGreaterThan(0)
    const { value, unit } = candidates[0]
    expect(json(await as('POST', '/api/workspace/provenance/check', { text, value, unit })).ok).toBe(true)
    expect(json(await as('POST', '/api/workspace/provenance/check', { text, value: '98765', unit: '人' })).ok).toBe(
      false,
    )
    expect(json(await as('POST', '/api/workspace/card/unpublish'))).toEqual({ published: false })
    expect((await get('/api/reports/huizhou-2020/source')).statusCode).toBe(404)
  })

  it('cover answers validate: reading, an upload (multipart), the image, its 404, removing', async () => {
    const token = await organizerToken(server, 'chengdu-2020')
    const as = (method: InjectOptions['method'] | 'PUT', url: string) => call(asStaff(token, method, url))
    expect(json(await as('GET', '/api/workspace/cover'))).toEqual({ cover: null })
    // fetch's FormData is not what call() sends: the answer is checked against its schema here.
    const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#888' } })
      .jpeg()
      .toBuffer()
    const send = async (method: 'PUT' | 'POST') => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'a.jpg')
      const res = await fetch(`${server.origin}/api/workspace/cover`, {
        method,
        headers: { authorization: `Bearer ${token}` },
        body: form,
      })
      expect(res.status).toBe(200)
      const route = routes.find((r) => r.method === method && r.url === '/api/workspace/cover')!
      const answer = (await res.json()) as { cover: { hash: string } }
      expectValid(responseSchema(route, 200), answer, `${method} /api/workspace/cover → 200`)
      validated.add(`${method} /api/workspace/cover`)
      return answer
    }
    // WeChat's uploadFile POSTs: the same upload either way.
    expect((await send('POST')).cover).toEqual((await send('PUT')).cover)
    const uploaded = await send('PUT')
    expect((await get(`/api/covers/${uploaded.cover.hash}.jpg`)).statusCode).toBe(200)
    expect((await get(`/api/covers/${uploaded.cover.hash}-s.jpg`)).statusCode).toBe(200)
    expect((await get('/api/covers/nothing.jpg')).statusCode).toBe(404)
    expect(json(await as('DELETE', '/api/workspace/cover'))).toEqual({ cover: null })
  })

  it('workspace program answers validate: programs, sessions, forms, cancelling and deleting', async () => {
    const as = asStaff
    const admin = await organizerToken(server, 'hebei-2021')
    const list = json(await call(as(admin, 'GET', '/api/workspace/programs')))
    expect(list.programs.length).toBeGreaterThan(0)
    expect(list.figures.length).toBeGreaterThan(0)
    const program = json(
      await call(
        as(admin, 'POST', '/api/workspace/programs', {
          title: '新项目',
          topic: '健康',
          summary: '简介',
          audience: '妇女',
          figureIds: [],
        }),
      ),
    )
    expect(json(await call(as(admin, 'PUT', `/api/workspace/programs/${program.id}`, { title: '改名' }))).title).toBe(
      '改名',
    )
    const fields = [...program.form, { id: 'note', type: 'textarea', label: '备注', required: false }]
    expect(
      json(await call(as(admin, 'PUT', `/api/workspace/programs/${program.id}/form`, { fields }))).formVersion,
    ).toBe(2)
    const body = {
      title: '第一期',
      startsAt: '2026-12-05 14:00',
      endsAt: '2026-12-05 16:00',
      deadlineAt: '2026-12-04 18:00',
      online: true,
      joinInfo: '腾讯会议 123 456 789',
      latitude: 23.1,
      longitude: 114.4,
      contactPhone: '13800138000',
      capacity: 20,
    }
    const session = json(await call(as(admin, 'POST', `/api/workspace/programs/${program.id}/sessions`, body)))
    expect((await call(as(admin, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 10 }))).statusCode).toBe(
      200,
    )
    expect((await call(as(admin, 'POST', `/api/workspace/sessions/${session.id}/cancel`, {}))).statusCode).toBe(400)
    const cancelled = await call(as(admin, 'POST', `/api/workspace/sessions/${session.id}/cancel`, { reason: '改期' }))
    expect(json(cancelled).status).toBe('cancelled')
    expect((await call(as(admin, 'DELETE', `/api/workspace/sessions/${session.id}`))).statusCode).toBe(200)
    expect((await call(as(admin, 'DELETE', `/api/workspace/sessions/${session.id}`))).statusCode).toBe(404)
  })

  it('check-in answers validate: tickets in 我的报名, each result, search, counts and refusals', async () => {
    const as = asStaff
    const wudu = await organizerToken(server, 'wudu-2020')
    const session = (title: string, capacity: number, extra: object = {}) =>
      call(
        as(wudu, 'POST', '/api/workspace/programs/wd-housekeeping/sessions', {
          title,
          startsAt: '2026-12-05 14:00',
          endsAt: '2026-12-05 16:00',
          deadlineAt: '2026-12-04 18:00',
          online: false,
          place: '武都区妇女儿童活动中心三楼',
          capacity,
          ...extra,
        }),
      ).then((r) => json(r).id as string)
    // The first session has a map point and a phone: 我的报名 passes them on for 导航 and 打电话.
    const door = await session('签到第一场', 1, {
      latitude: 33.3917,
      longitude: 104.9298,
      contactPhone: '0939-1234567',
    })
    const elsewhere = await session('签到第二场', 5)
    const [first, second, third] = [person(60), person(61), person(62)]
    for (const [who, at] of [
      [first, door],
      [second, door],
      [third, elsewhere],
    ] as const)
      expect([201]).toContain((await book(server, at, who)).statusCode)
    const ticketOf = async (who: { mobile: string }) =>
      (
        json(await call(asDevice(bookingDevice(who), 'GET', '/api/signups/mine'))) as Array<{
          ticket?: { token: string; code: string }
        }>
      )[0].ticket
    const ticket = (await ticketOf(first))!
    expect(ticket.code).toMatch(/^[2-9A-HJKMNP-Z]{6}$/)
    const [mineFirst] = json(await call(asDevice(bookingDevice(first), 'GET', '/api/signups/mine'))) as Signup[]
    expect(mineFirst).toMatchObject({
      sessionEnd: '2026-12-05T16:00:00+08:00',
      latitude: 33.3917,
      longitude: 104.9298,
      contactPhone: '0939-1234567',
    })
    // Without them, none of the three is sent (the app then offers 复制地址 and no 打电话).
    const [mineThird] = json(await call(asDevice(bookingDevice(third), 'GET', '/api/signups/mine'))) as Signup[]
    expect(mineThird).not.toHaveProperty('latitude')
    expect(mineThird).not.toHaveProperty('contactPhone')
    expect(await ticketOf(second)).toBeUndefined()
    const scan = (body: object) => call(as(wudu, 'POST', '/api/workspace/checkin', { sessionId: door, ...body }))
    expect(json(await scan({ token: ticket.token })).result).toBe('checked_in')
    expect(json(await scan({ code: ticket.code })).result).toBe('already')
    expect(json(await scan({ token: (await ticketOf(third))!.token })).result).toBe('wrong_session')
    const search = json(
      await call(as(wudu, 'GET', `/api/workspace/sessions/${door}/checkin?q=${first.mobile.slice(-4)}`)),
    )
    expect(search.rows[0]).toMatchObject({ checkedInAt: expect.any(String), checkedInBy: expect.any(String) })
    const waiting = json(
      await call(as(wudu, 'GET', `/api/workspace/sessions/${door}/checkin?q=${second.mobile.slice(-4)}`)),
    )
    expect(json(await scan({ code: waiting.rows[0].code })).result).toBe('waitlisted')
    expect(json(await call(as(wudu, 'GET', `/api/workspace/sessions/${door}/checkin/counts`)))).toEqual({
      confirmed: 1,
      checkedIn: 1,
      absent: 0,
    })
    // The roster row of a checked-in sign-up, with 签到时间 and 签到人.
    const roster = json(await call(asOrganizer(wudu, '/api/organizer/programs/wd-housekeeping/roster')))
    expect(roster.rows.find((r: { mobile: string }) => r.mobile === first.mobile)).toMatchObject({
      checkedInAt: expect.any(String),
    })
    // Refusals have the error shape.
    expect((await scan({ token: `${ticket.token}x` })).statusCode).toBe(404)
    expect((await scan({})).statusCode).toBe(400)
    expect(
      (await call(as('forged-token-0000', 'POST', '/api/workspace/checkin', { sessionId: door }))).statusCode,
    ).toBe(401)
    const chengdu = await organizerToken(server, 'chengdu-2020')
    expect((await call(as(chengdu, 'GET', `/api/workspace/sessions/${door}/checkin/counts`))).statusCode).toBe(403)
  })

  it('every route had its success answer validated above', () => {
    expect([...validated].sort()).toEqual(routes.map((r) => `${r.method} ${r.url}`).sort())
  })
})

describe('the built-in mock answers with the same definitions', () => {
  it('cards, reports, programs and sign-ups validate against the response schemas', async () => {
    const mock = createMockApi({ files: ONE_SEAT, store: memoryStore(), now: () => NOW })
    const page = await mock.listCards()
    const { cards } = page
    expectValid(S.cardPage, page, 'listCards')
    expectValid(S.cardPage, await mock.listCards({ topic: '健康' }), 'listCards(健康)')
    for (const card of cards) {
      const report = await mock.getReport(card.federationId)
      expectValid(S.federationReport, report, `getReport(${card.federationId})`)
      for (const p of report.programs) expectValid(S.programDetail, await mock.getProgram(p.id), `getProgram(${p.id})`)
    }
    const request = (i: number) => {
      const { answers, ...rest } = housekeepingBody(person(i))
      return { ...rest, answers, consent: true as const, idempotencyKey: newKey() }
    }
    expectValid(S.signup, await mock.submitSignup(request(1)), 'submitSignup')
    const waitlisted = await mock.submitSignup(request(2))
    expect(waitlisted.waitlistPosition).toBe(1)
    expectValid(S.signup, waitlisted, 'submitSignup (候补)')
    const mine = await mock.listMySignups()
    expectValid(S.signupList, mine, 'listMySignups')
    expectValid(S.signup, await mock.cancelSignup(mine[mine.length - 1].id), 'cancelSignup')
  })

  it('the schemas refuse an answer with a field they do not list, or without a required one', async () => {
    const {
      cards: [card],
    } = await createMockApi({ files: contentFiles, store: memoryStore(), now: () => NOW }).listCards()
    expect(isValid(S.cardList, [card])).toBe(true)
    expect(isValid(S.cardList, [{ ...card, extra: 1 }])).toBe(false)
    const { name: _name, ...nameless } = card
    expect(isValid(S.cardList, [nameless])).toBe(false)
  })
})

describe('request schemas accept whatever the routes’ own checks accept', () => {
  const passes = (check: () => unknown) => {
    try {
      check()
      return true
    } catch {
      return false
    }
  }
  const text = fc.string({ unit: fc.constantFrom('a', '李', '𠈌', '-', ' '), maxLength: 520 })

  it('sign-up bodies', () => {
    const value = fc.oneof(text, fc.double(), fc.boolean(), fc.array(fc.string({ maxLength: 110 }), { maxLength: 22 }))
    const body = fc.record(
      {
        programId: fc.oneof(fc.string({ maxLength: 70 }), fc.integer()),
        sessionId: fc.oneof(fc.string({ maxLength: 70 }), fc.constant('wd-hk-1')),
        consent: fc.oneof(fc.constant(true), fc.constant('true'), fc.boolean()),
        answers: fc.dictionary(fc.string({ maxLength: 45 }), value, { maxKeys: 32 }),
        other: fc.string(),
      },
      { requiredKeys: ['consent'] },
    )
    let accepted = 0
    fc.assert(
      fc.property(body, (b) => {
        if (!passes(() => checkSubmit(b))) return
        accepted++
        expect(isValid(S.ROUTE_SCHEMAS.submitSignup.body, b)).toBe(true)
      }),
      { numRuns: 400 },
    )
    expect(accepted).toBeGreaterThan(20)
    // And they are not empty: what the route refuses, the schema refuses too.
    const ok = housekeepingBody(person(1))
    expect(isValid(S.ROUTE_SCHEMAS.submitSignup.body, ok)).toBe(true)
    expect(isValid(S.ROUTE_SCHEMAS.submitSignup.body, { ...ok, consent: false })).toBe(false)
    expect(isValid(S.ROUTE_SCHEMAS.submitSignup.body, { ...ok, answers: { town: 'x'.repeat(501) } })).toBe(false)
  })

  it('device ids and card filters', () => {
    const deviceHeaders = S.ROUTE_SCHEMAS.mySignups.headers
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'Z', '0', '_', '-', ' ', '.', '李'), maxLength: 90 }),
        (id) => {
          if (passes(() => clientIdFrom(id))) expect(isValid(deviceHeaders, { 'x-device-id': id })).toBe(true)
          else expect(isValid(deviceHeaders, { 'x-device-id': id })).toBe(false)
        },
      ),
    )
    const query = S.ROUTE_SCHEMAS.cards.querystring
    expect(isValid(query, { topic: '' })).toBe(true)
    for (const topic of TOPICS) expect(isValid(query, { topic, province: '510000' })).toBe(true)
    expect(isValid(query, { topic: '没有' })).toBe(false)
    expect(isValid(query, { province: '四川省' })).toBe(false)
    expect(isValid(query, { city: '510100', county: '621202', q: '武都', cursor: 'c1', limit: '20' })).toBe(true)
    expect(isValid(query, { limit: 'twelve' })).toBe(false)
    expect(isValid(query, { q: '字'.repeat(101) })).toBe(false)
  })

  it('a schema refusal names the field in Chinese', () => {
    const refusal = (error: object) => toHttpError({ statusCode: 400, validation: [error] })
    expect(refusal({ keyword: 'required', instancePath: '', params: { missingProperty: 'code' } })).toMatchObject({
      status: 400,
      code: 'invalid',
      field: 'code',
      message: '“登录信息”填得不对，请检查后重新提交',
    })
    expect(refusal({ keyword: 'maxLength', instancePath: '/answers/town', params: {} })).toMatchObject({
      field: 'town',
    })
    expect(refusal({ keyword: 'type', instancePath: '', params: {} })).toMatchObject({ status: 400, field: undefined })
  })
})
