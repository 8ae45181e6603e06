// An in-memory KeyValueStore for tests; `full` makes writes throw as a full phone does.
import type { KeyValueStore } from '@/services/mock/mock-api'

export function memoryStore(): KeyValueStore & { data: Map<string, string>; full: boolean } {
  const data = new Map<string, string>()
  return {
    data,
    full: false,
    get(k) {
      return data.get(k) ?? null
    },
    set(k, v) {
      if (this.full) throw new Error('setStorage:fail exceed storage max size 10MB')
      data.set(k, v)
    },
    remove(k) {
      data.delete(k)
    },
  }
}
