// WeChat's one-tap subscribe request (requestSubscribeMessage), weapp only. WeChat accepts it only
// from a user's tap, so the sign-up form calls it first thing in 提交报名's handler.
import Taro from '@tarojs/taro'
import type { SubscribeTemplate, SubscribeTopic } from '@/domain/subscriptions'

export type SubscribeAnswer =
  /** She answered (perhaps long ago, with 总是保持以上选择): the topics she accepted, maybe none. */
  | { status: 'answered'; accepted: SubscribeTopic[] }
  /** H5, or no templates configured: nothing was asked. */
  | { status: 'unavailable' }
  /** WeChat could not ask (switched off in settings, a template WeChat does not know). */
  | { status: 'failed' }

type RequestSubscribe = (options: { tmplIds: string[] }) => Promise<Record<string, string>>

/**
 * Asks for every template at once. Call it synchronously inside the tap handler, before any await:
 * the request is made before this returns its promise.
 */
export function askSubscriptions(
  templates: readonly SubscribeTemplate[],
  request: RequestSubscribe | undefined = process.env.TARO_ENV === 'weapp'
    ? (Taro.requestSubscribeMessage as unknown as RequestSubscribe)
    : undefined,
): Promise<SubscribeAnswer> {
  if (!request || !templates.length) return Promise.resolve({ status: 'unavailable' })
  let asked: Promise<Record<string, string>>
  try {
    asked = request({ tmplIds: templates.map((t) => t.id) })
  } catch {
    return Promise.resolve({ status: 'failed' })
  }
  return asked.then(
    (r) => ({ status: 'answered', accepted: templates.filter((t) => r[t.id] === 'accept').map((t) => t.topic) }),
    // 20004 (her switch for subscribe messages is off) and the like: she gets no messages.
    () => ({ status: 'failed' }) as const,
  )
}
