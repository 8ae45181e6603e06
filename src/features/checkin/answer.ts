// What the door's screen says, worked out without React: the typed code in two groups, the answer
// to a check-in in words (with a tone that colour only repeats), a found person's status, and the
// guard that lets one QR through once in 3 s while the camera keeps seeing it.
import { CHECKIN_RESULT_TEXT } from '@/domain/tickets'
import type { CheckinAnswer, CheckinSearchRow } from '@/services/workspace'
import { inBeijing } from '@/utils/date'

/** The server's words when neither the token nor the code names a ticket of hers. */
export const TICKET_NOT_FOUND = '没有找到这张电子票'
/** A second look at the same QR within this time is the same ticket still in front of the camera. */
export const REPEAT_SCAN_MS = 3000

/** ok: let her in; warn: already in, nothing to do; stop: she cannot be checked in here. */
export type Tone = 'ok' | 'warn' | 'stop'

export interface AnswerView {
  tone: Tone
  /** ✓, ! or ✕: the tone in a shape, for those who cannot tell the colours apart. */
  mark: string
  headline: string
  /** 王秀兰 138****8000, when the ticket named someone. */
  person?: string
  /** 10:02，由 李娜: when and by whom she was checked in before. */
  detail?: string
}

const MARK: Record<Tone, string> = { ok: '✓', warn: '!', stop: '✕' }

/** 10:02 in Beijing; the date too when it was not today. */
export function checkedInTime(at: string, now: Date): string {
  const t = inBeijing(at)
  return t.format('YYYY-MM-DD') === inBeijing(now).format('YYYY-MM-DD') ? t.format('HH:mm') : t.format('M月D日 HH:mm')
}

/** “10:02，由 李娜”; just the time when the staff member's name is not known. */
export function checkedInDetail(at: string | undefined, by: string | undefined, now: Date): string | undefined {
  if (!at) return undefined
  return by ? `${checkedInTime(at, now)}，由 ${by}` : checkedInTime(at, now)
}

export function answerView(answer: CheckinAnswer, now: Date): AnswerView {
  const tone: Tone = answer.result === 'checked_in' ? 'ok' : answer.result === 'already' ? 'warn' : 'stop'
  const detail = answer.result === 'already' ? checkedInDetail(answer.checkedInAt, answer.checkedInBy, now) : undefined
  return {
    tone,
    mark: MARK[tone],
    headline: CHECKIN_RESULT_TEXT[answer.result],
    person: `${answer.signup.name} ${answer.signup.mobile}`,
    ...(detail ? { detail } : {}),
  }
}

/** A refusal that names no one: an unknown code or token, or what the server said went wrong. */
export function problemView(message: string): AnswerView {
  return { tone: 'stop', mark: MARK.stop, headline: message }
}

/** A found person's status in words: 已签到 10:02 / 未签到 / 候补 / 已取消. */
export function rowStatus(row: CheckinSearchRow, now: Date): string {
  if (row.status === 'cancelled') return '已取消'
  if (row.status === 'waitlisted') return '候补，尚未转正'
  if (row.checkedInAt) return `已签到 ${checkedInDetail(row.checkedInAt, row.checkedInBy, now) ?? ''}`.trim()
  return '未签到'
}

/** Only a confirmed sign-up not yet in, with a code to send, gets a 签到 button. */
export const canCheckInRow = (row: CheckinSearchRow): boolean =>
  row.status === 'confirmed' && !row.checkedInAt && Boolean(row.code)

/** What she typed, as it is shown: letters raised, only the code's characters, 3 + 3 with a space. */
export function codeInputText(raw: string): string {
  const chars = raw
    .toUpperCase()
    .replace(/[^0-9A-Z]/g, '')
    .slice(0, 6)
  return chars.length > 3 ? `${chars.slice(0, 3)} ${chars.slice(3)}` : chars
}

/** True the first time a text is seen, and again only once it has been away for `windowMs`. */
export function repeatGuard(now: () => number, windowMs = REPEAT_SCAN_MS) {
  let last: { text: string; at: number } | undefined
  return (text: string): boolean => {
    const t = now()
    const repeat = last !== undefined && last.text === text && t - last.at < windowMs
    // Each sighting keeps the window open: a ticket held in front of the camera is read once.
    last = { text, at: t }
    return !repeat
  }
}
