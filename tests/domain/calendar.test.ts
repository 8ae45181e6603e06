// The calendar entry: a valid RFC 5545 file in UTC, escaped and folded, and weapp's fields.
import {
  buildIcs,
  foldLine,
  icsFileName,
  icsText,
  icsUtc,
  phoneCalendarOf,
  type CalendarEvent,
} from '@/domain/calendar'
import { spacedTicketCode } from '@/domain/tickets'

const event: CalendarEvent = {
  uid: 'su-123@jinguo',
  title: '家政培训 第一期',
  start: '2026-12-05T14:00:00+08:00',
  end: '2026-12-05T16:00:00+08:00',
  location: '武都区妇女儿童活动中心三楼; 302室, 东门进',
  description: '入场码 K7M 9QX\n请带身份证',
}
const NOW = new Date('2026-11-23T10:00:00+08:00')

/** The file's logical lines: unfolded (CRLF + space joins), split on CRLF. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n')

describe('calendar file', () => {
  it('writes Beijing time as UTC', () => {
    expect(icsUtc('2026-12-05T14:00:00+08:00')).toBe('20261205T060000Z')
    // Just after midnight in Beijing is the day before in UTC.
    expect(icsUtc('2026-12-06T00:30:00+08:00')).toBe('20261205T163000Z')
    expect(() => icsUtc('not a time')).toThrow()
  })

  it('is one VEVENT with start, end, place, a 15-minute alarm and CRLF line ends', () => {
    const ics = buildIcs(event, NOW)
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = unfold(ics)
    expect(lines[0]).toBe('BEGIN:VCALENDAR')
    expect(lines).toContain('VERSION:2.0')
    expect(lines.some((l) => l.startsWith('PRODID:'))).toBe(true)
    expect(lines).toContain('UID:su-123@jinguo')
    expect(lines).toContain('DTSTAMP:20261123T020000Z')
    expect(lines).toContain('DTSTART:20261205T060000Z')
    expect(lines).toContain('DTEND:20261205T080000Z')
    expect(lines).toContain('SUMMARY:家政培训 第一期')
    expect(lines).toContain('LOCATION:武都区妇女儿童活动中心三楼\\; 302室\\, 东门进')
    expect(lines).toContain('DESCRIPTION:入场码 K7M 9QX\\n请带身份证')
    expect(lines).toContain('TRIGGER:-PT15M')
    // Components nest and close in order.
    const nesting = lines.filter((l) => /^(BEGIN|END):/.test(l))
    expect(nesting).toEqual([
      'BEGIN:VCALENDAR',
      'BEGIN:VEVENT',
      'BEGIN:VALARM',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ])
  })

  it('leaves out DTEND, LOCATION and DESCRIPTION it does not have', () => {
    const lines = unfold(buildIcs({ uid: 'u', title: 't', start: event.start }, NOW))
    expect(lines.some((l) => /^(DTEND|LOCATION):/.test(l))).toBe(false)
    // The alarm's own DESCRIPTION is the only one.
    expect(lines.filter((l) => l.startsWith('DESCRIPTION:'))).toEqual(['DESCRIPTION:t'])
  })

  it('escapes TEXT values', () => {
    expect(icsText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf')
  })

  it('folds lines over 75 octets without cutting a Chinese character', () => {
    const long = `LOCATION:${'妇'.repeat(60)}`
    const folded = foldLine(long)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    for (const [i, p] of parts.entries()) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75)
      if (i > 0) expect(p.startsWith(' ')).toBe(true)
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long)
    expect(foldLine('SHORT:x')).toBe('SHORT:x')
  })

  it('gives weapp unix seconds and a 15-minute alarm', () => {
    expect(phoneCalendarOf(event)).toEqual({
      title: '家政培训 第一期',
      startTime: Date.parse('2026-12-05T06:00:00Z') / 1000,
      endTime: Date.parse('2026-12-05T08:00:00Z') / 1000,
      location: event.location,
      description: event.description,
      alarm: true,
      alarmOffset: 900,
    })
  })

  it('names the file after the title, without characters a file system refuses', () => {
    expect(icsFileName('家政培训 第一期')).toBe('家政培训-第一期.ics')
    expect(icsFileName('a/b:c')).toBe('a-b-c.ics')
    expect(icsFileName('///')).toBe('活动.ics')
  })
})

describe('ticket code on the ticket', () => {
  it('is shown in two groups of three', () => {
    expect(spacedTicketCode('K7M9QX')).toBe('K7M 9QX')
    expect(spacedTicketCode('ABC')).toBe('ABC')
  })
})
