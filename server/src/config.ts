// Server configuration, read once from the environment and checked as a whole. Every setting has
// a development default so `npm run server` works on a fresh clone; production checks each secret
// by what it holds (present, long enough, not a development value), never by where it came from.
//
// Hand-written rather than env-schema: the checks that matter here (secrets against development
// values, settings that come in pairs) are beyond a JSON schema, and the rest is small. Organizer
// accounts with development passwords live in the database: createServer refuses those.
import { isIP } from 'node:net'
import { createHash, createHmac } from 'node:crypto'
import { join } from 'node:path'
import type { AccountSettings } from './accounts'
import { DEFAULT_COST } from './auth-passwords'
import type { BackupSettings } from './backup'
import { DEFAULT_LIMITS, type DbLimits } from './db/limits'
import {
  MINIPROGRAM_STATES,
  parseOpenidKey,
  readTemplates,
  type MiniprogramState,
  type WeChatSenderSettings,
} from './wechat'

export const ROOT = join(__dirname, '..', '..')
export const DEV_CLIENT_ID_SECRET = 'dev-only-client-id-secret'
export const DEV_BOOKER_SECRET = 'dev-only-booker-secret'
/** Seals openids in development; production refuses it (WECHAT_OPENID_KEY). */
export const DEV_OPENID_KEY = createHash('sha256').update('dev-only-openid-key').digest('hex')
export const WECHAT_API = 'https://api.weixin.qq.com'
/** The SMS gateways the server can send through; none configured means the development stand-in. */
export const SMS_PROVIDERS = ['webhook'] as const
/** Production secrets are at least this long: a WeChat AppSecret is 32 characters, and so is a 128-bit hex key. */
export const MIN_SECRET_LENGTH = 32
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export interface ServerConfig {
  port: number
  host: string
  /** postgres://… for a real PostgreSQL; empty means embedded PGlite in `dataDir`. */
  databaseUrl: string
  dataDir: string
  corsOrigins: string[]
  /** Organizer sessions, invitations and password hashing; `production` also stops the dev seed. */
  accounts: AccountSettings
  /** Requests per minute per verified booker; 0 turns limiting off (load benchmarks only). */
  rateLimitPerMinute: number
  /** Requests per minute per client address without a booker token (a village can share one); 0: unlimited. */
  rateLimitPerAddressPerMinute: number
  /** Keys the client ids given for openids. */
  clientIdSecret: string
  /** Booker tokens (booker.ts) and the per-session limit of one verified booker. */
  bookers: BookerSettings
  /** SMS codes: the gateway (empty provider means the development stand-in) and the per-address limit. */
  sms: SmsSettings
  /**
   * Proxies whose X-Forwarded-For is believed (TRUST_PROXY, addresses or CIDRs); empty means none:
   * the socket's address is the client's, whatever a request says.
   */
  trustProxy: string[]
  /**
   * Signs the e-tickets' QR tokens: TICKET_SECRET, or when unset a key derived from
   * CLIENT_ID_SECRET (one secret to keep, two keys that never meet).
   */
  ticketSecret: string
  /** AppID and AppSecret for wx.login; empty means the development stand-in. */
  weChat: { appId: string; appSecret: string }
  /** Notices to the women who signed up (notify.ts). */
  notices: NoticeSettings
  logLevel: string
  backups: BackupSettings
  /** How long a request may wait for the database (see readLimits). */
  dbLimits: DbLimits
  /** Event-loop delay past which requests are shed with a 503; 0 turns shedding off. */
  maxEventLoopDelayMs: number
  /** Longest a stop (SIGTERM) may take before the process exits anyway. */
  shutdownGraceMs: number
  /**
   * Seed an EMPTY database from mock/ at start (SEED_EMPTY_DATABASE): on in development, off in
   * production. A database with any federation is never touched either way.
   */
  seedEmptyDatabase: boolean
}

/**
 * Backups are kept at most this many days: a person's deleted sign-ups must not live on in old
 * backups for long (the privacy notice promises deletion 90 days after the session).
 */
export const MAX_BACKUP_KEEP_DAYS = 30

type Env = Record<string, string | undefined>

export interface BookerSettings {
  /** Signs booker tokens and keys the subjects (mobiles, openids) they carry. */
  secret: string
  tokenDays: number
  /** People one verified booker may book on one session (confirmed and waitlisted). */
  perSession: number
}

export interface SmsSettings {
  provider: '' | (typeof SMS_PROVIDERS)[number]
  webhookUrl: string
  webhookToken: string
  /** Codes sent per client address per Beijing day. */
  perAddressPerDay: number
}

/** A secret as configured, with the values that ship with the code for development. */
interface Secret {
  /** The setting to name in a refusal. */
  setting: string
  /** What it holds; a setting holding several names each by `label`. */
  values: Array<{ label?: string; value: string }>
  devValues: readonly string[]
}

/** The problems with the secrets for production: each one names its setting. */
export function secretProblems(secrets: Secret[]): string[] {
  const problems: string[] = []
  for (const { setting, values, devValues } of secrets) {
    if (!values.length) problems.push(`${setting}：生产环境必须设置`)
    for (const { label, value } of values) {
      const what = label ? `${setting} 里的 ${label}` : setting
      if (devValues.includes(value)) problems.push(`${what}：是开发用的值，生产环境请换成自己的`)
      else if (value.length < MIN_SECRET_LENGTH) problems.push(`${what}：至少要 ${MIN_SECRET_LENGTH} 个字符`)
    }
  }
  return problems
}

/** `10.0.0.1`, `10.0.0.0/8`, `::1`, `fd00::/8`: an address, or a network by its prefix length. */
export function isAddressOrCidr(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/')
  const version = isIP(address)
  if (!version || rest.length) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128)
}

function readTrustProxy(env: Env, problems: string[]): string[] {
  const entries = (env.TRUST_PROXY ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const entry of entries) {
    if (!isAddressOrCidr(entry)) problems.push(`TRUST_PROXY：${entry} 不是地址或网段（应像 10.0.0.1 或 10.0.0.0/8）`)
  }
  return entries
}

function readSms(env: Env, production: boolean, problems: string[]): SmsSettings {
  const provider = env.SMS_PROVIDER?.trim() ?? ''
  const webhookUrl = env.SMS_WEBHOOK_URL?.trim() ?? ''
  const webhookToken = env.SMS_WEBHOOK_TOKEN?.trim() ?? ''
  const perAddressPerDay = intFrom(env, 'SMS_PER_ADDRESS_PER_DAY', 30, 1, 100_000, problems)
  if (provider && !(SMS_PROVIDERS as readonly string[]).includes(provider)) {
    problems.push(`SMS_PROVIDER=${provider}：目前只支持 ${SMS_PROVIDERS.join('、')}（见 README 的“短信验证码”）`)
  }
  // The stand-in sends nothing: in production no one could ever verify, so it refuses to start.
  if (production && !provider) problems.push('SMS_PROVIDER：生产环境必须设置（网页版报名要用短信验证码）')
  if (provider === 'webhook') {
    if (!/^https?:\/\/[^\s]+$/.test(webhookUrl))
      problems.push('SMS_WEBHOOK_URL：SMS_PROVIDER=webhook 时必须设置，以 https:// 开头')
    if (!webhookToken) problems.push('SMS_WEBHOOK_TOKEN：SMS_PROVIDER=webhook 时必须设置')
  }
  return { provider: provider as SmsSettings['provider'], webhookUrl, webhookToken, perAddressPerDay }
}

function intFrom(env: Env, key: string, fallback: number, min: number, max: number, problems: string[]): number {
  const raw = env[key]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) {
    problems.push(`${key}=${raw}：应为 ${min} 到 ${max} 之间的整数`)
    return fallback
  }
  return n
}

function boolFrom(env: Env, key: string, fallback: boolean, problems: string[]): boolean {
  const raw = env[key]?.trim().toLowerCase()
  if (!raw) return fallback
  if (['1', 'true', 'on', 'yes'].includes(raw)) return true
  if (['0', 'false', 'off', 'no'].includes(raw)) return false
  problems.push(`${key}=${env[key]?.trim()}：应为 true 或 false`)
  return fallback
}

const HOUR_MS = 60 * 60 * 1000

/** SESSION_IDLE_HOURS (12) and SESSION_MAX_DAYS (7): an organizer session ends at whichever comes first. */
function readAccounts(env: Env, production: boolean, problems: string[]): AccountSettings {
  const idleHours = intFrom(env, 'SESSION_IDLE_HOURS', 12, 1, 72, problems)
  const maxDays = intFrom(env, 'SESSION_MAX_DAYS', 7, 1, 30, problems)
  if (idleHours > maxDays * 24) problems.push('SESSION_IDLE_HOURS：不能比 SESSION_MAX_DAYS 还长')
  return {
    sessionIdleMs: idleHours * HOUR_MS,
    sessionMaxMs: maxDays * 24 * HOUR_MS,
    invitationMs: intFrom(env, 'INVITATION_DAYS', 7, 1, 30, problems) * 24 * HOUR_MS,
    production,
    cost: DEFAULT_COST,
  }
}

/**
 * Waits and limits, in milliseconds: DB_LOCK_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS,
 * DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, DB_POOL_TIMEOUT_MS, MAX_EVENT_LOOP_DELAY_MS, SHUTDOWN_GRACE_MS.
 */
function readLimits(
  env: Env,
  problems: string[],
): Pick<ServerConfig, 'dbLimits' | 'maxEventLoopDelayMs' | 'shutdownGraceMs'> {
  const d = DEFAULT_LIMITS
  return {
    dbLimits: {
      lockTimeoutMs: intFrom(env, 'DB_LOCK_TIMEOUT_MS', d.lockTimeoutMs, 100, 60_000, problems),
      statementTimeoutMs: intFrom(env, 'DB_STATEMENT_TIMEOUT_MS', d.statementTimeoutMs, 100, 600_000, problems),
      idleInTransactionMs: intFrom(
        env,
        'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        d.idleInTransactionMs,
        100,
        600_000,
        problems,
      ),
      acquireTimeoutMs: intFrom(env, 'DB_POOL_TIMEOUT_MS', d.acquireTimeoutMs, 100, 60_000, problems),
    },
    maxEventLoopDelayMs: intFrom(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 60_000, problems),
    shutdownGraceMs: intFrom(env, 'SHUTDOWN_GRACE_MS', 8000, 1000, 60_000, problems),
  }
}

export interface NoticeSettings {
  /** How often the jobs run that write reminders and send what is pending (NOTICE_EVERY_SECONDS). */
  everyMs: number
  /**
   * Mini-program sign-ups are told by a subscribe message (WECHAT_NOTICES): the development
   * stand-in (unset, development only), WeChat itself (on), or nothing (off).
   */
  weChat: 'dev' | 'on' | 'off'
  /** What the WeChat sender needs (on only). */
  sender?: WeChatSenderSettings
  /** Seals the openids kept for the sender (WECHAT_OPENID_KEY, 32 bytes); none when off. */
  openidKey?: Buffer
}

function readNotices(
  env: Env,
  production: boolean,
  weChat: { appId: string; appSecret: string },
  problems: string[],
): NoticeSettings {
  const raw = env.WECHAT_NOTICES?.trim().toLowerCase() ?? ''
  const everyMs = intFrom(env, 'NOTICE_EVERY_SECONDS', 60, 5, 3600, problems) * 1000
  if (raw && raw !== 'off' && raw !== 'on') problems.push(`WECHAT_NOTICES=${raw}：只能设为 on 或 off`)
  if (raw === 'off') return { everyMs, weChat: 'off' }
  if (raw !== 'on') {
    // The stand-in sends nothing: in production the mini-program's women would silently never hear.
    if (production)
      problems.push(
        'WECHAT_NOTICES：生产环境必须设为 on（用微信订阅消息通知小程序报名的人）或 off（她们收不到通知，网页版报名的照常收到短信）',
      )
    return { everyMs, weChat: 'dev', openidKey: Buffer.from(DEV_OPENID_KEY, 'hex') }
  }
  if (!weChat.appId || !weChat.appSecret)
    problems.push('WECHAT_APPID、WECHAT_SECRET：WECHAT_NOTICES=on 时必须设置（发订阅消息要用）')
  const keyText = env.WECHAT_OPENID_KEY?.trim() ?? ''
  const openidKey = keyText ? parseOpenidKey(keyText) : undefined
  if (!keyText)
    problems.push('WECHAT_OPENID_KEY：WECHAT_NOTICES=on 时必须设置（加密保存 openid 的密钥，32 字节，64 位十六进制）')
  else if (!openidKey) problems.push('WECHAT_OPENID_KEY：应为 32 字节，写成 64 位十六进制或 base64')
  else if (production && keyText.toLowerCase() === DEV_OPENID_KEY)
    problems.push('WECHAT_OPENID_KEY：是开发用的值，生产环境请换成自己的')
  const state = (env.WECHAT_MINIPROGRAM_STATE?.trim() || 'formal') as MiniprogramState
  if (!MINIPROGRAM_STATES.includes(state))
    problems.push(`WECHAT_MINIPROGRAM_STATE=${state}：应为 ${MINIPROGRAM_STATES.join('、')} 之一`)
  const apiBase = (env.WECHAT_API_BASE?.trim() || WECHAT_API).replace(/\/+$/, '')
  // Only tests point it elsewhere (a local fake WeChat); a production server talks https to WeChat.
  if (!/^https?:\/\/[^\s/]+$/.test(apiBase)) problems.push('WECHAT_API_BASE：应像 https://api.weixin.qq.com，不带路径')
  else if (production && !apiBase.startsWith('https://'))
    problems.push('WECHAT_API_BASE：生产环境必须是 https 地址（只有测试才指向本机）')
  const templates = readTemplates(env, problems)
  return {
    everyMs,
    weChat: 'on',
    openidKey,
    ...(templates ? { sender: { ...weChat, apiBase, state, templates } } : {}),
  }
}

export function readConfig(env: Env = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production'
  const problems: string[] = []

  const accounts = readAccounts(env, production, problems)
  const givenSecret = env.CLIENT_ID_SECRET?.trim() ?? ''
  const clientIdSecret = givenSecret || (production ? '' : DEV_CLIENT_ID_SECRET)
  const givenTicketSecret = env.TICKET_SECRET?.trim() ?? ''
  const ticketSecret =
    givenTicketSecret ||
    (clientIdSecret ? createHmac('sha256', clientIdSecret).update('jg-ticket-key-v1').digest('base64url') : '')
  const dataDir = env.PGLITE_DIR?.trim() || join(ROOT, '.data', 'pglite')
  const weChat = { appId: env.WECHAT_APPID?.trim() ?? '', appSecret: env.WECHAT_SECRET?.trim() ?? '' }
  // Half a WeChat login would fail at the first login, long after start: refused here instead.
  if (weChat.appId && !weChat.appSecret) problems.push('WECHAT_SECRET：设置了 WECHAT_APPID 就必须同时设置')
  if (!weChat.appId && weChat.appSecret) problems.push('WECHAT_APPID：设置了 WECHAT_SECRET 就必须同时设置')
  if (production && !weChat.appId) problems.push('WECHAT_APPID：生产环境必须设置（小程序登录要用）')
  const givenBookerSecret = env.BOOKER_SECRET?.trim() ?? ''
  const bookers: BookerSettings = {
    secret: givenBookerSecret || (production ? '' : DEV_BOOKER_SECRET),
    tokenDays: intFrom(env, 'BOOKER_TOKEN_DAYS', 30, 1, 365, problems),
    perSession: intFrom(env, 'BOOKER_PER_SESSION', 10, 1, 1000, problems),
  }
  const sms = readSms(env, production, problems)
  const notices = readNotices(env, production, weChat, problems)
  const trustProxy = readTrustProxy(env, problems)

  if (production) {
    problems.push(
      ...secretProblems([
        {
          setting: 'CLIENT_ID_SECRET',
          values: clientIdSecret ? [{ value: clientIdSecret }] : [],
          devValues: [DEV_CLIENT_ID_SECRET],
        },
        ...(givenTicketSecret
          ? [{ setting: 'TICKET_SECRET', values: [{ value: givenTicketSecret }], devValues: [DEV_CLIENT_ID_SECRET] }]
          : []),
        ...(weChat.appId && weChat.appSecret
          ? [{ setting: 'WECHAT_SECRET', values: [{ value: weChat.appSecret }], devValues: [] }]
          : []),
        {
          setting: 'BOOKER_SECRET',
          values: bookers.secret ? [{ value: bookers.secret }] : [],
          devValues: [DEV_BOOKER_SECRET],
        },
        ...(sms.webhookToken
          ? [{ setting: 'SMS_WEBHOOK_TOKEN', values: [{ value: sms.webhookToken }], devValues: [] }]
          : []),
      ]),
    )
  }

  const databaseUrl = env.DATABASE_URL?.trim() ?? ''
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL：应以 postgres:// 开头')
  }
  const corsOrigins = (env.CORS_ORIGINS ?? 'http://localhost:10086,http://127.0.0.1:10086')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin))
      problems.push(`CORS_ORIGINS：${origin} 不是网页来源（应像 https://example.cn，不带路径）`)
  }
  const logLevel = env.LOG_LEVEL?.trim() || 'info'
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL=${logLevel}：应为 ${LOG_LEVELS.join('、')} 之一`)
  const port = intFrom(env, 'PORT', 8787, 0, 65535, problems)
  const rateLimitPerMinute = intFrom(env, 'RATE_LIMIT_PER_MINUTE', 300, 0, 1_000_000, problems)
  const rateLimitPerAddressPerMinute = intFrom(env, 'RATE_LIMIT_PER_ADDRESS_PER_MINUTE', 3000, 0, 1_000_000, problems)
  const backups: BackupSettings = {
    dir: env.BACKUP_DIR?.trim() || join(dataDir, '..', 'backups'),
    keepDays: intFrom(env, 'BACKUP_KEEP_DAYS', 7, 1, MAX_BACKUP_KEEP_DAYS, problems),
    everyHours: intFrom(env, 'BACKUP_EVERY_HOURS', 24, 0, 24 * 7, problems),
  }

  const limits = readLimits(env, problems)
  const seedEmptyDatabase = boolFrom(env, 'SEED_EMPTY_DATABASE', !production, problems)

  if (problems.length) throw new Error(`配置有误：\n- ${problems.join('\n- ')}`)
  return {
    port,
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl,
    dataDir,
    corsOrigins,
    accounts,
    rateLimitPerMinute,
    rateLimitPerAddressPerMinute,
    clientIdSecret,
    bookers,
    sms,
    trustProxy,
    ticketSecret,
    weChat,
    notices,
    logLevel,
    backups,
    ...limits,
    seedEmptyDatabase,
  }
}
