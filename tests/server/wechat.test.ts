// WeChat subscribe messages from the server: openids sealed at rest, template settings, values cut
// to WeChat's limits, and the sender against a local fake WeChat (token cache, refresh, 43101).
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { NoChannel, type SubscribeMessage } from '../../server/src/notify'
import {
  fitValue,
  OpenidVault,
  parseOpenidKey,
  parseTemplate,
  templateData,
  WeChatError,
  WeChatSubscribeSender,
  type NoticeFacts,
  type Template,
} from '../../server/src/wechat'
import { backends, NOW, startTestServer, type TestServer } from './support'

const KEY = Buffer.alloc(32, 7)
const DAY_MS = 24 * 60 * 60 * 1000

describe('openids sealed at rest', () => {
  const vault = new OpenidVault(KEY)

  it('opens what it sealed, for the same client only, and never shows the openid in the sealed text', () => {
    const sealed = vault.seal('wx-client-a', 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')
    expect(sealed).toMatch(/^o1\.[A-Za-z0-9_-]+$/)
    expect(sealed).not.toContain('oUpF8u')
    expect(vault.open('wx-client-a', sealed)).toBe('oUpF8uMuAJO_M2pxb1Q9zNjWeS6o')
    // Copied to another client's row, or opened with another key: nothing.
    expect(vault.open('wx-client-b', sealed)).toBeUndefined()
    expect(new OpenidVault(Buffer.alloc(32, 8)).open('wx-client-a', sealed)).toBeUndefined()
    // Each sealing is fresh (a random nonce): two rows never show that they hold one openid.
    expect(vault.seal('wx-client-a', 'same')).not.toBe(vault.seal('wx-client-a', 'same'))
    const tampered = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA')
    expect(vault.open('wx-client-a', tampered)).toBeUndefined()
    expect(vault.open('wx-client-a', 'o1.')).toBeUndefined()
  })

  it('takes the key as 64 hex digits or base64 of 32 bytes, nothing else', () => {
    expect(parseOpenidKey('07'.repeat(32))).toEqual(KEY)
    expect(parseOpenidKey(KEY.toString('base64'))).toEqual(KEY)
    expect(parseOpenidKey(KEY.toString('base64url'))).toEqual(KEY)
    expect(parseOpenidKey('07'.repeat(31))).toBeUndefined()
    expect(parseOpenidKey('not a key')).toBeUndefined()
  })
})

describe('template settings and values', () => {
  it('reads a template id and which field shows what', () => {
    expect(parseTemplate('AbCdEfGhIjKlMn_-12:thing1=title, time2=time ,phrase3=status')).toEqual({
      id: 'AbCdEfGhIjKlMn_-12',
      fields: [
        { key: 'thing1', type: 'thing', source: 'title' },
        { key: 'time2', type: 'time', source: 'time' },
        { key: 'phrase3', type: 'phrase', source: 'status' },
      ],
    })
    expect(parseTemplate('AbCdEfGhIjKlMn:thing1=title,thing1=place')).toEqual({ problems: ['thing1：写了两次'] })
    expect(parseTemplate('short:thing1=title')).toEqual({
      problems: ['模板 id 不对（应是小程序后台“订阅消息”里的模板 ID）'],
    })
  })

  it('cuts values to WeChat limits, counting characters, never leaving a field empty', () => {
    const long = '巾帼家政服务技能培训班（第一期）母婴护理方向'
    expect(Array.from(fitValue('thing', long))).toHaveLength(20)
    expect(fitValue('thing', long)).toBe('巾帼家政服务技能培训班（第一期）母婴护…')
    expect(fitValue('thing', '短标题')).toBe('短标题')
    // Characters outside the BMP count as one each, as WeChat counts them.
    expect(fitValue('thing', '𠈌'.repeat(25))).toBe(`${'𠈌'.repeat(19)}…`)
    expect(fitValue('thing', '第一行\n第二行')).toBe('第一行 第二行')
    expect(fitValue('thing', '【巾帼年终盘点】提醒：明天开始')).toBe('提醒：明天开始')
    expect(fitValue('thing', '  ')).toBe('—')
    expect(fitValue('phrase', '请确认参加!')).toBe('请确认参加')
    expect(fitValue('phrase', '保留将到期了吧')).toBe('保留将到期')
    expect(fitValue('phrase', 'OK')).toBe('无')
    expect(fitValue('name', '一二三四五六七八九十十一')).toBe('一二三四五六七八九…')
    expect(fitValue('time', '2026-12-01T01:00:00.000Z')).toBe('2026年12月1日 09:00')
    expect(fitValue('date', '2026-12-01T01:00:00.000Z')).toBe('2026年12月1日')
  })

  it('fills each field of a template from the notice', () => {
    const template: Template = {
      id: 'tpl0123456789',
      fields: [
        { key: 'thing1', type: 'thing', source: 'title' },
        { key: 'time2', type: 'time', source: 'time' },
        { key: 'thing3', type: 'thing', source: 'reason' },
        { key: 'thing4', type: 'thing', source: 'place' },
        { key: 'phrase5', type: 'phrase', source: 'status' },
      ],
    }
    const facts: NoticeFacts = {
      kind: 'session_cancelled',
      text: '【巾帼年终盘点】很抱歉……',
      title: '母婴护理班',
      start: '2026-12-01T01:00:00.000Z',
      online: false,
      place: null,
      reason: '场地维修',
    }
    expect(templateData(template, facts)).toEqual({
      thing1: { value: '母婴护理班' },
      time2: { value: '2026年12月1日 09:00' },
      thing3: { value: '场地维修' },
      thing4: { value: '见报名详情' },
      phrase5: { value: '场次取消' },
    })
    expect(templateData(template, { ...facts, kind: 'promoted', online: true, holding: true })).toMatchObject({
      thing3: { value: '请确认参加' },
      thing4: { value: '线上参加' },
      phrase5: { value: '请确认参加' },
    })
  })
})

/** A fake WeChat on 127.0.0.1: stable_token and subscribe/send, answering as the test says. */
interface FakeWeChat {
  base: string
  tokenCalls: Array<Record<string, unknown>>
  sends: Array<{ token: string | null; body: Record<string, unknown> }>
  /** What subscribe/send answers next (errcode 0 when empty). */
  sendAnswers: Array<Record<string, unknown>>
  tokens: string[]
  close(): Promise<void>
}

async function fakeWeChat(): Promise<FakeWeChat> {
  const readBody = (req: IncomingMessage) =>
    new Promise<Record<string, unknown>>((resolve) => {
      let text = ''
      req.on('data', (c: Buffer) => (text += c.toString()))
      req.on('end', () => resolve(JSON.parse(text || '{}') as Record<string, unknown>))
    })
  const fake: Omit<FakeWeChat, 'base' | 'close'> = { tokenCalls: [], sends: [], sendAnswers: [], tokens: [] }
  const server: Server = createServer((req, res) => {
    void readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://fake')
      res.setHeader('content-type', 'application/json')
      if (req.method === 'POST' && url.pathname === '/cgi-bin/stable_token') {
        fake.tokenCalls.push(body)
        // Normal mode hands out the current token; force_refresh makes a new one.
        if (!fake.tokens.length || body.force_refresh === true) fake.tokens.push(`token-${fake.tokens.length + 1}`)
        return res.end(JSON.stringify({ access_token: fake.tokens[fake.tokens.length - 1], expires_in: 7200 }))
      }
      if (req.method === 'POST' && url.pathname === '/cgi-bin/message/subscribe/send') {
        fake.sends.push({ token: url.searchParams.get('access_token'), body })
        return res.end(JSON.stringify(fake.sendAnswers.shift() ?? { errcode: 0, errmsg: 'ok' }))
      }
      res.statusCode = 404
      res.end('{}')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return Object.assign(fake, {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  })
}

describe('WeChatSubscribeSender against a local fake WeChat', () => {
  let wechat: FakeWeChat
  const clock = { at: NOW }
  const template = (id: string): Template => ({
    id,
    fields: [
      { key: 'thing1', type: 'thing', source: 'title' },
      { key: 'time2', type: 'time', source: 'time' },
    ],
  })
  const sender = (openids: Record<string, string> = { 'wx-c1': 'openid-1' }) =>
    new WeChatSubscribeSender(
      {
        appId: 'wx0123456789abcdef',
        appSecret: 'secret-0123456789abcdef0123456789',
        apiBase: wechat.base,
        state: 'trial',
        templates: {
          promoted: template('tplPromoted0001'),
          session_changed: template('tplChanged00001'),
          reminder: template('tplReminder0001'),
        },
      },
      async (clientId) => openids[clientId],
      () => clock.at,
    )
  const message = (kind: SubscribeMessage['kind'] = 'reminder', clientId = 'wx-c1'): SubscribeMessage => ({
    clientId,
    signupId: 'su_1',
    kind,
    facts: {
      kind,
      text: '【巾帼年终盘点】提醒',
      title: '母婴护理班',
      start: '2026-12-01T01:00:00.000Z',
      online: false,
      place: '某某街道妇女儿童之家（示例地点）',
    },
  })

  beforeEach(async () => {
    clock.at = NOW
    wechat = await fakeWeChat()
  })
  afterEach(() => wechat.close())

  it('sends the message WeChat expects, with a stable token it keeps until shortly before it expires', async () => {
    const s = sender()
    await s.send(message('reminder'))
    await s.send(message('session_cancelled'))
    expect(wechat.tokenCalls).toEqual([
      {
        grant_type: 'client_credential',
        appid: 'wx0123456789abcdef',
        secret: 'secret-0123456789abcdef0123456789',
        force_refresh: false,
      },
    ])
    expect(wechat.sends[0]).toEqual({
      token: 'token-1',
      body: {
        touser: 'openid-1',
        template_id: 'tplReminder0001',
        page: 'subpackages/signup/detail/index?id=su_1',
        miniprogram_state: 'trial',
        lang: 'zh_CN',
        data: { thing1: { value: '母婴护理班' }, time2: { value: '2026年12月1日 09:00' } },
      },
    })
    expect(wechat.sends[1].body.template_id).toBe('tplChanged00001')
    // Two hours less five minutes later the token is asked for again.
    clock.at = new Date(NOW.getTime() + 7200_000 - 5 * 60_000)
    await s.send(message())
    expect(wechat.tokenCalls).toHaveLength(2)
  })

  it('a token WeChat calls invalid (40001) is fetched again once, forced when stable_token gives the same back', async () => {
    const s = sender()
    await s.send(message())
    wechat.sendAnswers.push({ errcode: 40001, errmsg: 'invalid credential' })
    await s.send(message())
    expect(wechat.tokenCalls.map((c) => c.force_refresh)).toEqual([false, false, true])
    expect(wechat.sends.map((x) => x.token)).toEqual(['token-1', 'token-1', 'token-2'])
    // Refused twice: not refreshed again and again, the outbox retries later.
    wechat.sendAnswers.push({ errcode: 42001 }, { errcode: 42001 })
    await expect(s.send(message())).rejects.toBeInstanceOf(WeChatError)
    expect(wechat.sends).toHaveLength(5)
  })

  it('43101 (she did not subscribe or refused) is no channel; other errors are for the retry', async () => {
    const s = sender()
    wechat.sendAnswers.push({ errcode: 43101, errmsg: 'user refuse to accept the msg' })
    await expect(s.send(message())).rejects.toBeInstanceOf(NoChannel)
    wechat.sendAnswers.push({ errcode: 45009, errmsg: 'reach max api daily quota limit' })
    const failure = await s.send(message()).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(WeChatError)
    expect(failure).not.toBeInstanceOf(NoChannel)
    // The error names the code only: never the URL that holds the token.
    expect(String((failure as Error).message)).not.toContain('token')
    // No openid kept for her (WECHAT_NOTICES was off when she logged in): nothing is asked of WeChat.
    await expect(s.send(message('reminder', 'wx-unknown'))).rejects.toBeInstanceOf(NoChannel)
    expect(wechat.sends).toHaveLength(2)
  })
})

describe.each(backends())('login keeps the openid sealed (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend)
  })
  afterAll(() => server.close())

  it('stores it sealed for her client id, never answers it, and forgets it with her data', async () => {
    const r = await server.inject({ method: 'POST', url: '/api/login', payload: { code: 'wx-seal-1' } })
    const { clientId } = JSON.parse(r.body) as { clientId: string }
    const rows = await server.db.query<{ client_id: string; openid_enc: string }>('SELECT * FROM wx_openids')
    expect(rows.map((x) => x.client_id)).toEqual([clientId])
    // The development login's openid starts dev-: neither the table nor the answer holds it in clear.
    expect(rows[0].openid_enc).toMatch(/^o1\./)
    expect(rows[0].openid_enc).not.toContain('dev-')
    expect(r.body).not.toContain('dev-')
    const deleted = await server.inject({
      method: 'DELETE',
      url: '/api/signups/mine',
      headers: { 'x-device-id': clientId },
    })
    expect(deleted.statusCode).toBe(204)
    expect(await server.db.query('SELECT 1 FROM wx_openids')).toEqual([])
  })

  it('forgets an openid with no sign-up left once it has not been used for the retention period', async () => {
    await server.inject({ method: 'POST', url: '/api/login', payload: { code: 'wx-seal-2' } })
    expect(await server.db.query('SELECT 1 FROM wx_openids')).toHaveLength(1)
    // Logged in at NOW (the test clock); 89 days later it is kept, 91 days later it goes.
    await server.signups.purgeExpired(new Date(NOW.getTime() + 89 * DAY_MS))
    expect(await server.db.query('SELECT 1 FROM wx_openids')).toHaveLength(1)
    await server.signups.purgeExpired(new Date(NOW.getTime() + 91 * DAY_MS))
    expect(await server.db.query('SELECT 1 FROM wx_openids')).toEqual([])
  })
})
