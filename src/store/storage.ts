// zustand persist over Taro's synchronous storage, so state is hydrated before the first render.
import type { StateStorage } from 'zustand/middleware'
import { storage } from '@/platform'

export interface StorageProblem {
  key: string
  message: string
}

/** Writes can fail (storage full); the adapter reports it instead of throwing into React. */
export function createTaroStateStorage(onProblem: (p: StorageProblem) => void): StateStorage {
  return {
    // `|| null`: a missing key reads as '' and zustand would then fail to parse it and never hydrate.
    getItem: (key) => storage.get(key) || null,
    setItem: (key, value) => {
      try {
        storage.set(key, value)
      } catch {
        onProblem({ key, message: '手机存储空间不足，设置没能保存。请清理微信存储后再试。' })
      }
    },
    removeItem: (key) => storage.remove(key),
  }
}
