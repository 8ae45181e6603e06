// SMS verification and booker tokens: codes wrong, expired, reused and tried too often; the resend
// wait and the per-day limits per mobile and per address; forged, tampered and expired tokens; the
// client address taken from a proxy only when TRUST_PROXY names it.
import { Writable } from 'node:stream'
import { bookerSubject, readBooker, signBooker } from '../../server/src/booker'
import { DEV_BOOKER_SECRET } from '../../server/src/config'
import { DevSmsSender, webhookSmsSender } from '../../server/src/sms'
import { Verification } from '../../server/src/verify'
import {
  backends,
  bookerToken,
  devCode,
  housekeepingBody,
  newKey,
  NOW,
  person,
  send,
  startTestServer,
  submitRequest,
  type InjectOptions,
  type Reply,
  type TestServer,
} from './support'

const json = (r: Reply) => JSON.parse(r.body)
const sendCode = (mobile: string, headers: Record<string, string> = {}): InjectOptions => ({
  method: 'POST',
  url: '/api/verify/send',
  headers,
  payload: { mobile },
})
const checkCode = (mobile: string, code: string): InjectOptions => ({
  method: 'POST',
  url: '/api/verify/check',
  payload: { mobile, code },
})
/** Another code than `code`: the same length, never equal. */
const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0')
const SECOND = 1000
const DAY = 24 * 60 * 60 * SECOND

describe.each(backends())('SMS verification (%s)', (backend) => {
  let server: TestServer
  let t = NOW.getTime()
  const lines: string[] = []
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    server = await startTestServer(backend, { now: () => new Date(t), logger: { level: 'info', stream } })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    t = NOW.getTime()
  })

  it('sends a code, logs it in development, and gives a token for it once', async () => {
    const sent = await server.inject(sendCode('138 0013 8000'))
    expect([sent.statusCode, json(sent)]).toEqual([200, { sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 }])
    const code = await devCode(server, '13800138000')
    expect(code).toMatch(/^\d{6}$/)
    expect(lines.join('')).toContain(`开发用短信（未真正发送）：138****8000 的验证码 ${code}`)
    // The code is stored only as a keyed hash.
    const stored = await server.db.query<Record<string, unknown>>('SELECT * FROM verification_codes')
    expect(JSON.stringify(stored)).not.toContain(code)
    expect(JSON.stringify(stored)).not.toContain('13800138000')

    const ok = await server.inject(checkCode('13800138000', code))
    expect(ok.statusCode).toBe(200)
    expect(json(ok)).toEqual({
      bookerToken: expect.stringMatching(/^b1\./),
      expiresAt: new Date(t + 30 * DAY).toISOString(),
      mobile: '138****8000',
    })
    const reused = await server.inject(checkCode('13800138000', code))
    expect([reused.statusCode, json(reused).error]).toEqual([
      400,
      { code: 'invalid', field: 'code', message: '验证码已过期，请重新获取' },
    ])
  })

  it('refuses a bad mobile, and a code that is not 6 digits without counting a try', async () => {
    const bad = await server.inject(sendCode('12345'))
    expect([bad.statusCode, json(bad).error]).toEqual([
      400,
      { code: 'invalid', field: 'mobile', message: '请填写11位手机号' },
    ])
    expect((await server.inject({ method: 'POST', url: '/api/verify/send', payload: {} })).statusCode).toBe(400)
    const short = await server.inject(checkCode('13800138001', '123'))
    expect([short.statusCode, json(short).error.field]).toEqual([400, 'code'])
  })

  it('refuses a wrong code, and after 5 wrong tries the right one too', async () => {
    const mobile = '13800138002'
    t += 10 * 60 * SECOND
    expect((await server.inject(sendCode(mobile))).statusCode).toBe(200)
    const code = await devCode(server, mobile)
    const answers: string[] = []
    for (let i = 0; i < 5; i++) answers.push(json(await server.inject(checkCode(mobile, wrong(code)))).error.message)
    expect(answers).toEqual([...Array(4).fill('验证码不对，请再看一下短信'), '错误次数太多，请重新获取验证码'])
    const dead = await server.inject(checkCode(mobile, code))
    expect([dead.statusCode, json(dead).error]).toEqual([
      400,
      { code: 'invalid', field: 'code', message: '错误次数太多，请重新获取验证码' },
    ])
    // A new code (a minute later) works again.
    t += 61 * SECOND
    expect((await server.inject(sendCode(mobile))).statusCode).toBe(200)
    expect((await server.inject(checkCode(mobile, await devCode(server, mobile)))).statusCode).toBe(200)
  })

  it('refuses a code after 5 minutes, and an earlier code once a new one was sent', async () => {
    const mobile = '13800138003'
    t += 20 * 60 * SECOND
    await server.inject(sendCode(mobile))
    const first = await devCode(server, mobile)
    t += 5 * 60 * SECOND
    const late = await server.inject(checkCode(mobile, first))
    expect([late.statusCode, json(late).error.message]).toEqual([400, '验证码已过期，请重新获取'])
    await server.inject(sendCode(mobile))
    const second = await devCode(server, mobile)
    if (second !== first) {
      expect(json(await server.inject(checkCode(mobile, first))).error.message).toBe('验证码不对，请再看一下短信')
    }
    t += 4 * 60 * SECOND + 59 * SECOND
    expect((await server.inject(checkCode(mobile, second))).statusCode).toBe(200)
  })

  it('refuses a resend within 60 seconds, saying how long to wait', async () => {
    const mobile = '13800138004'
    t += 30 * 60 * SECOND
    expect((await server.inject(sendCode(mobile))).statusCode).toBe(200)
    t += 15 * SECOND
    const soon = await server.inject(sendCode(mobile))
    expect([soon.statusCode, json(soon).error, soon.headers['retry-after']]).toEqual([
      429,
      { code: 'rate_limited', message: '验证码已发送，请45秒后再试' },
      '45',
    ])
    t += 45 * SECOND
    expect((await server.inject(sendCode(mobile))).statusCode).toBe(200)
  })

  it('sends at most 5 codes to a mobile per Beijing day; the next day again', async () => {
    const mobile = '13800138005'
    // 2026-11-23 10:00 Beijing; the day ends at 2026-11-24 00:00 Beijing.
    const codes: number[] = []
    for (let i = 0; i < 6; i++) {
      codes.push((await server.inject(sendCode(mobile))).statusCode)
      t += 61 * SECOND
    }
    expect(codes).toEqual([200, 200, 200, 200, 200, 429])
    const sixth = await server.inject(sendCode(mobile))
    expect(json(sixth).error).toEqual({
      code: 'rate_limited',
      message: '这个手机号今天获取验证码的次数太多了，请明天再试',
    })
    expect(Number(sixth.headers['retry-after'])).toBe((Date.parse('2026-11-24T00:00:00+08:00') - t) / SECOND)
    t = Date.parse('2026-11-24T00:00:01+08:00')
    expect((await server.inject(sendCode(mobile))).statusCode).toBe(200)
  })
})

describe.each(backends())('per-address limit and TRUST_PROXY (%s)', (backend) => {
  const mobiles = ['13600000001', '13600000002', '13600000003', '13600000004']

  it('without TRUST_PROXY the socket address counts: a forged X-Forwarded-For changes nothing', async () => {
    const server = await startTestServer(backend, { config: { sms: { ...testSms(), perAddressPerDay: 3 } } })
    try {
      const codes: number[] = []
      for (const [i, mobile] of mobiles.entries()) {
        codes.push((await server.inject(sendCode(mobile, { 'x-forwarded-for': `203.0.113.${i + 1}` }))).statusCode)
      }
      expect(codes).toEqual([200, 200, 200, 429])
      const [refused] = await server.db.query<{ n: string }>(
        `SELECT count(DISTINCT client_address) AS n FROM verification_codes`,
      )
      expect(Number(refused.n)).toBe(1)
      const last = await server.inject(sendCode('13600000005', { 'x-forwarded-for': '198.51.100.9' }))
      expect(json(last).error.message).toBe('这个网络今天获取验证码的次数太多了，请明天再试')
    } finally {
      await server.close()
    }
  })

  it('with TRUST_PROXY naming the proxy, the forwarded address counts, each on its own', async () => {
    const server = await startTestServer(backend, {
      config: { sms: { ...testSms(), perAddressPerDay: 3 }, trustProxy: ['127.0.0.1'] },
    })
    try {
      const codes: number[] = []
      for (const [i, mobile] of mobiles.entries()) {
        codes.push((await server.inject(sendCode(mobile, { 'x-forwarded-for': `203.0.113.${i + 1}` }))).statusCode)
      }
      expect(codes).toEqual([200, 200, 200, 200])
      // Three more from one forwarded address: the fourth from it is refused.
      const same: number[] = []
      for (const mobile of ['13600000011', '13600000012', '13600000013', '13600000014']) {
        same.push((await server.inject(sendCode(mobile, { 'x-forwarded-for': '198.51.100.7' }))).statusCode)
      }
      expect(same).toEqual([200, 200, 200, 429])
      const rows = await server.db.query<{ client_address: string }>(
        'SELECT DISTINCT client_address FROM verification_codes ORDER BY client_address',
      )
      expect(rows.map((r) => r.client_address)).toContain('198.51.100.7')
    } finally {
      await server.close()
    }
  })
})

/** The SMS settings of the test config (the development stand-in). */
function testSms() {
  return { provider: '' as const, webhookUrl: '', webhookToken: '', perAddressPerDay: 30 }
}

describe.each(backends())('booker tokens on sign-up (%s)', (backend) => {
  let server: TestServer
  let t = NOW.getTime()
  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => new Date(t) })
  })
  afterAll(() => server.close())

  const submit = (token: string | undefined, i: number) =>
    server.inject(submitRequest(`d-token-${i}`, housekeepingBody(person(i)), newKey(), token))
  const expectVerifyRequired = (r: Reply) =>
    expect([r.statusCode, json(r).error]).toEqual([
      401,
      { code: 'verify_required', message: '请先验证手机号再报名', field: 'mobile' },
    ])

  it('refuses a sign-up without a token, or with a forged, tampered or expired one', async () => {
    const good = await bookerToken(server, '13700137111')
    const [version, payload, signature] = good.split('.')
    const body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
    const otherPayload = Buffer.from(JSON.stringify({ ...body, s: 'someone-else' })).toString('base64url')
    const flipped = `${signature[0] === 'A' ? 'B' : 'A'}${signature.slice(1)}`
    const otherSecret = signBooker(
      { kind: 'mobile', subject: body.s },
      'an-attacker-guess-of-the-secret-000000',
      new Date(t + DAY),
    ).token
    const cases: Array<[string, string | undefined]> = [
      ['none', undefined],
      ['made up', 'b1.eyJrIjoibW9iaWxlIn0.AAAA'],
      ['payload changed', `${version}.${otherPayload}.${signature}`],
      ['signature changed', `${version}.${payload}.${flipped}`],
      ['another secret', otherSecret],
      ['not a token', 'x'.repeat(500)],
    ]
    for (const [i, [what, token]] of cases.entries()) {
      const r = await submit(token, i)
      expect([what, r.statusCode]).toEqual([what, 401])
      expectVerifyRequired(r)
    }
    expect((await submit(good, 10)).statusCode).toBe(201)
    // 30 days on, the same token has expired.
    t += 30 * DAY + SECOND
    expectVerifyRequired(await submit(good, 11))
    t = NOW.getTime()
  })

  it('gives the mini-program a token with its login: WeChat proved her', async () => {
    const login = json(await server.inject({ method: 'POST', url: '/api/login', payload: { code: 'wx-code-1' } }))
    expect(login).toEqual({
      clientId: expect.stringMatching(/^wx-/),
      bookerToken: expect.stringMatching(/^b1\./),
      expiresAt: new Date(t + 30 * DAY).toISOString(),
    })
    expect(readBooker(login.bookerToken, DEV_BOOKER_SECRET, NOW)?.kind).toBe('wx')
    const r = await server.inject(
      submitRequest(login.clientId, housekeepingBody(person(20)), newKey(), login.bookerToken),
    )
    expect(r.statusCode).toBe(201)
    // The openid is the subject, keyed: the same login, the same booker.
    const again = json(await server.inject({ method: 'POST', url: '/api/login', payload: { code: 'wx-code-1' } }))
    expect(readBooker(again.bookerToken, DEV_BOOKER_SECRET, NOW)).toEqual(
      readBooker(login.bookerToken, DEV_BOOKER_SECRET, NOW),
    )
  })

  it('stores the booker as a keyed hash on the sign-up, never the mobile', async () => {
    const rows = await server.db.query<{ booker: string | null }>('SELECT booker FROM signups WHERE booker IS NOT NULL')
    expect(rows.length).toBeGreaterThan(0)
    expect(rows.map((r) => r.booker)).toContain(`mobile:${bookerSubject('mobile', '13700137111', DEV_BOOKER_SECRET)}`)
    expect(JSON.stringify(rows)).not.toContain('13700137111')
  })
})

describe('with an SMS gateway configured', () => {
  it('has no development endpoint, posts the code to the gateway, and a failed send can be retried at once', async () => {
    const calls: Array<{ url: string; body: { mobile: string; text: string }; auth: string }> = []
    let fail = true
    const realFetch = globalThis.fetch
    const server = await startTestServer('pglite', {
      config: {
        sms: {
          provider: 'webhook',
          webhookUrl: 'https://sms-gateway.example/send',
          webhookToken: 'gateway-token',
          perAddressPerDay: 30,
        },
      },
    })
    // The gateway stands in for fetch to its URL only; the test's own requests go through.
    const spy = jest.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      const url = String(input)
      if (!url.startsWith('https://sms-gateway.example')) return realFetch(input, init)
      calls.push({
        url,
        body: JSON.parse(String(init?.body)),
        auth: String((init?.headers as Record<string, string>).authorization),
      })
      return new Response(null, { status: fail ? 502 : 200 })
    })
    try {
      const dev = await send(server.origin, { method: 'GET', url: '/api/dev/sms/latest?mobile=13800138000' })
      expect([dev.statusCode, json(dev).error.message]).toEqual([404, '没有这个接口'])
      const failed = await server.inject(sendCode('13800138000'))
      expect([failed.statusCode, json(failed).error.message]).toEqual([503, '短信没有发出去，请稍后再试'])
      fail = false
      const sent = await server.inject(sendCode('13800138000'))
      expect(sent.statusCode).toBe(200)
      expect(calls).toHaveLength(2)
      expect(calls[1]).toMatchObject({ url: 'https://sms-gateway.example/send', auth: 'Bearer gateway-token' })
      expect(calls[1].body.mobile).toBe('13800138000')
      const code = /\d{6}/.exec(calls[1].body.text)?.[0] ?? ''
      expect(calls[1].body.text).toContain('5分钟内有效')
      expect((await server.inject(checkCode('13800138000', code))).statusCode).toBe(200)
    } finally {
      spy.mockRestore()
      await server.close()
    }
  })

  it('webhookSmsSender refuses an answer that is not 2xx', async () => {
    const sender = webhookSmsSender('https://gw.example/s', 't', async () => ({ ok: false, status: 500 }))
    await expect(sender.send('13800138000', 'x')).rejects.toThrow('500')
  })
})

describe('old codes', () => {
  it('are deleted after two days, with the counts of the days before; newer ones stay', async () => {
    const server = await startTestServer('pglite')
    try {
      await server.inject(sendCode('13500000001'))
      const verification = new Verification(server.db, new DevSmsSender(), {
        secret: DEV_BOOKER_SECRET,
        tokenDays: 30,
        perAddressPerDay: 30,
      })
      await verification.send('13500000002', '10.0.0.1', new Date(NOW.getTime() + DAY))
      const count = async (table: string) =>
        Number((await server.db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n)
      expect([await count('verification_codes'), await count('verification_counts')]).toEqual([2, 4])
      expect(await verification.purge(new Date(NOW.getTime() + 3 * DAY))).toBe(1)
      expect([await count('verification_codes'), await count('verification_counts')]).toEqual([1, 2])
    } finally {
      await server.close()
    }
  })
})
