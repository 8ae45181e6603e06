import { isProgramOpen, materializeSession, seatsLeft, signupState } from '@/domain/sessions'
import type { Program, SessionTemplate } from '@/domain/types'

// 2026-11-23 10:00 Beijing time.
const NOW = new Date('2026-11-23T10:00:00+08:00')

const template: SessionTemplate = {
  id: 's1',
  title: '入门班',
  startInDays: 6,
  startTime: '14:00',
  durationMinutes: 120,
  deadlineInDays: 4,
  online: false,
  place: '培训室',
  capacity: 10,
  taken: 3,
}

describe('materializeSession', () => {
  it('dates a template from the Beijing day of now', () => {
    const s = materializeSession('p1', template, NOW)
    expect(s.start).toBe('2026-11-29T14:00:00+08:00')
    expect(s.end).toBe('2026-11-29T16:00:00+08:00')
    expect(s.deadline).toBe('2026-11-27T18:00:00+08:00')
    expect(s.opensAt).toBeUndefined()
  })

  it('uses the Beijing day even when UTC is still on the day before', () => {
    // 00:30 Beijing on the 24th is 16:30 UTC on the 23rd.
    const s = materializeSession('p1', template, new Date('2026-11-23T16:30:00Z'))
    expect(s.start).toBe('2026-11-30T14:00:00+08:00')
  })

  it('keeps demo sessions in the future a year from now', () => {
    const s = materializeSession('p1', template, new Date('2027-11-23T10:00:00+08:00'))
    expect(s.start.startsWith('2027-11-29')).toBe(true)
  })
})

describe('signupState', () => {
  const at = (iso: string) => new Date(iso)
  const base = materializeSession('p1', template, NOW)

  it.each([
    ['open with seats left', base, NOW, 'open'],
    ['waitlist when full', { ...base, taken: 10 }, NOW, 'waitlist'],
    ['closed at the deadline', base, at('2026-11-27T18:00:00+08:00'), 'closed'],
    ['open one minute before the deadline', base, at('2026-11-27T17:59:00+08:00'), 'open'],
    [
      'closed once the session has started',
      { ...base, deadline: '2026-12-30T00:00:00+08:00' },
      at('2026-11-29T14:00:00+08:00'),
      'closed',
    ],
    ['not yet before sign-up opens', { ...base, opensAt: '2026-11-25T09:00:00+08:00' }, NOW, 'notYet'],
    [
      'open once sign-up has opened',
      { ...base, opensAt: '2026-11-25T09:00:00+08:00' },
      at('2026-11-25T09:00:00+08:00'),
      'open',
    ],
    ['closed when cancelled, seats and time left', { ...base, cancelled: { reason: '改期' } }, NOW, 'closed'],
  ] as const)('%s', (_what, session, now, expected) => {
    expect(signupState(session, now)).toBe(expected)
  })

  it('counts seats left, never below zero', () => {
    expect(seatsLeft(base)).toBe(7)
    expect(seatsLeft({ ...base, taken: 12 })).toBe(0)
  })
})

describe('isProgramOpen', () => {
  const program = (sessions: SessionTemplate[]): Program => ({
    id: 'p1',
    title: 't',
    topic: '健康',
    summary: 's',
    audience: 'a',
    figureIds: [],
    signup: { demo: true, sessions, form: [] },
  })
  it('is open when a session takes sign-ups or waitlist entries', () => {
    expect(isProgramOpen(program([template]), NOW)).toBe(true)
    expect(isProgramOpen(program([{ ...template, taken: 10 }]), NOW)).toBe(true)
  })
  it('is not open when every session is past its deadline', () => {
    expect(isProgramOpen(program([{ ...template, deadlineInDays: -1 }]), NOW)).toBe(false)
  })
  it('uses the dated sessions it is given (from the server) instead of the templates', () => {
    const dated = materializeSession('p1', template, NOW)
    expect(isProgramOpen(program([template]), NOW, [{ ...dated, cancelled: { reason: '改期' } }])).toBe(false)
    expect(isProgramOpen(program([{ ...template, deadlineInDays: -1 }]), NOW, [dated])).toBe(true)
  })
  it('is not open without sign-up', () => {
    expect(isProgramOpen({ ...program([]), signup: undefined }, NOW)).toBe(false)
  })
})
