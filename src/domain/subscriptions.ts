// WeChat subscribe messages: the three templates a mini-program sign-up may accept in one tap, which
// notices each carries, and the build setting that names their ids. Shared by the app and the server.
import type { NoticeKind } from './notices'

/** The templates (one-tap asks for at most three), each named by the first kind of notice it carries. */
export const SUBSCRIBE_TOPICS = ['promoted', 'session_changed', 'reminder'] as const
export type SubscribeTopic = (typeof SUBSCRIBE_TOPICS)[number]

/** The template a notice goes out on: a seat (promoted, held), the session (changed, cancelled), the reminder. */
export function subscribeTopic(kind: NoticeKind): SubscribeTopic {
  switch (kind) {
    case 'promoted':
    case 'hold_expiring':
      return 'promoted'
    case 'session_changed':
    case 'session_cancelled':
      return 'session_changed'
    case 'reminder':
      return 'reminder'
  }
}

/** What each template is about, in the words the app and a skipped notice name it by. */
export const SUBSCRIBE_TOPIC_LABEL: Record<SubscribeTopic, string> = {
  promoted: '候补转正和名额保留',
  session_changed: '场次变更和取消',
  reminder: '开课提醒',
}

export interface SubscribeTemplate {
  topic: SubscribeTopic
  id: string
}

/**
 * TARO_APP_WECHAT_TEMPLATES: `promoted=<id>,session_changed=<id>,reminder=<id>` (the same ids as
 * the server's WECHAT_TEMPLATE_*). Entries that are not a known topic with a plausible id are left
 * out, and a topic named twice counts once: the app never asks for a template it cannot name.
 */
export function parseSubscribeTemplates(raw: string): SubscribeTemplate[] {
  const found: SubscribeTemplate[] = []
  for (const entry of raw.split(',')) {
    const [topic, id, ...rest] = entry.split('=').map((s) => s.trim())
    if (rest.length || !id || !/^[A-Za-z0-9_-]{10,64}$/.test(id)) continue
    if (!(SUBSCRIBE_TOPICS as readonly string[]).includes(topic)) continue
    if (found.some((t) => t.topic === topic)) continue
    found.push({ topic: topic as SubscribeTopic, id })
  }
  return found
}

/** `promoted.reminder` for the success page's query; `none` when she accepted none. */
export function topicsParam(accepted: readonly SubscribeTopic[]): string {
  return accepted.length ? accepted.join('.') : 'none'
}

/** The topics of a success page's query; undefined when she was not asked (H5, none configured). */
export function topicsFromParam(param: string | undefined): SubscribeTopic[] | undefined {
  if (param === undefined || param === '') return undefined
  if (param === 'none') return []
  return SUBSCRIBE_TOPICS.filter((t) => param.split('.').includes(t))
}

/**
 * What the success page tells her about WeChat notices, given what she accepted: plainly which she
 * will not get. Undefined when she was not asked (H5, or no templates configured).
 */
export function subscriptionNote(accepted: readonly SubscribeTopic[] | undefined): string | undefined {
  if (!accepted) return undefined
  const missing = SUBSCRIBE_TOPICS.filter((t) => !accepted.includes(t))
  if (!missing.length) return '候补转正、场次变更或取消、开课前一天，都会发微信消息告诉你（每类一次）。'
  if (missing.length === SUBSCRIBE_TOPICS.length)
    return '你没有允许微信消息，所以不会收到微信提醒。候补转正、场次变更和开课时间，请自己在“我的报名”里查看。'
  const names = missing.map((t) => `“${SUBSCRIBE_TOPIC_LABEL[t]}”`).join('、')
  return `你没有允许${names}的微信消息，这些不会发微信告诉你，请自己在“我的报名”里查看。`
}
