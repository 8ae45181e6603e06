// 我的地区: the region the feed is narrowed to, shared by the feed and the picker page. The last
// region she picked is remembered on this phone: the picker offers it first, and the feed opens on
// it unless she went back to 全国 (a first visit sees 全国).
import { create } from 'zustand'
import { parseChoice, type RegionChoice } from '@/domain/region-choice'
import { storage } from '@/platform'

export const MY_REGION_KEY = 'jg.region'

interface Remembered {
  /** The last region she picked (not 全国). */
  mine: RegionChoice | undefined
  /** Whether the feed showed it when she left (false: she chose 全国 after it). */
  showing: boolean
}

interface RegionState extends Remembered {
  /** The region the feed shows; undefined is 全国. */
  region: RegionChoice | undefined
  /** Sets the feed's region; a region (not 全国) becomes 我的地区. */
  pick: (choice: RegionChoice | undefined) => void
}

/** What storage holds, if it reads (storage can hold anything). */
export function readRemembered(): Remembered {
  try {
    const v = JSON.parse(storage.get(MY_REGION_KEY) ?? 'null') as { mine?: unknown; showing?: unknown } | null
    const mine = v && typeof v === 'object' ? parseChoice(JSON.stringify(v.mine ?? null)) : undefined
    return { mine, showing: !!mine && v?.showing !== false }
  } catch {
    return { mine: undefined, showing: false }
  }
}

function remember(r: Remembered) {
  try {
    storage.set(MY_REGION_KEY, JSON.stringify(r))
  } catch {
    // Storage full: the choice still applies now, it is only not remembered.
  }
}

const initial = readRemembered()

export const useMyRegion = create<RegionState>()((set, get) => ({
  ...initial,
  region: initial.showing ? initial.mine : undefined,
  pick: (region) => {
    const mine = region ?? get().mine
    remember({ mine, showing: !!region })
    set({ region, mine, showing: !!region })
  },
}))

/** 删除我的全部数据 takes 我的地区 too: the feed goes back to 全国. */
export function forgetMyRegion() {
  storage.remove(MY_REGION_KEY)
  useMyRegion.setState({ region: undefined, mine: undefined, showing: false })
}
