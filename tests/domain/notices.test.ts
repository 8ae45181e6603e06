import {
  holdReminderDue,
  MAX_NOTICE_ATTEMPTS,
  noticeText,
  reminderDue,
  reminderDueAt,
  retryDelayMs,
  type NoticeSession,
} from '@/domain/notices'

const session: NoticeSession = {
  title: '母婴护理班',
  start: '2026-12-05T09:00:00+08:00',
  online: false,
  place: '武都区妇联三楼',
}

describe('notice texts', () => {
  it('name the session, its Beijing time and its place', () => {
    const text = noticeText('promoted', session)
    expect(text).toContain('「母婴护理班」')
    expect(text).toContain('12月5日 周六 09:00')
    expect(text).toContain('地点：武都区妇联三楼')
    expect(text).toContain('报名成功')
  })

  it('say online for an online session, and the reason of a cancellation', () => {
    expect(noticeText('reminder', { ...session, online: true, place: null })).toContain('线上参加')
    expect(noticeText('session_cancelled', { ...session, reason: '场地维修' })).toContain('原因：场地维修')
    expect(noticeText('session_cancelled', session)).not.toContain('原因')
  })

  it('differ by kind', () => {
    const kinds = ['promoted', 'session_changed', 'session_cancelled', 'reminder', 'hold_expiring'] as const
    expect(new Set(kinds.map((k) => noticeText(k, session))).size).toBe(kinds.length)
  })
})

describe('reminders', () => {
  it('fall due at 18:00 Beijing time the day before', () => {
    expect(reminderDueAt(session.start).toISOString()).toBe('2026-12-04T10:00:00.000Z')
    // Just after midnight Beijing time is still the previous UTC day: the Beijing day counts.
    expect(reminderDueAt('2026-12-05T00:30:00+08:00').toISOString()).toBe('2026-12-04T10:00:00.000Z')
  })

  it('are due from then until the session starts, not before and not after', () => {
    expect(reminderDue(session.start, new Date('2026-12-04T17:59:00+08:00'))).toBe(false)
    expect(reminderDue(session.start, new Date('2026-12-04T18:00:00+08:00'))).toBe(true)
    expect(reminderDue(session.start, new Date('2026-12-05T08:59:00+08:00'))).toBe(true)
    expect(reminderDue(session.start, new Date('2026-12-05T09:00:00+08:00'))).toBe(false)
  })
})

describe('retries', () => {
  it('wait longer after each failure, at most an hour', () => {
    expect(retryDelayMs(1)).toBe(60_000)
    expect(retryDelayMs(2)).toBe(120_000)
    expect(retryDelayMs(20)).toBe(3_600_000)
    expect(MAX_NOTICE_ATTEMPTS).toBeGreaterThan(1)
  })
})

describe('a promotion with a hold window', () => {
  it('asks her to confirm by the end of the hold', () => {
    const text = noticeText('promoted', { ...session, holdUntil: '2026-11-24T10:00:00+08:00' })
    expect(text).toContain('为您保留到 11月24日 周二 10:00')
    expect(text).toContain('确认参加')
    expect(text).not.toContain('已从候补转为报名成功')
  })
})

describe('a held seat in its last hours', () => {
  const until = '2026-11-24T10:00:00+08:00'
  it('is reminded in the last two hours of a longer hold, not before and not after', () => {
    expect(holdReminderDue(until, 24, new Date('2026-11-24T07:59:00+08:00'))).toBe(false)
    expect(holdReminderDue(until, 24, new Date('2026-11-24T08:00:00+08:00'))).toBe(true)
    expect(holdReminderDue(until, 24, new Date('2026-11-24T10:00:00+08:00'))).toBe(false)
  })
  it('is not reminded when the whole hold is two hours or less', () => {
    expect(holdReminderDue(until, 2, new Date('2026-11-24T09:00:00+08:00'))).toBe(false)
  })
  it('names when the hold ends', () => {
    expect(noticeText('hold_expiring', { ...session, holdUntil: until })).toContain('将在 11月24日 周二 10:00 到期')
  })
})
