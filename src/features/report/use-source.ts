// Fetch hook for the article behind a report; an article the server does not have is null, not an error.
import { ApiError, type ReportSource } from '@/services/api'
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'

export function useSource(federationId: string) {
  return useAsync(async (): Promise<ReportSource | null> => {
    // The built-in data carries no articles: nothing to fetch, same as a report without one.
    if (!api.getSource) return null
    try {
      return await api.getSource(federationId)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'not_found') return null
      throw e
    }
  }, [federationId])
}
