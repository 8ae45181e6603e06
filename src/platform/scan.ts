// The camera that reads ticket QR codes at the door on H5: the browser camera (getUserMedia) with
// jsQR reading video frames. The weapp build takes scan.weapp.ts (WeChat's scanner) instead, so
// jsQR never reaches the mini-program. Only the check-in page imports this.
import jsQR from 'jsqr'
import type { ScanStart } from './scan-types'

export type { ScanFailure, ScanStart } from './scan-types'

/** Frames read a second: enough for a ticket held up to the phone, light on an old phone's CPU. */
const FRAMES_PER_SECOND = 6
/**
 * Frames are read at most this wide (or tall): a ticket held up to the camera still has pixels to
 * spare, and jsQR reads a 640×360 frame in about 20–30 ms where a 1280×720 one takes 200–340 ms.
 */
const FRAME_EDGE = 640

/** The text of the QR code in one frame (RGBA pixels), if one can be read there. */
export function readQr(image: { data: Uint8ClampedArray; width: number; height: number }): string | undefined {
  // Both ways: a ticket shown light on dark (a phone in the dark theme) reads as well.
  const found = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' })
  return found?.data || undefined
}

/**
 * Starts reading QR codes: the back camera's picture goes into the element with id `hostId` and
 * every code seen is passed to `onText` until `stop`. `denied` when she (or the browser) refused
 * the camera.
 */
export async function startTicketScanner(hostId: string, onText: (text: string) => void): Promise<ScanStart> {
  const media = typeof navigator !== 'undefined' ? navigator.mediaDevices : undefined
  if (!media?.getUserMedia) return { ok: false, reason: 'unavailable' }
  let stream: MediaStream
  try {
    stream = await media.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch (e) {
    const name = e instanceof Error ? e.name : ''
    return { ok: false, reason: name === 'NotAllowedError' || name === 'SecurityError' ? 'denied' : 'unavailable' }
  }
  const host = document.getElementById(hostId)
  const video = document.createElement('video')
  video.setAttribute('playsinline', 'true')
  video.setAttribute('aria-label', '扫码画面')
  video.muted = true
  video.srcObject = stream
  video.style.width = '100%'
  host?.appendChild(video)
  const canvas = document.createElement('canvas')
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined
  const stop = () => {
    stopped = true
    if (timer) clearTimeout(timer)
    stream.getTracks().forEach((t) => t.stop())
    video.remove()
  }
  const read = () => {
    if (stopped) return
    if (ctx && video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth) {
      const scale = Math.min(1, FRAME_EDGE / Math.max(video.videoWidth, video.videoHeight))
      canvas.width = Math.round(video.videoWidth * scale)
      canvas.height = Math.round(video.videoHeight * scale)
      ctx.drawImage(video, 0, 0, canvas.width, canvas.height)
      const text = readQr(ctx.getImageData(0, 0, canvas.width, canvas.height))
      if (text) onText(text)
    }
    timer = setTimeout(read, 1000 / FRAMES_PER_SECOND)
  }
  try {
    await video.play()
  } catch {
    stop()
    return { ok: false, reason: 'unavailable' }
  }
  read()
  return { ok: true, live: true, stop }
}
