// Shared factory for tests that replace `@/services` with the real mock Api over the real data.
import { createMockApi } from '@/services/mock/mock-api'
import { contentFiles } from './content-files'
import { memoryStore } from './memory-store'

export const serviceControl = { fail: false }

export function makeServices() {
  const store = memoryStore()
  return {
    store,
    api: createMockApi({
      files: contentFiles,
      store,
      shouldFail: () => serviceControl.fail,
    }),
  }
}
