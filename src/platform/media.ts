// Images, the photo album and links: only the sharing and poster pages need these, so they
// stay out of the main package (the main pages import '@/platform', not this file).
import Taro from '@tarojs/taro'
import { isWeapp } from './index'
import { shareText } from '@/domain/share'

/** The largest edge a canvas may have in pixels (WeChat's limit). */
const MAX_CANVAS = 4096

/** A picture loaded for drawing: what drawImage takes, with its size in pixels. */
export type CanvasPicture = CanvasImageSource & { width: number; height: number }

/** Longest wait for a picture on a weak network: past it the drawing goes on without it. */
const PICTURE_WAIT_MS = 6000

/** Loads one picture into an image made for the canvas; null when it fails or takes too long. */
function loadPicture(make: () => HTMLImageElement, src: string): Promise<CanvasPicture | null> {
  return new Promise((resolve) => {
    const img = make()
    const timer = setTimeout(() => resolve(null), PICTURE_WAIT_MS)
    img.onload = () => {
      clearTimeout(timer)
      resolve(img)
    }
    img.onerror = () => {
      clearTimeout(timer)
      resolve(null)
    }
    img.src = src
  })
}

/**
 * Draws with Canvas 2D at the screen's pixel ratio (kept within 4096×4096) and returns an image:
 * a temp file on weapp (offscreen canvas, type 2d), a PNG data URL on H5. Also how long drawing took.
 * `pictures` (URLs) are loaded first and handed to `draw` in order, null for one that did not load:
 * on weapp through the canvas's own createImage (from a downloadFile domain), on H5 as CORS images
 * so the canvas can still be exported.
 */
export async function renderImage(
  width: number,
  height: number,
  draw: (ctx: CanvasRenderingContext2D, pictures: Array<CanvasPicture | null>) => void,
  pictures: string[] = [],
): Promise<{ src: string; drawMs: number; pixelRatio: number }> {
  const deviceRatio = isWeapp ? (Taro.getWindowInfo?.().pixelRatio ?? 2) : window.devicePixelRatio || 1
  const pixelRatio = Math.min(deviceRatio, MAX_CANVAS / Math.max(width, height))
  const w = Math.floor(width * pixelRatio)
  const h = Math.floor(height * pixelRatio)
  if (isWeapp) {
    const canvas = Taro.createOffscreenCanvas({ type: '2d', width: w, height: h }) as unknown as {
      getContext(type: '2d'): CanvasRenderingContext2D
      createImage(): HTMLImageElement
    }
    const loaded = await Promise.all(pictures.map((src) => loadPicture(() => canvas.createImage(), src)))
    const ctx = canvas.getContext('2d')
    ctx.scale(pixelRatio, pixelRatio)
    const t0 = Date.now()
    draw(ctx, loaded)
    const drawMs = Date.now() - t0
    const r = await Taro.canvasToTempFilePath({ canvas, fileType: 'png' } as never)
    return { src: r.tempFilePath, drawMs, pixelRatio }
  }
  const loaded = await Promise.all(
    pictures.map((src) =>
      loadPicture(() => {
        const img = new Image()
        img.crossOrigin = 'anonymous'
        return img
      }, src),
    ),
  )
  const canvas = document.createElement('canvas')
  canvas.width = w
  canvas.height = h
  const ctx = canvas.getContext('2d')
  if (!ctx) throw new Error('这台设备不支持绘图')
  ctx.scale(pixelRatio, pixelRatio)
  const t0 = performance.now()
  draw(ctx, loaded)
  const src = canvas.toDataURL('image/png')
  const drawMs = performance.now() - t0
  // The bench reads this measure to report the poster draw time.
  performance.measure?.('poster-draw', { start: t0, duration: drawMs })
  return { src, drawMs, pixelRatio }
}

export type SaveResult = 'saved' | 'downloaded' | 'denied' | 'failed'

/** The browser's download of a URL under a file name. */
function clickDownload(href: string, fileName: string) {
  const a = document.createElement('a')
  a.href = href
  a.download = fileName
  document.body.appendChild(a)
  a.click()
  a.remove()
}

/** Saves an image: to the photo album on weapp (asks scope.writePhotosAlbum), as a download on H5. */
export async function saveImage(src: string, fileName: string): Promise<SaveResult> {
  if (!isWeapp) {
    clickDownload(src, fileName)
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

/** Saves text as a file: a download in the browser (the organizer page is H5 only). */
export function downloadText(text: string, fileName: string, mime: string): boolean {
  if (isWeapp || typeof document === 'undefined') return false
  const url = URL.createObjectURL(new Blob([text], { type: mime }))
  clickDownload(url, fileName)
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return true
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
      // text: the title with its key figure; apps that show only text and address still say what it is.
      await nav.share({ title, text: title, url })
      return 'shared'
    } catch (e) {
      if ((e as Error)?.name === 'AbortError') return 'cancelled'
    }
  }
  const copied = shareText(title, url)
  try {
    if (isWeapp) await Taro.setClipboardData({ data: copied })
    else if (nav?.clipboard?.writeText) await nav.clipboard.writeText(copied)
    else {
      const t = document.createElement('textarea')
      t.value = copied
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
