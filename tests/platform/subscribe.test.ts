// The one-tap subscribe request: asked synchronously with every template, answered as the topics
// she accepted; nothing is asked on H5 or without templates, and a WeChat failure is not a refusal.
import { askSubscriptions } from '@/platform/subscribe'

const TEMPLATES = [
  { topic: 'promoted', id: 'tplPromoted0001' },
  { topic: 'session_changed', id: 'tplChanged00001' },
  { topic: 'reminder', id: 'tplReminder0001' },
] as const

describe('askSubscriptions', () => {
  it('asks for all templates at once, before returning, and answers the accepted topics', async () => {
    const request = jest.fn(async (_o: { tmplIds: string[] }) => ({
      tplPromoted0001: 'accept',
      tplChanged00001: 'reject',
      tplReminder0001: 'accept',
      errMsg: 'requestSubscribeMessage:ok',
    }))
    const answer = askSubscriptions(TEMPLATES, request)
    // Made in the caller's turn: WeChat sees the tap.
    expect(request).toHaveBeenCalledWith({ tmplIds: ['tplPromoted0001', 'tplChanged00001', 'tplReminder0001'] })
    expect(await answer).toEqual({ status: 'answered', accepted: ['promoted', 'reminder'] })
  })

  it('refusing all is an answer; a failure of the request is not', async () => {
    expect(await askSubscriptions(TEMPLATES, async () => ({ tplPromoted0001: 'reject' }))).toEqual({
      status: 'answered',
      accepted: [],
    })
    expect(await askSubscriptions(TEMPLATES, () => Promise.reject(new Error('20004')))).toEqual({ status: 'failed' })
    const throws = () => {
      throw new Error('no tap')
    }
    expect(await askSubscriptions(TEMPLATES, throws)).toEqual({ status: 'failed' })
  })

  it('asks nothing on H5 (jest runs as H5) or without templates', async () => {
    const request = jest.fn()
    expect(await askSubscriptions([], request)).toEqual({ status: 'unavailable' })
    expect(request).not.toHaveBeenCalled()
    expect(await askSubscriptions(TEMPLATES)).toEqual({ status: 'unavailable' })
  })
})
