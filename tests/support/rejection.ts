// Awaits a call that should fail with an ApiError and returns the error (fails the test otherwise).
import { ApiError } from '@/services/api'

export async function rejection(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p
  } catch (e) {
    if (e instanceof ApiError) return e
    throw e
  }
  throw new Error('expected the call to fail')
}
