// A small stand-in for @tarojs/taro under jest: in-memory storage, recorded navigation and toasts.
import { useEffect } from 'react'

// Kept on globalThis so it outlives jest.resetModules(), as a phone's storage outlives an app restart.
const g = globalThis as typeof globalThis & { __taroStorage?: Map<string, string> }
const store = (g.__taroStorage ??= new Map<string, string>())
export const calls = {
  toasts: [] as string[],
  navigations: [] as string[],
}
let storageFull = false

export function __reset() {
  store.clear()
  calls.toasts.length = 0
  calls.navigations.length = 0
  storageFull = false
  router.params = {}
}
export function __setStorageFull(full: boolean) {
  storageFull = full
}

const Taro = {
  getStorageSync: (key: string) => store.get(key) ?? '',
  setStorageSync: (key: string, value: string) => {
    if (storageFull) throw new Error('setStorage:fail exceed storage max size 10MB')
    store.set(key, value)
  },
  removeStorageSync: (key: string) => void store.delete(key),
  showToast: async ({ title }: { title: string }) => void calls.toasts.push(title),
  stopPullDownRefresh: async () => undefined,
  navigateTo: async ({ url }: { url: string }) => void calls.navigations.push(url),
  switchTab: async ({ url }: { url: string }) => void calls.navigations.push(url),
  getAppBaseInfo: () => ({ fontSizeScaleFactor: 1, theme: 'light' }),
}

export const router = { params: {} as Record<string, string> }

export function useRouter() {
  return router
}
export function usePullDownRefresh(_fn: () => void) {}
export function useReachBottom(_fn: () => void) {}
export function useDidShow(fn: () => void) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(fn, [])
}

export default Taro
