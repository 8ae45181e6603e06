// Organizers' rosters: the federation's own programs, their sign-ups with full mobile numbers,
// and a CSV export that Excel opens. Who may see them is decided by auth.ts.
import type { Answers, Signup } from '../../src/services/api'
import type { RosterRow } from '../../src/services/organizer'
import { rosterStatusText } from '../../src/domain/signup-rules'
import type { FormField } from '../../src/domain/types'

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
