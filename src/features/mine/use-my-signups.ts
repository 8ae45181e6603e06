// Fetch hook for the current user's sign-ups.
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'
import { rememberTickets } from '@/features/signup/ticket-cache'

export function useMySignups() {
  return useAsync(async () => {
    const mine = await api.listMySignups()
    // Opening 我的报名 is enough to keep her tickets for a door with no signal.
    rememberTickets(mine)
    return mine
  }, [])
}
