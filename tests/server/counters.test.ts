// The counts kept on each session row follow every sign-up, cancellation, promotion, deletion
// and purge, and migration 002 fills them in for sign-ups made before it.
import { MOCK_DIR, readJsonDir } from '../../server/src/content'
import { migrate, readMigrations } from '../../server/src/db/migrate'
import {
  asDevice,
  backends,
  contentWithSeats,
  countDrift,
  freshDatabase,
  housekeepingBody,
  loadLegacyContent,
  NOW,
  person,
  startTestServer,
  bookedRequest,
  type TestServer,
} from './support'

const counts = async (server: TestServer) =>
  (
    await server.db.query<{ confirmed_count: number; waitlisted_count: number; cancelled_count: number }>(
      `SELECT confirmed_count, waitlisted_count, cancelled_count FROM sessions WHERE id = 'wd-hk-1'`,
    )
  )[0]

describe.each(backends())('session counts (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend, { files: contentWithSeats(2) })
  })
  afterAll(() => server.close())

  it('follow sign-ups, a cancellation with its promotion, a second try and a deletion', async () => {
    const sent = []
    for (let i = 0; i < 4; i++) {
      const r = await server.inject(await bookedRequest(server, `d-count-${i}`, housekeepingBody(person(i))))
      expect(r.statusCode).toBe(201)
      sent.push(JSON.parse(r.body) as { id: string; status: string })
    }
    expect(sent.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted'])
    expect(await counts(server)).toEqual({ confirmed_count: 2, waitlisted_count: 2, cancelled_count: 0 })

    // The same person again while her sign-up stands: refused by the rule, nothing counted.
    const twice = await server.inject(await bookedRequest(server, 'd-count-0b', housekeepingBody(person(0))))
    expect(twice.statusCode).toBe(409)
    expect(JSON.parse(twice.body).error.code).toBe('duplicate')

    // The first cancels: her seat goes to the first on the waitlist.
    const cancel = await server.inject(asDevice('d-count-0', 'POST', `/api/signups/${sent[0].id}/cancel`))
    expect(JSON.parse(cancel.body).status).toBe('cancelled')
    expect(await counts(server)).toEqual({ confirmed_count: 2, waitlisted_count: 1, cancelled_count: 1 })
    const mine = JSON.parse((await server.inject(asDevice('d-count-3', 'GET', '/api/signups/mine'))).body)
    expect(mine[0]).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })

    // After cancelling she may sign up again (the unique index covers live sign-ups only).
    const again = await server.inject(await bookedRequest(server, 'd-count-0', housekeepingBody(person(0))))
    expect(again.statusCode).toBe(201)
    expect(JSON.parse(again.body)).toMatchObject({ status: 'waitlisted', waitlistPosition: 2 })
    expect(await counts(server)).toEqual({ confirmed_count: 2, waitlisted_count: 2, cancelled_count: 1 })

    // Deleting her data removes both of her rows and their counts; nobody is promoted (she was waitlisted).
    expect((await server.inject(asDevice('d-count-0', 'DELETE', '/api/signups/mine'))).statusCode).toBe(204)
    expect(await counts(server)).toEqual({ confirmed_count: 2, waitlisted_count: 1, cancelled_count: 0 })

    // A confirmed one deletes her data: the waitlisted one is promoted first.
    expect((await server.inject(asDevice('d-count-1', 'DELETE', '/api/signups/mine'))).statusCode).toBe(204)
    expect(await counts(server)).toEqual({ confirmed_count: 2, waitlisted_count: 0, cancelled_count: 0 })
    expect(await countDrift(server.db)).toEqual([])

    // Program page: the seats taken come from the counts.
    const program = JSON.parse((await server.inject({ method: 'GET', url: '/api/programs/wd-housekeeping' })).body)
    expect(program.sessions.find((s: { id: string }) => s.id === 'wd-hk-1').taken).toBe(2)

    // 90 days after the session, the purge removes the rows and their counts together.
    const later = new Date(NOW.getTime() + 400 * 24 * 60 * 60 * 1000)
    expect(await server.signups.purgeExpired(later)).toBeGreaterThan(0)
    expect(await counts(server)).toEqual({ confirmed_count: 0, waitlisted_count: 0, cancelled_count: 0 })
    expect(await countDrift(server.db)).toEqual([])
  })
})

describe.each(backends())('migration 002 on existing sign-ups (%s)', (backend) => {
  it('fills in the counts of every session', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      await migrate(db, readMigrations().slice(0, 1))
      await loadLegacyContent(db, readJsonDir(MOCK_DIR, 'mock'))
      // 300 sign-ups made before the counts existed, spread over two sessions and three states.
      await db.query(
        `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
           program_title, federation_name, session_title, session_start, online)
         SELECT 'old-' || g, 'c-' || g, 'k-' || g, CASE WHEN g % 2 = 0 THEN 'wd-hk-1' ELSE 'wd-hk-2' END,
           'wd-housekeeping', (ARRAY['confirmed', 'waitlisted', 'cancelled'])[g % 3 + 1], 'n' || g, 'm' || g, '{}',
           't', 'f', 's', '2026-12-01T09:00:00+08:00', false
         FROM generate_series(1, 300) AS g`,
      )
      await migrate(db)
      expect(await countDrift(db)).toEqual([])
      const [hk1] = await db.query<{ confirmed_count: number; waitlisted_count: number; cancelled_count: number }>(
        `SELECT confirmed_count, waitlisted_count, cancelled_count FROM sessions WHERE id = 'wd-hk-1'`,
      )
      expect(hk1).toEqual({ confirmed_count: 50, waitlisted_count: 50, cancelled_count: 50 })
    } finally {
      await db.close()
      await database.drop()
    }
  }, 60_000)
})
