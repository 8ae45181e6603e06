import { orderForSignup, signupAction } from '@/domain/session-order'
import type { Session } from '@/domain/types'

const NOW = new Date('2026-11-23T10:00:00+08:00')

function session(id: string, over: Partial<Session> = {}): Session {
  return {
    id,
    programId: 'p',
    title: id,
    start: '2026-12-01T09:00:00+08:00',
    end: '2026-12-01T11:00:00+08:00',
    deadline: '2026-11-30T18:00:00+08:00',
    online: false,
    place: '活动室',
    capacity: 10,
    taken: 3,
    demo: false,
    ...over,
  }
}

const closedByDeadline = session('closed', {
  start: '2026-11-24T09:00:00+08:00',
  deadline: '2026-11-22T18:00:00+08:00',
})
const cancelled = session('cancelled', { start: '2026-11-25T09:00:00+08:00', cancelled: { reason: '场地维修' } })
const full = session('full', { start: '2026-11-26T09:00:00+08:00', taken: 10 })
const notYet = session('not-yet', { start: '2026-11-27T09:00:00+08:00', opensAt: '2026-11-25T09:00:00+08:00' })
const openLate = session('open-late', { start: '2026-12-05T09:00:00+08:00' })
const openSoon = session('open-soon', { start: '2026-11-28T09:00:00+08:00' })

describe('orderForSignup', () => {
  it('lists open sessions first, then waitlist, not yet open, and closed last, by start within each', () => {
    const given = [closedByDeadline, cancelled, full, notYet, openLate, openSoon]
    expect(orderForSignup(given, NOW).map((s) => s.id)).toEqual([
      'open-soon',
      'open-late',
      'full',
      'not-yet',
      'closed',
      'cancelled',
    ])
    // A new array: the program's own list keeps its order.
    expect(given[0]).toBe(closedByDeadline)
  })

  it('follows the clock: a session past its deadline moves to the end', () => {
    const later = new Date('2026-11-29T10:00:00+08:00')
    expect(orderForSignup([openSoon, openLate], later).map((s) => s.id)).toEqual(['open-late', 'open-soon'])
  })
})

describe('signupAction', () => {
  it('signs up for the only session she can take', () => {
    expect(signupAction([closedByDeadline, openSoon], NOW)).toEqual({
      label: '报名',
      sessionId: 'open-soon',
      takeable: 1,
      full: false,
    })
  })

  it('says 加入候补 when the only session is full', () => {
    expect(signupAction([full, cancelled], NOW)).toEqual({
      label: '加入候补',
      sessionId: 'full',
      takeable: 1,
      full: true,
    })
  })

  it('lets her choose on the form among several, 报名 while any has a seat', () => {
    expect(signupAction([full, openSoon, openLate], NOW)).toEqual({ label: '报名', takeable: 3, full: false })
    expect(signupAction([full, { ...full, id: 'full-2' }], NOW)).toEqual({ label: '加入候补', takeable: 2, full: true })
  })

  it('offers nothing when no session takes anyone', () => {
    expect(signupAction([closedByDeadline, cancelled, notYet], NOW)).toBeUndefined()
    expect(signupAction([], NOW)).toBeUndefined()
  })
})
