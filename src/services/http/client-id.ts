// The id the server knows this phone by. In the mini-program it comes from the server in
// exchange for wx.login's code (the server derives it from the openid); once known it is kept.
// The same exchange brings the booker token: the openid WeChat proved is a verified booker.
import type { BookerTokens } from './booker-token'
import type { Transport } from './http-api'

export interface ClientIdStore {
  get(key: string): string | null
  set(key: string, value: string): void
}

export const CLIENT_ID_KEY = 'jg.client'

export interface WeChatLogin {
  /** The kept id, or a login for it. */
  clientId: () => Promise<string>
  /** Logs in again (the booker token is missing, expired or refused); keeps what comes back. */
  renew: () => Promise<void>
}

export function weChatLogin(options: {
  base: string
  transport: Transport
  /** wx.login's code. */
  login: () => Promise<string>
  store: ClientIdStore
  /** Where the booker token from the login is kept. */
  tokens?: BookerTokens
}): WeChatLogin {
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
    const body = (res.data ?? {}) as { clientId?: unknown; bookerToken?: unknown; expiresAt?: unknown }
    const id = body.clientId
    if (res.statusCode !== 200 || typeof id !== 'string' || !id) throw new Error('login refused')
    try {
      options.store.set(CLIENT_ID_KEY, id)
    } catch {
      // storage full: the id lives for this session only
    }
    if (
      options.tokens &&
      typeof body.bookerToken === 'string' &&
      body.bookerToken &&
      typeof body.expiresAt === 'string'
    )
      options.tokens.set({ token: body.bookerToken, expiresAt: body.expiresAt })
    return id
  }
  // Calls made while logging in share the one login.
  const once = () =>
    (pending ??= exchange().finally(() => {
      pending = undefined
    }))
  return {
    clientId: () => {
      const known = options.store.get(CLIENT_ID_KEY)
      return known ? Promise.resolve(known) : once()
    },
    renew: async () => void (await once()),
  }
}
