// The card draft kept on this device, one key per federation: every change lands here at once, so
// a reload, a lost connection or a save refused as stale loses nothing she typed.
import type { CardDraft } from '@/domain/card-shape'
import type { KeyValueStore } from '@/platform/types'

export interface LocalDraft {
  draft: CardDraft
  /** The server revision this copy was edited from. */
  revision: number
  /** When she last changed it (clock time, ISO). */
  changedAt: string
  /** Not yet on the server. */
  pending: boolean
}

export const draftKey = (federationId: string) => `jg.workspace.card.${federationId}`
/** Her own version, set aside when she loads a newer one from the server after a 409. */
export const mineKey = (federationId: string) => `${draftKey(federationId)}.mine`

function read(store: KeyValueStore, key: string): LocalDraft | null {
  try {
    const kept = JSON.parse(store.get(key) ?? 'null') as Partial<LocalDraft> | null
    return kept && kept.draft && typeof kept.changedAt === 'string' ? (kept as LocalDraft) : null
  } catch {
    return null
  }
}

function write(store: KeyValueStore, key: string, local: LocalDraft): boolean {
  try {
    store.set(key, JSON.stringify(local))
    return true
  } catch {
    // Storage full: the caller says so; the draft still lives in the page and goes to the server.
    return false
  }
}

export function draftStore(store: KeyValueStore) {
  return {
    read: (federationId: string) => read(store, draftKey(federationId)),
    write: (federationId: string, local: LocalDraft) => write(store, draftKey(federationId), local),
    readMine: (federationId: string) => read(store, mineKey(federationId)),
    keepMine: (federationId: string, local: LocalDraft) => write(store, mineKey(federationId), local),
    forgetMine: (federationId: string) => store.remove(mineKey(federationId)),
  }
}

export type DraftStore = ReturnType<typeof draftStore>
