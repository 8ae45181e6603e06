// The load both workspace pages share: the organizer session kept on this device, the page's step
// (loading / signed out / error / ready), whether she may change anything, and what a 401 or 403
// from the server does to them. Each page's hook fetches and keeps its own data.
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError } from '@/services/api'
import { EXPIRED_MESSAGE, sessionEnded, type SessionStore } from '../organizer/session'

export type Load =
  | { step: 'loading' }
  | { step: 'signedOut'; message: string }
  | { step: 'error'; message: string }
  | { step: 'ready' }

export const SIGN_IN_FIRST = '请先登录组织者页面'

export function useWorkspaceLoad(session: SessionStore) {
  const kept = useRef(session.read()).current
  const [load, setLoad] = useState<Load>(() =>
    kept ? { step: 'loading' } : { step: 'signedOut', message: SIGN_IN_FIRST },
  )
  const [forbidden, setForbidden] = useState(false)

  // False once the page has closed: an answer arriving later changes nothing.
  const alive = useRef(true)
  useEffect(
    () => () => {
      alive.current = false
    },
    [],
  )

  const signOut = useCallback(() => {
    session.clear()
    setLoad({ step: 'signedOut', message: EXPIRED_MESSAGE })
  }, [session])

  /** A 401 ends the session, a 403 makes the page read-only; true when the caller should stop. */
  const ended = useCallback(
    (e: unknown): boolean => {
      if (sessionEnded(e)) {
        signOut()
        return true
      }
      if (e instanceof ApiError && e.code === 'forbidden') setForbidden(true)
      return false
    },
    [signOut],
  )

  return {
    kept,
    token: kept?.token ?? '',
    load,
    setLoad,
    alive,
    readOnly: kept?.account.role === 'viewer' || forbidden,
    signOut,
    ended,
  }
}
