// zustand persist over Taro's synchronous storage, so state is hydrated before the first render.
import type { StateStorage } from 'zustand/middleware'
import { storage } from '@/platform'

/**
 * Writes can fail (storage full). The adapter reports it — once until a write succeeds again,
 * so typing into a form does not raise a message per keystroke — instead of throwing into React.
 */
export function createTaroStateStorage(onProblem: (message: string) => void): StateStorage {
  let reported = false
  return {
    // `|| null`: a missing key reads as '' and zustand would then fail to parse it and never hydrate.
    getItem: (key) => storage.get(key) || null,
    setItem: (key, value) => {
      try {
        storage.set(key, value)
        reported = false
      } catch {
        if (!reported)
          onProblem('手机存储空间不足，填写的内容暂时没能保存到手机上。请不要离开本页，清理微信存储后再试。')
        reported = true
      }
    },
    removeItem: (key) => storage.remove(key),
  }
}
