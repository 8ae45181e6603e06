// A small stand-in for @tarojs/taro under jest: in-memory storage, recorded navigation and toasts.
import { useEffect } from 'react'

// Kept on globalThis so it outlives jest.resetModules(), as a phone's storage outlives an app restart;
// the records and switches too, so a test holding this module sees what a reloaded store did.
interface StandInState {
  storage: Map<string, string>
  calls: { toasts: string[]; navigations: string[]; redirects: string[]; scrolls: string[] }
  modal: { confirm: boolean }
  storageFull: boolean
  /** How many pages getCurrentPages reports, and whether navigation calls fail. */
  pages: { depth: number; failNavigation: boolean }
}
const g = globalThis as typeof globalThis & { __taroStandIn?: StandInState }
const fresh: StandInState = {
  storage: new Map(),
  calls: { toasts: [], navigations: [], redirects: [], scrolls: [] },
  modal: { confirm: true },
  storageFull: false,
  pages: { depth: 1, failNavigation: false },
}
const state = (g.__taroStandIn ??= fresh)
const store = state.storage
export const calls = state.calls
/** What the next showModal answers. */
export const modal = state.modal
/** The page stack as WeChat would report it: set `depth` to 10 for a full stack. */
export const pages = state.pages

export function __reset() {
  store.clear()
  calls.toasts.length = 0
  calls.navigations.length = 0
  calls.redirects.length = 0
  calls.scrolls.length = 0
  modal.confirm = true
  state.storageFull = false
  pages.depth = 1
  pages.failNavigation = false
  router.params = {}
  enter.scene = 1001
  delete shared.chat
  delete shared.timeline
}
export function __setStorageFull(full: boolean) {
  state.storageFull = full
}

const Taro = {
  getStorageSync: (key: string) => store.get(key) ?? '',
  setStorageSync: (key: string, value: string) => {
    if (state.storageFull) throw new Error('setStorage:fail exceed storage max size 10MB')
    store.set(key, value)
  },
  removeStorageSync: (key: string) => void store.delete(key),
  showToast: async ({ title }: { title: string }) => void calls.toasts.push(title),
  stopPullDownRefresh: async () => undefined,
  navigateTo: async ({ url }: { url: string }) => {
    if (pages.failNavigation) throw new Error('navigateTo:fail page limit exceeded')
    calls.navigations.push(url)
  },
  switchTab: async ({ url }: { url: string }) => {
    if (pages.failNavigation) throw new Error('switchTab:fail')
    calls.navigations.push(url)
  },
  redirectTo: async ({ url }: { url: string }) => {
    if (pages.failNavigation) throw new Error('redirectTo:fail')
    calls.redirects.push(url)
  },
  getCurrentPages: () => Array.from({ length: pages.depth }, (_, i) => ({ route: `page-${i}` })),
  navigateBack: async () => undefined,
  showModal: async () => ({ confirm: modal.confirm, cancel: !modal.confirm }),
  pageScrollTo: async ({ selector }: { selector: string }) => void calls.scrolls.push(selector),
  requestSubscribeMessage: async () => ({}),
  getEnterOptionsSync: () => ({ scene: enter.scene, path: '', query: {} }),
  getAppBaseInfo: () => ({ fontSizeScaleFactor: 1, theme: 'light' }),
}

export const router = { params: {} as Record<string, string> }

export function useRouter() {
  return router
}
/** The latest share payloads a page produced, as WeChat would ask for them. */
export const shared: { chat?: Record<string, unknown>; timeline?: Record<string, unknown> } = {}
export function useShareAppMessage(fn: () => Record<string, unknown>) {
  shared.chat = fn()
}
export function useShareTimeline(fn: () => Record<string, unknown>) {
  shared.timeline = fn()
}
/** The scene the app was "opened" with; 1154 is Moments' single-page mode. */
export const enter = { scene: 1001 }

export function usePullDownRefresh(_fn: () => void) {}
export function useReachBottom(_fn: () => void) {}
export function useDidHide(_fn: () => void) {}
export function useDidShow(fn: () => void) {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(fn, [])
}

export default Taro
