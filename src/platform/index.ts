// The one door to platform APIs (storage, navigation, feedback), so weapp/H5 differences live here.
import Taro from '@tarojs/taro'
import type { KeyValueStore } from '@/services/mock/mock-api'

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

export function navigateTo(url: string) {
  void Taro.navigateTo({ url }).catch(() => undefined)
}

export function switchTab(url: string) {
  void Taro.switchTab({ url }).catch(() => undefined)
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
    if (process.env.TARO_ENV === 'h5') {
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
  void Taro.redirectTo({ url }).catch(() => undefined)
}

export function navigateBack() {
  void Taro.navigateBack().catch(() => switchTab('/pages/mine/index'))
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

/** The keypad for a mobile number: digits on weapp; on H5 plain text so pasted "+86 …" is accepted. */
export const mobileInputType: 'number' | 'text' = process.env.TARO_ENV === 'weapp' ? 'number' : 'text'

export type ReminderResult = 'accepted' | 'rejected' | 'unavailable' | 'not-configured' | 'failed'

/**
 * Asks for one reminder message (requestSubscribeMessage). WeChat only allows it from a tap;
 * H5 has no such thing, and without a template id reminders are simply not set up.
 */
export async function requestReminder(templateId: string): Promise<ReminderResult> {
  if (!templateId) return 'not-configured'
  if (process.env.TARO_ENV !== 'weapp') return 'unavailable'
  try {
    const r = (await Taro.requestSubscribeMessage({
      tmplIds: [templateId],
      entityIds: [],
    } as never)) as unknown as Record<string, string>
    return r[templateId] === 'accept' ? 'accepted' : 'rejected'
  } catch {
    return 'failed'
  }
}

export const isWeapp = process.env.TARO_ENV === 'weapp'

/** The largest edge a canvas may have in pixels (WeChat's limit). */
const MAX_CANVAS = 4096

/**
 * Draws with Canvas 2D at the screen's pixel ratio (kept within 4096×4096) and returns an image:
 * a temp file on weapp (offscreen canvas, type 2d), a PNG data URL on H5. Also how long drawing took.
 */
export async function renderImage(
  width: number,
  height: number,
  draw: (ctx: CanvasRenderingContext2D) => void,
): Promise<{ src: string; drawMs: number; pixelRatio: number }> {
  const deviceRatio = isWeapp ? (Taro.getWindowInfo?.().pixelRatio ?? 2) : window.devicePixelRatio || 1
  const pixelRatio = Math.min(deviceRatio, MAX_CANVAS / Math.max(width, height))
  const w = Math.floor(width * pixelRatio)
  const h = Math.floor(height * pixelRatio)
  if (isWeapp) {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: w, height: h }) as unknown as {
      getContext(type: '2d'): CanvasRenderingContext2D
    }
    const ctx = canvas.getContext('2d')
    ctx.scale(pixelRatio, pixelRatio)
    const t0 = Date.now()
    draw(ctx)
    const drawMs = Date.now() - t0
    const r = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' } as never)
    return { src: r.tempFilePath, drawMs, pixelRatio }
  }
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('这台设备不支持绘图')
  ctx.scale(pixelRatio, pixelRatio)
  const t0 = performance.now()
  draw(ctx)
  const src = canvas.toDataURL('image/png')
  const drawMs = performance.now() - t0
  // The bench reads this measure to report the poster draw time.
  performance.measure?.('poster-draw', { start: t0, duration: drawMs })
  return { src, drawMs, pixelRatio }
}

export type SaveResult = 'saved' | 'downloaded' | 'denied' | 'failed'

/** Saves an image: to the photo album on weapp (asks scope.writePhotosAlbum), as a download on H5. */
export async function saveImage(src: string, fileName: string): Promise<SaveResult> {
  if (!isWeapp) {
    const a = document.createElement('a')
    a.href = src
    a.download = fileName
    document.body.appendChild(a)
    a.click()
    a.remove()
    return 'downloaded'
  }
  try {
    await Taro.saveImageToPhotosAlbum({ filePath: src })
    return 'saved'
  } catch (e) {
    const msg = String((e as { errMsg?: string })?.errMsg ?? e)
    return /auth|deny|denied|authorize/i.test(msg) ? 'denied' : 'failed'
  }
}

/** True when she refused the album before: only openSetting (from a tap) can ask again. */
export async function albumRefused(): Promise<boolean> {
  if (!isWeapp) return false
  try {
    const { authSetting } = await Taro.getSetting()
    return authSetting['scope.writePhotosAlbum'] === false
  } catch {
    return false
  }
}

/** Opens WeChat's permission settings; resolves true when the album is allowed afterwards. */
export async function openAlbumSetting(): Promise<boolean> {
  try {
    const { authSetting } = await Taro.openSetting()
    return authSetting['scope.writePhotosAlbum'] === true
  } catch {
    return false
  }
}

export type ShareLinkResult = 'shared' | 'copied' | 'cancelled' | 'failed'

/** H5 sharing: the Web Share API where the browser has it, else the link is copied. */
export async function shareLink(title: string, url: string): Promise<ShareLinkResult> {
  const nav = typeof navigator === 'undefined' ? undefined : navigator
  if (!isWeapp && nav?.share) {
    try {
      await nav.share({ title, url })
      return 'shared'
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') return 'cancelled'
    }
  }
  try {
    if (isWeapp) await Taro.setClipboardData({ data: url })
    else if (nav?.clipboard?.writeText) await nav.clipboard.writeText(url)
    else {
      const t = document.createElement('textarea')
      t.value = url
      document.body.appendChild(t)
      t.select()
      const ok = document.execCommand('copy')
      t.remove()
      if (!ok) return 'failed'
    }
    return 'copied'
  } catch {
    return 'failed'
  }
}

/** The H5 address of an app path (for QR codes and copied links); '' when none is configured. */
export function h5Url(path: string, configuredOrigin: string): string {
  if (!isWeapp && typeof location !== 'undefined') return `${location.origin}${location.pathname}#${path}`
  return configuredOrigin ? `${configuredOrigin.replace(/\/+$/, '')}/#${path}` : ''
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
