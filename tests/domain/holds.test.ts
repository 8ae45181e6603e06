// The hold window as she sees it: which state a sign-up is in, the countdown's text and its ticking.
import {
  HOLD_HOURS_CHOICES,
  holdHoursText,
  holdLeftText,
  holdState,
  nextHoldTickMs,
  type HoldFacts,
} from '@/domain/holds'
import { HOLD_HOURS_MAX } from '../../server/src/programs'
import { TEST_NOW } from '../support/clock'

const MIN = 60 * 1000
const HOUR = 60 * MIN
const at = (ms: number) => new Date(TEST_NOW.getTime() + ms)

const held: HoldFacts = {
  status: 'confirmed',
  sessionStart: '2026-12-05T09:00:00+08:00',
  holdUntil: new Date(TEST_NOW.getTime() + 5 * HOUR + 12 * MIN + 30 * 1000).toISOString(),
}

describe('hold state', () => {
  it('holds a seat with its end in Beijing time and the time left, from the one clock', () => {
    const s = holdState({ ...held, holdUntil: '2026-11-25T18:00:00+08:00' }, TEST_NOW)
    expect(s).toMatchObject({ kind: 'holding', untilText: '11月25日 周三 18:00', left: '还剩2天8小时' })
    expect(holdState(held, TEST_NOW)).toMatchObject({ kind: 'holding', left: '还剩5小时12分' })
    expect(holdState(held, at(5 * HOUR + 12 * MIN))).toMatchObject({ left: '还剩不到1分钟' })
  })

  it('has expired once the hold ends, before the server has passed the seat on, and after', () => {
    expect(holdState(held, at(5 * HOUR + 12 * MIN + 30 * 1000))).toEqual({ kind: 'expired' })
    expect(holdState(held, at(6 * HOUR))).toEqual({ kind: 'expired' })
    expect(holdState({ ...held, status: 'cancelled', holdUntil: undefined, holdExpired: true }, TEST_NOW)).toEqual({
      kind: 'expired',
    })
  })

  it('is none for a seat without a hold, a waitlist place, her own cancel, a called-off or started session', () => {
    const none = { kind: 'none' }
    expect(holdState({ ...held, holdUntil: undefined }, TEST_NOW)).toEqual(none)
    expect(holdState({ ...held, status: 'waitlisted', holdUntil: undefined }, TEST_NOW)).toEqual(none)
    expect(holdState({ ...held, status: 'cancelled', holdUntil: undefined }, TEST_NOW)).toEqual(none)
    expect(holdState({ ...held, sessionCancelled: { reason: '下雪' } }, TEST_NOW)).toEqual(none)
    expect(holdState({ ...held, sessionStart: TEST_NOW.toISOString() }, TEST_NOW)).toEqual(none)
  })
})

describe('countdown text', () => {
  it.each([
    [5 * HOUR + 12 * MIN + 59 * 1000, '还剩5小时12分'],
    [5 * HOUR, '还剩5小时'],
    [47 * HOUR + 59 * MIN, '还剩1天23小时'],
    [48 * HOUR, '还剩2天'],
    [12 * MIN, '还剩12分'],
    [MIN, '还剩1分'],
    [59 * 1000, '还剩不到1分钟'],
  ])('%i ms left reads %s (rounded down)', (ms, text) => {
    expect(holdLeftText(ms)).toBe(text)
  })

  it('ticks just past each whole minute left, and stops at the end', () => {
    const until = held.holdUntil!
    // 5h12m30s left: the text changes once 30 s have passed.
    expect(nextHoldTickMs(until, TEST_NOW)).toBe(30 * 1000 + 1)
    const later = at(30 * 1000 + 1)
    expect(holdState(held, later)).toMatchObject({ left: '还剩5小时11分' })
    expect(nextHoldTickMs(until, later)).toBe(MIN)
    expect(nextHoldTickMs(until, at(6 * HOUR))).toBe(0)
  })
})

describe('hold hours offered to organizers', () => {
  it('are whole hours within the server’s limit, and read as hours', () => {
    for (const h of HOLD_HOURS_CHOICES) expect(Number.isInteger(h) && h >= 1 && h <= HOLD_HOURS_MAX).toBe(true)
    expect(holdHoursText(24)).toBe('24小时')
    expect(holdHoursText(null)).toBe('')
  })
})
