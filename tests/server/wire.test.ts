// What goes over the wire: br/gzip bodies, ETags and 304s for public reads, no-store for the rest,
// on PGlite (and PostgreSQL when configured).
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import Fastify from 'fastify'
import { cacheRules, etagOf, isPublicRead, matches, PUBLIC_READS } from '../../server/src/http/caching'
import { routeTable } from '../../server/src/app'
import {
  asDevice,
  asStaff,
  backends,
  bookedRequest,
  housekeepingBody,
  organizerToken,
  rawGet,
  startTestServer,
  type TestServer,
} from './support'

jest.setTimeout(60_000)

const WUDU = 'wudu-2020'

describe('cache rules', () => {
  it('compares If-None-Match as RFC 9110 asks: a list, weak tags, and *', () => {
    const tag = etagOf('{"a":1}')
    expect(tag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    expect(etagOf('{"a":2}')).not.toBe(tag)
    expect(matches(tag, tag)).toBe(true)
    expect(matches(`"x", W/${tag}`, tag)).toBe(true)
    expect(matches('*', tag)).toBe(true)
    expect(matches('"x"', tag)).toBe(false)
    expect(matches(undefined, tag)).toBe(false)
  })

  it('treats a route missing from the list as private, HEAD like GET', () => {
    expect(isPublicRead('GET', '/api/reports/:id')).toBe(true)
    expect(isPublicRead('HEAD', '/api/programs/:id')).toBe(true)
    expect(isPublicRead('POST', '/api/reports/:id')).toBe(false)
    expect(isPublicRead('GET', '/api/signups/mine')).toBe(false)
    expect(isPublicRead('GET', undefined)).toBe(false)
  })

  it('a route added later, without being listed, answers no-store and no ETag', async () => {
    const app = Fastify()
    cacheRules(app)
    app.get('/api/something-new', async () => ({ hello: '新接口' }))
    const origin = await app.listen({ port: 0, host: '127.0.0.1' })
    try {
      const r = await rawGet(origin, '/api/something-new', { 'if-none-match': '*' })
      expect(r.status).toBe(200)
      expect(r.headers['cache-control']).toBe('no-store')
      expect(r.headers.etag).toBeUndefined()
    } finally {
      await app.close()
    }
  })
})

describe.each(backends())('the wire (%s)', (backend) => {
  let server: TestServer
  let admin: string
  beforeAll(async () => {
    server = await startTestServer(backend)
    admin = await organizerToken(server, WUDU)
  })
  afterAll(() => server.close())

  it('lists only routes the app serves as public', () => {
    const served = new Set(routeTable(server.app).map((r) => `${r.method} ${r.url}`))
    for (const route of PUBLIC_READS) expect(served).toContain(route)
  })

  describe('compression', () => {
    it.each([
      ['br', brotliDecompressSync],
      ['gzip', gunzipSync],
    ])('with accept-encoding %s the report is compressed and decodes to the same JSON', async (encoding, decode) => {
      const plain = await rawGet(server.origin, `/api/reports/${WUDU}`)
      expect(plain.headers['content-encoding']).toBeUndefined()
      const packed = await rawGet(server.origin, `/api/reports/${WUDU}`, { 'accept-encoding': encoding })
      expect(packed.status).toBe(200)
      expect(packed.headers['content-encoding']).toBe(encoding)
      expect(packed.headers.vary).toMatch(/accept-encoding/i)
      expect(packed.body.length).toBeLessThan(plain.body.length / 2)
      expect(JSON.parse(decode(packed.body).toString('utf8'))).toEqual(JSON.parse(plain.body.toString('utf8')))
      // The tag is of what the answer says, not of its encoding: both revalidate the same way.
      expect(packed.headers.etag).toBe(plain.headers.etag)
    })

    it('prefers br when both are accepted, and leaves small answers plain', async () => {
      const both = await rawGet(server.origin, '/api/cards', { 'accept-encoding': 'gzip, deflate, br' })
      expect(both.headers['content-encoding']).toBe('br')
      const small = await rawGet(server.origin, '/api/health', { 'accept-encoding': 'br, gzip' })
      expect(small.headers['content-encoding']).toBeUndefined()
      expect(JSON.parse(small.body.toString('utf8'))).toMatchObject({ ok: true })
    })

    it('compresses private answers too, and keeps them no-store', async () => {
      const r = await rawGet(server.origin, '/api/organizer/programs/wd-housekeeping/roster.csv', {
        authorization: `Bearer ${admin}`,
        'accept-encoding': 'gzip',
      })
      expect(r.status).toBe(200)
      expect(r.headers['cache-control']).toBe('no-store')
      expect(r.headers.etag).toBeUndefined()
      if (r.headers['content-encoding']) expect(gunzipSync(r.body).toString('utf8')).toMatch(/姓名/)
    })
  })

  describe('public reads', () => {
    it.each([
      ['/api/cards'],
      [`/api/reports/${WUDU}`],
      ['/api/programs/wd-housekeeping'],
      [`/api/reports/${WUDU}/source`],
    ])('%s: a strong ETag, no-cache, and 304 with no body for a matching If-None-Match', async (url) => {
      const first = await rawGet(server.origin, url)
      expect(first.status).toBe(200)
      expect(first.headers['cache-control']).toBe('no-cache')
      const tag = first.headers.etag as string
      expect(tag).toBe(etagOf(first.body))
      const again = await rawGet(server.origin, url, { 'if-none-match': tag })
      expect(again.status).toBe(304)
      expect(again.body.length).toBe(0)
      expect(again.headers.etag).toBe(tag)
      expect(again.headers['cache-control']).toBe('no-cache')
      const other = await rawGet(server.origin, url, { 'if-none-match': '"something-else"' })
      expect(other.status).toBe(200)
      expect(other.body.equals(first.body)).toBe(true)
    })

    it('a report and a program carry what their pages show, not the data file behind them', async () => {
      const report = JSON.parse((await rawGet(server.origin, `/api/reports/${WUDU}`)).body.toString('utf8')) as {
        card: Record<string, unknown> & { region: Record<string, unknown> }
        sections: Array<Record<string, unknown>>
        programs: Array<Record<string, unknown>>
      }
      expect(Object.keys(report).sort()).toEqual(['card', 'programs', 'sections'])
      expect(Object.keys(report.card).sort()).toEqual(
        // topics: the head's and the poster's art is the lead topic's.
        [
          'color',
          'headlineFigures',
          'heroFigureId',
          'level',
          'name',
          'region',
          'source',
          'summary',
          'topics',
          'year',
        ].sort(),
      )
      expect(report.card.region).not.toHaveProperty('code')
      for (const s of report.sections) expect(s).not.toHaveProperty('figureIds')
      // A row says 可报名 (and 示例) or 往期; the form and the session templates are the program page's.
      for (const p of report.programs) {
        expect(Object.keys(p).every((k) => ['id', 'title', 'topic', 'summary', 'signup'].includes(k))).toBe(true)
        if (p.signup) expect(p.signup).toEqual({ demo: expect.any(Boolean) })
      }
      expect(report.programs.some((p) => p.signup)).toBe(true)

      const detail = JSON.parse(
        (await rawGet(server.origin, '/api/programs/wd-housekeeping')).body.toString('utf8'),
      ) as {
        program: Record<string, unknown> & { signup: Record<string, unknown> }
        federation: Record<string, unknown>
      }
      expect(detail.program).not.toHaveProperty('figureIds')
      expect(Object.keys(detail.program.signup).sort()).toEqual(['demo', 'form'])
      expect(Object.keys(detail.federation).sort()).toEqual(['id', 'name', 'year'])
      // The article's words behind each figure are read on the source page (查看原文), not here.
      expect(JSON.stringify(report)).not.toContain('"quote"')
      expect(JSON.stringify(detail)).not.toContain('"quote"')
    })

    it('a missing report is a 404 that nothing keeps', async () => {
      const r = await rawGet(server.origin, '/api/reports/no-such-federation', { 'if-none-match': '*' })
      expect(r.status).toBe(404)
      expect(r.headers['cache-control']).toBe('no-store')
      expect(r.headers.etag).toBeUndefined()
    })

    it('a sign-up changes the program’s ETag: the seat count a phone kept is not shown again', async () => {
      const before = await rawGet(server.origin, '/api/programs/wd-housekeeping')
      const booked = await server.inject(
        await bookedRequest(server, 'd-wire-1', housekeepingBody({ name: '王芳', mobile: '13800138123' })),
      )
      expect(booked.statusCode).toBe(201)
      const after = await rawGet(server.origin, '/api/programs/wd-housekeeping', {
        'if-none-match': before.headers.etag as string,
      })
      expect(after.status).toBe(200)
      expect(after.headers.etag).not.toBe(before.headers.etag)
      const taken = (b: Buffer) =>
        (JSON.parse(b.toString('utf8')) as { sessions: Array<{ id: string; taken: number }> }).sessions.find(
          (s) => s.id === 'wd-hk-1',
        )?.taken
      expect(taken(after.body)).toBe((taken(before.body) ?? 0) + 1)
    })

    it('a publish changes the report’s ETag: the new summary reaches a phone that kept the old one', async () => {
      const before = await rawGet(server.origin, `/api/reports/${WUDU}`)
      const as = (method: 'GET' | 'PUT' | 'POST', url: string, payload?: unknown) =>
        server.inject(asStaff(admin, method as 'GET', url, payload))
      const { draft, revision } = JSON.parse((await as('GET', '/api/workspace/card')).body) as {
        draft: Record<string, unknown>
        revision: number
      }
      const saved = await as('PUT', '/api/workspace/card/draft', {
        draft: { ...draft, summary: '新的一年简介' },
        revision,
      })
      expect(saved.statusCode).toBe(200)
      const published = await as('POST', '/api/workspace/card/publish', {
        revision: (JSON.parse(saved.body) as { revision: number }).revision,
      })
      expect(published.statusCode).toBe(200)
      const after = await rawGet(server.origin, `/api/reports/${WUDU}`, {
        'if-none-match': before.headers.etag as string,
      })
      expect(after.status).toBe(200)
      expect(after.headers.etag).not.toBe(before.headers.etag)
      expect((JSON.parse(after.body.toString('utf8')) as { card: { summary: string } }).card.summary).toBe(
        '新的一年简介',
      )
    })
  })

  describe('private answers', () => {
    it.each([
      ['我的报名', () => asDevice('d-wire-1', 'GET', '/api/signups/mine')],
      ['the organizer overview', () => asStaff(admin, 'GET', '/api/organizer/programs')],
      ['a roster', () => asStaff(admin, 'GET', '/api/organizer/programs/wd-housekeeping/roster')],
      ['the workspace card', () => asStaff(admin, 'GET', '/api/workspace/card')],
      ['who is logged in', () => asStaff(admin, 'GET', '/api/auth/me')],
      ['health', () => asStaff('', 'GET', '/api/health')],
    ])('%s: no-store, no ETag, never a 304', async (_what, make) => {
      const options = make()
      const r = await server.inject({ ...options, headers: { ...options.headers, 'if-none-match': '*' } })
      expect(r.statusCode).toBe(200)
      expect(r.headers['cache-control']).toBe('no-store')
      expect(r.headers.etag).toBeUndefined()
    })

    it('a refused sign-up is no-store as well', async () => {
      const r = await server.inject({ method: 'POST', url: '/api/signups', payload: {} })
      expect(r.statusCode).toBeGreaterThanOrEqual(400)
      expect(r.headers['cache-control']).toBe('no-store')
    })
  })
})
