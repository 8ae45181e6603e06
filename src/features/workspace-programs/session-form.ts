// The program and session forms as she types them, and the bodies they send: dates and times stay
// text ("2026-12-05", "14:00") and the server checks them, naming the field in Chinese.
import { HOLD_HOURS_CHOICES } from '@/domain/holds'
import type { Topic } from '@/domain/types'
import type { ProgramBody, SessionBody, WorkspaceProgram, WorkspaceSession } from '@/services/workspace'
import { inBeijing } from '@/utils/date'

export interface ProgramValues {
  title: string
  topic: Topic | ''
  summary: string
  audience: string
  /** 往期成果: the card's figures she chose, in the order the program page shows them. */
  figureIds: string[]
}

export interface SessionValues {
  title: string
  date: string
  startTime: string
  endTime: string
  deadlineDate: string
  deadlineTime: string
  opensDate: string
  opensTime: string
  online: boolean
  place: string
  joinInfo: string
  capacity: string
  contactPhone: string
  latitude: string
  longitude: string
  /** 保留时间: hours a woman promoted from the waitlist has to confirm, as text; '' for 不需要确认. */
  holdHours: string
}

/** Sign-up closes the day before at 18:00 unless she says otherwise. */
export const DEFAULT_DEADLINE_TIME = '18:00'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

export const emptyProgram = (): ProgramValues => ({ title: '', topic: '', summary: '', audience: '', figureIds: [] })

export const programValues = (p: WorkspaceProgram): ProgramValues => ({
  title: p.title,
  topic: p.topic,
  summary: p.summary,
  audience: p.audience,
  figureIds: [...p.figureIds],
})

export const programBody = (v: ProgramValues): ProgramBody => ({
  title: v.title.trim(),
  topic: v.topic,
  summary: v.summary.trim(),
  audience: v.audience.trim(),
  figureIds: v.figureIds,
})

/** A figure chosen goes last (the page shows them in the order chosen); chosen again, it goes. */
export const toggleFigure = (ids: string[], id: string): string[] =>
  ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]

export const emptySession = (): SessionValues => ({
  title: '',
  date: '',
  startTime: '',
  endTime: '',
  deadlineDate: '',
  deadlineTime: DEFAULT_DEADLINE_TIME,
  opensDate: '',
  opensTime: '',
  online: false,
  place: '',
  joinInfo: '',
  capacity: '',
  contactPhone: '',
  latitude: '',
  longitude: '',
  holdHours: '',
})

const day = (iso: string) => inBeijing(iso).format('YYYY-MM-DD')
const time = (iso: string) => inBeijing(iso).format('HH:mm')

export const sessionValues = (s: WorkspaceSession): SessionValues => ({
  title: s.title,
  date: day(s.start),
  startTime: time(s.start),
  endTime: time(s.end),
  deadlineDate: day(s.deadline),
  deadlineTime: time(s.deadline),
  opensDate: s.opensAt ? day(s.opensAt) : '',
  opensTime: s.opensAt ? time(s.opensAt) : '',
  online: s.online,
  place: s.place ?? '',
  joinInfo: s.joinInfo ?? '',
  capacity: String(s.capacity),
  contactPhone: s.contactPhone ?? '',
  latitude: s.latitude === null ? '' : String(s.latitude),
  longitude: s.longitude === null ? '' : String(s.longitude),
  holdHours: s.holdHours ? String(s.holdHours) : '',
})

/** "2026-12-05" → "2026-12-04"; '' for anything that is not a calendar date. */
export function dayBefore(date: string): string {
  const m = DATE.exec(date.trim())
  if (!m) return ''
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const t = Date.UTC(y, mo - 1, d)
  const check = new Date(t)
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return ''
  return new Date(t - 24 * 60 * 60 * 1000).toISOString().slice(0, 10)
}

/** A date and a time as the server reads them; what is missing stays missing, so it says which. */
function at(date: string, hhmm: string): string {
  const d = date.trim()
  const t = hhmm.trim()
  if (!d && !t) return ''
  return t ? `${d} ${t}` : d
}

/** A number when it reads as one, else the text as typed (the server names the field). */
function numberOr(raw: string): number | string | null {
  const t = raw.trim()
  if (!t) return null
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t
}

export function sessionBody(v: SessionValues): SessionBody {
  const opens = at(v.opensDate, v.opensTime)
  const capacity = numberOr(v.capacity)
  return {
    title: v.title.trim(),
    startsAt: at(v.date, v.startTime),
    endsAt: at(v.date, v.endTime),
    deadlineAt: at(v.deadlineDate, v.deadlineTime),
    opensAt: opens || null,
    online: v.online,
    place: v.online ? null : v.place.trim(),
    joinInfo: v.online ? v.joinInfo.trim() : null,
    latitude: numberOr(v.latitude),
    longitude: numberOr(v.longitude),
    capacity: capacity ?? '',
    contactPhone: v.contactPhone.trim() || null,
    holdHours: v.holdHours ? Number(v.holdHours) : null,
  }
}

/** 保留时间's choices: off, the usual hours, and the session's own value when it is none of them. */
export function holdChoices(current: string): string[] {
  const usual = HOLD_HOURS_CHOICES.map(String)
  return ['', ...usual, ...(current && !usual.includes(current) ? [current] : [])]
}

/** The place as people read it: the map's name with its address when that adds something, within 100 characters. */
export function placeText(name: string, address: string): string {
  const n = name.trim()
  const a = address.trim()
  const both = !n || !a ? n || a : a.includes(n) ? a : n.includes(a) ? n : `${n}（${a}）`
  const chars = Array.from(both)
  return chars.length <= PLACE_MAX
    ? both
    : Array.from(n || a)
        .slice(0, PLACE_MAX)
        .join('')
}

/** The server's limit on 活动地点. */
const PLACE_MAX = 100

/** "北纬 33.39，东经 104.92" when both coordinates read as numbers in range, else ''. */
export function coordinatesText(latitude: string, longitude: string): string {
  const lat = latitude.trim() === '' ? NaN : Number(latitude)
  const lng = longitude.trim() === '' ? NaN : Number(longitude)
  if (!Number.isFinite(lat) || !Number.isFinite(lng) || Math.abs(lat) > 90 || Math.abs(lng) > 180) return ''
  return `${lat < 0 ? '南纬' : '北纬'} ${Math.abs(lat)}，${lng < 0 ? '西经' : '东经'} ${Math.abs(lng)}`
}

/** Someone has signed up (in any status), so the session can be cancelled but not deleted. */
export const hasSignups = (s: WorkspaceSession) => s.confirmed + s.waitlisted + s.cancelledSignups + s.demoTaken > 0

/** Which form row shows a server message about `field` (a session's times share rows). */
export const SESSION_FIELD_ROW: Record<string, keyof SessionValues> = {
  startsAt: 'date',
  endsAt: 'endTime',
  deadlineAt: 'deadlineDate',
  opensAt: 'opensDate',
}
