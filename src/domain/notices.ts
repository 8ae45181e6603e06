// Notices to the women who signed up: what each says, when the day-before reminder is due, and
// how long a failed delivery waits before the next try. Shared by the server's outbox and jobs.
import { beijingDayAt, formatSessionTime } from '../utils/date'

export type NoticeKind = 'promoted' | 'session_changed' | 'session_cancelled' | 'reminder' | 'hold_expiring'

/** What a notice names of her session, as the session is now. */
export interface NoticeSession {
  title: string
  /** ISO 8601. */
  start: string
  online: boolean
  place?: string | null
  /** Why the organizer cancelled it (session_cancelled). */
  reason?: string | null
  /** ISO 8601: she must confirm by then, or the seat goes to the next (promoted, with a hold window). */
  holdUntil?: string
}

const SIGN = '【巾帼年终盘点】'

const where = (s: NoticeSession) => (s.online ? '线上参加' : s.place ? `地点：${s.place}` : '')

/** The one wording every channel sends for each kind of notice. */
export function noticeText(kind: NoticeKind, s: NoticeSession): string {
  const when = formatSessionTime(s.start)
  const at = [when, where(s)].filter(Boolean).join('，')
  switch (kind) {
    case 'promoted':
      return s.holdUntil
        ? `${SIGN}「${s.title}」（${at}）有了名额，为您保留到 ${formatSessionTime(s.holdUntil)}：请在此前到“我的报名”里确认参加，过时名额让给候补的下一位。`
        : `${SIGN}有人取消了报名，您已从候补转为报名成功：「${s.title}」，${at}。不能参加请在“我的报名”里取消，把名额留给别人。`
    case 'session_changed':
      return `${SIGN}您报名的「${s.title}」有变更，现在是：${at}。详情请看“我的报名”。`
    case 'session_cancelled':
      return `${SIGN}很抱歉，您报名的「${s.title}」（${when}）已取消${s.reason ? `，原因：${s.reason}` : ''}。`
    case 'reminder':
      return `${SIGN}提醒：您报名的「${s.title}」明天开始，${at}。不能参加请在“我的报名”里取消。`
    case 'hold_expiring':
      return `${SIGN}为您保留的「${s.title}」（${at}）名额${s.holdUntil ? `将在 ${formatSessionTime(s.holdUntil)} 到期` : '快到期了'}，请尽快在“我的报名”里确认参加，过时名额让给候补的下一位。`
  }
}

/** Reminders go out at 18:00 Beijing time on the day before the session. */
export const REMINDER_AT = '18:00'

/** When the reminder for a session starting at `start` falls due: 18:00 Beijing time the day before. */
export function reminderDueAt(start: string | Date): Date {
  return new Date(beijingDayAt(new Date(start), -1, REMINDER_AT).valueOf())
}

/**
 * Whether the reminder is due at `now`: from reminderDueAt until the session starts. A server that
 * was down at 18:00 (or a seat confirmed later) still gets it, as long as the session has not started.
 */
export function reminderDue(start: string | Date, now: Date): boolean {
  const t = now.getTime()
  return t >= reminderDueAt(start).getTime() && t < new Date(start).getTime()
}

/** A held seat not yet confirmed is reminded this long before its hold ends. */
export const HOLD_REMINDER_MS = 2 * 60 * 60 * 1000

/**
 * Whether a woman holding a seat until `holdUntil` is reminded at `now`: in the last two hours of a
 * hold longer than that (a shorter hold was just announced by the promotion's own notice).
 */
export function holdReminderDue(holdUntil: string | Date, holdHours: number, now: Date): boolean {
  const end = new Date(holdUntil).getTime()
  if (holdHours * 60 * 60 * 1000 <= HOLD_REMINDER_MS) return false
  return now.getTime() >= end - HOLD_REMINDER_MS && now.getTime() < end
}

/** Tries before a notice is given up (the outbox keeps it, marked failed). */
export const MAX_NOTICE_ATTEMPTS = 5

/** Wait after the `attempts`-th failed try: 1, 2, 4, 8 … minutes, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60, 2 ** Math.max(0, attempts - 1)) * 60 * 1000
}
