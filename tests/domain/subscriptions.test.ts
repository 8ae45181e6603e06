// The three subscribe-message templates: which notices each carries, and the build setting naming them.
import {
  parseSubscribeTemplates,
  subscribeTopic,
  topicsFromParam,
  topicsParam,
  SUBSCRIBE_TOPICS,
} from '@/domain/subscriptions'

describe('subscribe-message templates', () => {
  it('puts every kind of notice on one of at most three templates', () => {
    expect(SUBSCRIBE_TOPICS.length).toBeLessThanOrEqual(3)
    expect(subscribeTopic('promoted')).toBe('promoted')
    expect(subscribeTopic('hold_expiring')).toBe('promoted')
    expect(subscribeTopic('session_changed')).toBe('session_changed')
    expect(subscribeTopic('session_cancelled')).toBe('session_changed')
    expect(subscribeTopic('reminder')).toBe('reminder')
  })

  it('reads the build setting, leaving out what it cannot name', () => {
    expect(
      parseSubscribeTemplates(' promoted=tplPromoted0001, reminder = tplReminder0001 ,session_changed=tplChanged00001'),
    ).toEqual([
      { topic: 'promoted', id: 'tplPromoted0001' },
      { topic: 'reminder', id: 'tplReminder0001' },
      { topic: 'session_changed', id: 'tplChanged00001' },
    ])
    expect(parseSubscribeTemplates('')).toEqual([])
    expect(
      parseSubscribeTemplates('sms=tplSms000000001,reminder=short,promoted=tplPromoted0001,promoted=tplOther00000001'),
    ).toEqual([{ topic: 'promoted', id: 'tplPromoted0001' }])
  })

  it('carries what she accepted to the success page and back', () => {
    expect(topicsFromParam(topicsParam(['promoted', 'reminder']))).toEqual(['promoted', 'reminder'])
    expect(topicsFromParam(topicsParam([]))).toEqual([])
    expect(topicsFromParam(undefined)).toBeUndefined()
    expect(topicsFromParam('reminder.bogus')).toEqual(['reminder'])
  })
})
