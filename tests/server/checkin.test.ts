// E-tickets and check-in at the door, over HTTP on PGlite and PostgreSQL: a ticket only for a
// confirmed sign-up; forged, tampered, another session's and another federation's tickets refused;
// a second scan answers `already` with who and when; three staff phones checking in the same 50
// people at once make exactly 50 check-ins; roles and federations; search by name and last 4
// digits; live counts; the roster and its CSV; and migration 009 giving earlier sign-ups codes.
import { migrate, readMigrations } from '../../server/src/db/migrate'
import { openPostgres } from '../../server/src/db/postgres'
import { MOCK_DIR, readJsonDir } from '../../server/src/content'
import { signupIdOfToken, ticketToken } from '../../server/src/tickets'
import {
  asDevice,
  backends,
  book,
  bookingDevice,
  freshDatabase,
  loadLegacyContent,
  organizerToken,
  person,
  startTestServer,
  type InjectOptions,
  type Reply,
  type TestServer,
  asStaff,
} from './support'

const json = (r: Reply) => JSON.parse(r.body)
const CODE = /^[2-9A-HJKMNP-Z]{6}$/
const NOT_FOUND = [404, '没有找到这张电子票']

interface Ticket {
  token: string
  code: string
}

/** A session of 武都 家政 a week and a half after NOW, with `capacity` seats. */
const sessionBody = (title: string, capacity: number) => ({
  title,
  startsAt: '2026-12-05 14:00',
  endsAt: '2026-12-05 16:00',
  deadlineAt: '2026-12-04 18:00',
  online: false,
  place: '武都区妇女儿童活动中心三楼',
  capacity,
})

describe('ticket tokens', () => {
  const secret = 'ticket-secret-for-this-test-000000'
  it('name the sign-up they were made for, and only with the secret they were made with', () => {
    const token = ticketToken(secret, 'su_abc')
    expect(token).toMatch(/^t1\.su_abc\.[A-Za-z0-9_-]{22}$/)
    expect(signupIdOfToken(secret, token)).toBe('su_abc')
    expect(signupIdOfToken(secret, ` ${token} `)).toBe('su_abc')
    expect(signupIdOfToken(`${secret}-other`, token)).toBeUndefined()
    expect(signupIdOfToken(secret, token.replace('su_abc', 'su_abd'))).toBeUndefined()
    expect(signupIdOfToken(secret, `${token}.x`)).toBeUndefined()
    expect(signupIdOfToken(secret, '')).toBeUndefined()
  })
})

describe.each(backends())('tickets and check-in (%s)', (backend) => {
  let server: TestServer
  let admin: string
  let viewer: string
  let viewerName: string
  let adminName: string
  /** 60 seats: the crowd of the concurrency test and the people of the other tests. */
  let big: string
  /** One seat: the second to book is waitlisted. */
  let small: string
  let members = 0

  const as = (token: string, method: InjectOptions['method'] | 'PUT', url: string, payload?: unknown): Promise<Reply> =>
    server.inject(asStaff(token, method, url, payload))
  const checkIn = (token: string, body: object) => as(token, 'POST', '/api/workspace/checkin', body)

  async function member(role: 'viewer' | 'editor', displayName: string): Promise<string> {
    const invitation = json(await as(admin, 'POST', '/api/workspace/invitations', { role }))
    const accepted = await server.inject({
      method: 'POST',
      url: `/api/auth/invitations/${invitation.token}/accept`,
      payload: { login: `door-${backend}-${++members}`, displayName, password: 'river-stone-42' },
    })
    expect(accepted.statusCode).toBe(200)
    return json(accepted).token as string
  }

  const newSession = async (title: string, capacity: number) => {
    const r = await as(admin, 'POST', '/api/workspace/programs/wd-housekeeping/sessions', sessionBody(title, capacity))
    expect([r.statusCode, r.body]).toEqual([200, expect.any(String)])
    return json(r).id as string
  }

  /** Person i books the session; returns the sign-up. */
  const booked = async (sessionId: string, i: number) => {
    const r = await book(server, sessionId, person(i))
    expect([r.statusCode, r.body]).toEqual([201, expect.any(String)])
    return json(r) as { id: string; status: string }
  }
  const mine = async (i: number) =>
    json(await server.inject(asDevice(bookingDevice(person(i)), 'GET', '/api/signups/mine'))) as Array<{
      id: string
      status: string
      ticket?: Ticket
    }>
  /** Her confirmed sign-up's ticket, as her 我的报名 shows it (each person books one session here). */
  const ticketOf = async (i: number): Promise<Ticket> => {
    const [own] = (await mine(i)).filter((s) => s.status === 'confirmed')
    expect(own?.ticket).toEqual({ token: expect.any(String), code: expect.stringMatching(CODE) })
    return own.ticket!
  }
  const refusal = (r: Reply) => [r.statusCode, json(r).error?.message]
  const counts = async (sessionId: string) =>
    json(await as(viewer, 'GET', `/api/workspace/sessions/${sessionId}/checkin/counts`)) as object

  beforeAll(async () => {
    server = await startTestServer(backend)
    admin = await organizerToken(server, 'wudu-2020')
    adminName = json(await as(admin, 'GET', '/api/auth/me')).account.displayName
    viewerName = '门口的李查看'
    viewer = await member('viewer', viewerName)
    big = await newSession('签到测试大场', 60)
    small = await newSession('签到测试小场', 1)
  })
  afterAll(() => server.close())

  it('gives a ticket to a confirmed sign-up only; a waitlisted one gets hers when promoted', async () => {
    const first = await booked(small, 90)
    const second = await booked(small, 91)
    expect([first.status, second.status]).toEqual(['confirmed', 'waitlisted'])
    const [hers] = await mine(90)
    expect(hers.ticket?.token).toMatch(new RegExp(`^t1\\.${hers.id}\\.[A-Za-z0-9_-]{22}$`))
    expect(hers.ticket?.code).toMatch(CODE)
    expect((await mine(91))[0].ticket).toBeUndefined()

    // Her waitlisted ticket cannot be had any other way: by code the door says she is waiting.
    const [row] = json(
      await as(viewer, 'GET', `/api/workspace/sessions/${small}/checkin?q=${person(91).mobile.slice(-4)}`),
    ).rows as Array<{ code: string; status: string }>
    expect(row.status).toBe('waitlisted')
    expect(json(await checkIn(viewer, { sessionId: small, code: row.code })).result).toBe('waitlisted')

    // The first cancels: the second is promoted and now has a ticket; the cancelled one has none.
    const cancel = await server.inject(asDevice(bookingDevice(person(90)), 'POST', `/api/signups/${first.id}/cancel`))
    expect(json(cancel).status).toBe('cancelled')
    expect((await mine(90))[0].ticket).toBeUndefined()
    const promoted = (await mine(91))[0]
    expect(promoted.status).toBe('confirmed')
    expect(promoted.ticket?.code).toBe(row.code)

    // Her old ticket, scanned anyway, is a cancelled sign-up; nothing is checked in.
    const old = await checkIn(viewer, { sessionId: small, token: hers.ticket!.token })
    expect(json(old)).toEqual({
      result: 'cancelled',
      signup: { id: first.id, name: person(90).name, mobile: '138****0090', sessionTitle: '签到测试小场' },
    })
    expect(json(await checkIn(viewer, { sessionId: small, token: promoted.ticket!.token })).result).toBe('checked_in')
  })

  it('checks in by QR once; the second scan answers already, with when and who', async () => {
    const signup = await booked(big, 1)
    const ticket = await ticketOf(1)
    const first = await checkIn(viewer, { sessionId: big, token: ticket.token })
    expect(first.statusCode).toBe(200)
    expect(json(first)).toEqual({
      result: 'checked_in',
      signup: { id: signup.id, name: person(1).name, mobile: '138****0001', sessionTitle: '签到测试大场' },
      checkedInAt: '2026-11-23T10:00:00+08:00',
      checkedInBy: viewerName,
    })
    // Scanned again by another phone, or the same request sent twice: no second check-in.
    const again = await checkIn(admin, { sessionId: big, token: ticket.token })
    expect(json(again)).toMatchObject({
      result: 'already',
      checkedInAt: '2026-11-23T10:00:00+08:00',
      checkedInBy: viewerName,
    })
    const byCode = await checkIn(admin, { sessionId: big, code: ticket.code })
    expect(json(byCode).result).toBe('already')

    // One entry in the audit log, by the viewer.
    const { entries } = json(await as(admin, 'GET', '/api/workspace/audit?limit=100'))
    const hers = entries.filter(
      (e: { action: string; target: string }) => e.action === 'checkin' && e.target === signup.id,
    )
    expect(hers).toHaveLength(1)
    expect(hers[0].account.displayName).toBe(viewerName)
  })

  it('checks in by the code read out, typed in any case with spaces', async () => {
    const signup = await booked(big, 2)
    const { code } = await ticketOf(2)
    const typed = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`
    const r = await checkIn(admin, { sessionId: big, code: typed })
    expect(json(r)).toMatchObject({ result: 'checked_in', signup: { id: signup.id }, checkedInBy: adminName })
  })

  it('refuses forged and tampered tokens and unknown codes: 404, nothing checked in', async () => {
    const signup = await booked(big, 3)
    const ticket = await ticketOf(3)
    const mac = ticket.token.split('.')[2]
    const flipped = `${mac.slice(0, 5)}${mac[5] === 'A' ? 'B' : 'A'}${mac.slice(6)}`
    const other = await booked(big, 4)
    const forged = [
      `t1.${signup.id}.${'A'.repeat(22)}`,
      `t1.${signup.id}.${flipped}`,
      // Her MAC on another sign-up's id.
      `t1.${other.id}.${mac}`,
      `t2.${signup.id}.${mac}`,
      `t1.${signup.id}.${mac}x`,
      `t1.${signup.id}`,
      'not-a-ticket',
    ]
    for (const token of forged) {
      expect([token, ...refusal(await checkIn(viewer, { sessionId: big, token }))]).toEqual([token, ...NOT_FOUND])
    }
    const taken = new Set([ticket.code, (await ticketOf(4)).code])
    const unknown = ['222222', 'ZZZZZZ', 'XYZ234'].find((c) => !taken.has(c))!
    for (const code of [unknown, '12345O', 'ABC', ''.padEnd(6, '1')]) {
      const r = await checkIn(viewer, { sessionId: big, code })
      expect([code, ...refusal(r), json(r).error.field]).toEqual([code, ...NOT_FOUND, 'code'])
    }
    const search = json(
      await as(viewer, 'GET', `/api/workspace/sessions/${big}/checkin?q=${person(3).mobile.slice(-4)}`),
    )
    expect(search.rows).toEqual([
      { id: signup.id, name: person(3).name, mobile: '138****0003', status: 'confirmed', code: ticket.code },
    ])
  })

  it("answers wrong_session for a ticket of another session of the federation, and 404 for another federation's", async () => {
    const signup = await booked(big, 5)
    const ticket = await ticketOf(5)
    const wrong = await checkIn(viewer, { sessionId: small, token: ticket.token })
    expect(wrong.statusCode).toBe(200)
    expect(json(wrong)).toEqual({
      result: 'wrong_session',
      signup: { id: signup.id, name: person(5).name, mobile: '138****0005', sessionTitle: '签到测试大场' },
    })
    // A code is only looked for in the session being checked in.
    expect(refusal(await checkIn(viewer, { sessionId: small, code: ticket.code }))).toEqual(NOT_FOUND)
    // Not checked in by either.
    expect(json(await checkIn(viewer, { sessionId: big, token: ticket.token })).result).toBe('checked_in')

    // 成都's staff at one of their own sessions, with 武都's ticket: it says nothing of 武都's sign-ups.
    const chengdu = await organizerToken(server, 'chengdu-2020')
    const { programs } = json(await as(chengdu, 'GET', '/api/workspace/programs'))
    const theirs = (programs as Array<{ sessions: Array<{ id: string }> }>).flatMap((p) => p.sessions)[0].id
    expect(refusal(await checkIn(chengdu, { sessionId: theirs, token: ticket.token }))).toEqual(NOT_FOUND)
  })

  it('lets 查看 check in; another federation gets 403, no login 401, and a body without a ticket 400', async () => {
    await booked(big, 6)
    const ticket = await ticketOf(6)
    const chengdu = await organizerToken(server, 'chengdu-2020')
    const foreign = await checkIn(chengdu, { sessionId: big, token: ticket.token })
    expect(refusal(foreign)).toEqual([403, '这不是你所在妇联的场次'])
    expect((await as(chengdu, 'GET', `/api/workspace/sessions/${big}/checkin?q=王`)).statusCode).toBe(403)
    expect((await as(chengdu, 'GET', `/api/workspace/sessions/${big}/checkin/counts`)).statusCode).toBe(403)
    for (const r of [
      await checkIn('', { sessionId: big, token: ticket.token }),
      await checkIn('forged-session-token', { sessionId: big, token: ticket.token }),
      await as('', 'GET', `/api/workspace/sessions/${big}/checkin?q=王`),
      await as('', 'GET', `/api/workspace/sessions/${big}/checkin/counts`),
    ]) {
      expect(r.statusCode).toBe(401)
    }
    expect(refusal(await checkIn(viewer, { sessionId: 'no-such-session', token: ticket.token }))).toEqual([
      404,
      '没有找到这个场次',
    ])
    const neither = await checkIn(viewer, { sessionId: big })
    expect([neither.statusCode, json(neither).error.field]).toEqual([400, 'token'])
    expect((await checkIn(viewer, { sessionId: big, token: ticket.token, code: ticket.code })).statusCode).toBe(400)
    expect(json(await checkIn(viewer, { sessionId: big, token: ticket.token })).result).toBe('checked_in')
  })

  it('finds her by part of her name or the last 4 digits of her mobile, with the live counts', async () => {
    const session = await newSession('找人测试场', 10)
    for (const i of [10, 20, 30, 11]) await booked(session, i)
    // person(10) 王娜, person(20) 王丽, person(30) 王敏, person(11) 李娜: "娜" finds two.
    const find = async (q: string) =>
      json(await as(viewer, 'GET', `/api/workspace/sessions/${session}/checkin?q=${encodeURIComponent(q)}`))
    expect((await find('娜')).rows.map((r: { name: string }) => r.name)).toEqual([person(10).name, person(11).name])
    expect((await find('王')).rows).toHaveLength(3)
    expect((await find('0020')).rows.map((r: { name: string }) => r.name)).toEqual([person(20).name])
    expect((await find('张')).rows).toEqual([])
    expect((await find('')).rows).toEqual([])
    expect((await find('')).counts).toEqual({ confirmed: 4, checkedIn: 0, absent: 4 })

    const { code } = (await find('0030')).rows[0]
    expect(json(await checkIn(viewer, { sessionId: session, code })).result).toBe('checked_in')
    const after = await find('0030')
    expect(after.rows[0]).toMatchObject({
      status: 'confirmed',
      checkedInAt: '2026-11-23T10:00:00+08:00',
      checkedInBy: viewerName,
    })
    expect(after.counts).toEqual({ confirmed: 4, checkedIn: 1, absent: 3 })
    expect(await counts(session)).toEqual({ confirmed: 4, checkedIn: 1, absent: 3 })
  })

  it('three staff phones checking in the same 50 people at once make exactly 50 check-ins', async () => {
    const session = await newSession('并发签到场', 50)
    const crowd = Array.from({ length: 50 }, (_, k) => 40 + k)
    for (const i of crowd) await booked(session, i)
    const tickets = await Promise.all(crowd.map((i) => ticketOf(i)))
    const phones = [viewer, admin, await member('viewer', '第三台手机')]
    // Each phone scans everyone, in its own order; all 150 scans are sent at once.
    const scans = phones.flatMap((phone, p) =>
      tickets
        .map((_, k) => tickets[(k * (p + 1) * 7) % 50])
        .map((t) => checkIn(phone, { sessionId: session, token: t.token })),
    )
    const answers = (await Promise.all(scans)).map((r) => {
      expect(r.statusCode).toBe(200)
      return json(r) as { result: string; signup: { id: string }; checkedInBy: string; checkedInAt: string }
    })
    const checkedIn = answers.filter((a) => a.result === 'checked_in')
    expect(checkedIn).toHaveLength(50)
    expect(new Set(checkedIn.map((a) => a.signup.id)).size).toBe(50)
    expect(answers.filter((a) => a.result === 'already')).toHaveLength(100)
    // Every `already` names the phone whose check-in stood.
    const by = new Map(checkedIn.map((a) => [a.signup.id, a.checkedInBy]))
    for (const a of answers.filter((x) => x.result === 'already')) expect(a.checkedInBy).toBe(by.get(a.signup.id))

    const [rows] = await server.db.query<{ n: string | number; audited: string | number }>(
      `SELECT (SELECT count(*) FROM signups WHERE session_id = $1 AND checked_in_at IS NOT NULL) AS n,
        (SELECT count(*) FROM audit_log WHERE action = 'checkin' AND detail ->> 'sessionId' = $1) AS audited`,
      [session],
    )
    expect([Number(rows.n), Number(rows.audited)]).toEqual([50, 50])
    expect(await counts(session)).toEqual({ confirmed: 50, checkedIn: 50, absent: 0 })
  })

  if (backend === 'postgres') {
    it('three phones waiting on the same locked row: one check-in, two already', async () => {
      const session = await newSession('锁等待签到场', 5)
      const signup = await booked(session, 95)
      const ticket = await ticketOf(95)
      // Another connection holds the sign-up's row while three scans arrive; they queue on it.
      const other = await openPostgres(server.url!, {
        lockTimeoutMs: 30_000,
        statementTimeoutMs: 60_000,
        idleInTransactionMs: 60_000,
        acquireTimeoutMs: 30_000,
      })
      try {
        let release: () => void = () => undefined
        const held = new Promise<void>((resolve) => (release = resolve))
        let locked: () => void = () => undefined
        const isLocked = new Promise<void>((resolve) => (locked = resolve))
        const holder = other.transaction(async (tx) => {
          await tx.query('SELECT id FROM signups WHERE id = $1 FOR UPDATE', [signup.id])
          locked()
          await held
        })
        await isLocked
        const scans = [viewer, admin, viewer].map((p) => checkIn(p, { sessionId: session, token: ticket.token }))
        // Give the three time to reach the row and wait on it.
        await new Promise((r) => setTimeout(r, 500))
        const [{ n }] = await other.query<{ n: string | number }>(
          `SELECT count(*) AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        )
        expect(Number(n)).toBe(3)
        release()
        await holder
        const results = (await Promise.all(scans)).map((r) => json(r).result).sort()
        expect(results).toEqual(['already', 'already', 'checked_in'])
      } finally {
        await other.close()
      }
    })
  }

  it('shows 签到时间 and 签到人 on the roster and in its CSV', async () => {
    const roster = json(await as(viewer, 'GET', '/api/organizer/programs/wd-housekeeping/roster'))
    const rows = roster.rows as Array<{ name: string; mobile: string; checkedInAt?: string; checkedInBy?: string }>
    const one = rows.find((r) => r.mobile === person(1).mobile)!
    expect(one).toMatchObject({ checkedInAt: '2026-11-23T10:00:00+08:00', checkedInBy: viewerName })
    const notYet = rows.find((r) => r.mobile === person(4).mobile)!
    expect(notYet.checkedInAt).toBeUndefined()
    expect(notYet.checkedInBy).toBeUndefined()

    const csv = (await as(viewer, 'GET', '/api/organizer/programs/wd-housekeeping/roster.csv')).body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(csv[0].split(',').slice(-3)).toEqual(['报名时间', '签到时间', '签到人'])
    expect(
      csv
        .find((l) => l.includes(person(1).mobile))!
        .split(',')
        .slice(-2),
    ).toEqual(['2026-11-23 10:00:00', viewerName])
    expect(
      csv
        .find((l) => l.includes(person(4).mobile))!
        .split(',')
        .slice(-2),
    ).toEqual(['', ''])
  })
})

describe.each(backends())('migration 009 (%s)', (backend) => {
  it('gives every earlier confirmed and waitlisted sign-up a code, unique in its session', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      await migrate(
        db,
        readMigrations().filter((m) => m.version <= 3),
      )
      await loadLegacyContent(db, readJsonDir(MOCK_DIR, 'mock'))
      await migrate(
        db,
        readMigrations().filter((m) => m.version <= 7),
      )
      // 300 sign-ups across two sessions, one in three cancelled.
      await db.query(
        `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
           program_title, federation_name, session_title, session_start, online, name_key, session_version)
         SELECT 'old-' || g, 'c-' || g, 'k-' || g, (ARRAY['wd-hk-1', 'wd-hk-2'])[g % 2 + 1], 'wd-housekeeping',
           (ARRAY['confirmed', 'waitlisted', 'cancelled'])[g % 3 + 1], '王芳' || g, '138' || lpad(g::text, 8, '0'),
           '{}', '家政培训', '武都区妇联', '旧场次', '2026-12-01T09:00:00+08:00', false, '王芳' || g, 1
         FROM generate_series(1, 300) AS g`,
      )
      expect(await migrate(db)).toContain('009_tickets.sql')
      const rows = await db.query<{ session_id: string; status: string; ticket_code: string | null }>(
        'SELECT session_id, status, ticket_code FROM signups',
      )
      const live = rows.filter((r) => r.status !== 'cancelled')
      expect(live).toHaveLength(200)
      for (const r of live) expect(r.ticket_code).toMatch(CODE)
      expect(rows.filter((r) => r.status === 'cancelled').every((r) => r.ticket_code === null)).toBe(true)
      for (const s of ['wd-hk-1', 'wd-hk-2']) {
        const codes = live.filter((r) => r.session_id === s).map((r) => r.ticket_code)
        expect(new Set(codes).size).toBe(codes.length)
      }
    } finally {
      await db.close()
      await database.drop()
    }
  })
})
