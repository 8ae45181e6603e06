// Fetch hook for the feed's cards.
import { api } from '@/services'
import type { CardFilter } from '@/services/api'
import { useAsync } from '@/shared/use-async'

export function useCards(filter: CardFilter = {}) {
  return useAsync(() => api.listCards(filter), [filter.province, filter.topic])
}
