// Fetch hook for one program with its dated sessions.
import { api } from '@/services'
import { useAsync } from '@/shared/use-async'

export function useProgram(programId: string) {
  return useAsync(() => api.getProgram(programId), [programId])
}
