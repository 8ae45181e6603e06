// The server's settings: production refuses every secret that is missing, short or a development
// value, judged by what it holds, not by the file name or path it came from.
import { spawnSync } from 'node:child_process'
import {
  DEV_BOOKER_SECRET,
  DEV_CLIENT_ID_SECRET,
  DEV_OPENID_KEY,
  isAddressOrCidr,
  readConfig,
  ROOT,
  secretProblems,
} from '../../server/src/config'

// A server (or a process) starts in seconds, more on a busy machine.
jest.setTimeout(60_000)

const STRONG = {
  secret: 'client-id-secret-7d2e9f4a1b6c8e3d5f0a2b4c',
  weChatSecret: '0123456789abcdef0123456789abcdef',
  bookerSecret: 'booker-secret-5c1e8a7d3f9b2e6a4d0c8f1b',
  smsToken: 'sms-gateway-token-2b7e4f9a1c6d3e8b5a0f',
}

const production = {
  NODE_ENV: 'production' as const,
  CLIENT_ID_SECRET: STRONG.secret,
  WECHAT_APPID: 'wx0123456789abcdef',
  WECHAT_SECRET: STRONG.weChatSecret,
  BOOKER_SECRET: STRONG.bookerSecret,
  SMS_PROVIDER: 'webhook',
  SMS_WEBHOOK_URL: 'https://sms.example.cn/send',
  SMS_WEBHOOK_TOKEN: STRONG.smsToken,
  WECHAT_NOTICES: 'off',
}

/** The message readConfig refuses `env` with. */
function refusal(env: Record<string, string | undefined>): string {
  try {
    readConfig(env)
  } catch (e) {
    return (e as Error).message
  }
  throw new Error('readConfig accepted the settings')
}

describe('production settings', () => {
  it('accepts strong secrets of its own', () => {
    const config = readConfig(production)
    expect(config.clientIdSecret).toBe(STRONG.secret)
    expect(config.accounts.production).toBe(true)
    expect(config.weChat).toEqual({ appId: 'wx0123456789abcdef', appSecret: STRONG.weChatSecret })
  })

  it('with nothing set, names every setting it needs', () => {
    const message = refusal({ NODE_ENV: 'production' })
    expect(message).toContain('CLIENT_ID_SECRET：生产环境必须设置')
    expect(message).toContain('WECHAT_APPID：生产环境必须设置')
    expect(message).toContain('BOOKER_SECRET：生产环境必须设置')
    expect(message).toContain('SMS_PROVIDER：生产环境必须设置')
  })

  it('refuses the development SMS stand-in, an unknown provider and a half-configured gateway', () => {
    expect(refusal({ ...production, SMS_PROVIDER: undefined })).toContain('SMS_PROVIDER：生产环境必须设置')
    expect(refusal({ ...production, SMS_PROVIDER: 'aliyun' })).toContain('SMS_PROVIDER=aliyun：目前只支持 webhook')
    expect(refusal({ ...production, SMS_WEBHOOK_URL: undefined })).toContain('SMS_WEBHOOK_URL：')
    expect(refusal({ ...production, SMS_WEBHOOK_TOKEN: 'short' })).toContain('SMS_WEBHOOK_TOKEN：至少要 32 个字符')
    expect(readConfig(production).sms).toEqual({
      provider: 'webhook',
      webhookUrl: 'https://sms.example.cn/send',
      webhookToken: STRONG.smsToken,
      perAddressPerDay: 30,
    })
    // Development: the stand-in, and the defaults of the contract.
    const dev = readConfig({})
    expect([dev.sms.provider, dev.bookers]).toEqual(['', { secret: DEV_BOOKER_SECRET, tokenDays: 30, perSession: 10 }])
  })

  it('refuses the development booker secret and a short one', () => {
    expect(refusal({ ...production, BOOKER_SECRET: DEV_BOOKER_SECRET })).toContain('BOOKER_SECRET：是开发用的值')
    expect(refusal({ ...production, BOOKER_SECRET: 'b'.repeat(20) })).toContain('BOOKER_SECRET：至少要 32 个字符')
  })

  it('reads TRUST_PROXY as addresses and networks, off when empty, and refuses anything else', () => {
    expect(readConfig({}).trustProxy).toEqual([])
    expect(readConfig({ TRUST_PROXY: '10.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '10.0.0.1',
      '10.0.0.0/8',
      '::1',
    ])
    expect(refusal({ TRUST_PROXY: 'true' })).toContain('TRUST_PROXY：true 不是地址或网段')
    expect(refusal({ TRUST_PROXY: '10.0.0.0/33' })).toContain('TRUST_PROXY：10.0.0.0/33')
    expect([isAddressOrCidr('fd00::/8'), isAddressOrCidr('10.0.0.1/'), isAddressOrCidr('1.2.3')]).toEqual([
      true,
      false,
      false,
    ])
  })

  it('refuses the development client id secret passed in explicitly, and a short one', () => {
    expect(refusal({ ...production, CLIENT_ID_SECRET: DEV_CLIENT_ID_SECRET })).toContain(
      'CLIENT_ID_SECRET：是开发用的值',
    )
    expect(refusal({ ...production, CLIENT_ID_SECRET: 'x'.repeat(31) })).toContain('CLIENT_ID_SECRET：至少要 32 个字符')
    expect(readConfig({ ...production, CLIENT_ID_SECRET: 'x'.repeat(32) }).clientIdSecret).toHaveLength(32)
  })

  it('signs tickets with TICKET_SECRET, or a key of their own derived from CLIENT_ID_SECRET', () => {
    const derived = readConfig(production).ticketSecret
    expect(derived.length).toBeGreaterThanOrEqual(32)
    expect(derived).not.toBe(STRONG.secret)
    expect(readConfig({ ...production, CLIENT_ID_SECRET: `${STRONG.secret}-2` }).ticketSecret).not.toBe(derived)
    expect(readConfig({}).ticketSecret).not.toBe(readConfig(production).ticketSecret)
    const own = 'ticket-secret-1f3e5d7c9b0a2e4d6f8a0c2e'
    expect(readConfig({ ...production, TICKET_SECRET: own }).ticketSecret).toBe(own)
    expect(refusal({ ...production, TICKET_SECRET: 'short' })).toContain('TICKET_SECRET：至少要 32 个字符')
    expect(refusal({ ...production, TICKET_SECRET: DEV_CLIENT_ID_SECRET })).toContain('TICKET_SECRET：是开发用的值')
  })

  it('refuses a short WeChat secret', () => {
    expect(refusal({ ...production, WECHAT_SECRET: 'short' })).toContain('WECHAT_SECRET：至少要 32 个字符')
  })

  it('wants WECHAT_APPID and WECHAT_SECRET together or not at all, in development too', () => {
    expect(refusal({ WECHAT_APPID: 'wx0123456789abcdef' })).toContain(
      'WECHAT_SECRET：设置了 WECHAT_APPID 就必须同时设置',
    )
    expect(refusal({ WECHAT_SECRET: STRONG.weChatSecret })).toContain(
      'WECHAT_APPID：设置了 WECHAT_SECRET 就必须同时设置',
    )
    expect(refusal({ ...production, WECHAT_SECRET: undefined })).toContain('WECHAT_SECRET：设置了 WECHAT_APPID')
    expect(readConfig({}).weChat).toEqual({ appId: '', appSecret: '' })
  })

  it('refuses production without WECHAT_NOTICES=on or off, and an unknown value', () => {
    const { WECHAT_NOTICES: _off, ...unset } = production
    expect(refusal(unset)).toContain('WECHAT_NOTICES：生产环境必须设为 on（用微信订阅消息通知小程序报名的人）或 off')
    expect(readConfig(production).notices).toEqual({ weChat: 'off', everyMs: 60_000 })
    expect(refusal({ WECHAT_NOTICES: 'wechat' })).toContain('WECHAT_NOTICES=wechat：只能设为 on 或 off')
    // Development uses the stand-in (openids sealed with the development key), every minute unless told otherwise.
    expect(readConfig({}).notices).toEqual({
      weChat: 'dev',
      everyMs: 60_000,
      openidKey: Buffer.from(DEV_OPENID_KEY, 'hex'),
    })
    expect(readConfig({ NOTICE_EVERY_SECONDS: '10' }).notices.everyMs).toBe(10_000)
    expect(refusal({ NOTICE_EVERY_SECONDS: '1' })).toContain('NOTICE_EVERY_SECONDS')
  })

  const TEMPLATES = {
    WECHAT_TEMPLATE_PROMOTED: 'tplPromoted0123456789:thing1=title,time2=time,phrase3=status',
    WECHAT_TEMPLATE_SESSION_CHANGED: 'tplChanged01234567890:thing1=title,time2=time,thing3=reason',
    WECHAT_TEMPLATE_REMINDER: 'tplReminder0123456789:thing1=title,time2=time,thing3=place',
  }
  const OPENID_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90'
  const weChatOn = { ...production, WECHAT_NOTICES: 'on', WECHAT_OPENID_KEY: OPENID_KEY, ...TEMPLATES }

  it('WECHAT_NOTICES=on reads the sender: templates with their fields, the key, WeChat by https', () => {
    const { notices } = readConfig(weChatOn)
    expect(notices.weChat).toBe('on')
    expect(notices.openidKey?.toString('hex')).toBe(OPENID_KEY)
    expect(notices.sender).toMatchObject({
      appId: 'wx0123456789abcdef',
      apiBase: 'https://api.weixin.qq.com',
      state: 'formal',
      templates: {
        promoted: {
          id: 'tplPromoted0123456789',
          fields: [
            { key: 'thing1', type: 'thing', source: 'title' },
            { key: 'time2', type: 'time', source: 'time' },
            { key: 'phrase3', type: 'phrase', source: 'status' },
          ],
        },
      },
    })
    expect(readConfig({ ...weChatOn, WECHAT_MINIPROGRAM_STATE: 'trial' }).notices.sender?.state).toBe('trial')
    // A local fake WeChat is for tests: development may use one, production may not.
    const { NODE_ENV: _prod, ...development } = weChatOn
    expect(readConfig({ ...development, WECHAT_API_BASE: 'http://127.0.0.1:9' }).notices.sender?.apiBase).toBe(
      'http://127.0.0.1:9',
    )
    expect(refusal({ ...weChatOn, WECHAT_API_BASE: 'http://127.0.0.1:9' })).toContain(
      'WECHAT_API_BASE：生产环境必须是 https 地址',
    )
  })

  it('WECHAT_NOTICES=on names each missing or malformed setting', () => {
    const message = refusal({ ...production, WECHAT_NOTICES: 'on', WECHAT_APPID: undefined, WECHAT_SECRET: undefined })
    expect(message).toContain('WECHAT_APPID、WECHAT_SECRET：WECHAT_NOTICES=on 时必须设置')
    expect(message).toContain('WECHAT_OPENID_KEY：WECHAT_NOTICES=on 时必须设置')
    for (const setting of Object.keys(TEMPLATES)) expect(message).toContain(`${setting}：WECHAT_NOTICES=on 时必须设置`)
    const wrong = refusal({
      ...weChatOn,
      WECHAT_OPENID_KEY: 'too-short',
      WECHAT_MINIPROGRAM_STATE: 'beta',
      WECHAT_TEMPLATE_PROMOTED: 'tplPromoted0123456789',
      WECHAT_TEMPLATE_REMINDER: 'tplReminder0123456789:time2=title,thing3=when,number4=title',
    })
    expect(wrong).toContain('WECHAT_OPENID_KEY：应为 32 字节')
    expect(wrong).toContain('WECHAT_MINIPROGRAM_STATE=beta')
    expect(wrong).toContain('WECHAT_TEMPLATE_PROMOTED：没有写字段')
    expect(wrong).toContain('WECHAT_TEMPLATE_REMINDER：time2=title：time 字段只能放 time')
    expect(wrong).toContain(
      'WECHAT_TEMPLATE_REMINDER：thing3=when：thing 字段只能放 title、place、status、note、reason',
    )
    expect(wrong).toContain('WECHAT_TEMPLATE_REMINDER：number4=title：字段应像 thing1=title')
    expect(refusal({ ...weChatOn, WECHAT_OPENID_KEY: DEV_OPENID_KEY })).toContain('WECHAT_OPENID_KEY：是开发用的值')
  })

  it('refuses malformed plain settings, naming each', () => {
    const message = refusal({
      PORT: 'eighty',
      LOG_LEVEL: 'loud',
      DATABASE_URL: 'mysql://x',
      CORS_ORIGINS: 'example.cn/app',
    })
    expect(message).toContain('PORT=eighty：应为 0 到 65535 之间的整数')
    expect(message).toContain('LOG_LEVEL=loud')
    expect(message).toContain('DATABASE_URL：应以 postgres:// 开头')
    expect(message).toContain('CORS_ORIGINS：example.cn/app 不是网页来源')
  })

  it('seeds an empty database in development only, unless SEED_EMPTY_DATABASE says otherwise', () => {
    expect(readConfig({}).seedEmptyDatabase).toBe(true)
    expect(readConfig(production).seedEmptyDatabase).toBe(false)
    expect(readConfig({ ...production, SEED_EMPTY_DATABASE: 'true' }).seedEmptyDatabase).toBe(true)
    expect(readConfig({ SEED_EMPTY_DATABASE: 'off' }).seedEmptyDatabase).toBe(false)
    expect(refusal({ SEED_EMPTY_DATABASE: 'maybe' })).toContain('SEED_EMPTY_DATABASE=maybe：应为 true 或 false')
  })

  it('development needs nothing set: the shipped secret, sessions of 12 hours idle and 7 days at most', () => {
    const config = readConfig({})
    expect(config.clientIdSecret).toBe(DEV_CLIENT_ID_SECRET)
    expect(config.accounts).toMatchObject({
      production: false,
      sessionIdleMs: 12 * 3600_000,
      sessionMaxMs: 7 * 86400_000,
      invitationMs: 7 * 86400_000,
    })
  })

  it('reads the session settings and refuses ones out of range or in the wrong order', () => {
    expect(readConfig({ SESSION_IDLE_HOURS: '2', SESSION_MAX_DAYS: '1' }).accounts).toMatchObject({
      sessionIdleMs: 2 * 3600_000,
      sessionMaxMs: 86400_000,
    })
    expect(refusal({ SESSION_IDLE_HOURS: '0' })).toContain('SESSION_IDLE_HOURS=0：应为 1 到 72 之间的整数')
    expect(refusal({ SESSION_IDLE_HOURS: '48', SESSION_MAX_DAYS: '1' })).toContain(
      'SESSION_IDLE_HOURS：不能比 SESSION_MAX_DAYS 还长',
    )
    expect(refusal({ INVITATION_DAYS: '90' })).toContain('INVITATION_DAYS=90')
  })

  it('checks any list of secrets the same way', () => {
    expect(
      secretProblems([
        { setting: 'A', values: [], devValues: [] },
        { setting: 'B', values: [{ value: 'dev-b' }], devValues: ['dev-b'] },
        { setting: 'C', values: [{ label: 'x', value: 'c'.repeat(40) }], devValues: [] },
      ]),
    ).toEqual(['A：生产环境必须设置', 'B：是开发用的值，生产环境请换成自己的'])
  })

  it('a refused start prints the reason in Chinese and exits non-zero', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, ...production, CLIENT_ID_SECRET: DEV_CLIENT_ID_SECRET, PORT: '0' },
      encoding: 'utf8',
      timeout: 60_000,
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('服务器没能启动：配置有误')
    expect(r.stderr).toContain('CLIENT_ID_SECRET：是开发用的值')
  })
})
