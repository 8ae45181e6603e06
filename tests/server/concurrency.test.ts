// Capacity under load: 100 sign-ups at once for a 30-seat session, over real HTTP, against
// PGlite and (in CI) PostgreSQL. The database decides, one sign-up at a time, in arrival order.
import {
  asDevice,
  asOrganizer,
  organizerToken,
  backends,
  contentWithSeats,
  housekeepingBody,
  newKey,
  person,
  startTestServer,
  bookedRequest,
  tenPerBooker,
  type TestServer,
} from './support'

interface RosterRow {
  id: string
  name: string
  status: string
  waitlistPosition?: number
}

describe.each(backends())('capacity under concurrency (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend, { files: contentWithSeats(30) })
  })
  afterAll(() => server.close())

  const roster = async (): Promise<RosterRow[]> =>
    JSON.parse(
      (
        await server.inject(
          asOrganizer(await organizerToken(server, 'wudu-2020'), '/api/organizer/programs/wd-housekeeping/roster'),
        )
      ).body,
    ).rows

  it('100 at once for 30 seats: exactly 30 confirmed and 70 waitlisted, in arrival order', async () => {
    // Verified first (ten people per booker, her limit), then all 100 sent at once.
    const requests = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        bookedRequest(server, `d-crowd-${i}`, housekeepingBody(person(i)), newKey(), tenPerBooker(i)),
      ),
    )
    const replies = await Promise.all(requests.map((r) => server.inject(r)))
    expect(replies.map((r) => r.statusCode)).toEqual(Array(100).fill(201))
    const statuses = replies.map((r) => JSON.parse(r.body).status)
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(30)
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(70)

    // The roster is in arrival order: the first 30 hold the seats, then waitlist places 1…70.
    const rows = await roster()
    expect(rows).toHaveLength(100)
    expect(rows.slice(0, 30).every((r) => r.status === 'confirmed')).toBe(true)
    expect(rows.slice(30).map((r) => r.waitlistPosition)).toEqual(Array.from({ length: 70 }, (_, i) => i + 1))
    // Each reply told its sender the same place the roster shows.
    const told = new Map(replies.map((r) => [JSON.parse(r.body).id, JSON.parse(r.body).waitlistPosition]))
    expect(rows.slice(30).every((r) => told.get(r.id) === r.waitlistPosition)).toBe(true)

    const program = JSON.parse((await server.inject({ method: 'GET', url: '/api/programs/wd-housekeeping' })).body)
    expect(program.sessions[0]).toMatchObject({ id: 'wd-hk-1', capacity: 30, taken: 30 })
  })

  it('a wave that arrives later waits behind the wave before it', async () => {
    // wd-hk-1 is full from the test above; two more waves of 10, one after the other.
    const wave = async (from: number) => {
      const requests = await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          bookedRequest(
            server,
            `d-wave-${from + k}`,
            housekeepingBody(person(from + k)),
            newKey(),
            tenPerBooker(from + k),
          ),
        ),
      )
      return Promise.all(requests.map((r) => server.inject(r)))
    }
    const first = (await wave(100)).map((r) => JSON.parse(r.body).waitlistPosition as number)
    const second = (await wave(110)).map((r) => JSON.parse(r.body).waitlistPosition as number)
    expect([...first].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, i) => 71 + i))
    expect(Math.min(...second)).toBeGreaterThan(Math.max(...first))
  })

  it('ten cancellations at once promote the first ten on the waitlist, no more', async () => {
    const rows = await roster()
    const confirmed = rows.filter((r) => r.status === 'confirmed').slice(0, 10)
    const firstWaiting = rows.filter((r) => r.status === 'waitlisted').slice(0, 11)
    const devices = new Map(Array.from({ length: 100 }, (_, i) => [person(i).name, `d-crowd-${i}`]))
    const cancels = await Promise.all(
      confirmed.map((r) => server.inject(asDevice(devices.get(r.name) ?? '', 'POST', `/api/signups/${r.id}/cancel`))),
    )
    expect(cancels.map((r) => r.statusCode)).toEqual(Array(10).fill(200))
    const after = new Map((await roster()).map((r) => [r.id, r]))
    expect(firstWaiting.slice(0, 10).every((r) => after.get(r.id)?.status === 'confirmed')).toBe(true)
    expect(after.get(firstWaiting[10].id)).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    expect([...after.values()].filter((r) => r.status === 'confirmed')).toHaveLength(30)
  })

  it('the same submit sent 10 times at once books once', async () => {
    const key = newKey()
    const body = housekeepingBody(person(150))
    const request = await bookedRequest(server, 'd-impatient', body, key)
    const replies = await Promise.all(Array.from({ length: 10 }, () => server.inject(request)))
    const ids = new Set(replies.map((r) => JSON.parse(r.body).id))
    expect(ids.size).toBe(1)
    expect(replies.filter((r) => r.statusCode === 201)).toHaveLength(1)
    expect(JSON.parse((await server.inject(asDevice('d-impatient', 'GET', '/api/signups/mine'))).body)).toHaveLength(1)
  })
})
