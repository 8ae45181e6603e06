// WeChat subscribe messages from the server: her openid kept encrypted at rest, the templates as
// configured (which field carries what), the values cut to WeChat's limits, and the sender.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { NoticeKind } from '../../src/domain/notices'
import { SUBSCRIBE_TOPICS, subscribeTopic, type SubscribeTopic } from '../../src/domain/subscriptions'
import { routes } from '../../src/routes'
import { inBeijing } from '../../src/utils/date'
import type { Queryable } from './db/db'
import { NoChannel, type SubscribeMessage, type SubscribeMessageSender } from './notify'

/** The openid queries; the store runs in the login request (tests/server/query-plans.test.ts). */
export const OPENID_SQL = {
  keep: `INSERT INTO wx_openids (client_id, openid_enc, updated_at) VALUES ($1, $2, $3)
    ON CONFLICT (client_id) DO UPDATE SET openid_enc = EXCLUDED.openid_enc, updated_at = EXCLUDED.updated_at`,
  read: 'SELECT openid_enc FROM wx_openids WHERE client_id = $1',
  forget: 'DELETE FROM wx_openids WHERE client_id = $1',
} as const

const SEALED = 'o1'

/**
 * WECHAT_OPENID_KEY: 32 bytes, written as 64 hex digits or in base64. Undefined when it is
 * neither, so config can say so.
 */
export function parseOpenidKey(raw: string): Buffer | undefined {
  const text = raw.trim()
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex')
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) {
    const key = Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64')
    return key.length === 32 ? key : undefined
  }
  return undefined
}

/**
 * Openids encrypted with AES-256-GCM, each bound to its client id (the additional data), so a
 * sealed openid copied to another row does not open. A backup holds only the sealed form.
 */
export class OpenidVault {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('WECHAT_OPENID_KEY 应为 32 字节')
  }

  /** `o1.<base64url of iv (12 bytes), tag (16 bytes), ciphertext>`. */
  seal(clientId: string, openid: string): string {
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    cipher.setAAD(Buffer.from(clientId))
    const body = Buffer.concat([cipher.update(openid, 'utf8'), cipher.final()])
    return `${SEALED}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`
  }

  /** The openid, or undefined when the sealed text is not one this key sealed for this client. */
  open(clientId: string, sealed: string): string | undefined {
    const [version, data, ...rest] = sealed.split('.')
    if (version !== SEALED || !data || rest.length) return undefined
    const raw = Buffer.from(data, 'base64url')
    if (raw.length < 29) return undefined
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12))
      decipher.setAAD(Buffer.from(clientId))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    } catch {
      return undefined
    }
  }

  /** Keeps her openid (sealed) for her client id; a later login replaces it. */
  async keep(db: Queryable, clientId: string, openid: string, now: Date): Promise<void> {
    await db.query(OPENID_SQL.keep, [clientId, this.seal(clientId, openid), now])
  }

  /** Her openid, for the notice sender alone. */
  async openidOf(db: Queryable, clientId: string): Promise<string | undefined> {
    const [row] = await db.query<{ openid_enc: string }>(OPENID_SQL.read, [clientId])
    return row ? this.open(clientId, row.openid_enc) : undefined
  }
}

/** What a template field can carry, taken from the notice and her session. */
export const TEMPLATE_SOURCES = ['title', 'time', 'place', 'status', 'note', 'reason'] as const
export type TemplateSource = (typeof TEMPLATE_SOURCES)[number]

/** The field types (the key's letters, thing1 → thing) a template may use, and what fits each. */
const FIELD_TYPES = {
  thing: ['title', 'place', 'status', 'note', 'reason'],
  short_thing: ['status'],
  phrase: ['status'],
  name: ['title'],
  time: ['time'],
  date: ['time'],
} as const satisfies Record<string, readonly TemplateSource[]>
type FieldType = keyof typeof FIELD_TYPES

export interface TemplateField {
  /** The key in the template, e.g. thing1. */
  key: string
  type: FieldType
  source: TemplateSource
}

export interface Template {
  id: string
  fields: TemplateField[]
}

/** The setting that configures each template. */
export const TEMPLATE_SETTINGS: Record<SubscribeTopic, string> = {
  promoted: 'WECHAT_TEMPLATE_PROMOTED',
  session_changed: 'WECHAT_TEMPLATE_SESSION_CHANGED',
  reminder: 'WECHAT_TEMPLATE_REMINDER',
}

/**
 * Reads `<template id>:<key>=<source>,…`, e.g. `AbC…:thing1=title,time2=time,thing3=note`: the id
 * from the mini-program's admin console, then which of TEMPLATE_SOURCES each of its fields shows.
 * Returns the template, or the problems (in Chinese) naming what is wrong.
 */
export function parseTemplate(raw: string): Template | { problems: string[] } {
  const text = raw.trim()
  const colon = text.indexOf(':')
  const id = colon < 0 ? text : text.slice(0, colon)
  const problems: string[] = []
  if (!/^[A-Za-z0-9_-]{10,64}$/.test(id)) problems.push('模板 id 不对（应是小程序后台“订阅消息”里的模板 ID）')
  const pairs =
    colon < 0
      ? []
      : text
          .slice(colon + 1)
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
  if (!pairs.length) problems.push('没有写字段，应像 <模板id>:thing1=title,time2=time')
  const fields: TemplateField[] = []
  for (const pair of pairs) {
    const [key, source, ...rest] = pair.split('=').map((s) => s.trim())
    const type = /^([a-z_]+?)\d+$/.exec(key ?? '')?.[1]
    if (!type || !(type in FIELD_TYPES) || rest.length || !source) {
      problems.push(`${pair}：字段应像 thing1=title，类型只能是 ${Object.keys(FIELD_TYPES).join('、')}`)
      continue
    }
    const fits = FIELD_TYPES[type as FieldType] as readonly string[]
    if (!fits.includes(source)) {
      problems.push(`${pair}：${type} 字段只能放 ${fits.join('、')}`)
      continue
    }
    if (fields.some((f) => f.key === key)) {
      problems.push(`${key}：写了两次`)
      continue
    }
    fields.push({ key, type: type as FieldType, source: source as TemplateSource })
  }
  return problems.length ? { problems } : { id, fields }
}

/** Characters WeChat takes in each type of field (thing ≤ 20, phrase ≤ 5 Chinese characters…). */
const MAX_CHARS: Partial<Record<FieldType, number>> = { thing: 20, short_thing: 5, phrase: 5, name: 10 }

/**
 * A value as WeChat takes it in a field of `type`: times in Beijing time (2026年12月1日 09:00),
 * text on one line and cut to the field's limit (counting characters, not UTF-16 units) with an
 * ellipsis, a phrase kept to Chinese characters; never empty, which WeChat refuses.
 */
export function fitValue(type: FieldType, value: string): string {
  if (type === 'time') return inBeijing(value).format('YYYY年M月D日 HH:mm')
  if (type === 'date') return inBeijing(value).format('YYYY年M月D日')
  let text = value
    .replace(/[\p{Cc}\s]+/gu, ' ')
    .replace(/【[^】]*】/g, '')
    .trim()
  if (type === 'phrase') text = text.replace(/[^\p{Script=Han}]/gu, '')
  const chars = Array.from(text)
  const max = MAX_CHARS[type] ?? 20
  if (chars.length > max)
    text = type === 'phrase' ? chars.slice(0, max).join('') : `${chars.slice(0, max - 1).join('')}…`
  return text || (type === 'phrase' ? '无' : '—')
}

/** What a notice names, for the template's fields. */
export interface NoticeFacts {
  kind: NoticeKind
  /** The notice as recorded (its wording is the same on every channel). */
  text: string
  title: string
  /** ISO 8601. */
  start: string
  online: boolean
  place?: string | null
  reason?: string | null
  /** She holds a seat she must confirm (promoted with a hold window). */
  holding?: boolean
}

/** Each kind in at most five Chinese characters, so it fits a phrase field. */
const STATUS: Record<NoticeKind, string> = {
  promoted: '候补转正',
  hold_expiring: '保留将到期',
  session_changed: '场次变更',
  session_cancelled: '场次取消',
  reminder: '明天开课',
}

/** Every source's value for one notice, before fitting. */
export function sourceValues(f: NoticeFacts): Record<TemplateSource, string> {
  const status = f.kind === 'promoted' && f.holding ? '请确认参加' : STATUS[f.kind]
  return {
    title: f.title,
    time: f.start,
    place: f.online ? '线上参加' : f.place || '见报名详情',
    status,
    note: f.text,
    reason: f.kind === 'session_cancelled' && f.reason ? f.reason : status,
  }
}

/** The `data` of a subscribe message: each field of the template with its value fitted. */
export function templateData(template: Template, facts: NoticeFacts): Record<string, { value: string }> {
  const values = sourceValues(facts)
  return Object.fromEntries(template.fields.map((f) => [f.key, { value: fitValue(f.type, values[f.source]) }]))
}

export type MiniprogramState = 'formal' | 'trial' | 'developer'
export const MINIPROGRAM_STATES: readonly MiniprogramState[] = ['formal', 'trial', 'developer']

export interface WeChatSenderSettings {
  appId: string
  appSecret: string
  /** https://api.weixin.qq.com; another only for tests (config refuses a non-https one in production). */
  apiBase: string
  state: MiniprogramState
  templates: Record<SubscribeTopic, Template>
}

type Post = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>

/** A WeChat answer that is neither success nor one handled here: the outbox tries again later. */
export class WeChatError extends Error {
  override name = 'WeChatError'
  constructor(readonly code: number | string) {
    super(`微信接口返回错误 ${code}`)
  }
}

/** A token is dropped this long before WeChat says it expires, so none is used as it runs out. */
const TOKEN_MARGIN_MS = 5 * 60 * 1000
const TIMEOUT_MS = 10_000

/**
 * Sends subscribe messages through WeChat. The access token comes from stable_token (the same token
 * for every instance until it expires, so instances never revoke each other's), kept until shortly
 * before it expires. A token WeChat calls invalid or expired (40001, 42001) is fetched again once;
 * 43101 (she did not subscribe, or refused) skips the notice; any other error is retried later.
 */
export class WeChatSubscribeSender implements SubscribeMessageSender {
  private token?: { value: string; until: number }
  private fetching?: Promise<string>
  /** Token requests made, for tests and the log. */
  tokenRequests = 0

  constructor(
    private readonly settings: WeChatSenderSettings,
    private readonly openidOf: (clientId: string) => Promise<string | undefined>,
    private readonly now: () => Date,
    private readonly post: Post = fetch as unknown as Post,
  ) {}

  async send(message: SubscribeMessage): Promise<void> {
    const openid = await this.openidOf(message.clientId)
    if (!openid) throw new NoChannel('没有她的微信身份（要她重新打开小程序才会有）')
    const template = this.settings.templates[subscribeTopic(message.kind)]
    const body = JSON.stringify({
      touser: openid,
      template_id: template.id,
      page: routes.signupDetail(message.signupId).replace(/^\//, ''),
      miniprogram_state: this.settings.state,
      lang: 'zh_CN',
      data: templateData(template, message.facts),
    })
    let token = await this.accessToken()
    let answer = await this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, body)
    if (answer.errcode === 40001 || answer.errcode === 42001) {
      token = await this.accessToken(token)
      answer = await this.call(`/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(token)}`, body)
    }
    if (answer.errcode === undefined || answer.errcode === 0) return
    if (answer.errcode === 43101) throw new NoChannel('她没有订阅或已拒绝这类消息（微信 43101）')
    throw new WeChatError(answer.errcode)
  }

  /**
   * The cached token, or a new one. `rejected`: WeChat just refused that token, so it is dropped;
   * if stable_token gives the same one back, it is asked to make a new one (force_refresh).
   */
  private async accessToken(rejected?: string): Promise<string> {
    if (rejected && this.token?.value === rejected) this.token = undefined
    if (this.token && this.token.until > this.now().getTime()) return this.token.value
    // One request at a time: messages sent together share it.
    this.fetching ??= this.fetchToken(rejected).finally(() => {
      this.fetching = undefined
    })
    return this.fetching
  }

  private async fetchToken(rejected?: string): Promise<string> {
    const ask = async (forceRefresh: boolean) => {
      this.tokenRequests++
      const { appId, appSecret } = this.settings
      const answer = await this.call(
        '/cgi-bin/stable_token',
        JSON.stringify({
          grant_type: 'client_credential',
          appid: appId,
          secret: appSecret,
          force_refresh: forceRefresh,
        }),
      )
      if (typeof answer.access_token !== 'string' || !answer.access_token) {
        throw new WeChatError(answer.errcode ?? 'no_token')
      }
      return { value: answer.access_token, expiresIn: Number(answer.expires_in) || 7200 }
    }
    let got = await ask(false)
    if (rejected && got.value === rejected) got = await ask(true)
    this.token = { value: got.value, until: this.now().getTime() + got.expiresIn * 1000 - TOKEN_MARGIN_MS }
    return got.value
  }

  /** POSTs JSON; the URL (it holds the token) never goes into an error. */
  private async call(
    path: string,
    body: string,
  ): Promise<{ errcode?: number; access_token?: unknown; expires_in?: unknown }> {
    const res = await this.post(`${this.settings.apiBase}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    })
    if (!res.ok) throw new WeChatError(`http_${res.status}`)
    const answer = (await res.json()) as { errcode?: unknown; access_token?: unknown; expires_in?: unknown }
    return { ...answer, errcode: typeof answer.errcode === 'number' ? answer.errcode : undefined }
  }
}

/** Reads the three templates' settings; problems name the setting. */
export function readTemplates(
  env: Record<string, string | undefined>,
  problems: string[],
): Record<SubscribeTopic, Template> | undefined {
  const templates: Partial<Record<SubscribeTopic, Template>> = {}
  for (const topic of SUBSCRIBE_TOPICS) {
    const setting = TEMPLATE_SETTINGS[topic]
    const raw = env[setting]?.trim() ?? ''
    if (!raw) {
      problems.push(`${setting}：WECHAT_NOTICES=on 时必须设置（格式见 README 的“小程序订阅消息”）`)
      continue
    }
    const parsed = parseTemplate(raw)
    if ('problems' in parsed) problems.push(...parsed.problems.map((p) => `${setting}：${p}`))
    else templates[topic] = parsed
  }
  return Object.keys(templates).length === SUBSCRIBE_TOPICS.length
    ? (templates as Record<SubscribeTopic, Template>)
    : undefined
}
