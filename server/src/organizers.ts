// Organizers' rosters: the federation's own programs, their sign-ups with full mobile numbers,
// and a CSV export that Excel opens. Who may see them is decided by auth.ts. Each answer is shown
// under the label of the form version it was given with, whatever the form says now.
import type { Answers, Signup } from '../../src/services/api'
import type { RosterRow } from '../../src/services/organizer'
import { rosterStatusText } from '../../src/domain/signup-rules'
import type { CheckedIn } from '../../src/domain/tickets'
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

/** A roster row with her check-in at the door, once there is one. */
export type CheckinRosterRow = RosterRow & CheckedIn

/** `form` is the version of the form she filled in: its labels head her answers. */
export function toRosterRow(
  signup: Signup,
  answers: Answers,
  form: FormField[],
  checkedIn: CheckedIn = {},
): CheckinRosterRow {
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
    ...checkedIn,
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

/**
 * The answer columns: the current form's labels, then any label an earlier version asked under
 * and no longer does, in the order the rows first give them.
 */
export function answerColumns(rows: RosterRow[], form: FormField[]): string[] {
  const labels = extraFields(form).map((f) => f.label)
  for (const r of rows) for (const e of r.extra) if (!labels.includes(e.label)) labels.push(e.label)
  return labels
}

/**
 * UTF-8 with a BOM and CRLF line ends, so Excel on Windows opens the Chinese text correctly. A
 * sign-up made with an earlier form has its answers under that form's labels; other cells stay empty.
 */
export function rosterCsv(rows: CheckinRosterRow[], form: FormField[]): string {
  const columns = answerColumns(rows, form)
  const header = ['序号', '场次', '开始时间', '状态', '姓名', '手机号', ...columns, '报名时间', '签到时间', '签到人']
  const lines = rows.map((r, i) => [
    String(i + 1),
    r.sessionTitle,
    r.sessionStart.slice(0, 16).replace('T', ' '),
    rosterStatusText(r),
    r.name,
    r.mobile,
    ...columns.map((label) => r.extra.find((e) => e.label === label)?.value ?? ''),
    r.createdAt.slice(0, 19).replace('T', ' '),
    r.checkedInAt ? r.checkedInAt.slice(0, 19).replace('T', ' ') : '',
    r.checkedInBy ?? '',
  ])
  return `\uFEFF${[header, ...lines].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`
}
