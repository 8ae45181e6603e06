// The id the server knows this phone by. In the mini-program it comes from the server in
// exchange for wx.login's code (the server derives it from the openid); once known it is kept.
import type { Transport } from './http-api'

export interface ClientIdStore {
  get(key: string): string | null
  set(key: string, value: string): void
}

export const CLIENT_ID_KEY = 'jg.client'

export function weChatClientId(options: {
  base: string
  transport: Transport
  /** wx.login's code. */
  login: () => Promise<string>
  store: ClientIdStore
}): () => Promise<string> {
  let pending: Promise<string> | undefined
  const base = options.base.replace(/\/+$/, '')
  const exchange = async () => {
    const code = await options.login()
    const res = await options.transport({
      url: `${base}/api/login`,
      method: 'POST',
      data: { code },
      header: { 'content-type': 'application/json' },
      timeout: 8000,
    })
    const id = (res.data as { clientId?: unknown } | null)?.clientId
    if (res.statusCode !== 200 || typeof id !== 'string' || !id) throw new Error('login refused')
    try {
      options.store.set(CLIENT_ID_KEY, id)
    } catch {
      // storage full: the id lives for this session only
    }
    return id
  }
  return () => {
    const known = options.store.get(CLIENT_ID_KEY)
    if (known) return Promise.resolve(known)
    // Calls made while logging in share the one login.
    pending ??= exchange().finally(() => {
      pending = undefined
    })
    return pending
  }
}
