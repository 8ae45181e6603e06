// The 可报名 list's pure parts: its cursor, its input check and the row the sign-up rule gives.
import {
  decodeOpenSessionCursor,
  encodeOpenSessionCursor,
  openSessionHint,
  openSessionProblem,
  pageOpenSessions,
  toOpenSession,
  type PlacedOpenSession,
} from '@/domain/open-sessions'
import type { Session } from '@/domain/types'

const NOW = new Date('2026-11-23T10:00:00+08:00')
const SESSION: Session = {
  id: 's-1',
  programId: 'p-1',
  title: '第一期',
  start: '2026-12-05T14:00:00+08:00',
  end: '2026-12-05T16:00:00+08:00',
  deadline: '2026-12-04T18:00:00+08:00',
  online: false,
  place: '活动中心',
  capacity: 30,
  taken: 12,
  demo: false,
}
const PROGRAM = { programTitle: '家政班', federationId: 'f-1', federationName: '某妇联', topic: '就业创业' as const }

describe('open sessions', () => {
  it('a cursor names the instant of the deadline and the id, and reads back', () => {
    const key = { deadline: Date.parse(SESSION.deadline), id: 's-1' }
    expect(decodeOpenSessionCursor(encodeOpenSessionCursor(key))).toEqual(key)
    expect(decodeOpenSessionCursor('c1~2020~510100~x')).toBeUndefined()
    expect(decodeOpenSessionCursor('s1~abc~x')).toBeUndefined()
  })

  it('refuses bad codes, topics and cursors with the field in Chinese', () => {
    expect(
      openSessionProblem({ province: '510000', topic: '健康' }, encodeOpenSessionCursor({ deadline: 1, id: 'a' })),
    ).toBeUndefined()
    expect(openSessionProblem({ province: '510100' })?.field).toBe('province')
    expect(openSessionProblem({ county: '510100' })?.field).toBe('county')
    expect(openSessionProblem({ topic: 'x' as never })?.field).toBe('topic')
    expect(openSessionProblem({}, 'nothing')).toEqual({ field: 'cursor', message: '翻页位置不对，请从头再看' })
  })

  it('gives the row while sign-up is open, waitlist when full, none once closed or not yet open', () => {
    expect(toOpenSession(SESSION, PROGRAM, NOW)).toEqual({
      id: 's-1',
      programId: 'p-1',
      ...PROGRAM,
      title: '第一期',
      start: SESSION.start,
      end: SESSION.end,
      deadline: SESSION.deadline,
      online: false,
      place: '活动中心',
      seatsLeft: 18,
      waitlist: false,
      demo: false,
    })
    expect(toOpenSession({ ...SESSION, taken: 30 }, PROGRAM, NOW)).toMatchObject({ seatsLeft: 0, waitlist: true })
    expect(toOpenSession({ ...SESSION, cancelled: { reason: '改期' } }, PROGRAM, NOW)).toBeUndefined()
    expect(toOpenSession(SESSION, PROGRAM, new Date(SESSION.deadline))).toBeUndefined()
    expect(toOpenSession({ ...SESSION, opensAt: '2026-11-24T09:00:00+08:00' }, PROGRAM, NOW)).toBeUndefined()
    expect(toOpenSession({ ...SESSION, online: true, place: undefined }, PROGRAM, NOW)).not.toHaveProperty('place')
  })

  describe('a page from rows in memory (the built-in data)', () => {
    // 25 rows over three counties of two provinces, deadlines with ties, given in no order.
    const rows: PlacedOpenSession[] = Array.from({ length: 25 }, (_, i) => {
      const row = toOpenSession(
        {
          ...SESSION,
          id: `s-${String(i).padStart(2, '0')}`,
          deadline: `2026-12-${String(1 + (i % 7)).padStart(2, '0')}T18:00:00+08:00`,
        },
        { ...PROGRAM, topic: i % 2 ? '就业创业' : '家庭家风' },
        NOW,
      )!
      return { session: row, regionCode: ['510104', '510105', '620402'][i % 3] }
    }).reverse()

    it('pages the whole list soonest deadline first, then by id, each row once', () => {
      const seen: string[] = []
      let page = pageOpenSessions(rows, {}, null, 10)
      expect(page.sessions).toHaveLength(10)
      seen.push(...page.sessions.map((s) => s.id))
      while (page.next) {
        page = pageOpenSessions(rows, {}, page.next, 10)
        seen.push(...page.sessions.map((s) => s.id))
      }
      expect(seen).toHaveLength(25)
      expect(new Set(seen).size).toBe(25)
      const keys = seen.map((id) => rows.find((r) => r.session.id === id)!.session)
      const sorted = [...keys].sort(
        (a, b) => Date.parse(a.deadline) - Date.parse(b.deadline) || a.id.localeCompare(b.id),
      )
      expect(keys).toEqual(sorted)
    })

    it('narrows by province, city, county and topic', () => {
      const ids = (filter: Parameters<typeof pageOpenSessions>[1]) =>
        pageOpenSessions(rows, filter, null, 20).sessions.map((s) => s.id)
      expect(ids({ province: '510000' })).toHaveLength(17)
      expect(ids({ province: '620000' })).toHaveLength(8)
      expect(ids({ province: '510000', city: '510100', county: '510105' })).toHaveLength(8)
      expect(ids({ topic: '家庭家风' })).toHaveLength(13)
      expect(ids({ province: '440000' })).toEqual([])
    })
  })

  it('says the seats left or that she can wait, with the deadline', () => {
    const row = toOpenSession(SESSION, PROGRAM, NOW)!
    expect(openSessionHint(row, NOW)).toBe('还剩 18 个名额 · 还剩11天截止')
    const full = toOpenSession({ ...SESSION, taken: 30 }, PROGRAM, NOW)!
    expect(openSessionHint(full, new Date('2026-12-04T09:00:00+08:00'))).toBe('名额已满，可以候补 · 今天 18:00 截止')
  })
})
