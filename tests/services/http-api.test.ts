import { rejection } from '../support/rejection'
import { createHttpApi, type HttpRequest, type HttpResponse } from '@/services/http/http-api'
import { CLIENT_ID_KEY, weChatLogin } from '@/services/http/client-id'

function fake(responses: Array<HttpResponse | 'offline'>) {
  const sent: HttpRequest[] = []
  const transport = async (req: HttpRequest) => {
    sent.push(req)
    const next = responses.shift() ?? 'offline'
    if (next === 'offline') throw new Error('request:fail timeout')
    return next
  }
  const api = createHttpApi({
    base: 'http://127.0.0.1:8787/',
    transport,
    deviceId: () => 'dev-1',
    sleep: async () => undefined,
  })
  return { api, sent }
}

describe('HTTP Api', () => {
  it('asks for a page of cards with the filter, the cursor, the device id and a timeout', async () => {
    const page = { cards: [], next: null }
    const { api, sent } = fake([{ statusCode: 200, data: page }])
    expect(
      await api.listCards({ province: '430000', topic: '健康', q: '株洲' }, 'c1~2020~430200~zhuzhou-2020'),
    ).toEqual(page)
    expect(sent[0]).toMatchObject({
      url:
        'http://127.0.0.1:8787/api/cards?province=430000&topic=%E5%81%A5%E5%BA%B7&q=%E6%A0%AA%E6%B4%B2' +
        '&cursor=c1~2020~430200~zhuzhou-2020',
      method: 'GET',
      timeout: 8000,
      header: { 'x-device-id': 'dev-1' },
    })
  })

  it('asks for a report’s article, and turns the server’s 404 into not_found', async () => {
    const source = { federationId: 'zhuzhou-2020', name: '株洲市妇联', text: '原文' }
    const { api, sent } = fake([
      { statusCode: 200, data: source },
      { statusCode: 404, data: { error: { code: 'not_found', message: '没有找到这份年终盘点的原文，可能已下线' } } },
    ])
    expect(await api.getSource?.('zhuzhou 2020')).toEqual(source)
    expect(sent[0]).toMatchObject({ url: 'http://127.0.0.1:8787/api/reports/zhuzhou%202020/source', method: 'GET' })
    const e = await rejection(api.getSource!('gone'))
    expect([e.code, e.message]).toEqual(['not_found', '没有找到这份年终盘点的原文，可能已下线'])
    expect(sent).toHaveLength(2)
  })

  it('retries a safe call after a timeout or a server error, then succeeds', async () => {
    const { api, sent } = fake(['offline', { statusCode: 503, data: {} }, { statusCode: 200, data: { card: 1 } }])
    expect(await api.getReport('zhuzhou-2020')).toEqual({ card: 1 })
    expect(sent).toHaveLength(3)
  })

  it('never resends a submit, and sends its idempotency key', async () => {
    const { api, sent } = fake(['offline', { statusCode: 200, data: {} }])
    const e = await rejection(
      api.submitSignup({
        programId: 'p',
        sessionId: 's',
        answers: { name: '王芳' },
        consent: true,
        idempotencyKey: 'k-1',
      }),
    )
    expect(e.code).toBe('network')
    expect(e.message).toContain('填写的内容都还在')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: 'http://127.0.0.1:8787/api/signups',
      header: { 'idempotency-key': 'k-1' },
    })
    expect(sent[0].data).toEqual({ programId: 'p', sessionId: 's', answers: { name: '王芳' }, consent: true })
  })

  it('sends a submit the server was too busy for again, with the same key, after a pause', async () => {
    const waits: number[] = []
    const sent: HttpRequest[] = []
    const busy = { statusCode: 503, data: { error: { code: 'busy', message: '现在报名的人比较多，请稍等几秒再试' } } }
    const answers: HttpResponse[] = [busy, busy, { statusCode: 201, data: { id: 'su-1' } }]
    const api = createHttpApi({
      base: 'http://127.0.0.1:8787',
      transport: async (req) => (sent.push(req), answers.shift() as HttpResponse),
      deviceId: () => 'dev-1',
      sleep: async (ms) => void waits.push(ms),
    })
    const body = {
      programId: 'p',
      sessionId: 's',
      answers: { name: '王芳' },
      consent: true as const,
      idempotencyKey: 'k-9',
    }
    expect(await api.submitSignup(body)).toEqual({ id: 'su-1' })
    expect(sent.map((r) => r.header['idempotency-key'])).toEqual(['k-9', 'k-9', 'k-9'])
    expect(waits).toEqual([1000, 2000])
  })

  it('gives up on a busy server after two more tries, with its Chinese message', async () => {
    const busy = { statusCode: 503, data: { error: { code: 'busy', message: '现在报名的人比较多，请稍等几秒再试' } } }
    const { api, sent } = fake([busy, busy, busy, { statusCode: 201, data: {} }])
    const e = await rejection(
      api.submitSignup({ programId: 'p', sessionId: 's', answers: {}, consent: true, idempotencyKey: 'k-2' }),
    )
    expect([e.code, e.message]).toEqual(['busy', '现在报名的人比较多，请稍等几秒再试'])
    expect(sent).toHaveLength(3)
  })

  it('does not send a submit again after a 500, nor a cancel after a 503', async () => {
    const submit = fake([
      { statusCode: 500, data: {} },
      { statusCode: 201, data: {} },
    ])
    await rejection(
      submit.api.submitSignup({ programId: 'p', sessionId: 's', answers: {}, consent: true, idempotencyKey: 'k-3' }),
    )
    expect(submit.sent).toHaveLength(1)
    const cancel = fake([
      { statusCode: 503, data: {} },
      { statusCode: 200, data: {} },
    ])
    await rejection(cancel.api.cancelSignup('su-1'))
    expect(cancel.sent).toHaveLength(1)
  })

  it('passes on the server’s Chinese message and field, without retrying a 4xx', async () => {
    const { api, sent } = fake([
      { statusCode: 409, data: { error: { code: 'duplicate', message: '王芳 已经报名了这个场次', field: 'name' } } },
    ])
    const e = await rejection(
      api.submitSignup({ programId: 'p', sessionId: 's', answers: {}, consent: true, idempotencyKey: 'k' }),
    )
    expect([e.code, e.message, e.field]).toEqual(['duplicate', '王芳 已经报名了这个场次', 'name'])
    expect(sent).toHaveLength(1)
  })

  it.each([
    [404, {}, 'not_found', '请求没有成功，请稍后再试'],
    [500, 'not json', 'unknown', '服务器暂时出了问题，请稍后再试'],
    [400, { error: { code: 'weird', message: '' } }, 'unknown', '请求没有成功，请稍后再试'],
  ])('maps %i %j to a clear error', async (status, body, code, message) => {
    const { api } = fake([
      { statusCode: status, data: body },
      { statusCode: status, data: body },
      { statusCode: status, data: body },
    ])
    const e = await rejection(api.getProgram('x'))
    expect([e.code, e.message]).toEqual([code, message])
  })

  it('says the network is down after the retries run out', async () => {
    const { api, sent } = fake(['offline', 'offline', 'offline'])
    const e = await rejection(api.listMySignups())
    expect([e.code, e.message]).toEqual(['network', '网络不太好，没能连上服务器，请稍后再试。'])
    expect(sent).toHaveLength(3)
  })

  it('confirms a held seat by its id, and passes on the server’s 409 once the hold has passed, without retrying', async () => {
    const held = { id: 'su-7', status: 'confirmed', promoted: true }
    const { api, sent } = fake([
      { statusCode: 200, data: held },
      { statusCode: 409, data: { error: { code: 'closed', message: '确认时间已过，名额已让给候补的下一位' } } },
    ])
    expect(await api.confirmSignup('su-7')).toEqual(held)
    expect(sent[0]).toMatchObject({
      url: 'http://127.0.0.1:8787/api/signups/su-7/confirm',
      method: 'POST',
      header: { 'x-device-id': 'dev-1' },
    })
    const e = await rejection(api.confirmSignup('su/8'))
    expect([e.code, e.message]).toEqual(['closed', '确认时间已过，名额已让给候补的下一位'])
    expect(sent[1].url).toBe('http://127.0.0.1:8787/api/signups/su%2F8/confirm')
    expect(sent).toHaveLength(2)
  })

  it('escapes ids in paths', async () => {
    const { api, sent } = fake([{ statusCode: 200, data: {} }])
    await api.cancelSignup('a/b?c')
    expect(sent[0].url).toBe('http://127.0.0.1:8787/api/signups/a%2Fb%3Fc/cancel')
  })
})

describe('WeChat client id', () => {
  const setup = (replies: Array<HttpResponse | 'offline'>) => {
    const data = new Map<string, string>()
    const sent: HttpRequest[] = []
    let logins = 0
    const { clientId } = weChatLogin({
      base: 'http://127.0.0.1:8787',
      transport: async (req) => {
        sent.push(req)
        const next = replies.shift() ?? 'offline'
        if (next === 'offline') throw new Error('request:fail')
        return next
      },
      login: async () => `code-${++logins}`,
      store: { get: (k) => data.get(k) ?? null, set: (k, v) => void data.set(k, v) },
    })
    return { clientId, sent, data, logins: () => logins }
  }

  it('exchanges one wx.login code for the server’s id, once, and keeps it', async () => {
    const { clientId, sent, data, logins } = setup([{ statusCode: 200, data: { clientId: 'wx-abc' } }])
    expect(await Promise.all([clientId(), clientId()])).toEqual(['wx-abc', 'wx-abc'])
    expect(await clientId()).toBe('wx-abc')
    expect([logins(), sent.length, sent[0].url, sent[0].data]).toEqual([
      1,
      1,
      'http://127.0.0.1:8787/api/login',
      { code: 'code-1' },
    ])
    expect(data.get(CLIENT_ID_KEY)).toBe('wx-abc')
  })

  it('fails the call as offline when the login cannot finish, and tries again next time', async () => {
    const { clientId } = setup(['offline', { statusCode: 200, data: { clientId: 'wx-later' } }])
    const api = createHttpApi({
      base: 'http://x',
      transport: async () => ({ statusCode: 200, data: [] }),
      deviceId: clientId,
    })
    // A cancel is never retried by the Api, so the failed login shows.
    const e = await rejection(api.cancelSignup('su-1'))
    expect([e.code, e.message]).toEqual(['network', '网络不太好，没能连上服务器。你填写的内容都还在，请稍后再试。'])
    expect(await clientId()).toBe('wx-later')
  })
})
