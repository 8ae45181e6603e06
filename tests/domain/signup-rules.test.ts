import { materializeSession } from '@/domain/sessions'
import {
  canCancel,
  cancelAndPromote,
  decide,
  decideSignup,
  factsFrom,
  promoteIntoSeats,
  rosterStatusText,
  signupLabel,
  withWaitlistPositions,
  type RuleRecord,
} from '@/domain/signup-rules'

const NOW = new Date('2026-11-23T10:00:00+08:00')
const session = materializeSession(
  'p',
  {
    id: 's',
    title: 't',
    startInDays: 5,
    startTime: '14:00',
    durationMinutes: 60,
    deadlineInDays: 3,
    online: true,
    capacity: 3,
    taken: 1,
  },
  NOW,
)
let n = 0
const rec = (name: string, status: RuleRecord['status'], sessionId = 's'): RuleRecord => ({
  id: `r${++n}`,
  sessionId,
  status,
  name,
  mobile: `1380013800${n % 10}`,
  idempotencyKey: `k${n}`,
})

describe('decideSignup', () => {
  it('confirms while seats last, counting the demo seats taken by others', () => {
    expect(decideSignup([], session, { name: 'a', mobile: '1' }, 'x', NOW)).toEqual({
      kind: 'accept',
      status: 'confirmed',
    })
    const two = [rec('a', 'confirmed'), rec('b', 'confirmed')]
    expect(decideSignup(two, session, { name: 'c', mobile: '2' }, 'x', NOW)).toEqual({
      kind: 'accept',
      status: 'waitlisted',
    })
  })

  it('does not count cancelled sign-ups against the seats', () => {
    const list = [rec('a', 'confirmed'), rec('b', 'cancelled')]
    expect(decideSignup(list, session, { name: 'c', mobile: '2' }, 'x', NOW)).toEqual({
      kind: 'accept',
      status: 'confirmed',
    })
  })

  it('refuses the same person twice, but not after she cancelled', () => {
    const a = rec('王芳', 'confirmed')
    expect(decideSignup([a], session, { name: '王芳', mobile: a.mobile }, 'x', NOW).kind).toBe('duplicate')
    expect(
      decideSignup([{ ...a, status: 'cancelled' }], session, { name: '王芳', mobile: a.mobile }, 'x', NOW).kind,
    ).toBe('accept')
    // Same phone, another person: a proxy sign-up is fine.
    expect(decideSignup([a], session, { name: '王秀英', mobile: a.mobile }, 'x', NOW).kind).toBe('accept')
  })

  it('returns the first record for a repeated key (a double submit)', () => {
    const a = rec('王芳', 'confirmed')
    expect(decideSignup([a], session, { name: '王芳', mobile: a.mobile }, a.idempotencyKey, NOW)).toEqual({
      kind: 'again',
      record: a,
    })
  })

  it('closes exactly at the deadline', () => {
    const before = new Date(Date.parse(session.deadline) - 1)
    const at = new Date(Date.parse(session.deadline))
    expect(decideSignup([], session, { name: 'a', mobile: '1' }, 'x', before).kind).toBe('accept')
    expect(decideSignup([], session, { name: 'a', mobile: '1' }, 'x', at)).toEqual({
      kind: 'closed',
      message: '这个场次的报名已经截止了',
    })
  })
})

describe('cancelAndPromote', () => {
  it('promotes the first on the waitlist when a confirmed seat is freed', () => {
    const [a, b, c, d] = [
      rec('a', 'confirmed'),
      rec('b', 'waitlisted'),
      rec('c', 'waitlisted'),
      rec('x', 'waitlisted', 'other'),
    ]
    const next = cancelAndPromote([a, b, c, d], a.id)
    expect(next.map((r) => [r.name, r.status, r.waitlistPosition])).toEqual([
      ['a', 'cancelled', undefined],
      ['b', 'confirmed', undefined],
      ['c', 'waitlisted', 1],
      ['x', 'waitlisted', 1],
    ])
  })

  it('moves the queue up when a waitlisted person cancels, without promoting anyone', () => {
    const [a, b, c] = [rec('a', 'confirmed'), rec('b', 'waitlisted'), rec('c', 'waitlisted')]
    const next = cancelAndPromote(withWaitlistPositions([a, b, c]), b.id)
    expect(next.map((r) => [r.name, r.status, r.waitlistPosition])).toEqual([
      ['a', 'confirmed', undefined],
      ['b', 'cancelled', undefined],
      ['c', 'waitlisted', 1],
    ])
  })

  it('leaves the list alone for an unknown or already cancelled id', () => {
    const list = [rec('a', 'cancelled')]
    expect(cancelAndPromote(list, 'nope')).toBe(list)
    expect(cancelAndPromote(list, list[0].id)).toBe(list)
  })
})

describe('promoteIntoSeats', () => {
  it('confirms the first on the waitlist in arrival order, as many as there are new seats', () => {
    const list = [
      rec('a', 'confirmed'),
      rec('b', 'waitlisted'),
      rec('x', 'waitlisted', 'other'),
      rec('c', 'waitlisted'),
      rec('d', 'cancelled'),
      rec('e', 'waitlisted'),
    ]
    expect(promoteIntoSeats(list, 's', 2).map((r) => [r.name, r.status, r.waitlistPosition])).toEqual([
      ['a', 'confirmed', undefined],
      ['b', 'confirmed', undefined],
      ['x', 'waitlisted', 1],
      ['c', 'confirmed', undefined],
      ['d', 'cancelled', undefined],
      ['e', 'waitlisted', 1],
    ])
  })

  it('promotes no one for no seats, and everyone for more seats than are waiting', () => {
    const list = [rec('a', 'waitlisted'), rec('b', 'waitlisted')]
    expect(promoteIntoSeats(list, 's', 0).map((r) => r.status)).toEqual(['waitlisted', 'waitlisted'])
    expect(promoteIntoSeats(list, 's', -3).map((r) => r.status)).toEqual(['waitlisted', 'waitlisted'])
    expect(promoteIntoSeats(list, 's', 5).map((r) => r.status)).toEqual(['confirmed', 'confirmed'])
  })
})

describe('signupLabel', () => {
  const start = '2026-11-28T14:00:00+08:00'
  it.each([
    [{ status: 'confirmed' as const }, NOW, '已报名'],
    [{ status: 'confirmed' as const, promoted: true as const }, NOW, '已转正'],
    [{ status: 'confirmed' as const, promoted: true as const }, new Date(start), '已结束'],
    [{ status: 'waitlisted' as const, waitlistPosition: 2 }, NOW, '候补第2位'],
    [{ status: 'cancelled' as const }, NOW, '已取消'],
    [{ status: 'confirmed' as const }, new Date(start), '已结束'],
    [{ status: 'cancelled' as const }, new Date(start), '已取消'],
    [{ status: 'confirmed' as const, sessionCancelled: { reason: '改期' } }, NOW, '场次已取消'],
    [{ status: 'cancelled' as const, sessionCancelled: { reason: '改期' } }, NOW, '已取消'],
    // A seat held until she confirms, then passed on when she did not.
    [{ status: 'confirmed' as const, promoted: true as const, holdUntil: '2026-11-24T10:00:00+08:00' }, NOW, '待确认'],
    [{ status: 'confirmed' as const, holdUntil: '2026-11-23T09:00:00+08:00' }, NOW, '保留已过期'],
    [{ status: 'cancelled' as const, holdExpired: true as const }, NOW, '保留已过期'],
  ])('%j at %s → %s', (s, now, label) => {
    expect(signupLabel({ ...s, sessionStart: start }, now)).toBe(label)
  })
})

describe('decide from counted facts (the server counts in SQL)', () => {
  it('gives the same answers as the list-based decision', () => {
    const list = [
      rec('甲', 'confirmed'),
      rec('乙', 'cancelled'),
      rec('丙', 'waitlisted'),
      rec('丁', 'confirmed', 'other'),
    ]
    for (const who of [
      { name: '甲', mobile: list[0].mobile },
      { name: '乙', mobile: list[1].mobile },
      { name: '戊', mobile: '1' },
    ]) {
      for (const key of ['k-new', list[2].idempotencyKey]) {
        expect(decide(factsFrom(list, 's', who, key), session, who.name, NOW)).toEqual(
          decideSignup(list, session, who, key, NOW),
        )
      }
    }
    expect(factsFrom(list, 's', { name: '乙', mobile: list[1].mobile }, 'k-new')).toEqual({
      again: undefined,
      samePerson: false,
      confirmed: 1,
    })
  })

  it('knows her again however her name is typed: a compatibility ideograph, spaces inside', () => {
    const list = [rec('李秀英', 'confirmed')]
    for (const name of ['\uF9E1秀英', '李 秀英', '李\u3000秀 英']) {
      expect(factsFrom(list, 's', { name, mobile: list[0].mobile }, 'k-new').samePerson).toBe(true)
    }
    expect(factsFrom(list, 's', { name: '李秀兰', mobile: list[0].mobile }, 'k-new').samePerson).toBe(false)
  })

  it('waitlists once demo seats plus confirmed reach capacity', () => {
    expect(decide({ samePerson: false, confirmed: 1 }, session, '甲', NOW)).toEqual({
      kind: 'accept',
      status: 'confirmed',
    })
    expect(decide({ samePerson: false, confirmed: 2 }, session, '甲', NOW)).toEqual({
      kind: 'accept',
      status: 'waitlisted',
    })
    expect(decide({ samePerson: true, confirmed: 0 }, session, '甲', NOW).kind).toBe('duplicate')
  })
})

describe('rosterStatusText', () => {
  it('reads as the organizer needs it', () => {
    expect(
      [
        { status: 'confirmed' as const },
        { status: 'waitlisted' as const, waitlistPosition: 3 },
        { status: 'waitlisted' as const },
        { status: 'cancelled' as const },
      ].map(rosterStatusText),
    ).toEqual(['已报名', '候补第3位', '候补', '已取消'])
  })
})

describe('canCancel', () => {
  const sessionStart = '2026-11-28T14:00:00+08:00'
  const before = new Date(Date.parse(sessionStart) - 1)
  const at = new Date(sessionStart)
  it('allows cancelling until the session starts, and not from its first minute', () => {
    expect(canCancel({ status: 'confirmed', sessionStart }, before)).toEqual({ kind: 'cancel' })
    expect(canCancel({ status: 'waitlisted', sessionStart }, before)).toEqual({ kind: 'cancel' })
    expect(canCancel({ status: 'confirmed', sessionStart }, at)).toEqual({
      kind: 'started',
      message: '活动已经开始，不能再取消报名了',
    })
  })

  it('treats a second cancel as already done, before or after the start', () => {
    expect(canCancel({ status: 'cancelled', sessionStart }, before)).toEqual({ kind: 'already' })
    expect(canCancel({ status: 'cancelled', sessionStart }, at)).toEqual({ kind: 'already' })
  })
})
