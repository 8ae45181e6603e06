// The rules of verifying a mobile by SMS: the code as phones type it, the resend wait, a proof's life.
import { isCode, normalizeCode, secondsLeft, stillValid } from '@/domain/verification'

const NOW = new Date('2026-11-23T10:00:00+08:00')

describe('SMS code', () => {
  it.each([
    ['123456', true],
    ['１２３４５６', true],
    [' 123 456 ', true],
    ['12345', false],
    ['1234567', false],
    ['', false],
  ])('%j is a code: %s', (raw, ok) => {
    expect(isCode(raw)).toBe(ok)
  })

  it('keeps only the digits', () => {
    expect(normalizeCode('１２3-45 6')).toBe('123456')
  })
})

describe('resend wait', () => {
  it('counts whole seconds up, and stops at 0', () => {
    const until = NOW.getTime() + 60_000
    expect(secondsLeft(until, NOW)).toBe(60)
    expect(secondsLeft(until, new Date(NOW.getTime() + 1_500))).toBe(59)
    expect(secondsLeft(until, new Date(NOW.getTime() + 60_000))).toBe(0)
    expect(secondsLeft(until, new Date(NOW.getTime() + 90_000))).toBe(0)
  })
})

describe('a kept proof', () => {
  it('holds until its expiry, and not with an unreadable one', () => {
    expect(stillValid('2026-12-23T02:00:00.000Z', NOW)).toBe(true)
    expect(stillValid('2026-11-23T02:00:00.000Z', NOW)).toBe(false)
    expect(stillValid('soon', NOW)).toBe(false)
  })
})
