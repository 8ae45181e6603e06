// Logs hold no personal data: one line per request with the route pattern, method, status and
// time; never the URL with its query string, never a name or a mobile, whatever path a request takes.
import { Writable } from 'node:stream'
import { asDevice, asOrganizer, housekeepingBody, organizerToken, startTestServer, bookedRequest } from './support'

// A server (or a process) starts in seconds, more on a busy machine.
jest.setTimeout(60_000)

describe('request logs', () => {
  it('a whole sign-up journey leaves no name, mobile or query value in the log', async () => {
    const lines: string[] = []
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const server = await startTestServer('pglite', { logger: { level: 'debug', stream } })
    const name = '司马婉清'
    const mobile = '13912340987'
    // What a client might put in a URL: a name, a mobile, a value we could never foresee.
    const queryValue = 'qv-73e1d9'
    let token = ''
    try {
      const body = housekeepingBody({ name, mobile })
      const created = await server.inject(await bookedRequest(server, 'd-log-journey', body))
      expect(created.statusCode).toBe(201)
      const id = JSON.parse(created.body).id as string
      expect((await server.inject(await bookedRequest(server, 'd-log-journey', body))).statusCode).toBe(409)
      await server.inject(asDevice('d-log-journey', 'GET', `/api/signups/mine?name=${encodeURIComponent(name)}`))
      await server.inject({ method: 'GET', url: `/api/cards?province=${mobile}&note=${queryValue}` })
      token = await organizerToken(server, 'wudu-2020')
      await server.inject(asOrganizer(token, `/api/organizer/programs/wd-housekeeping/roster?q=${mobile}`))
      await server.inject(asDevice('d-log-journey', 'POST', `/api/signups/${id}/cancel?who=${queryValue}`))
      // Requests that end before or outside a route: unknown path, bad encoding, odd characters, too long.
      await server.inject({ method: 'GET', url: `/api/nowhere?mobile=${mobile}` })
      await server.inject({ method: 'GET', url: `/api/programs/%E0%A4%A?x=${queryValue}` })
      await server.inject({ method: 'GET', url: `/api/cards?province=%00${mobile}` })
      await server.inject({ method: 'GET', url: `/api/cards?note=${queryValue}${'a'.repeat(5000)}` })
      await fetch(`${server.origin}/api/cards?note=${queryValue}`, { method: 'PUT' })
      await server.inject(asDevice('d-log-journey', 'DELETE', `/api/signups/mine?mobile=${mobile}`))
    } finally {
      await server.close()
    }
    const log = lines.join('')
    for (const secret of [
      name,
      encodeURIComponent(name),
      mobile,
      queryValue,
      'd-log-journey',
      token,
      'jg-dev-wudu-2020',
    ]) {
      expect(log).not.toContain(secret)
    }
    const requests = lines.map((l) => JSON.parse(l)).filter((l) => l.msg === 'request')
    // Every request left its line, with the pattern, not the concrete path.
    expect(requests.length).toBeGreaterThanOrEqual(12)
    expect(requests).toContainEqual(expect.objectContaining({ method: 'GET', route: '(bad url)', status: 400 }))
    expect(requests).toContainEqual(
      expect.objectContaining({
        method: 'POST',
        route: '/api/signups/:id/cancel',
        status: 200,
        ms: expect.any(Number),
      }),
    )
    expect(requests).toContainEqual(expect.objectContaining({ method: 'POST', route: '/api/signups', status: 409 }))
    expect(log).not.toMatch(/su_[0-9a-f]{8}-/)
  })
})
