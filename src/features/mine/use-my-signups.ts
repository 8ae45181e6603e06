// Fetch hook for the current user's sign-ups.
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'

export function useMySignups() {
  return useAsync(() => api.listMySignups(), [])
}
