// Client state only (preferences, sign-up drafts): content from the Api stays in fetch hooks.
import { create, type StateCreator } from 'zustand'
import { createJSONStorage, persist } from 'zustand/middleware'
import { toast } from '@/platform'
import { createTaroStateStorage } from './storage'
import { clock } from '@/shared/clock'

export type DraftValue = string | string[] | boolean

export interface Draft {
  answers: Record<string, DraftValue>
  updatedAt: string
}

export interface PrefsSlice {
  /** The manual 大字模式 switch in 我的报名, on top of the system font scale. */
  largeFont: boolean
  setLargeFont: (on: boolean) => void
}

export interface DraftsSlice {
  /** Unfinished sign-up forms by program id: nothing she typed is lost when she leaves. */
  drafts: Record<string, Draft>
  setDraftField: (programId: string, fieldId: string, value: DraftValue) => void
  clearDraft: (programId: string) => void
}

export interface AppState extends PrefsSlice, DraftsSlice {
  /** Forgets every preference and draft (我的报名 → 删除我的全部数据). */
  resetAll: () => void
}

const createPrefsSlice: StateCreator<AppState, [], [], PrefsSlice> = (set) => ({
  largeFont: false,
  setLargeFont: (largeFont) => set({ largeFont }),
})

const createDraftsSlice: StateCreator<AppState, [], [], DraftsSlice> = (set) => ({
  drafts: {},
  setDraftField: (programId, fieldId, value) =>
    set((s) => ({
      drafts: {
        ...s.drafts,
        [programId]: {
          answers: { ...s.drafts[programId]?.answers, [fieldId]: value },
          updatedAt: clock.now().toISOString(),
        },
      },
    })),
  clearDraft: (programId) =>
    set((s) => {
      const { [programId]: _gone, ...rest } = s.drafts
      return { drafts: rest }
    }),
})

export const STORE_KEY = 'jg.app'
export const STORE_VERSION = 2

const isDraftValue = (v: unknown): v is DraftValue =>
  typeof v === 'string' || typeof v === 'boolean' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))

/** Keeps every readable draft and drops only the unreadable ones. */
function cleanDrafts(raw: unknown): Record<string, Draft> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {}
  const out: Record<string, Draft> = {}
  for (const [programId, d] of Object.entries(raw as Record<string, unknown>)) {
    if (!d || typeof d !== 'object') continue
    const { answers, updatedAt } = d as { answers?: unknown; updatedAt?: unknown }
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) continue
    const kept = Object.fromEntries(
      Object.entries(answers as Record<string, unknown>).filter(([, v]) => isDraftValue(v)),
    ) as Record<string, DraftValue>
    out[programId] = { answers: kept, updatedAt: typeof updatedAt === 'string' ? updatedAt : '' }
  }
  return out
}

type Stored = Record<string, unknown>

const asObject = (v: unknown): Stored => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Stored) : {})

/**
 * One step per version, each from the shape that version stored to the next one's:
 * v0 is what zustand calls a blob written before versions were kept (this app never wrote one;
 * it would hold v1's settings); v1 stored `{ largeFont }`; v2 added `drafts`.
 */
const STEPS: Record<number, (state: Stored) => Stored> = {
  0: (s) => ({ largeFont: s.largeFont }),
  1: (s) => ({ largeFont: s.largeFont, drafts: {} }),
}

/**
 * Brings a stored state from `version` up to STORE_VERSION, step by step. A version this build
 * does not know (written by a newer app) is passed on as it is: sanitizeState keeps what still
 * reads and the newer app migrates from v2 again.
 */
export function migrate(persisted: unknown, version: number): Stored {
  let state = asObject(persisted)
  if (!Number.isInteger(version) || version < 0 || version > STORE_VERSION) return state
  for (let v = version; v < STORE_VERSION; v++) state = STEPS[v](state)
  return state
}

/** After migration: whatever does not read as the current shape falls back to its default. */
export function sanitizeState(state: unknown): Pick<AppState, 'largeFont' | 'drafts'> {
  const s = asObject(state)
  return { largeFont: s.largeFont === true, drafts: cleanDrafts(s.drafts) }
}

export const useAppStore = create<AppState>()(
  persist(
    (...a) => ({
      ...createPrefsSlice(...a),
      ...createDraftsSlice(...a),
      resetAll: () => a[0]({ largeFont: false, drafts: {} }),
    }),
    {
      name: STORE_KEY,
      version: STORE_VERSION,
      storage: createJSONStorage(() => createTaroStateStorage(toast)),
      partialize: (s) => ({ largeFont: s.largeFont, drafts: s.drafts }),
      migrate,
      // Then garbage in storage (wrong shape) never stops the app: keep what reads, default the rest.
      merge: (persisted, current) => ({ ...current, ...sanitizeState(persisted) }),
      onRehydrateStorage: () => (_state, error) => {
        if (error) toast('手机里保存的部分设置和草稿没能读取，已恢复默认。其他内容不受影响。')
      },
    },
  ),
)
