// The booker token on the phone and on the wire: sent with every submit, forgotten when refused or
// expired, got by SMS on H5 and by the WeChat login in the mini-program.
import { rejection } from '../support/rejection'
import { memoryStore } from '../support/memory-store'
import { TEST_NOW } from '../support/clock'
import { BOOKER_KEY, bookerTokens } from '@/services/http/booker-token'
import { CLIENT_ID_KEY, weChatLogin } from '@/services/http/client-id'
import { createHttpApi, type HttpRequest, type HttpResponse } from '@/services/http/http-api'
import type { SignupRequest } from '@/services/api'

const IN_30_DAYS = '2026-12-23T02:00:00.000Z'
const YESTERDAY = '2026-11-22T02:00:00.000Z'
const request: SignupRequest = {
  programId: 'p',
  sessionId: 's',
  answers: { name: '王芳' },
  consent: true,
  idempotencyKey: 'k-1',
}
const verifyRequired = {
  statusCode: 401,
  data: { error: { code: 'verify_required', message: '请先验证手机号再报名', field: 'mobile' } },
}

function server(replies: Array<HttpResponse | 'offline'>) {
  const sent: HttpRequest[] = []
  const transport = async (req: HttpRequest) => {
    sent.push(req)
    const next = replies.shift() ?? 'offline'
    if (next === 'offline') throw new Error('request:fail timeout')
    return next
  }
  return { sent, transport }
}

function h5(replies: Array<HttpResponse | 'offline'>, now: () => Date = () => TEST_NOW) {
  const store = memoryStore()
  const tokens = bookerTokens(store, now)
  const { sent, transport } = server(replies)
  const api = createHttpApi({
    base: 'http://127.0.0.1:8787',
    transport,
    deviceId: () => 'dev-1',
    sleep: async () => undefined,
    booker: { tokens },
    sms: true,
  })
  return { api, sent, store, tokens }
}

describe('booker token on the phone', () => {
  it('keeps the token with its masked mobile and expiry, and forgets it once expired', () => {
    let now = TEST_NOW
    const store = memoryStore()
    const tokens = bookerTokens(store, () => now)
    tokens.set({ token: 't-1', expiresAt: IN_30_DAYS, mobile: '138****8000' })
    expect(JSON.parse(store.data.get(BOOKER_KEY)!)).toEqual({
      token: 't-1',
      expiresAt: IN_30_DAYS,
      mobile: '138****8000',
    })
    expect(bookerTokens(store, () => now).get()?.token).toBe('t-1')
    now = new Date(Date.parse(IN_30_DAYS) + 1000)
    expect(tokens.get()).toBeNull()
    expect(store.data.has(BOOKER_KEY)).toBe(false)
  })

  it('drops what it cannot read, and keeps the token for the session when storage is full', () => {
    const store = memoryStore()
    store.data.set(BOOKER_KEY, '{not json')
    const tokens = bookerTokens(store, () => TEST_NOW)
    expect(tokens.get()).toBeNull()
    expect(store.data.has(BOOKER_KEY)).toBe(false)
    store.full = true
    tokens.set({ token: 't-2', expiresAt: IN_30_DAYS })
    expect(tokens.get()?.token).toBe('t-2')
  })
})

describe('H5: verifying her mobile by SMS', () => {
  it('sends the kept token as x-booker-token with a submit', async () => {
    const { api, sent, tokens } = h5([{ statusCode: 201, data: { id: 'su-1' } }])
    tokens.set({ token: 'tok-abc', expiresAt: IN_30_DAYS, mobile: '138****8000' })
    await api.submitSignup(request)
    expect(sent[0].header).toMatchObject({
      'x-booker-token': 'tok-abc',
      'idempotency-key': 'k-1',
      'x-device-id': 'dev-1',
    })
  })

  it('sends no token when it has none or it has expired', async () => {
    const { api, sent, store } = h5([verifyRequired])
    store.data.set(BOOKER_KEY, JSON.stringify({ token: 'old', expiresAt: YESTERDAY, mobile: '138****8000' }))
    expect(api.verification?.verified()).toBeNull()
    const e = await rejection(api.submitSignup(request))
    expect([e.code, e.message, e.field]).toEqual(['verify_required', '请先验证手机号再报名', 'mobile'])
    expect(sent[0].header['x-booker-token']).toBeUndefined()
    expect(store.data.has(BOOKER_KEY)).toBe(false)
  })

  it('forgets a token the server refuses, and does not send the submit again', async () => {
    const { api, sent, tokens } = h5([verifyRequired, { statusCode: 201, data: {} }])
    tokens.set({ token: 'forged', expiresAt: IN_30_DAYS, mobile: '138****8000' })
    expect(api.verification?.verified()).toEqual({ mobile: '138****8000', expiresAt: IN_30_DAYS })
    const e = await rejection(api.submitSignup(request))
    expect(e.code).toBe('verify_required')
    expect(sent).toHaveLength(1)
    expect(api.verification?.verified()).toBeNull()
  })

  it('falls back to the Chinese message when a verify_required answer carries none', async () => {
    const { api } = h5([{ statusCode: 401, data: { error: { code: 'verify_required' } } }])
    const e = await rejection(api.submitSignup(request))
    expect([e.code, e.message]).toEqual(['verify_required', '请先验证手机号再报名'])
  })

  it('asks for a code once (an SMS is never sent twice by a retry), then keeps the token the check gives', async () => {
    const { api, sent, store } = h5([
      { statusCode: 200, data: { sent: true, resendAfterSeconds: 60, expiresInSeconds: 300 } },
      { statusCode: 200, data: { bookerToken: 'tok-new', expiresAt: IN_30_DAYS, mobile: '138****8000' } },
      { statusCode: 201, data: { id: 'su-1' } },
    ])
    expect(await api.verification!.sendCode('13800138000')).toMatchObject({
      resendAfterSeconds: 60,
      expiresInSeconds: 300,
    })
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:8787/api/verify/send',
      data: { mobile: '13800138000' },
    })
    expect(await api.verification!.checkCode('13800138000', '123456')).toEqual({
      mobile: '138****8000',
      expiresAt: IN_30_DAYS,
    })
    expect(sent[1]).toMatchObject({
      url: 'http://127.0.0.1:8787/api/verify/check',
      data: { mobile: '13800138000', code: '123456' },
    })
    expect(JSON.parse(store.data.get(BOOKER_KEY)!)).toEqual({
      token: 'tok-new',
      expiresAt: IN_30_DAYS,
      mobile: '138****8000',
    })
    await api.submitSignup(request)
    expect(sent[2].header['x-booker-token']).toBe('tok-new')
  })

  it('passes on each refusal with its Chinese message and field, keeping no token', async () => {
    const { api, sent, store } = h5([
      'offline',
      {
        statusCode: 429,
        data: { error: { code: 'rate_limited', message: '验证码已发送，请42秒后再试' } },
      },
      { statusCode: 400, data: { error: { code: 'invalid', message: '验证码不对，请再看一下短信', field: 'code' } } },
    ])
    const offline = await rejection(api.verification!.sendCode('13800138000'))
    expect(offline.code).toBe('network')
    expect(sent).toHaveLength(1)
    const limited = await rejection(api.verification!.sendCode('13800138000'))
    expect([limited.code, limited.message]).toEqual(['rate_limited', '验证码已发送，请42秒后再试'])
    const wrong = await rejection(api.verification!.checkCode('13800138000', '000000'))
    expect([wrong.code, wrong.message, wrong.field]).toEqual(['invalid', '验证码不对，请再看一下短信', 'code'])
    expect(store.data.has(BOOKER_KEY)).toBe(false)
  })

  it('forgets the verified mobile with the rest of her data', async () => {
    const { api, tokens } = h5([{ statusCode: 204, data: null }])
    tokens.set({ token: 't', expiresAt: IN_30_DAYS, mobile: '138****8000' })
    await api.deleteMyData()
    expect(api.verification?.verified()).toBeNull()
  })

  it('offers no SMS step without `sms` (the mini-program, or a build without tokens)', () => {
    const { transport } = server([])
    const tokens = bookerTokens(memoryStore(), () => TEST_NOW)
    expect(
      createHttpApi({ base: 'http://x', transport, deviceId: () => 'd', booker: { tokens } }).verification,
    ).toBeUndefined()
    expect(createHttpApi({ base: 'http://x', transport, deviceId: () => 'd', sms: true }).verification).toBeUndefined()
  })
})

describe('mini-program: the WeChat login proves the booker', () => {
  const setup = (replies: Array<HttpResponse | 'offline'>) => {
    const store = memoryStore()
    const tokens = bookerTokens(store, () => TEST_NOW)
    const { sent, transport } = server(replies)
    let logins = 0
    const wx = weChatLogin({
      base: 'http://127.0.0.1:8787',
      transport,
      login: async () => `code-${++logins}`,
      store,
      tokens,
    })
    const api = createHttpApi({
      base: 'http://127.0.0.1:8787',
      transport,
      deviceId: wx.clientId,
      sleep: async () => undefined,
      booker: { tokens, renew: wx.renew },
    })
    return { api, sent, store, tokens, logins: () => logins }
  }
  const login = (token: string) => ({
    statusCode: 200,
    data: { clientId: 'wx-abc', bookerToken: token, expiresAt: IN_30_DAYS },
  })

  it('keeps the booker token from the login and sends it, with no SMS step', async () => {
    const { api, sent, store, logins } = setup([login('wx-tok'), { statusCode: 201, data: { id: 'su-1' } }])
    expect(api.verification).toBeUndefined()
    await api.submitSignup(request)
    expect(logins()).toBe(1)
    expect(store.data.get(CLIENT_ID_KEY)).toBe('wx-abc')
    expect(JSON.parse(store.data.get(BOOKER_KEY)!)).toEqual({ token: 'wx-tok', expiresAt: IN_30_DAYS })
    expect(sent.map((r) => r.url.replace('http://127.0.0.1:8787', ''))).toEqual(['/api/login', '/api/signups'])
    expect(sent[1].header).toMatchObject({ 'x-device-id': 'wx-abc', 'x-booker-token': 'wx-tok' })
  })

  it('logs in again for a token it lacks, though the id is known', async () => {
    const { api, sent, store } = setup([login('wx-tok-2'), { statusCode: 201, data: {} }])
    store.data.set(CLIENT_ID_KEY, 'wx-abc')
    await api.submitSignup(request)
    expect(sent[0].url).toBe('http://127.0.0.1:8787/api/login')
    expect(sent[1].header['x-booker-token']).toBe('wx-tok-2')
  })

  it('after a refused token, logs in again and sends the submit once more with the same key', async () => {
    const { api, sent, store, tokens } = setup([
      verifyRequired,
      login('wx-fresh'),
      { statusCode: 201, data: { id: 'su-2' } },
    ])
    store.data.set(CLIENT_ID_KEY, 'wx-abc')
    tokens.set({ token: 'wx-stale', expiresAt: IN_30_DAYS })
    const r = await api.submitSignup({ ...request, idempotencyKey: 'k-7' })
    expect(r).toEqual({ id: 'su-2' })
    // The known client id skipped the login; the refusal brought one.
    expect(sent.map((q) => [q.url.replace('http://127.0.0.1:8787', ''), q.header['x-booker-token']])).toEqual([
      ['/api/signups', 'wx-stale'],
      ['/api/login', undefined],
      ['/api/signups', 'wx-fresh'],
    ])
    expect(sent[2].header['idempotency-key']).toBe('k-7')
  })

  it('says the network is down when the login for a token cannot finish, keeping her form', async () => {
    const { api, sent, store } = setup(['offline'])
    store.data.set(CLIENT_ID_KEY, 'wx-abc')
    const e = await rejection(api.submitSignup(request))
    expect([e.code, e.message]).toEqual(['network', '网络不太好，没能连上服务器。你填写的内容都还在，请稍后再试。'])
    expect(sent).toHaveLength(1)
  })
})
