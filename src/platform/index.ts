// The one door to platform APIs (storage, navigation, feedback), so weapp/H5 differences live here.
import Taro from '@tarojs/taro'
import type { KeyValueStore } from './types'

/** The one place the platform is told apart; Taro replaces TARO_ENV at build time. */
export const isWeapp = process.env.TARO_ENV === 'weapp'

export const storage: KeyValueStore & { remove(key: string): void } = {
  get(key) {
    try {
      // A missing key comes back as '' on both platforms; treat it as absent.
      const v: unknown = Taro.getStorageSync(key)
      return typeof v === 'string' && v !== '' ? v : null
    } catch {
      return null
    }
  },
  set(key, value) {
    // Throws when storage is full (10 MB in all, 1 MB a key); callers decide what to tell the user.
    Taro.setStorageSync(key, value)
  },
  remove(key) {
    try {
      Taro.removeStorageSync(key)
    } catch {
      // removing is best-effort
    }
  },
}

export function toast(title: string, icon: 'none' | 'success' | 'error' = 'none') {
  void Taro.showToast({ title, icon, duration: 2000 }).catch(() => undefined)
}

export function stopPullDownRefresh() {
  void Promise.resolve(Taro.stopPullDownRefresh()).catch(() => undefined)
}

/** WeChat keeps at most 10 pages on its stack; navigateTo fails once it is full. */
export const PAGE_STACK_LIMIT = 10

/** A page that did not open is said to her and logged, never dropped without a word. */
function navigationFailed(url: string, e: unknown) {
  console.error(`[导航] 没能打开 ${url}`, e)
  toast('页面没能打开，请返回后再试')
}

function go(url: string, call: () => Promise<unknown>) {
  try {
    void Promise.resolve(call()).catch((e: unknown) => navigationFailed(url, e))
  } catch (e) {
    navigationFailed(url, e)
  }
}

function stackDepth(): number {
  try {
    return Taro.getCurrentPages().length
  } catch {
    return 0
  }
}

/**
 * Opens a page on top of this one; with the stack full (report ↔ program taps go deep) it
 * replaces this page instead, so the tap still works.
 */
export function navigateTo(url: string) {
  if (stackDepth() >= PAGE_STACK_LIMIT) go(url, () => Taro.redirectTo({ url }))
  else go(url, () => Taro.navigateTo({ url }))
}

export function switchTab(url: string) {
  go(url, () => Taro.switchTab({ url }))
}

let cachedFontScale: number | undefined

/**
 * The user's font scale: WeChat's font setting (getAppBaseInfo().fontSizeScaleFactor) in weapp,
 * the browser's default font size relative to 16px in H5. Read once; 1 when unknown.
 */
export function systemFontScale(): number {
  if (cachedFontScale !== undefined) return cachedFontScale
  let scale = 1
  try {
    // TARO_ENV written out (not isWeapp) so the H5 build drops the weapp branch: getAppBaseInfo
    // would bring Taro's user-agent parser (~15 KB) onto the first screen's path.
    if (process.env.TARO_ENV !== 'weapp') {
      const probe = document.createElement('div')
      probe.style.cssText = 'position:absolute;visibility:hidden;font-size:medium'
      document.body.appendChild(probe)
      scale = parseFloat(window.getComputedStyle(probe).fontSize) / 16
      probe.remove()
    } else {
      // fontSizeScaleFactor is in WeChat's getAppBaseInfo but missing from Taro's type.
      const info = Taro.getAppBaseInfo?.() as { fontSizeScaleFactor?: number } | undefined
      scale = info?.fontSizeScaleFactor ?? 1
    }
  } catch {
    scale = 1
  }
  cachedFontScale = Number.isFinite(scale) && scale > 0 ? scale : 1
  return cachedFontScale
}

export function redirectTo(url: string) {
  go(url, () => Taro.redirectTo({ url }))
}

/** A yes/no question; resolves true only when she confirms. */
export async function confirm(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const r = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#b71c1c' })
    return r.confirm
  } catch {
    return false
  }
}

/** Scrolls the page so the element matching `selector` is in view (the first form error). */
export function scrollToSelector(selector: string) {
  void Promise.resolve(Taro.pageScrollTo({ selector, duration: 200, offsetTop: -80 })).catch(() => undefined)
}

/** How a field typed as digits is set up: which keyboard opens, and what the input may hold. */
export interface NumericInput {
  type: 'number' | 'text'
  nativeProps?: Record<string, string>
}

/**
 * The keypad for a mobile or a number field. On weapp the number keypad types plain digits. On H5
 * an <input type="number"> would throw away what a phone sends in full-width (４０) or with spaces
 * and +86, so the input stays text and inputmode opens the keypad; the validator normalises.
 */
export function numericInput(kind: 'mobile' | 'number' | 'sms-code'): NumericInput {
  if (isWeapp) return { type: 'number' }
  return {
    type: 'text',
    nativeProps:
      kind === 'mobile'
        ? { inputMode: 'tel', autoComplete: 'tel' }
        : kind === 'sms-code'
          ? // The phone offers the code from the SMS above the keyboard (iOS, and Android Chrome).
            { inputMode: 'numeric', autoComplete: 'one-time-code' }
          : { inputMode: 'numeric' },
  }
}

/** The scene WeChat opened the app with; on H5 a `scene` query simulates one (scene=1154). */
export function enterScene(): number | undefined {
  try {
    if (isWeapp) return Taro.getEnterOptionsSync().scene
    const query = location.hash.split('?')[1] ?? location.search.slice(1)
    const scene = new URLSearchParams(query).get('scene')
    return scene ? Number(scene) : undefined
  } catch {
    return undefined
  }
}
