// Every error a person can meet is JSON with a stable code and a Chinese message, including the
// ones Node and Fastify raise before any route runs and the 503 while the server is stopping.
import { connect } from 'node:net'
import { send, startTestServer, submitRequest, housekeepingBody, type Reply, type TestServer } from './support'

// A server (or a process) starts in seconds, more on a busy machine.
jest.setTimeout(60_000)

const CHINESE = /[\u4e00-\u9fff]/

// Unref'd: a socket the server closed early leaves nothing to keep jest waiting.
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms).unref())

/** Writes `chunks` to a raw socket (with pauses, `between` running after the first) and returns all it got back. */
function rawExchange(port: number, chunks: string[], between?: () => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1')
    let received = ''
    socket.on('data', (d) => (received += String(d)))
    socket.on('close', () => resolve(received))
    socket.on('error', reject)
    void (async () => {
      for (const [i, chunk] of chunks.entries()) {
        socket.write(chunk)
        await pause(300)
        if (i === 0) between?.()
      }
      await pause(2000)
      socket.end()
    })()
  })
}

/** The responses in a raw HTTP/1.1 exchange: status and JSON body of each. */
function parseResponses(raw: string): Array<{ status: number; body: unknown }> {
  const out: Array<{ status: number; body: unknown }> = []
  let rest = raw
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n')
    const head = rest.slice(0, headEnd)
    const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0)
    const bodyBytes = Buffer.from(rest.slice(headEnd + 4))
    out.push({ status: Number(head.slice(9, 12)), body: JSON.parse(bodyBytes.subarray(0, length).toString()) })
    rest = bodyBytes.subarray(length).toString()
  }
  return out
}

function expectChineseError(status: number, body: unknown, expected: { status: number; code: string }) {
  expect({ status, code: (body as { error: { code: string } }).error.code }).toEqual(expected)
  const message = (body as { error: { message: string } }).error.message
  expect(message).toMatch(CHINESE)
}

function expectReply(r: Reply, expected: { status: number; code: string }) {
  expect(r.headers['content-type']).toMatch(/^application\/json/)
  expectChineseError(r.statusCode, JSON.parse(r.body), expected)
}

describe('errors before and around the routes', () => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer('pglite', { config: { rateLimitPerMinute: 1000 } })
  })
  afterAll(() => server.close())

  const device = { 'x-device-id': 'd-http-errors' }

  it.each([
    [
      'bad JSON',
      400,
      'invalid',
      () =>
        send(server.origin, {
          ...submitRequest('d-http-errors', '{'),
          headers: { ...device, 'idempotency-key': 'k-bad-json-1', 'content-type': 'application/json' },
        }),
    ],
    [
      'malformed percent encoding',
      400,
      'invalid',
      () => send(server.origin, { method: 'GET', url: '/api/programs/%E0%A4%A' }),
    ],
    [
      'a lone surrogate in the path',
      400,
      'invalid',
      () => send(server.origin, { method: 'GET', url: '/api/programs/%ED%A0%80' }),
    ],
    [
      'NUL in a path parameter',
      400,
      'invalid',
      () => send(server.origin, { method: 'POST', url: '/api/signups/%00/cancel', headers: device }),
    ],
    ['no such route', 404, 'not_found', () => send(server.origin, { method: 'GET', url: '/api/nothing-here' })],
    ['a method the route does not take', 405, 'method_not_allowed', () => fetchReply('/api/cards', { method: 'PUT' })],
    [
      'a body over 16 KB',
      413,
      'too_large',
      () =>
        send(
          server.origin,
          submitRequest('d-http-errors', {
            ...housekeepingBody({ name: '王芳', mobile: '13800000000' }),
            pad: 'x'.repeat(20_000),
          }),
        ),
    ],
    [
      'a 6 KB URL',
      414,
      'uri_too_long',
      () => send(server.origin, { method: 'GET', url: `/api/cards?x=${'a'.repeat(6_000)}` }),
    ],
    [
      'a 20 KB URL',
      414,
      'uri_too_long',
      () => send(server.origin, { method: 'GET', url: `/api/cards?x=${'a'.repeat(20_000)}` }),
    ],
    [
      'a path parameter over the router limit',
      414,
      'uri_too_long',
      () => send(server.origin, { method: 'GET', url: `/api/programs/${'a'.repeat(600)}` }),
    ],
    [
      'a body that is not JSON',
      415,
      'unsupported_media_type',
      () =>
        send(server.origin, {
          method: 'POST',
          url: '/api/login',
          headers: { 'content-type': 'text/plain' },
          payload: 'code',
        }),
    ],
    [
      'a 40 KB header',
      431,
      'headers_too_large',
      () => send(server.origin, { method: 'GET', url: '/api/cards', headers: { 'x-big': 'a'.repeat(40_000) } }),
    ],
  ])('%s: %i %s', async (_what, status, code, request) => {
    const r = await request()
    expectReply(r, { status, code })
  })

  it('405 says which methods the path takes', async () => {
    const r = await fetchReply('/api/signups/mine', { method: 'PUT' })
    expect(r.headers.allow?.split(', ').sort()).toEqual(['DELETE', 'GET', 'HEAD'])
  })

  it('a request line Node cannot parse: 400 in the same JSON', async () => {
    const port = Number(new URL(server.origin).port)
    const [only, ...more] = parseResponses(await rawExchange(port, ['NOT HTTP AT ALL\r\n\r\n']))
    expect(more).toEqual([])
    expectChineseError(only.status, only.body, { status: 400, code: 'invalid' })
  })

  async function fetchReply(url: string, init: RequestInit): Promise<Reply> {
    const res = await fetch(`${server.origin}${url}`, init)
    const rawPayload = Buffer.from(await res.arrayBuffer())
    return {
      statusCode: res.status,
      headers: Object.fromEntries(res.headers.entries()),
      body: rawPayload.toString(),
      rawPayload,
    }
  }
})

describe('429 and 503', () => {
  it('too many requests: 429 in Chinese', async () => {
    const server = await startTestServer('pglite', {
      config: { rateLimitPerMinute: 2, rateLimitPerAddressPerMinute: 2 },
    })
    try {
      const replies = []
      for (let i = 0; i < 3; i++) replies.push(await server.inject({ method: 'GET', url: '/api/cards' }))
      expect(replies.map((r) => r.statusCode)).toEqual([200, 200, 429])
      expectReply(replies[2], { status: 429, code: 'rate_limited' })
    } finally {
      await server.close()
    }
  })

  it('a request that arrives while the server is stopping: 503 in Chinese', async () => {
    const server = await startTestServer('pglite')
    const port = Number(new URL(server.origin).port)
    const login = '{"code":"code-while-stopping"}'
    let closing: Promise<void> | undefined
    // The first request is half sent when the server begins to stop, so its connection stays
    // open; the second comes on the same connection after the stop began.
    const raw = await rawExchange(
      port,
      [
        `POST /api/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${login.length}\r\n\r\n${login.slice(0, 5)}`,
        `${login.slice(5)}GET /api/cards HTTP/1.1\r\nHost: x\r\n\r\n`,
      ],
      () => {
        closing = server.app.close()
      },
    )
    await closing
    await server.close()
    const [first, second] = parseResponses(raw)
    expect(first.status).toBe(200)
    expectChineseError(second.status, second.body, { status: 503, code: 'unavailable' })
  })
})
