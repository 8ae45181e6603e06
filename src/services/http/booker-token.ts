// The booker token kept on this phone: the server's proof that a verified person books (x-booker-token).
import { stillValid } from '@/domain/verification'
import type { KeyValueStore } from '@/platform/types'

export const BOOKER_KEY = 'jg.booker'

export interface StoredBooker {
  token: string
  expiresAt: string
  /** Masked (138****8000); absent for a WeChat login, which proves an openid, not a mobile. */
  mobile?: string
}

export interface BookerTokens {
  /** The kept token while it holds; an expired or unreadable one is forgotten here. */
  get(): StoredBooker | null
  set(booker: StoredBooker): void
  forget(): void
}

function parse(raw: string | null): StoredBooker | null {
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as Partial<StoredBooker> | null
    if (!v || typeof v.token !== 'string' || !v.token || typeof v.expiresAt !== 'string') return null
    return { token: v.token, expiresAt: v.expiresAt, ...(typeof v.mobile === 'string' ? { mobile: v.mobile } : {}) }
  } catch {
    return null
  }
}

export function bookerTokens(store: KeyValueStore, now: () => Date): BookerTokens {
  // With storage full the token lives for this session only, as the client id does.
  let unsaved: StoredBooker | null = null
  const forget = () => {
    unsaved = null
    store.remove(BOOKER_KEY)
  }
  return {
    get() {
      const kept = unsaved ?? parse(store.get(BOOKER_KEY))
      if (kept && stillValid(kept.expiresAt, now())) return kept
      if (kept || store.get(BOOKER_KEY) !== null) forget()
      return null
    },
    set(booker) {
      try {
        store.set(BOOKER_KEY, JSON.stringify(booker))
        unsaved = null
      } catch {
        unsaved = booker
      }
    },
    forget,
  }
}
