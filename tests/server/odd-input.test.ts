// Odd input never reaches the database: lone surrogates and control characters in path
// parameters, query strings, headers and bodies get a Chinese 400 naming the field. The property
// test reads the app's route table, so routes added later are covered without touching it.
import fc from 'fast-check'
import { routeTable } from '../../server/src/app'
import { badField } from '../../server/src/input-check'
import {
  asDevice,
  backends,
  housekeepingBody,
  organizerToken,
  startTestServer,
  bookedRequest,
  type InjectOptions,
  type TestServer,
} from './support'

// A server (or a process) starts in seconds, more on a busy machine.
jest.setTimeout(60_000)

/** Code units a client may send that PostgreSQL or a form has no use for, among ordinary ones. */
const ODD_UNITS = ['\ud800', '\udbff', '\udc00', '\udfff', '\u0000', '\u0001', '\u0008', '\u001b', '\u007f']
const unit = fc.oneof(
  fc.constantFrom(...ODD_UNITS, '\t', '\n', '\r', ' ', '/', '?', '&', '=', '%', '#', '李', '陳'),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
)
const oddString = fc.string({ unit, maxLength: 24 })

/** Percent-encodes every code unit, a lone surrogate as the three bytes a sloppy client would send. */
function encodeLoosely(s: string): string {
  let out = ''
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0
    if (cp >= 0xd800 && cp <= 0xdfff) {
      out += [0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('')
    } else out += encodeURIComponent(ch)
  }
  return out
}

/** Header values can carry only visible Latin-1; a client's odd bytes arrive as such characters. */
const headerValue = fc.string({
  unit: fc
    .integer({ min: 0x20, max: 0xff })
    .filter((n) => n !== 0x7f)
    .map((n) => String.fromCharCode(n)),
  maxLength: 40,
})

const body = fc.record(
  {
    programId: fc.oneof(oddString, fc.constant('wd-housekeeping')),
    sessionId: fc.oneof(oddString, fc.constant('wd-hk-1')),
    consent: fc.boolean(),
    code: oddString,
    answers: fc.record(
      {
        name: oddString,
        mobile: fc.oneof(oddString, fc.constant('13800000000')),
        town: oddString,
        session: oddString,
        job: oddString,
        childcare: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: [] },
)

const request = fc.record({
  route: fc.nat(),
  param: oddString,
  query: fc.array(fc.tuple(oddString, oddString), { maxLength: 3 }),
  device: fc.oneof(fc.constant('d-odd-input-1'), headerValue),
  key: fc.oneof(fc.constant('odd-input-key-1'), headerValue),
  organizer: fc.boolean(),
  body,
  rawBody: fc.option(oddString, { nil: undefined }),
})

describe('badField', () => {
  it('names the first field with a lone surrogate or a control character', () => {
    expect(badField({ answers: { note: 'ok', product: 'a\ud800' } }, '')).toBe('product')
    expect(badField({ answers: { note: '多行\n文字\t可以\r' } }, '')).toBeUndefined()
    expect(badField({ list: ['fine', 'NUL\u0000'] }, '')).toBe('list')
    expect(badField({ ['\udfffkey']: 'x' }, '')).toBe('\udfffkey')
    expect(badField({ name: '王😀芳' }, '')).toBeUndefined()
  })
})

describe.each(backends())('odd input (%s)', (backend) => {
  let server: TestServer
  let token: string
  beforeAll(async () => {
    server = await startTestServer(backend)
    token = await organizerToken(server, 'wudu-2020')
  })
  afterAll(() => server.close())

  it('a lone surrogate in a free-text answer: 400 naming the field, not 500', async () => {
    const ok = housekeepingBody({ name: '王芳', mobile: '13800000000' })
    const r = await server.inject(
      await bookedRequest(server, 'd-odd-1', { ...ok, answers: { ...ok.answers, town: '东江\ud800镇' } }),
    )
    expect(r.statusCode).toBe(400)
    expect(JSON.parse(r.body).error).toMatchObject({ code: 'invalid', field: 'town' })
    expect(JSON.parse(r.body).error.message).toMatch(/无法识别的字符/)
  })

  it('NUL in a path parameter, a query or a name: 400, not 500', async () => {
    const cancel = await server.inject(asDevice('d-odd-1', 'POST', '/api/signups/%00/cancel'))
    expect(cancel.statusCode).toBe(400)
    expect(JSON.parse(cancel.body).error.field).toBe('id')
    const cards = await server.inject({ method: 'GET', url: '/api/cards?province=%00' })
    expect(JSON.parse(cards.body).error).toMatchObject({ code: 'invalid', field: 'province' })
    const ok = housekeepingBody({ name: '王\u0000芳', mobile: '13800000000' })
    const named = await server.inject(await bookedRequest(server, 'd-odd-1', ok))
    expect(JSON.parse(named.body).error).toMatchObject({ field: 'name', message: expect.stringContaining('姓名') })
  })

  it('every route, with random odd strings anywhere, answers 2xx or 4xx', async () => {
    const routes = routeTable(server.app).filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS')
    expect(routes.length).toBeGreaterThanOrEqual(12)
    const seen = new Set<string>()
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const route = routes[r.route % routes.length]
        const path = route.url.replace(/:[A-Za-z0-9_]+/g, () => encodeLoosely(r.param) || 'x')
        const query = r.query.map(([k, v]) => `${encodeLoosely(k)}=${encodeLoosely(v)}`).join('&')
        const options: InjectOptions = {
          method: route.method as InjectOptions['method'],
          url: query ? `${path}?${query}` : path,
          headers: {
            'x-device-id': r.device,
            'idempotency-key': r.key,
            ...(r.organizer ? { authorization: `Bearer ${token}` } : {}),
            ...(route.method === 'GET' ? {} : { 'content-type': 'application/json' }),
          },
          payload:
            route.method === 'GET'
              ? undefined
              : r.rawBody !== undefined
                ? JSON.stringify(r.rawBody)
                : JSON.stringify(r.body),
        }
        const reply = await server.inject(options)
        seen.add(`${route.method} ${route.url} ${reply.statusCode}`)
        if (reply.statusCode >= 500 || reply.statusCode < 200 || (reply.statusCode >= 300 && reply.statusCode < 400)) {
          throw new Error(`${route.method} ${options.url} → ${reply.statusCode} ${reply.body}`)
        }
      }),
      // About 20 a route: enough that each route is reached whatever the draw (there are 24 and counting).
      { numRuns: routes.length * 20 },
    )
    // The runs reached every route, not only the first few.
    expect(new Set([...seen].map((s) => s.split(' ').slice(0, 2).join(' '))).size).toBe(routes.length)
  }, 120_000)
})
