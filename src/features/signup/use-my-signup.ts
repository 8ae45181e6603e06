// One of my sign-ups by id, for the success and detail pages.
import { api } from '@/services'
import { ApiError } from '@/services/api'
import { useAsync } from '@/shared/use-async'

export function useMySignup(signupId: string) {
  return useAsync(async () => {
    const found = (await api.listMySignups()).find((s) => s.id === signupId)
    if (!found) throw new ApiError('not_found', '没有找到这条报名记录，可能已经删除')
    return found
  }, [signupId])
}
