// The door's words worked out without React: the typed code in two groups, when and by whom she
// was checked in (the date too when it was not today), a found person's status, and the guard that
// lets the same QR through once while it stays in front of the camera.
import {
  answerView,
  canCheckInRow,
  checkedInDetail,
  codeInputText,
  problemView,
  repeatGuard,
  rowStatus,
} from '@/features/checkin/answer'
import type { CheckinSearchRow } from '@/services/workspace'
import { TEST_NOW } from '../support/clock'

const row = (over: Partial<CheckinSearchRow> = {}): CheckinSearchRow => ({
  id: 'g-1',
  name: '王秀兰',
  mobile: '138****8000',
  status: 'confirmed',
  code: 'K7MQ2P',
  ...over,
})

describe('check-in words', () => {
  it('shows a typed code raised, without stray characters, in groups of 3, at most 6', () => {
    expect(codeInputText('k7')).toBe('K7')
    expect(codeInputText('k7m')).toBe('K7M')
    expect(codeInputText('k7mq')).toBe('K7M Q')
    expect(codeInputText('k7-m q2p')).toBe('K7M Q2P')
    expect(codeInputText('K7M Q2PXX')).toBe('K7M Q2P')
    expect(codeInputText('')).toBe('')
  })

  it('says when (Beijing time) and by whom; the date as well for another day', () => {
    expect(checkedInDetail('2026-11-23T02:02:00Z', '李娜', TEST_NOW)).toBe('10:02，由 李娜')
    expect(checkedInDetail('2026-11-23T10:02:00+08:00', undefined, TEST_NOW)).toBe('10:02')
    // 16:30 UTC the day before is already today in Beijing.
    expect(checkedInDetail('2026-11-22T16:30:00Z', '李娜', TEST_NOW)).toBe('00:30，由 李娜')
    expect(checkedInDetail('2026-11-22T09:30:00+08:00', '李娜', TEST_NOW)).toBe('11月22日 09:30，由 李娜')
    expect(checkedInDetail(undefined, '李娜', TEST_NOW)).toBeUndefined()
  })

  it('each answer has its words, a mark and a tone; only 已经签到过了 carries when and who', () => {
    const signup = { id: 'g-1', name: '王秀兰', mobile: '138****8000', sessionTitle: '第一期' }
    const at = { checkedInAt: '2026-11-23T10:02:00+08:00', checkedInBy: '李娜' }
    expect(answerView({ result: 'checked_in', signup, ...at }, TEST_NOW)).toEqual({
      tone: 'ok',
      mark: '✓',
      headline: '签到成功',
      person: '王秀兰 138****8000',
    })
    expect(answerView({ result: 'already', signup, ...at }, TEST_NOW)).toMatchObject({
      tone: 'warn',
      mark: '!',
      headline: '已经签到过了',
      detail: '10:02，由 李娜',
    })
    for (const [result, headline] of [
      ['wrong_session', '不是这个场次的票'],
      ['cancelled', '这条报名已取消'],
      ['waitlisted', '还在候补，没有报上名'],
    ] as const) {
      expect(answerView({ result, signup }, TEST_NOW)).toEqual({
        tone: 'stop',
        mark: '✕',
        headline,
        person: '王秀兰 138****8000',
      })
    }
    expect(problemView('没有找到这张电子票')).toEqual({ tone: 'stop', mark: '✕', headline: '没有找到这张电子票' })
  })

  it('a found person’s status, and a 签到 button only for a confirmed one not yet in who has a code', () => {
    expect(rowStatus(row(), TEST_NOW)).toBe('未签到')
    expect(rowStatus(row({ checkedInAt: '2026-11-23T09:58:00+08:00', checkedInBy: '李娜' }), TEST_NOW)).toBe(
      '已签到 09:58，由 李娜',
    )
    expect(rowStatus(row({ status: 'waitlisted' }), TEST_NOW)).toBe('候补，尚未转正')
    expect(rowStatus(row({ status: 'cancelled' }), TEST_NOW)).toBe('已取消')
    expect(canCheckInRow(row())).toBe(true)
    expect(canCheckInRow(row({ checkedInAt: '2026-11-23T09:58:00+08:00' }))).toBe(false)
    expect(canCheckInRow(row({ status: 'waitlisted' }))).toBe(false)
    expect(canCheckInRow(row({ code: undefined }))).toBe(false)
  })

  it('lets the same text through once while it keeps being seen, again after 3 s away; another at once', () => {
    let t = 0
    const fresh = repeatGuard(() => t)
    expect(fresh('A')).toBe(true)
    t = 2999
    expect(fresh('A')).toBe(false)
    // Still in front of the camera: each sighting keeps it held back.
    t = 5000
    expect(fresh('A')).toBe(false)
    expect(fresh('B')).toBe(true)
    t = 5001
    expect(fresh('A')).toBe(true)
    t = 8001
    expect(fresh('A')).toBe(true)
  })
})
