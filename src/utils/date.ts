// All date text goes through here: dayjs with zh-cn, in Beijing time (UTC+8, no DST).
import dayjs, { type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import 'dayjs/locale/zh-cn'

dayjs.extend(utc)
dayjs.locale('zh-cn')

/** Beijing is UTC+8 all year; a fixed offset avoids Intl time-zone data that old phones lack. */
const BEIJING_OFFSET_MINUTES = 8 * 60

export function inBeijing(t: Date | string | number): Dayjs {
  // Through UTC first: applying utcOffset to a local-mode instance shifts twice on some zones.
  return dayjs(t).utc().utcOffset(BEIJING_OFFSET_MINUTES)
}

/** ISO 8601 with the +08:00 offset, the form dates take in data and storage. */
export function toIso(d: Dayjs): string {
  return inBeijing(d.valueOf()).format('YYYY-MM-DDTHH:mm:ssZ')
}

const DAY_MS = 24 * 60 * 60 * 1000
const OFFSET_MS = BEIJING_OFFSET_MINUTES * 60 * 1000

/**
 * Midnight of `now`'s day in Beijing, plus `days` days, at HH:mm. Done in epoch
 * milliseconds: Beijing has no daylight saving, and dayjs setters misbehave in offset mode.
 */
export function beijingDayAt(now: Date, days: number, hhmm: string): Dayjs {
  const [h, m] = hhmm.split(':').map(Number)
  const local = now.getTime() + OFFSET_MS
  const midnight = local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - OFFSET_MS
  return inBeijing(midnight + days * DAY_MS + (h * 60 + m) * 60 * 1000)
}

/** "12月5日 周六 14:00" */
export function formatSessionTime(iso: string): string {
  return inBeijing(iso).format('M月D日 ddd HH:mm')
}

/** "2021年1月18日", "2021年3月" or "2021年", as precise as the source. */
export function formatSourceDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number)
  if (d) return `${y}年${m}月${d}日`
  if (m) return `${y}年${m}月`
  return `${y}年`
}

/** "还剩3天截止", "今天截止", "已截止" — counted in Beijing calendar days. */
export function deadlineText(deadlineIso: string, now: Date): string {
  const deadline = inBeijing(deadlineIso)
  const today = inBeijing(now)
  if (!deadline.isAfter(today)) return '已截止'
  const days = deadline.startOf('day').diff(today.startOf('day'), 'day')
  if (days === 0) return `今天 ${deadline.format('HH:mm')} 截止`
  if (days === 1) return `明天 ${deadline.format('HH:mm')} 截止`
  return `还剩${days}天截止`
}
