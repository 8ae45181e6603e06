// Shared factory for tests that replace `@/services` with the real mock Api over the real data.
import { createMockApi } from '@/services/mock/mock-api'
import { contentFiles } from './content-files'

export const serviceControl = { fail: false, now: undefined as Date | undefined }

export function makeServices() {
  const store = new Map<string, string>()
  return {
    store,
    api: createMockApi({
      files: contentFiles,
      store: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) },
      shouldFail: () => serviceControl.fail,
      now: () => serviceControl.now ?? new Date(),
    }),
  }
}
