// Client state only (preferences; later sign-up drafts): content from the Api stays in fetch hooks.
import { create, type StateCreator } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { toast } from '@/platform'
import { createTaroStateStorage } from './storage'

export interface PrefsSlice {
  /** The manual 大字模式 switch in 我的报名, on top of the system font scale. */
  largeFont: boolean
  setLargeFont: (on: boolean) => void
}

export type AppState = PrefsSlice

const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  largeFont: false,
  setLargeFont: (largeFont) => set({ largeFont }),
})

export const STORE_KEY = 'jg.app'
export const STORE_VERSION = 1

/** Brings any stored shape up to the current one; unknown or broken fields fall back to defaults. */
export function migrate(persisted: unknown, _version: number): Partial<AppState> {
  const p = (persisted && typeof persisted === 'object' ? persisted : {}) as Record<string, unknown>
  return { largeFont: p.largeFont === true }
}

export const useAppStore = create<AppState>()(
  persist((...a) => ({ ...createPrefsSlice(...a) }), {
    name: STORE_KEY,
    version: STORE_VERSION,
    storage: createJSONStorage(() => createTaroStateStorage((p) => toast(p.message))),
    partialize: (s) => ({ largeFont: s.largeFont }),
    migrate,
    // Garbage in storage (not JSON, wrong shape) must never stop the app: keep defaults, keep going.
    merge: (persisted, current) => ({ ...current, ...migrate(persisted, STORE_VERSION) }),
  }),
)
