import { deadlineText, formatSessionTime, formatSourceDate } from '@/utils/date'

describe('date text', () => {
  it('formats a session time in Beijing, with the weekday', () => {
    expect(formatSessionTime('2026-12-05T14:00:00+08:00')).toBe('12月5日 周六 14:00')
    // The same instant written in UTC reads the same.
    expect(formatSessionTime('2026-12-05T06:00:00Z')).toBe('12月5日 周六 14:00')
  })

  it.each([
    ['2021-01-18', '2021年1月18日'],
    ['2021-03', '2021年3月'],
    ['2021', '2021年'],
  ])('formats the source date %s as %s', (iso, text) => {
    expect(formatSourceDate(iso)).toBe(text)
  })

  const now = new Date('2026-11-23T10:00:00+08:00')
  it.each([
    ['2026-11-26T18:00:00+08:00', '还剩3天截止'],
    ['2026-11-24T18:00:00+08:00', '明天 18:00 截止'],
    ['2026-11-23T18:00:00+08:00', '今天 18:00 截止'],
    ['2026-11-23T10:00:00+08:00', '已截止'],
    ['2026-11-20T18:00:00+08:00', '已截止'],
  ])('deadline %s reads %s', (deadline, text) => {
    expect(deadlineText(deadline, now)).toBe(text)
  })
})
