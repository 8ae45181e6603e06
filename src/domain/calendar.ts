// A session as a calendar entry: the .ics file H5 downloads (RFC 5545) and the fields weapp's
// addPhoneCalendar takes, both from the one description, in UTC so no time zone table is needed.

/** The alarm before the session starts: 15 minutes, enough to set off from nearby. */
export const CALENDAR_ALARM_MINUTES = 15

export interface CalendarEvent {
  /** Stable across downloads (the sign-up id), so importing twice updates one entry. */
  uid: string
  title: string
  /** ISO 8601 with an offset (+08:00 from the server). */
  start: string
  /** ISO 8601; absent means the entry ends when it starts (RFC 5545 §3.6.1). */
  end?: string
  location?: string
  description?: string
}

/** `20261205T060000Z`: the UTC form, which every calendar reads without a VTIMEZONE. */
export function icsUtc(iso: string): string {
  const t = Date.parse(iso)
  if (!Number.isFinite(t)) throw new Error(`不是有效的时间：${iso}`)
  return new Date(t)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/** TEXT values escape backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11). */
export function icsText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/** Octets of one character in UTF-8 (no TextEncoder: the mini-program has none). */
function utf8Length(ch: string): number {
  const c = ch.codePointAt(0) ?? 0
  return c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4
}

/**
 * Lines longer than 75 octets are folded with CRLF and a space (§3.1); Chinese is 3 octets a
 * character in UTF-8, so the count is in bytes, and a character is never cut in two.
 */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const n = utf8Length(ch)
    // The first line holds 75 octets; each continuation 74, after its leading space.
    const limit = parts.length === 0 ? 75 : 74
    if (size + n > limit) {
      parts.push(current)
      current = ''
      size = 0
    }
    current += ch
    size += n
  }
  parts.push(current)
  return parts.join('\r\n ')
}

/** The whole .ics file: one VEVENT with a display alarm, CRLF line ends. `now` stamps DTSTAMP. */
export function buildIcs(event: CalendarEvent, now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//jinguo-nianzhong-pandian//ticket//ZH',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${icsText(event.uid)}`,
    `DTSTAMP:${icsUtc(now.toISOString())}`,
    `DTSTART:${icsUtc(event.start)}`,
    ...(event.end ? [`DTEND:${icsUtc(event.end)}`] : []),
    `SUMMARY:${icsText(event.title)}`,
    ...(event.location ? [`LOCATION:${icsText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${icsText(event.description)}`] : []),
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    `DESCRIPTION:${icsText(event.title)}`,
    `TRIGGER:-PT${CALENDAR_ALARM_MINUTES}M`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return lines.map(foldLine).join('\r\n') + '\r\n'
}

/** weapp's addPhoneCalendar: unix seconds, and the alarm offset in seconds. */
export function phoneCalendarOf(event: CalendarEvent) {
  const seconds = (iso: string) => Math.floor(Date.parse(iso) / 1000)
  return {
    title: event.title,
    startTime: seconds(event.start),
    ...(event.end ? { endTime: seconds(event.end) } : {}),
    location: event.location ?? '',
    description: event.description ?? '',
    alarm: true,
    alarmOffset: CALENDAR_ALARM_MINUTES * 60,
  }
}

/** A file name for the download: the title without characters file systems refuse. */
export function icsFileName(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '')
  return `${safe || '活动'}.ics`
}
