// The organizer's login kept on the phone: the session token and who she is, under one key of the
// platform's storage. A session the server no longer knows sends her back to the login screen.
import { ApiError } from '@/services/api'
import type { KeyValueStore } from '@/platform/types'
import type { OrganizerAccount } from '@/services/organizer'

export const SESSION_KEY = 'jg.organizer.session'
export const EXPIRED_MESSAGE = '登录已过期，请重新登录'

export interface KeptSession {
  token: string
  account: OrganizerAccount
}

export function sessionStore(store: KeyValueStore) {
  return {
    read(): KeptSession | null {
      try {
        const kept = JSON.parse(store.get(SESSION_KEY) ?? 'null') as Partial<KeptSession> | null
        return kept && typeof kept.token === 'string' && kept.account ? (kept as KeptSession) : null
      } catch {
        return null
      }
    },
    write(session: KeptSession) {
      try {
        store.set(SESSION_KEY, JSON.stringify({ token: session.token, account: session.account }))
      } catch {
        // Storage full: she stays logged in until the page closes.
      }
    },
    clear() {
      store.remove(SESSION_KEY)
    },
  }
}

export type SessionStore = ReturnType<typeof sessionStore>

/** The server answered 401: the session ended (expired, logged out elsewhere, disabled) or was never real. */
export const sessionEnded = (e: unknown): boolean => e instanceof ApiError && e.code === 'unauthorized'

export const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '没能加载，请稍后再试')
