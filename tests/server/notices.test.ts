// Notices: written to the outbox in the transaction of the change (promotion, a session moved or
// cancelled), reminders the day before, and delivery exactly once by SMS or subscribe message,
// with one or two server instances.
import { MAX_NOTICE_ATTEMPTS } from '@/domain/notices'
import { Notices, type Notice } from '../../server/src/notify'
import {
  backends,
  book,
  bookingDevice,
  asDevice,
  contentWithSeats,
  housekeepingBody,
  newKey,
  NOW,
  organizerToken,
  person,
  startSecondInstance,
  startTestServer,
  submitRequest,
  type Reply,
  type TestServer,
} from './support'

const json = (r: Reply) => JSON.parse(r.body)

describe.each(backends())('notices (%s)', (backend) => {
  let server: TestServer
  const clock = { at: NOW }
  let organizer: string

  beforeEach(async () => {
    clock.at = NOW
    server = await startTestServer(backend, { files: contentWithSeats(2), now: () => clock.at })
    organizer = await organizerToken(server, 'wudu-2020')
  })
  afterEach(() => server.close())

  /** Person i signs up for wd-hk-1 (2 seats) from her own phone. */
  const signUp = async (i: number) => {
    const r = await book(server, 'wd-hk-1', person(i))
    expect(r.statusCode).toBe(201)
    return json(r) as { id: string; status: string }
  }
  const organizerDoes = (method: 'PUT' | 'POST', url: string, payload: object) =>
    server.inject({ method, url, headers: { authorization: `Bearer ${organizer}` }, payload })
  const outbox = (kind: string) =>
    server.db.query<{ signup_id: string; status: string }>(
      'SELECT signup_id, status FROM notices WHERE kind = $1 ORDER BY id',
      [kind],
    )
  /** The texts the SMS stand-in was given for `mobile`, of notices only (not codes). */
  const smsTo = (mobile: string, s: Pick<TestServer, 'devSms'> = server) =>
    (s.devSms?.notices ?? []).filter((m) => m.mobile === mobile).map((m) => m.text)

  it('a cancel promotes the first on the waitlist and she is told exactly once, by SMS', async () => {
    const first = await signUp(1)
    await signUp(2)
    const waiting = await signUp(3)
    const later = await signUp(4)
    expect([first.status, waiting.status, later.status]).toEqual(['confirmed', 'waitlisted', 'waitlisted'])

    const cancelled = await server.inject(asDevice(bookingDevice(person(1)), 'POST', `/api/signups/${first.id}/cancel`))
    expect(cancelled.statusCode).toBe(200)
    // Cancelling again changes nothing and records nothing.
    await server.inject(asDevice(bookingDevice(person(1)), 'POST', `/api/signups/${first.id}/cancel`))
    expect(await outbox('promoted')).toEqual([{ signup_id: waiting.id, status: 'pending' }])

    expect(await server.notices.deliver(clock.at)).toMatchObject({ sent: 1, failed: 0 })
    expect(await server.notices.deliver(clock.at)).toMatchObject({ sent: 0 })
    const texts = smsTo(person(3).mobile)
    expect(texts).toHaveLength(1)
    expect(texts[0]).toContain('已从候补转为报名成功：「母婴护理班」')
    expect(texts[0]).toContain('12月1日 周二 09:00')
    // No one else heard of it; her code to sign up is still the one she got.
    expect(smsTo(person(4).mobile)).toEqual([])
    expect(await outbox('promoted')).toEqual([{ signup_id: waiting.id, status: 'sent' }])
    // Her 我的报名 says she moved up (已转正); the woman still waiting does not.
    const mine = async (i: number) =>
      json(await server.inject(asDevice(bookingDevice(person(i)), 'GET', '/api/signups/mine'))) as Array<{
        id: string
        status: string
        promoted?: true
      }>
    expect(await mine(3)).toEqual([expect.objectContaining({ id: waiting.id, status: 'confirmed', promoted: true })])
    expect((await mine(4))[0]).not.toHaveProperty('promoted')
  })

  it('more seats promote the waitlist and each promoted woman is told once', async () => {
    await signUp(1)
    await signUp(2)
    const a = await signUp(3)
    const b = await signUp(4)
    expect((await organizerDoes('PUT', '/api/workspace/sessions/wd-hk-1', { capacity: 22 })).statusCode).toBe(200)
    expect((await outbox('promoted')).map((r) => r.signup_id).sort()).toEqual([a.id, b.id].sort())
    await server.notices.deliver(clock.at)
    expect(smsTo(person(3).mobile)).toHaveLength(1)
    expect(smsTo(person(4).mobile)).toHaveLength(1)
  })

  it('a session moved, then cancelled, tells everyone still on it once each time, however often the job runs', async () => {
    await signUp(1)
    await signUp(2)
    await signUp(3)
    const gone = await signUp(4)
    await server.inject(asDevice(bookingDevice(person(4)), 'POST', `/api/signups/${gone.id}/cancel`))

    const moved = await organizerDoes('PUT', '/api/workspace/sessions/wd-hk-1', {
      startsAt: '2026-12-02 09:30',
      endsAt: '2026-12-02 17:30',
    })
    expect([moved.statusCode, moved.body]).toEqual([200, expect.any(String)])
    // A new title is not something she must be told about.
    await organizerDoes('PUT', '/api/workspace/sessions/wd-hk-1', { title: '母婴护理班（第一期）' })
    expect(await outbox('session_changed')).toHaveLength(3)
    await server.notices.deliver(clock.at)
    await server.notices.deliver(clock.at)
    for (const i of [1, 2, 3]) {
      expect(smsTo(person(i).mobile)).toEqual([expect.stringContaining('有变更，现在是：12月2日 周三 09:30')])
    }
    expect(smsTo(person(4).mobile)).toEqual([])

    const cancel = await organizerDoes('POST', '/api/workspace/sessions/wd-hk-1/cancel', { reason: '场地维修' })
    expect(cancel.statusCode).toBe(200)
    await server.notices.deliver(clock.at)
    await server.notices.deliver(clock.at)
    for (const i of [1, 2, 3]) {
      const texts = smsTo(person(i).mobile)
      expect(texts).toHaveLength(2)
      expect(texts[1]).toContain('已取消，原因：场地维修')
    }
    expect(smsTo(person(4).mobile)).toEqual([])
  })

  /** She logs in to the mini-program and signs up, accepting `subscribed`. */
  const wxSignUp = async (code: string, i: number, subscribed?: string[]) => {
    const login = json(await server.inject({ method: 'POST', url: '/api/login', payload: { code } }))
    const signed = await server.inject(
      submitRequest(
        login.clientId,
        { ...housekeepingBody(person(i)), ...(subscribed ? { subscribed } : {}) },
        newKey(),
        login.bookerToken,
      ),
    )
    expect(signed.statusCode).toBe(201)
    return { clientId: login.clientId as string, id: json(signed).id as string }
  }
  const skipped = (signupId: string) =>
    server.db.query<{ kind: string; status: string; reason: string | null }>(
      'SELECT kind, status, reason FROM notices WHERE signup_id = $1 ORDER BY id',
      [signupId],
    )

  it('a mini-program sign-up is told by subscribe message, not SMS', async () => {
    const her = await wxSignUp('wx-notice-1', 7, ['session_changed'])
    await organizerDoes('POST', '/api/workspace/sessions/wd-hk-1/cancel', { reason: '天气原因' })
    await server.notices.deliver(clock.at)
    expect(server.devSubscribe?.sent).toEqual([
      {
        clientId: her.clientId,
        signupId: her.id,
        kind: 'session_cancelled',
        text: expect.stringContaining('原因：天气原因'),
      },
    ])
    expect(smsTo(person(7).mobile)).toEqual([])
  })

  it('each template she accepted carries one message; what she did not accept is skipped with a reason', async () => {
    const accepted = await wxSignUp('wx-notice-2', 7, ['session_changed', 'reminder'])
    const refused = await wxSignUp('wx-notice-3', 8)
    // Moved twice: WeChat takes one message per acceptance, so the second change is not sent.
    await organizerDoes('PUT', '/api/workspace/sessions/wd-hk-1', { place: '武都区妇女儿童之家二楼（示例地点）' })
    expect(await server.notices.deliver(clock.at)).toMatchObject({ sent: 1, skipped: 1 })
    await organizerDoes('PUT', '/api/workspace/sessions/wd-hk-1', { place: '武都区妇女儿童之家三楼（示例地点）' })
    expect(await server.notices.deliver(clock.at)).toMatchObject({ sent: 0, skipped: 2, retrying: 0 })
    expect(server.devSubscribe?.sent.map((m) => [m.signupId, m.kind])).toEqual([[accepted.id, 'session_changed']])
    expect(await skipped(accepted.id)).toEqual([
      { kind: 'session_changed', status: 'sent', reason: null },
      { kind: 'session_changed', status: 'skipped', reason: '她没有同意“场次变更和取消”订阅消息，或已经用掉了' },
    ])
    expect((await skipped(refused.id)).map((n) => n.status)).toEqual(['skipped', 'skipped'])
    // The reminder is a template of its own: still hers to receive.
    clock.at = new Date('2026-11-30T18:00:00+08:00')
    expect(await server.notices.run(clock.at)).toMatchObject({ reminders: 2, sent: 1, skipped: 1 })
    expect(server.devSubscribe?.sent.map((m) => m.kind)).toEqual(['session_changed', 'reminder'])
    // No SMS for either: a mini-program booker is never texted.
    expect(smsTo(person(7).mobile)).toEqual([])
    expect(smsTo(person(8).mobile)).toEqual([])
  })

  it('a failed send gives the template back for the retry', async () => {
    const her = await wxSignUp('wx-notice-4', 7, ['session_changed'])
    const send = jest.spyOn(server.devSubscribe!, 'send').mockRejectedValueOnce(new Error('gateway down'))
    await organizerDoes('POST', '/api/workspace/sessions/wd-hk-1/cancel', { reason: '场地维修' })
    expect(await server.notices.deliver(clock.at)).toMatchObject({ sent: 0, retrying: 1 })
    send.mockRestore()
    clock.at = new Date(clock.at.getTime() + 60 * 60 * 1000)
    expect(await server.notices.deliver(clock.at)).toMatchObject({ sent: 1 })
    expect(server.devSubscribe?.sent.map((m) => m.signupId)).toEqual([her.id])
  })

  it('an H5 sign-up keeps no subscription, and an unknown template is refused', async () => {
    const r = await book(server, 'wd-hk-1', person(1), { body: { subscribed: ['reminder'] } })
    expect(r.statusCode).toBe(201)
    const [row] = await server.db.query<{ wx_subscribed: unknown }>('SELECT wx_subscribed FROM signups WHERE id = $1', [
      json(r).id,
    ])
    expect(row.wx_subscribed).toBeNull()
    const login = json(await server.inject({ method: 'POST', url: '/api/login', payload: { code: 'wx-notice-5' } }))
    const bad = await server.inject(
      submitRequest(
        login.clientId,
        { ...housekeepingBody(person(2)), subscribed: ['sms'] },
        newKey(),
        login.bookerToken,
      ),
    )
    expect(bad.statusCode).toBe(400)
  })

  it('reminds every confirmed woman once, from 18:00 the day before until the start', async () => {
    await signUp(1)
    await signUp(2)
    await signUp(3) // waitlisted: no reminder
    // wd-hk-1 starts 2026-12-01 09:00.
    clock.at = new Date('2026-11-30T17:59:00+08:00')
    expect(await server.notices.remind(clock.at)).toBe(0)
    clock.at = new Date('2026-11-30T18:00:00+08:00')
    expect(await server.notices.remind(clock.at)).toBe(2)
    expect(await server.notices.remind(clock.at)).toBe(0)
    clock.at = new Date('2026-12-01T08:00:00+08:00')
    expect(await server.notices.run(clock.at)).toMatchObject({ reminders: 0, sent: 2 })
    for (const i of [1, 2]) expect(smsTo(person(i).mobile)).toEqual([expect.stringContaining('明天开始')])
    expect(smsTo(person(3).mobile)).toEqual([])
  })

  it('a server that was down at 18:00 still reminds before the start, and never after it', async () => {
    await signUp(1)
    clock.at = new Date('2026-12-01T09:00:00+08:00')
    expect(await server.notices.remind(clock.at)).toBe(0)
    clock.at = new Date('2026-12-01T07:30:00+08:00')
    expect(await server.notices.remind(clock.at)).toBe(1)
  })

  it('a failed delivery is tried again later, and given up after the last try', async () => {
    const first = await signUp(1)
    await signUp(2)
    await signUp(3)
    await server.inject(asDevice(bookingDevice(person(1)), 'POST', `/api/signups/${first.id}/cancel`))
    const tried: Notice[] = []
    const failing = new Notices(server.db, {
      async send(n) {
        tried.push(n)
        throw new Error('gateway down')
      },
    })
    let t = clock.at.getTime()
    expect(await failing.deliver(new Date(t))).toMatchObject({ retrying: 1 })
    // Not again at once: it waits.
    expect(await failing.deliver(new Date(t))).toMatchObject({ retrying: 0 })
    for (let i = 2; i <= MAX_NOTICE_ATTEMPTS; i++) {
      t += 61 * 60 * 1000
      await failing.deliver(new Date(t))
    }
    expect(tried).toHaveLength(MAX_NOTICE_ATTEMPTS)
    expect(await outbox('promoted')).toEqual([expect.objectContaining({ status: 'failed' })])
    t += 61 * 60 * 1000
    await failing.deliver(new Date(t))
    expect(tried).toHaveLength(MAX_NOTICE_ATTEMPTS)
  })
})

const pgOnly = backends().includes('postgres') ? describe : describe.skip

pgOnly('notices with two instances on one PostgreSQL', () => {
  it('both running the reminder job at the same moment send exactly one reminder per woman', async () => {
    const clock = { at: NOW }
    const a = await startTestServer('postgres', { files: contentWithSeats(30), now: () => clock.at })
    const b = await startSecondInstance(a, { now: () => clock.at })
    try {
      const people = Array.from({ length: 12 }, (_, i) => person(40 + i))
      for (const [i, who] of people.entries()) {
        const r = await book(i % 2 ? a : b, 'wd-hk-1', who)
        expect(r.statusCode).toBe(201)
      }
      clock.at = new Date('2026-11-30T18:00:30+08:00')
      // Several rounds, both at once each time: reminders written, claimed and sent concurrently.
      for (let round = 0; round < 3; round++) {
        await Promise.all([a.notices.run(clock.at), b.notices.run(clock.at), a.notices.run(clock.at)])
      }
      for (const who of people) {
        const texts = [a, b].flatMap((s) =>
          (s.devSms?.notices ?? []).filter((m) => m.mobile === who.mobile).map((m) => m.text),
        )
        expect(texts).toEqual([expect.stringContaining('提醒：您报名的「母婴护理班」明天开始')])
      }
      const [row] = await a.db.query<{ n: string }>(
        `SELECT count(*) AS n FROM notices WHERE kind = 'reminder' AND status = 'sent'`,
      )
      expect(Number(row.n)).toBe(people.length)
    } finally {
      await b.close()
      await a.close()
    }
  })
})

describe.each(backends())('the hold window (%s)', (backend) => {
  let server: TestServer
  const clock = { at: NOW }
  let organizer: string
  const HOUR = 60 * 60 * 1000

  beforeEach(async () => {
    clock.at = NOW
    server = await startTestServer(backend, { files: contentWithSeats(2), now: () => clock.at })
    organizer = await organizerToken(server, 'wudu-2020')
  })
  afterEach(() => server.close())

  const setHold = (holdHours: unknown) =>
    server.inject({
      method: 'PUT',
      url: '/api/workspace/sessions/wd-hk-1',
      headers: { authorization: `Bearer ${organizer}` },
      payload: { holdHours },
    })
  const signUp = async (i: number) => json(await book(server, 'wd-hk-1', person(i))) as { id: string; status: string }
  const mineOf = async (i: number) =>
    json(await server.inject(asDevice(bookingDevice(person(i)), 'GET', '/api/signups/mine'))) as Array<{
      id: string
      status: string
      holdUntil?: string
      holdExpired?: true
    }>
  const act = (i: number, id: string, what: 'cancel' | 'confirm') =>
    server.inject(asDevice(bookingDevice(person(i)), 'POST', `/api/signups/${id}/${what}`))
  /** Two seats taken, two waiting, and the first cancels: person 3 holds her seat. */
  async function promoteThird() {
    const first = await signUp(1)
    await signUp(2)
    const third = await signUp(3)
    const fourth = await signUp(4)
    expect((await act(1, first.id, 'cancel')).statusCode).toBe(200)
    return { third, fourth }
  }

  it('organizers set it on a session in hours, or turn it off', async () => {
    expect(json(await setHold(24))).toMatchObject({ id: 'wd-hk-1', holdHours: 24 })
    const refused = await setHold(0)
    expect(refused.statusCode).toBe(400)
    expect(json(refused).error).toMatchObject({ field: 'holdHours' })
    expect((await setHold(1.5)).statusCode).toBe(400)
    expect(json(await setHold(null))).toMatchObject({ holdHours: null })
  })

  it('a hold that expires passes the seat to the next woman, who is told and holds it in turn', async () => {
    await setHold(24)
    const { third, fourth } = await promoteThird()
    const [held] = await mineOf(3)
    expect(held).toMatchObject({ id: third.id, status: 'confirmed', holdUntil: '2026-11-24T10:00:00+08:00' })
    await server.notices.deliver(clock.at)
    expect(server.devSms?.notices.filter((m) => m.mobile === person(3).mobile).map((m) => m.text)).toEqual([
      expect.stringContaining('为您保留到 11月24日 周二 10:00'),
    ])

    clock.at = new Date(NOW.getTime() + 21 * HOUR)
    expect(await server.notices.remind(clock.at)).toBe(0)
    clock.at = new Date(NOW.getTime() + 23 * HOUR)
    expect(await server.signups.expireHolds(clock.at)).toBe(0)
    // An hour left: she is reminded once to confirm.
    expect(await server.notices.remind(clock.at)).toBe(1)
    expect(await server.notices.remind(clock.at)).toBe(0)
    await server.notices.deliver(clock.at)
    expect(server.devSms?.notices.filter((m) => m.mobile === person(3).mobile).map((m) => m.text)[1]).toContain(
      '将在 11月24日 周二 10:00 到期',
    )
    clock.at = new Date(NOW.getTime() + 24 * HOUR + 60_000)
    // Past the hold, confirming is refused even before the job passes the seat on.
    const late = await act(3, third.id, 'confirm')
    expect([late.statusCode, json(late).error.message]).toEqual([409, '确认时间已过，名额已让给候补的下一位'])
    expect(await server.signups.expireHolds(clock.at)).toBe(1)
    expect(await server.signups.expireHolds(clock.at)).toBe(0)

    expect((await mineOf(3))[0]).toMatchObject({ status: 'cancelled', holdExpired: true })
    expect((await mineOf(3))[0].holdUntil).toBeUndefined()
    expect((await mineOf(4))[0]).toMatchObject({
      id: fourth.id,
      status: 'confirmed',
      holdUntil: '2026-11-25T10:01:00+08:00',
    })
    await server.notices.deliver(clock.at)
    expect(server.devSms?.notices.filter((m) => m.mobile === person(4).mobile)).toHaveLength(1)
    const [counts] = await server.db.query<{ confirmed_count: number; waitlisted_count: number }>(
      `SELECT confirmed_count, waitlisted_count FROM sessions WHERE id = 'wd-hk-1'`,
    )
    expect([Number(counts.confirmed_count), Number(counts.waitlisted_count)]).toEqual([2, 0])
  })

  it('confirming within the hold keeps her seat, and only she can confirm it', async () => {
    await setHold(2)
    const { third, fourth } = await promoteThird()
    expect(
      (await server.inject(asDevice('someone-else-1', 'POST', `/api/signups/${third.id}/confirm`))).statusCode,
    ).toBe(404)
    clock.at = new Date(NOW.getTime() + HOUR)
    const confirmed = await act(3, third.id, 'confirm')
    expect(confirmed.statusCode).toBe(200)
    expect(json(confirmed).holdUntil).toBeUndefined()
    // Confirming again changes nothing.
    expect((await act(3, third.id, 'confirm')).statusCode).toBe(200)
    clock.at = new Date(NOW.getTime() + 3 * HOUR)
    expect(await server.signups.expireHolds(clock.at)).toBe(0)
    // A confirmed seat is not reminded of its hold (nor a two-hour hold at all).
    expect(await server.notices.remind(new Date(NOW.getTime() + 90 * 60 * 1000))).toBe(0)
    expect((await mineOf(3))[0]).toMatchObject({ status: 'confirmed' })
    expect((await mineOf(4))[0]).toMatchObject({ id: fourth.id, status: 'waitlisted' })
    // Still waiting, she has nothing to confirm.
    expect((await act(4, fourth.id, 'confirm')).statusCode).toBe(409)
  })
})
