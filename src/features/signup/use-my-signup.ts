// One of my sign-ups by id, for the success and detail pages; offline, the ticket kept on the phone.
import { api } from '@/services'
import { ApiError, type Signup } from '@/services/api'
import { useAsync } from '@/shared/use-async'
import { keptTicket, rememberTickets } from './ticket-cache'

/** A sign-up as the page shows it; `offline` when it is the copy kept on the phone. */
export type MySignup = Signup & { offline?: true }

export async function loadMySignup(signupId: string): Promise<MySignup> {
  let mine: Signup[]
  try {
    mine = await api.listMySignups()
  } catch (e) {
    // No network at the door: the ticket she last saw is still good to show.
    const kept = e instanceof ApiError && e.code === 'network' ? keptTicket(signupId) : undefined
    if (kept) return { ...kept, offline: true }
    throw e
  }
  rememberTickets(mine)
  const found = mine.find((s) => s.id === signupId)
  if (!found) throw new ApiError('not_found', '没有找到这条报名记录，可能已经删除')
  return found
}

export function useMySignup(signupId: string) {
  return useAsync(() => loadMySignup(signupId), [signupId])
}
