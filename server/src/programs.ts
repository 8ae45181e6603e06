// A federation's programs, their dated sessions and their versioned sign-up forms, as its organizers
// change them in the workspace. Each change is one transaction with its audit entry: the program in
// the federation's document and in the programs table, the session row, the form version, the
// content version that tells every server to re-read.
import { randomBytes } from 'node:crypto'
import {
  FIELD_TYPES,
  TOPICS,
  type FederationFile,
  type FormField,
  type Program,
  type Topic,
} from '../../src/domain/types'
import { audit, type Actor } from './audit'
import { indexCard } from './card-index'
import { bumpContentVersion, iso, type SessionRow } from './content'
import type { Db, Queryable } from './db/db'
import { HttpError, invalid, notFound } from './errors'
import { cancelSession, changeCapacity, updateSession, type SessionChange } from './sessions'
import { parseJson } from './signups'
import type { CardFigure, WorkspaceProgram, WorkspacePrograms, WorkspaceSession } from '../../src/services/workspace'

const conflict = (message: string, field?: string) => new HttpError(409, 'invalid', message, field)
const notOurs = (what: string) => new HttpError(403, 'forbidden', `这不是你所在妇联的${what}`)

type Body = Record<string, unknown>

// ---------------------------------------------------------------------------------------------
// What organizers send, checked field by field; every message is Chinese and names the field.

const chars = (s: string) => Array.from(s).length

function text(body: Body, field: string, label: string, max: number, optional = false): string | null {
  const raw = body[field]
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) {
    if (optional) return null
    throw invalid(`请填写${label}`, field)
  }
  if (typeof raw !== 'string') throw invalid(`${label}应为文字`, field)
  const value = raw.trim()
  if (chars(value) > max) throw invalid(`${label}不能超过 ${max} 个字`, field)
  return value
}

export interface ProgramInput {
  title: string
  topic: Topic
  summary: string
  audience: string
  figureIds: string[]
}

/** A program's fields; `figureIds` (往期成果) must name figures on the federation's published card. */
export function checkProgram(body: Body, cardFigureIds: string[]): ProgramInput {
  const title = text(body, 'title', '项目名称', 40) as string
  const topic = body.topic
  if (typeof topic !== 'string' || !TOPICS.includes(topic as Topic)) {
    throw invalid(`主题应为以下之一：${TOPICS.join('、')}`, 'topic')
  }
  const summary = text(body, 'summary', '项目简介', 500) as string
  const audience = text(body, 'audience', '面向人群', 100) as string
  const raw = body.figureIds ?? []
  if (!Array.isArray(raw) || !raw.every((id) => typeof id === 'string')) {
    throw invalid('往期成果应为卡片上数字的编号列表', 'figureIds')
  }
  const ids = raw as string[]
  for (const id of ids) {
    if (!cardFigureIds.includes(id)) throw invalid(`往期成果里的“${id}”不是本妇联年终盘点卡片上的数字`, 'figureIds')
  }
  if (new Set(ids).size !== ids.length) throw invalid('往期成果里有重复的数字', 'figureIds')
  return { title, topic: topic as Topic, summary, audience, figureIds: ids }
}

/** "2026-12-05 14:00" (Beijing) or ISO 8601 with +08:00. */
const BEIJING_TIME = /^(\d{4})-(\d{2})-(\d{2})(?: |T)(\d{2}):(\d{2})(?::(\d{2}))?(\+08:00)?$/

/** An absolute Beijing date-time; a Date passes as it is (a stored value being kept). */
export function parseBeijingTime(raw: unknown, field: string, label: string): Date {
  if (raw instanceof Date) return raw
  if (raw === undefined || raw === null || raw === '') throw invalid(`请填写${label}`, field)
  const m = typeof raw === 'string' ? BEIJING_TIME.exec(raw.trim()) : null
  // ISO with a T must say +08:00: without it, the time could be read in any zone.
  if (!m || (raw as string).includes('T') !== (m[7] !== undefined)) {
    throw invalid(`${label}的格式不对，请写成“2026-12-05 14:00”这样的北京时间`, field)
  }
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map((v) => Number(v ?? 0))
  const t = new Date(Date.UTC(y, mo - 1, d, h - 8, mi, s))
  const back = new Date(t.getTime() + 8 * 3600_000)
  if (
    back.getUTCFullYear() !== y ||
    back.getUTCMonth() !== mo - 1 ||
    back.getUTCDate() !== d ||
    h > 23 ||
    mi > 59 ||
    s > 59
  ) {
    throw invalid(`${label}不是一个存在的日期或时间`, field)
  }
  return t
}

export interface SessionInput {
  title: string
  startsAt: Date
  endsAt: Date
  deadlineAt: Date
  opensAt: Date | null
  online: boolean
  place: string | null
  joinInfo: string | null
  latitude: number | null
  longitude: number | null
  capacity: number
  contactPhone: string | null
  /** Hours a woman promoted from the waitlist has to confirm; null: no confirming. */
  holdHours: number | null
}

export const SESSION_FIELDS = [
  'title',
  'startsAt',
  'endsAt',
  'deadlineAt',
  'opensAt',
  'online',
  'place',
  'joinInfo',
  'latitude',
  'longitude',
  'capacity',
  'contactPhone',
  'holdHours',
] as const

/** The longest hold window: a week. */
export const HOLD_HOURS_MAX = 168

export const CAPACITY_MAX = 100_000
/** A mainland mobile (11 digits from 13–19), or a landline with its area code: 0939-1234567. */
const PHONE = /^(?:1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/

function coordinate(body: Body, field: 'latitude' | 'longitude', label: string, limit: number): number | null {
  const raw = body[field]
  if (raw === undefined || raw === null || raw === '') return null
  if (typeof raw !== 'number' || !Number.isFinite(raw)) throw invalid(`${label}应为数字`, field)
  if (raw < -limit || raw > limit) throw invalid(`${label}应在 -${limit} 到 ${limit} 之间`, field)
  return raw
}

/**
 * A whole session, checked: `startMustBeAhead` when it is created or its start moves (a session is
 * never put in the past). Unknown fields are refused, so a typo never passes unnoticed.
 */
export function checkSession(body: Body, now: Date, startMustBeAhead: boolean): SessionInput {
  for (const key of Object.keys(body)) {
    if (!(SESSION_FIELDS as readonly string[]).includes(key)) throw invalid(`场次没有“${key}”这一项`, key)
  }
  const title = text(body, 'title', '场次名称', 40) as string
  const startsAt = parseBeijingTime(body.startsAt, 'startsAt', '开始时间')
  const endsAt = parseBeijingTime(body.endsAt, 'endsAt', '结束时间')
  const deadlineAt = parseBeijingTime(body.deadlineAt, 'deadlineAt', '报名截止时间')
  const opensAt =
    body.opensAt === undefined || body.opensAt === null || body.opensAt === ''
      ? null
      : parseBeijingTime(body.opensAt, 'opensAt', '开始报名时间')
  if (startMustBeAhead && startsAt.getTime() <= now.getTime()) {
    throw invalid('开始时间已经过去了，请选择以后的时间', 'startsAt')
  }
  if (endsAt.getTime() <= startsAt.getTime()) throw invalid('结束时间要晚于开始时间', 'endsAt')
  if (deadlineAt.getTime() > startsAt.getTime()) throw invalid('报名截止时间不能晚于开始时间', 'deadlineAt')
  if (opensAt && opensAt.getTime() >= deadlineAt.getTime()) {
    throw invalid('开始报名时间要早于报名截止时间', 'opensAt')
  }
  if (typeof body.online !== 'boolean') throw invalid('请选择线上还是线下', 'online')
  const online = body.online
  const place = text(body, 'place', '活动地点', 100, online)
  const joinInfo = text(body, 'joinInfo', '参加方式（如会议号、链接）', 300, !online)
  const latitude = coordinate(body, 'latitude', '纬度', 90)
  const longitude = coordinate(body, 'longitude', '经度', 180)
  if ((latitude === null) !== (longitude === null)) {
    throw invalid('纬度和经度要一起填写，或者都不填', latitude === null ? 'latitude' : 'longitude')
  }
  const capacity = body.capacity
  if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1 || capacity > CAPACITY_MAX) {
    throw invalid(`名额应为 1 到 ${CAPACITY_MAX} 之间的整数`, 'capacity')
  }
  const phone = text(body, 'contactPhone', '联系电话', 20, true)
  if (phone !== null && !PHONE.test(phone)) {
    throw invalid('联系电话应为 11 位手机号，或带区号的座机号（如 0939-1234567）', 'contactPhone')
  }
  const hold = body.holdHours
  const holdHours = hold === undefined || hold === null || hold === '' ? null : hold
  if (
    holdHours !== null &&
    (typeof holdHours !== 'number' || !Number.isInteger(holdHours) || holdHours < 1 || holdHours > HOLD_HOURS_MAX)
  ) {
    throw invalid(`确认时限应为 1 到 ${HOLD_HOURS_MAX} 之间的整数（小时）；不需要候补转正的人确认就不填`, 'holdHours')
  }
  return {
    title,
    startsAt,
    endsAt,
    deadlineAt,
    opensAt,
    online,
    place,
    joinInfo,
    latitude,
    longitude,
    capacity,
    contactPhone: phone,
    holdHours: holdHours as number | null,
  }
}

/** The fields every form has, in the order a new program's form lists them. */
export const BASE_FORM: FormField[] = [
  {
    id: 'name',
    type: 'text',
    format: 'name',
    label: '姓名',
    required: true,
    placeholder: '请填写真实姓名',
    maxLength: 30,
  },
  { id: 'mobile', type: 'mobile', label: '手机号', required: true, placeholder: '11位手机号' },
  { id: 'session', type: 'session', label: '场次', required: true },
]
const BASE_TYPES: Record<string, { type: FormField['type']; label: string }> = {
  name: { type: 'text', label: '姓名' },
  mobile: { type: 'mobile', label: '手机号' },
  session: { type: 'session', label: '场次' },
}

const FIELD_KEYS = new Set([
  'id',
  'type',
  'label',
  'required',
  'format',
  'placeholder',
  'hint',
  'options',
  'minLength',
  'maxLength',
  'min',
  'max',
])
export const FORM_FIELDS_MAX = 30
const FIELD_ID = /^[a-z][a-z0-9_]{0,31}$/

/**
 * A form as organizers send it: the 9 field types, in the order given. 姓名 (id name, text),
 * 手机号 (id mobile) and 场次 (id session) must be there and required: a form without them is
 * refused, saying which are missing, since a sign-up without them cannot be counted or reached.
 */
export function checkForm(raw: unknown): FormField[] {
  if (!Array.isArray(raw) || raw.length === 0) throw invalid('报名表至少要有姓名、手机号和场次三项', 'fields')
  if (raw.length > FORM_FIELDS_MAX) throw invalid(`报名表最多 ${FORM_FIELDS_MAX} 项`, 'fields')
  const fields = raw.map((f: unknown, i): FormField => {
    const where = `第 ${i + 1} 项`
    if (!f || typeof f !== 'object' || Array.isArray(f)) throw invalid(`${where}格式不对`, 'fields')
    const o = f as Body
    for (const key of Object.keys(o)) {
      if (!FIELD_KEYS.has(key)) throw invalid(`${where}没有“${key}”这项设置`, 'fields')
    }
    if (typeof o.id !== 'string' || !FIELD_ID.test(o.id)) {
      throw invalid(`${where}的编号应为小写英文字母开头的字母、数字或下划线，最多 32 个`, 'fields')
    }
    if (typeof o.type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(o.type)) {
      throw invalid(`${where}的类型应为以下之一：${FIELD_TYPES.join('、')}`, 'fields')
    }
    if (typeof o.label !== 'string' || !o.label.trim() || chars(o.label.trim()) > 30) {
      throw invalid(`${where}的名称要填写，最多 30 个字`, 'fields')
    }
    if (typeof o.required !== 'boolean') throw invalid(`${where}要说明是否必填`, 'fields')
    const field: FormField = {
      id: o.id,
      type: o.type as FormField['type'],
      label: o.label.trim(),
      required: o.required,
    }
    for (const key of ['placeholder', 'hint'] as const) {
      if (o[key] === undefined) continue
      if (typeof o[key] !== 'string' || chars(o[key] as string) > 60) {
        throw invalid(`${where}的提示文字最多 60 个字`, 'fields')
      }
      field[key] = o[key] as string
    }
    for (const key of ['minLength', 'maxLength', 'min', 'max'] as const) {
      if (o[key] === undefined) continue
      if (typeof o[key] !== 'number' || !Number.isInteger(o[key]))
        throw invalid(`${where}的长度或范围应为整数`, 'fields')
      field[key] = o[key] as number
    }
    if (o.format !== undefined) {
      if (o.format !== 'name' || o.type !== 'text') throw invalid(`${where}的格式设置不对`, 'fields')
      field.format = 'name'
    }
    if (o.type === 'single' || o.type === 'multi' || (o.type === 'region' && o.options !== undefined)) {
      const options = o.options
      if (
        !Array.isArray(options) ||
        options.length < 2 ||
        options.length > 30 ||
        !options.every((v) => typeof v === 'string' && v.trim() !== '' && chars(v) <= 30)
      ) {
        throw invalid(`${where}“${field.label}”要有 2 到 30 个选项，每个最多 30 个字`, 'fields')
      }
      const trimmed = (options as string[]).map((v) => v.trim())
      if (new Set(trimmed).size !== trimmed.length) throw invalid(`${where}“${field.label}”的选项有重复`, 'fields')
      field.options = trimmed
    } else if (o.options !== undefined) {
      throw invalid(`${where}“${field.label}”不是选择题，不能有选项`, 'fields')
    }
    return field
  })
  const ids = new Set<string>()
  const labels = new Set<string>()
  for (const f of fields) {
    if (ids.has(f.id)) throw invalid(`编号“${f.id}”重复了`, 'fields')
    if (labels.has(f.label)) throw invalid(`名称“${f.label}”重复了，名单里会分不清`, 'fields')
    ids.add(f.id)
    labels.add(f.label)
  }
  const missing = Object.entries(BASE_TYPES)
    .filter(([id]) => !ids.has(id))
    .map(([, v]) => v.label)
  if (missing.length) throw invalid(`报名表必须有姓名、手机号和场次三项，缺少：${missing.join('、')}`, 'fields')
  for (const f of fields) {
    const base = BASE_TYPES[f.id]
    if (base && f.type !== base.type) throw invalid(`“${base.label}”一项的类型应为 ${base.type}`, 'fields')
    if (base && !f.required) throw invalid(`“${base.label}”一项必须必填`, 'fields')
    if (!base && (f.type === 'session' || f.type === 'mobile')) {
      throw invalid(`“${f.label}”：场次和手机号各只能有一项，编号为 ${f.type}`, 'fields')
    }
  }
  // Her name is always checked as a name (two characters or more, no digits).
  return fields.map((f) => (f.id === 'name' ? { ...f, format: 'name' as const } : f))
}

// ---------------------------------------------------------------------------------------------
// What the workspace shows.

export type { WorkspaceProgram, WorkspaceSession }

/** A session's row with what only the workspace reads: how to join, where, whom to call, the counts. */
interface Row extends SessionRow {
  join_info: string | null
  latitude: string | number | null
  longitude: string | number | null
  contact_phone: string | null
  hold_hours: number | null
  confirmed_count: number
  waitlisted_count: number
  cancelled_count: number
  version: number
}

const num = (v: string | number | null) => (v === null ? null : Number(v))

function toWorkspaceSession(r: Row): WorkspaceSession {
  return {
    id: r.id,
    programId: r.program_id,
    title: r.title,
    start: iso(r.starts_at),
    end: iso(r.ends_at),
    deadline: iso(r.deadline_at),
    opensAt: r.opens_at ? iso(r.opens_at) : null,
    online: r.online,
    place: r.place,
    joinInfo: r.join_info,
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    contactPhone: r.contact_phone,
    capacity: Number(r.capacity),
    holdHours: r.hold_hours === null ? null : Number(r.hold_hours),
    demoTaken: Number(r.taken),
    confirmed: Number(r.confirmed_count),
    waitlisted: Number(r.waitlisted_count),
    cancelledSignups: Number(r.cancelled_count),
    status: r.status,
    cancelReason: r.cancel_reason,
    version: Number(r.version),
    demo: r.demo,
  }
}

/** The input as the stored row says it: what a partial change is laid over. */
function inputOf(r: Row): Body {
  return {
    title: r.title,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    deadlineAt: new Date(r.deadline_at),
    opensAt: r.opens_at ? new Date(r.opens_at) : null,
    online: r.online,
    place: r.place,
    joinInfo: r.join_info,
    latitude: num(r.latitude),
    longitude: num(r.longitude),
    capacity: Number(r.capacity),
    contactPhone: r.contact_phone,
    holdHours: r.hold_hours === null ? null : Number(r.hold_hours),
  }
}

/** What her sign-up must hear of when it changes: time, place and how to join. */
const NOTIFIED: Array<keyof SessionInput> = ['startsAt', 'endsAt', 'online', 'place', 'joinInfo']

const shown = (v: unknown) => (v instanceof Date ? iso(v) : (v ?? null))

/** Equal as JSON whatever the order of keys (jsonb keeps its own order). */
const canonical = (v: unknown): unknown =>
  Array.isArray(v)
    ? v.map(canonical)
    : v && typeof v === 'object'
      ? Object.fromEntries(
          Object.keys(v)
            .sort()
            .map((k) => [k, canonical((v as Body)[k])]),
        )
      : v
const sameJson = (a: unknown, b: unknown) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

const newId = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex')}`

// ---------------------------------------------------------------------------------------------

export class Programs {
  constructor(private readonly db: Db) {}

  /** The federation's document, locked for a change to its programs; 409 while it has no card yet. */
  private async lockDoc(tx: Queryable, federationId: string): Promise<FederationFile> {
    const [row] = await tx.query<{ doc: unknown }>('SELECT doc FROM federations WHERE id = $1 FOR UPDATE', [
      federationId,
    ])
    if (!row?.doc) throw conflict('本妇联还没有年终盘点卡片，请先填写卡片，再添加项目')
    return parseJson<FederationFile>(row.doc)
  }

  /** Writes the programs array only: the card's other fields are never touched here. */
  private async writePrograms(tx: Queryable, federationId: string, programs: Program[]): Promise<void> {
    await tx.query(`UPDATE federations SET doc = jsonb_set(doc, '{programs}', $2::jsonb) WHERE id = $1`, [
      federationId,
      JSON.stringify(programs),
    ])
    // The card shows how many programs it has: its index row follows.
    await indexCard(tx, federationId)
    await bumpContentVersion(tx)
  }

  /** The program in her federation's document; 404 when there is none, 403 when it is another's. */
  private async ownProgram(q: Queryable, federationId: string, programId: string): Promise<void> {
    const [row] = await q.query<{ federation_id: string }>('SELECT federation_id FROM programs WHERE id = $1', [
      programId,
    ])
    if (!row) throw notFound('没有找到这个项目')
    if (row.federation_id !== federationId) throw notOurs('项目')
  }

  /** The session, locked, of a program of her federation; 404 or 403 otherwise. */
  private async ownSession(tx: Queryable, federationId: string, sessionId: string): Promise<Row> {
    const [row] = await tx.query<Row & { federation_id: string }>(
      `SELECT s.*, p.federation_id FROM sessions s JOIN programs p ON p.id = s.program_id WHERE s.id = $1
         FOR UPDATE OF s`,
      [sessionId],
    )
    if (!row) throw notFound('没有找到这个场次')
    if (row.federation_id !== federationId) throw notOurs('场次')
    return row
  }

  async list(federationId: string): Promise<WorkspacePrograms> {
    return this.db.transaction(async (tx) => {
      const [fed] = await tx.query<{ name: string; doc: unknown }>('SELECT name, doc FROM federations WHERE id = $1', [
        federationId,
      ])
      if (!fed) throw notFound('没有找到你的妇联')
      const doc = fed.doc ? parseJson<FederationFile>(fed.doc) : undefined
      const rows = await tx.query<Row>(
        `SELECT s.* FROM sessions s JOIN programs p ON p.id = s.program_id WHERE p.federation_id = $1
          ORDER BY s.starts_at, s.id`,
        [federationId],
      )
      const versions = await tx.query<{ program_id: string; version: number }>(
        `SELECT v.program_id, max(v.version) AS version FROM form_versions v JOIN programs p ON p.id = v.program_id
          WHERE p.federation_id = $1 GROUP BY v.program_id`,
        [federationId],
      )
      const programs = (doc?.programs ?? []).map((p): WorkspaceProgram => {
        const sessions = rows.filter((r) => r.program_id === p.id).map(toWorkspaceSession)
        const version = versions.find((v) => v.program_id === p.id)
        return {
          id: p.id,
          title: p.title,
          topic: p.topic,
          summary: p.summary,
          audience: p.audience,
          figureIds: p.figureIds,
          takesSignups: p.signup !== undefined,
          demo: p.signup?.demo === true,
          form: p.signup?.form ?? [],
          formVersion: version ? Number(version.version) : p.signup ? 1 : null,
          counts: {
            confirmed: sessions.reduce((n, s) => n + s.confirmed, 0),
            waitlisted: sessions.reduce((n, s) => n + s.waitlisted, 0),
            cancelled: sessions.reduce((n, s) => n + s.cancelledSignups, 0),
          },
          sessions,
        }
      })
      // The published card's figures: what checkProgram accepts, so the picker offers only those.
      const figures = (doc?.figures ?? []).map(
        ({ id, label, value, unit, scope, scopeLabel }): CardFigure => ({
          id,
          label,
          value,
          unit,
          scope,
          ...(scopeLabel ? { scopeLabel } : {}),
        }),
      )
      return { federation: { id: federationId, name: fed.name }, figures, programs }
    })
  }

  private async one(federationId: string, programId: string): Promise<WorkspaceProgram> {
    const { programs } = await this.list(federationId)
    const found = programs.find((p) => p.id === programId)
    if (!found) throw notFound('没有找到这个项目')
    return found
  }

  /** A new program taking sign-ups with the base form (version 1) and no session yet. */
  async create(actor: Actor, body: Body): Promise<WorkspaceProgram> {
    const id = newId('p')
    await this.db.transaction(async (tx) => {
      const doc = await this.lockDoc(tx, actor.federationId)
      const input = checkProgram(
        body,
        doc.figures.map((f) => f.id),
      )
      const program: Program = { id, ...input, signup: { demo: false, sessions: [], form: BASE_FORM } }
      await tx.query('INSERT INTO programs (id, federation_id, title) VALUES ($1, $2, $3)', [
        id,
        actor.federationId,
        input.title,
      ])
      await tx.query(
        'INSERT INTO form_versions (program_id, version, fields, created_by, created_at) VALUES ($1, 1, $2, $3, $4)',
        [id, JSON.stringify(BASE_FORM), actor.accountId, actor.at],
      )
      await this.writePrograms(tx, actor.federationId, [...doc.programs, program])
      await audit(tx, actor, 'program_create', id, { title: input.title })
    })
    return this.one(actor.federationId, id)
  }

  /** Changes a program's fields; those left out stay as they are. */
  async update(actor: Actor, programId: string, body: Body): Promise<WorkspaceProgram> {
    await this.db.transaction(async (tx) => {
      await this.ownProgram(tx, actor.federationId, programId)
      const doc = await this.lockDoc(tx, actor.federationId)
      const i = doc.programs.findIndex((p) => p.id === programId)
      if (i < 0) throw notFound('没有找到这个项目')
      const current = doc.programs[i]
      const input = checkProgram(
        { ...current, ...body },
        doc.figures.map((f) => f.id),
      )
      const changed = (Object.keys(input) as Array<keyof ProgramInput>).filter(
        (k) => JSON.stringify(input[k]) !== JSON.stringify(current[k]),
      )
      if (!changed.length) return
      const programs = doc.programs.map((p, j) => (j === i ? { ...p, ...input } : p))
      await tx.query('UPDATE programs SET title = $2 WHERE id = $1', [programId, input.title])
      await this.writePrograms(tx, actor.federationId, programs)
      await audit(tx, actor, 'program_update', programId, { changed })
    })
    return this.one(actor.federationId, programId)
  }

  /**
   * Saves a new version of the program's form; sign-ups made before keep theirs. The same form
   * again adds no version. A program that took no sign-ups starts taking them.
   */
  async saveForm(actor: Actor, programId: string, raw: unknown): Promise<WorkspaceProgram> {
    await this.db.transaction(async (tx) => {
      await this.ownProgram(tx, actor.federationId, programId)
      const fields = checkForm(raw)
      const doc = await this.lockDoc(tx, actor.federationId)
      const program = doc.programs.find((p) => p.id === programId)
      if (!program) throw notFound('没有找到这个项目')
      const [{ latest }] = await tx.query<{ latest: number | null }>(
        'SELECT max(version) AS latest FROM form_versions WHERE program_id = $1',
        [programId],
      )
      let version = latest === null ? 0 : Number(latest)
      // A program whose version 1 was never written (loaded before versions existed): its form as it stands is 1.
      if (version === 0 && program.signup) {
        await tx.query('INSERT INTO form_versions (program_id, version, fields) VALUES ($1, 1, $2)', [
          programId,
          JSON.stringify(program.signup.form),
        ])
        version = 1
      }
      if (program.signup && sameJson(program.signup.form, fields)) return
      version += 1
      await tx.query(
        'INSERT INTO form_versions (program_id, version, fields, created_by, created_at) VALUES ($1, $2, $3, $4, $5)',
        [programId, version, JSON.stringify(fields), actor.accountId, actor.at],
      )
      const signup = program.signup ? { ...program.signup, form: fields } : { demo: false, sessions: [], form: fields }
      await this.writePrograms(
        tx,
        actor.federationId,
        doc.programs.map((p) => (p.id === programId ? { ...p, signup } : p)),
      )
      await audit(tx, actor, 'form_update', programId, { version, fields: fields.map((f) => f.label) })
    })
    return this.one(actor.federationId, programId)
  }

  async addSession(actor: Actor, programId: string, body: Body): Promise<WorkspaceSession> {
    const id = newId('s')
    return this.db.transaction(async (tx) => {
      await this.ownProgram(tx, actor.federationId, programId)
      const doc = await this.lockDoc(tx, actor.federationId)
      const program = doc.programs.find((p) => p.id === programId)
      if (!program) throw notFound('没有找到这个项目')
      if (!program.signup) throw conflict('这个项目还没有报名表，请先设置报名表，再添加场次')
      const s = checkSession(body, actor.at, true)
      const [row] = await tx.query<Row>(
        `INSERT INTO sessions (id, program_id, capacity, taken, title, starts_at, ends_at, deadline_at, opens_at,
           online, place, join_info, latitude, longitude, contact_phone, demo, hold_hours)
         VALUES ($1, $2, $3, 0, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
         RETURNING *`,
        [
          id,
          programId,
          s.capacity,
          s.title,
          s.startsAt,
          s.endsAt,
          s.deadlineAt,
          s.opensAt,
          s.online,
          s.place,
          s.joinInfo,
          s.latitude,
          s.longitude,
          s.contactPhone,
          program.signup.demo === true,
          s.holdHours,
        ],
      )
      await bumpContentVersion(tx)
      await audit(tx, actor, 'session_create', id, { programId, title: s.title, start: iso(s.startsAt) })
      return toWorkspaceSession(row)
    })
  }

  /**
   * Changes a session; fields left out stay. A new time, place or way of joining marks its sign-ups
   * 已变更 and is recorded in session_changes; more seats go to the waitlist in arrival order; fewer
   * than are taken is refused and nothing changes.
   */
  async changeSession(actor: Actor, sessionId: string, body: Body): Promise<WorkspaceSession> {
    return this.db.transaction(async (tx) => {
      const before = await this.ownSession(tx, actor.federationId, sessionId)
      if (before.status === 'cancelled') throw conflict('这个场次已经取消，不能再修改')
      const current = inputOf(before)
      const merged = { ...current, ...body }
      const startMoved =
        body.startsAt !== undefined &&
        parseBeijingTime(body.startsAt, 'startsAt', '开始时间').getTime() !== (current.startsAt as Date).getTime()
      const s = checkSession(merged, actor.at, startMoved)
      const changed = (Object.keys(s) as Array<keyof SessionInput>).filter(
        (k) => JSON.stringify(shown(s[k])) !== JSON.stringify(shown(current[k])),
      )
      if (!changed.length) return toWorkspaceSession(before)
      const { capacity: _capacity, ...rest } = s
      const change: SessionChange = rest
      // The hold window first: seats added below are held by its new setting.
      await updateSession(tx, sessionId, change)
      const promoted = changed.includes('capacity') ? await changeCapacity(tx, sessionId, s.capacity, actor.at) : []
      const told = NOTIFIED.filter((k) => changed.includes(k))
      if (told.length) {
        const changes = Object.fromEntries(told.map((k) => [k, { before: shown(current[k]), after: shown(s[k]) }]))
        await tx.query(
          'INSERT INTO session_changes (session_id, changes, account_id, at) VALUES ($1, $2::jsonb, $3, $4)',
          [sessionId, JSON.stringify(changes), actor.accountId, actor.at],
        )
      }
      await audit(tx, actor, 'session_update', sessionId, {
        changed,
        ...(promoted.length ? { promoted: promoted.length } : {}),
      })
      const [after] = await tx.query<Row>('SELECT * FROM sessions WHERE id = $1', [sessionId])
      return toWorkspaceSession(after)
    })
  }

  /** Cancels a session with the reason every sign-up is shown; the reason is required. */
  async cancel(actor: Actor, sessionId: string, body: Body): Promise<WorkspaceSession> {
    const reason = text(body, 'reason', '取消原因（报名的人会看到）', 200) as string
    return this.db.transaction(async (tx) => {
      const before = await this.ownSession(tx, actor.federationId, sessionId)
      if (before.status === 'cancelled') throw conflict('这个场次已经取消了')
      await cancelSession(tx, sessionId, reason)
      await tx.query(
        'INSERT INTO session_changes (session_id, changes, account_id, at) VALUES ($1, $2::jsonb, $3, $4)',
        [
          sessionId,
          JSON.stringify({ status: { before: 'open', after: 'cancelled' }, reason }),
          actor.accountId,
          actor.at,
        ],
      )
      await audit(tx, actor, 'session_cancel', sessionId, { reason })
      const [after] = await tx.query<Row>('SELECT * FROM sessions WHERE id = $1', [sessionId])
      return toWorkspaceSession(after)
    })
  }

  /** Deletes a session no one has signed up for (in any status); one with sign-ups can be cancelled. */
  async remove(actor: Actor, sessionId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      const before = await this.ownSession(tx, actor.federationId, sessionId)
      const [any] = await tx.query('SELECT 1 AS found FROM signups WHERE session_id = $1 LIMIT 1', [sessionId])
      if (any) throw conflict('这个场次已有人报名，不能删除；可以取消场次')
      await tx.query('DELETE FROM session_changes WHERE session_id = $1', [sessionId])
      await tx.query('DELETE FROM sessions WHERE id = $1', [sessionId])
      await bumpContentVersion(tx)
      await audit(tx, actor, 'session_delete', sessionId, { programId: before.program_id, title: before.title })
    })
  }
}
