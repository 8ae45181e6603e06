// The whole built-in Api in one call, reads and writes: what tests and the parity checks use. The app
// builds it in two parts (services/index.ts and use-mock-more.ts) to keep its main package small.
import type { Api } from '../api'
import { createMockCore, type MockApiOptions } from './mock-core'
import { mockMore } from './mock-more'

export { SIGNUPS_KEY, type KeyValueStore, type MockApiOptions } from './mock-core'

export function createMockApi(options: MockApiOptions): Api {
  return createMockCore(options, () => mockMore)
}
