// The three subscribe-message templates: which notices each carries, and the build setting naming them.
import {
  parseSubscribeTemplates,
  subscriptionNote,
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

describe('the success page on WeChat notices', () => {
  it('says plainly which she will not get', () => {
    expect(subscriptionNote(undefined)).toBeUndefined()
    expect(subscriptionNote([])).toBe(
      '你没有允许微信消息，所以不会收到微信提醒。候补转正、场次变更和开课时间，请自己在“我的报名”里查看。',
    )
    expect(subscriptionNote(['promoted', 'session_changed'])).toBe(
      '你没有允许“开课提醒”的微信消息，这些不会发微信告诉你，请自己在“我的报名”里查看。',
    )
    expect(subscriptionNote(['reminder'])).toContain('“候补转正和名额保留”、“场次变更和取消”')
    expect(subscriptionNote(['promoted', 'session_changed', 'reminder'])).toContain('都会发微信消息告诉你')
  })
})
