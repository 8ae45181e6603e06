// Booking a session full with made-up people: from one address, each with a fresh device id, sent
// at once. Unverified, none books; with one verified mobile, at most BOOKER_PER_SESSION do. A
// mother who verified books herself and her mother-in-law. Two instances count one limit.
import { randomUUID } from 'node:crypto'
import {
  asDevice,
  asOrganizer,
  backends,
  bookedRequest,
  bookerToken,
  contentWithSeats,
  housekeepingBody,
  newKey,
  organizerToken,
  startSecondInstance,
  startTestServer,
  submitRequest,
  type Reply,
  type TestServer,
} from './support'

const json = (r: Reply) => JSON.parse(r.body)

/** Sixty made-up people: names the form takes, mobiles no one has. */
const madeUp = (i: number) => ({
  name: `${'王李张刘陈杨'[i % 6]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(i / 6) % 10]}`,
  mobile: `170${String(i).padStart(8, '0')}`,
})

const freshDevice = () => `d-${randomUUID()}`

describe.each(backends())('booking with made-up people (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    // wd-hk-1 with 100 seats and none taken: seats are never what stops them here.
    server = await startTestServer(backend, { files: contentWithSeats(100) })
  })
  afterAll(() => server.close())

  const taken = async () =>
    json(await server.inject({ method: 'GET', url: '/api/programs/wd-housekeeping' })).sessions[0].taken as number
  const rosterNames = async () =>
    json(
      await server.inject(
        asOrganizer(await organizerToken(server, 'wudu-2020'), '/api/organizer/programs/wd-housekeeping/roster'),
      ),
    ).rows.map((r: { name: string }) => r.name) as string[]

  it('sixty unverified, each with a fresh device id, sent at once: no seat taken', async () => {
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) => server.inject(submitRequest(freshDevice(), housekeepingBody(madeUp(i))))),
    )
    expect(new Set(replies.map((r) => r.statusCode))).toEqual(new Set([401]))
    expect(json(replies[0]).error).toEqual({
      code: 'verify_required',
      message: '请先验证手机号再报名',
      field: 'mobile',
    })
    expect(await taken()).toBe(0)
    expect(await rosterNames()).toEqual([])
  })

  it('sixty behind ONE verified mobile, sent at once: ten booked, the rest refused', async () => {
    const token = await bookerToken(server, '13911112222')
    const replies = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        server.inject(submitRequest(freshDevice(), housekeepingBody(madeUp(i)), newKey(), token)),
      ),
    )
    const booked = replies.filter((r) => r.statusCode === 201)
    const refused = replies.filter((r) => r.statusCode === 409)
    expect([booked.length, refused.length]).toEqual([10, 50])
    expect(json(refused[0]).error).toEqual({ code: 'limit', message: '同一个手机号在一个场次最多为10人报名' })
    expect(await taken()).toBe(10)
    expect(await rosterNames()).toHaveLength(10)
  })

  it('a cancelled sign-up frees its slot for the same booker, and only one', async () => {
    // A booker of her own: the test above's booker has nothing to do with hers.
    const mobile = '13911113333'
    const device = freshDevice()
    const ids: string[] = []
    for (let i = 100; i < 110; i++) {
      const r = await server.inject(await bookedRequest(server, device, housekeepingBody(madeUp(i)), newKey(), mobile))
      expect(r.statusCode).toBe(201)
      ids.push(json(r).id)
    }
    const over = await server.inject(
      await bookedRequest(server, device, housekeepingBody(madeUp(110)), newKey(), mobile),
    )
    expect([over.statusCode, json(over).error.code]).toEqual([409, 'limit'])
    expect((await server.inject(asDevice(device, 'POST', `/api/signups/${ids[0]}/cancel`))).statusCode).toBe(200)
    const freed = await server.inject(
      await bookedRequest(server, device, housekeepingBody(madeUp(110)), newKey(), mobile),
    )
    expect(freed.statusCode).toBe(201)
    const again = await server.inject(
      await bookedRequest(server, device, housekeepingBody(madeUp(111)), newKey(), mobile),
    )
    expect([again.statusCode, json(again).error.code]).toEqual([409, 'limit'])
  })

  it('a verified mother books herself and her mother-in-law; both are hers on her phone', async () => {
    const device = freshDevice()
    const mother = { name: '刘春梅', mobile: '13922223333' }
    const inLaw = { name: '张桂芝', mobile: '13922224444' }
    const body = (who: typeof mother) => ({
      programId: 'wd-two-cancers',
      sessionId: 'wd-tc-1',
      consent: true,
      answers: { ...who, town: '东江镇', age: 60 },
    })
    const herself = await server.inject(await bookedRequest(server, device, body(mother), newKey(), mother.mobile))
    const forHer = await server.inject(await bookedRequest(server, device, body(inLaw), newKey(), mother.mobile))
    expect([herself.statusCode, forHer.statusCode]).toEqual([201, 201])
    expect([json(forHer).name, json(forHer).mobile]).toEqual(['张桂芝', '13922224444'])
    const mine = json(await server.inject(asDevice(device, 'GET', '/api/signups/mine')))
    expect(mine.map((s: { name: string }) => s.name).sort()).toEqual(['刘春梅', '张桂芝'].sort())
  })
})

const onPostgres = backends().includes('postgres') ? describe : describe.skip

onPostgres('two server instances on one PostgreSQL', () => {
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    a = await startTestServer('postgres', { files: contentWithSeats(100) })
    b = await startSecondInstance(a)
  })
  afterAll(async () => {
    await b.close()
    await a.close()
  })

  it('count one booker’s limit together: thirty at once, half to each, ten booked in all', async () => {
    // Verified on one instance; the token is good on both (one secret).
    const token = await bookerToken(a, '13933334444')
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 ? b : a).inject(submitRequest(freshDevice(), housekeepingBody(madeUp(i)), newKey(), token)),
      ),
    )
    const codes = replies.map((r) => r.statusCode)
    expect([codes.filter((c) => c === 201).length, codes.filter((c) => c === 409).length]).toEqual([10, 20])
    const [row] = await a.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM signups WHERE session_id = 'wd-hk-1' AND booker IS NOT NULL`,
    )
    expect(Number(row.n)).toBe(10)
  })

  it('count the codes sent to one mobile together: a resend within a minute is refused on the other', async () => {
    const send = (server: TestServer) =>
      server.inject({ method: 'POST', url: '/api/verify/send', payload: { mobile: '13944445555' } })
    const [first, second] = await Promise.all([send(a), send(b)])
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 429])
  })
})
