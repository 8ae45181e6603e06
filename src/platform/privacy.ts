// WeChat's privacy authorization: when a privacy API (save to album, clipboard…) needs consent,
// WeChat calls onNeedPrivacyAuthorization; we show a sheet whose button agrees on her tap.
import Taro from '@tarojs/taro'

type Resolve = (result: { event: 'agree' | 'disagree'; buttonId?: string }) => void
type Listener = (pending: boolean) => void

let pending: Resolve | undefined
const listeners = new Set<Listener>()
const notify = () => listeners.forEach((l) => l(pending !== undefined))

interface PrivacyApi {
  onNeedPrivacyAuthorization?: (handler: (resolve: Resolve) => void) => void
}

/** Registers the handler once, at app start (weapp only; H5 has no such flow). */
export function installPrivacyHandler(api: PrivacyApi = Taro as unknown as PrivacyApi) {
  if (typeof api.onNeedPrivacyAuthorization !== 'function') return
  api.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve
    notify()
  })
}

export function onPrivacyRequest(listener: Listener): () => void {
  listeners.add(listener)
  return () => void listeners.delete(listener)
}

/** Called from the agreePrivacyAuthorization button's own event, so WeChat sees her tap. */
export function answerPrivacy(agree: boolean, buttonId?: string) {
  const resolve = pending
  pending = undefined
  resolve?.(agree ? { event: 'agree', buttonId } : { event: 'disagree' })
  notify()
}
