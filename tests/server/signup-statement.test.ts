// The sign-up's one statement under the session's lock: it inserts only what the rules let in, takes
// a ticket code the session has not given, and tells a waitlisted sign-up the place 我的报名 shows.
import type { Signup } from '../../src/services/api'
import { SQL } from '../../server/src/signups'
import {
  asDevice,
  backends,
  bookedRequest,
  contentWithSeats,
  housekeepingBody,
  person,
  startTestServer,
  tenPerBooker,
  type TestServer,
} from './support'

describe.each(backends())('the sign-up statement (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend, { files: contentWithSeats(1) })
  })
  afterAll(() => server.close())

  const signUp = async (i: number) => {
    const reply = await server.inject(
      await bookedRequest(server, `d-stmt-${i}`, housekeepingBody(person(i)), `stmt-key-${i}`, tenPerBooker(i)),
    )
    expect(reply.statusCode).toBe(201)
    return JSON.parse(reply.body) as Signup
  }

  const counts = async () => {
    const [row] = await server.db.query<{ confirmed_count: number; waitlisted_count: number }>(
      'SELECT confirmed_count, waitlisted_count FROM sessions WHERE id = $1',
      ['wd-hk-1'],
    )
    return { confirmed: Number(row.confirmed_count), waitlisted: Number(row.waitlisted_count) }
  }

  /** SQL.insert's parameters for person i, with the candidate ticket codes given. */
  const insertParams = (i: number, candidates: string) => [
    `su_stmt_${i}`,
    `d-stmt-${i}`,
    `stmt-key-${i}`,
    'wd-hk-1',
    'wd-housekeeping',
    'waitlisted',
    person(i).name,
    person(i).mobile,
    '{}',
    't',
    'f',
    's',
    '2026-12-01T09:00:00+08:00',
    false,
    null,
    '2026-11-23T10:00:00+08:00',
    `key-${i}`,
    1,
    1,
    `mobile:stmt-${i}`,
    candidates,
    null,
    10,
  ]

  it('a waitlisted sign-up after a cancelled one is told the place 我的报名 shows', async () => {
    await signUp(0)
    const first = await signUp(1)
    await signUp(2)
    await signUp(3)
    expect(first.waitlistPosition).toBe(1)
    // The first on the waitlist leaves: the two behind her move up, the next one is third.
    const cancelled = await server.inject(asDevice('d-stmt-1', 'POST', `/api/signups/${first.id}/cancel`))
    expect(cancelled.statusCode).toBe(200)
    const next = await signUp(4)
    expect([next.status, next.waitlistPosition]).toEqual(['waitlisted', 3])
    const mine = JSON.parse((await server.inject(asDevice('d-stmt-4', 'GET', '/api/signups/mine'))).body) as Signup[]
    expect(mine.map((s) => s.waitlistPosition)).toEqual([3])
  })

  it('takes the first candidate code the session has not given, and inserts nothing when all are given', async () => {
    const [given] = await server.db.query<{ ticket_code: string }>(
      'SELECT ticket_code FROM signups WHERE session_id = $1 AND ticket_code IS NOT NULL ORDER BY seq LIMIT 1',
      ['wd-hk-1'],
    )
    const before = await counts()
    const [taken] = await server.db.query<{ id: string | null; ticket_code: string | null; free_code: string | null }>(
      SQL.insert,
      insertParams(50, `${given.ticket_code},2345AB`),
    )
    expect([taken.id, taken.ticket_code, taken.free_code]).toEqual(['su_stmt_50', '2345AB', '2345AB'])
    expect(await counts()).toEqual({ ...before, waitlisted: before.waitlisted + 1 })

    const [none] = await server.db.query<{ id: string | null; free_code: string | null }>(
      SQL.insert,
      insertParams(51, `${given.ticket_code},2345AB`),
    )
    expect([none.id, none.free_code]).toEqual([null, null])
    expect(await counts()).toEqual({ ...before, waitlisted: before.waitlisted + 1 })
  })

  it('inserts nothing for the same person twice, a key used before, or a booker at her limit, and says which', async () => {
    const before = await counts()
    const again = insertParams(60, 'ZZZZZ2')
    again[2] = 'stmt-key-0'
    again[1] = 'd-stmt-0'
    const same = insertParams(61, 'ZZZZZ3')
    same[16] = 'key-50'
    same[7] = person(50).mobile
    const limited = insertParams(62, 'ZZZZZ4')
    limited[22] = 0
    const rows = []
    for (const params of [again, same, limited]) {
      const [row] = await server.db.query<{
        id: string | null
        again_id: string | null
        same_person: boolean
        booked: string | number
      }>(SQL.insert, params)
      rows.push([row.id, row.again_id !== null, row.same_person, Number(row.booked)])
    }
    expect(rows).toEqual([
      [null, true, false, 0],
      [null, false, true, 0],
      [null, false, false, 0],
    ])
    expect(await counts()).toEqual(before)
  })
})
