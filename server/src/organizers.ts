// Organizers: each federation has a token (from configuration); with it, the federation's own
// programs, their rosters with full mobile numbers, and a CSV export that Excel opens.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { Answers, Signup } from '../../src/services/api'
import type { RosterRow } from '../../src/services/organizer'
import { rosterStatusText } from '../../src/domain/signup-rules'
import type { FormField } from '../../src/domain/types'

export type OrganizerTokens = ReadonlyMap<string, string>

const digest = (s: string) => createHash('sha256').update(s).digest()

/** The federation whose token this is; compared in constant time. */
export function federationForToken(tokens: OrganizerTokens, token: string | undefined): string | undefined {
  if (!token) return undefined
  const given = digest(token)
  let match: string | undefined
  for (const [federationId, expected] of tokens) {
    if (timingSafeEqual(given, digest(expected))) match = federationId
  }
  return match
}

/** Reads `{ "federation-id": "token", … }`; tokens shorter than 16 characters are refused. */
export function parseTokens(json: string, source: string): OrganizerTokens {
  let parsed: unknown
  try {
    parsed = JSON.parse(json)
  } catch {
    throw new Error(`${source}：不是合法的 JSON`)
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new Error(`${source}：应为 { "妇联id": "口令" } 的对象`)
  }
  const map = new Map<string, string>()
  for (const [id, token] of Object.entries(parsed)) {
    if (typeof token !== 'string' || token.length < 16) throw new Error(`${source}：${id} 的口令至少要16个字符`)
    map.set(id, token)
  }
  return map
}

export function answerText(value: Answers[string] | undefined): string {
  if (value === undefined || value === '') return ''
  if (Array.isArray(value)) return value.join('、')
  if (typeof value === 'boolean') return value ? '是' : '否'
  return String(value)
}

const OWN_COLUMNS = new Set(['name', 'mobile', 'session'])

/** Form fields with their own roster column; the privacy checkbox is not one. */
export function extraFields(form: FormField[]): FormField[] {
  return form.filter((f) => !OWN_COLUMNS.has(f.type) && !OWN_COLUMNS.has(f.id) && f.type !== 'checkbox')
}

export function toRosterRow(signup: Signup, answers: Answers, form: FormField[]): RosterRow {
  return {
    id: signup.id,
    sessionId: signup.sessionId,
    sessionTitle: signup.sessionTitle,
    sessionStart: signup.sessionStart,
    status: signup.status,
    ...(signup.waitlistPosition ? { waitlistPosition: signup.waitlistPosition } : {}),
    name: signup.name,
    mobile: signup.mobile,
    createdAt: signup.createdAt,
    extra: extraFields(form).map((f) => ({ label: f.label, value: answerText(answers[f.id]) })),
  }
}

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell that a spreadsheet
 * would run as a formula (= + - @ at the start) gets a leading apostrophe.
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** UTF-8 with a BOM and CRLF line ends, so Excel on Windows opens the Chinese text correctly. */
export function rosterCsv(rows: RosterRow[], form: FormField[]): string {
  const header = [
    '序号',
    '场次',
    '开始时间',
    '状态',
    '姓名',
    '手机号',
    ...extraFields(form).map((f) => f.label),
    '报名时间',
  ]
  const lines = rows.map((r, i) => [
    String(i + 1),
    r.sessionTitle,
    r.sessionStart.slice(0, 16).replace('T', ' '),
    rosterStatusText(r),
    r.name,
    r.mobile,
    ...r.extra.map((e) => e.value),
    r.createdAt.slice(0, 19).replace('T', ' '),
  ])
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
