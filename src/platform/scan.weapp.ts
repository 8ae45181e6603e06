// The ticket scanner in the mini-program: WeChat's own scanner, one code a time. The build takes
// this file for `@/platform/scan` on weapp, so jsQR and the browser camera (scan.ts) stay out of it.
import Taro from '@tarojs/taro'
import type { ScanStart } from './scan-types'

export type { ScanFailure, ScanStart } from './scan-types'

const closed = () => undefined

/**
 * Opens WeChat's scanner (camera only, QR codes only) and passes its one code to `onText`.
 * `hostId` is the H5 camera's place on the page; WeChat's scanner is a screen of its own.
 * Closing the scanner is not a failure; a refused camera is `denied`.
 */
export async function startTicketScanner(_hostId: string, onText: (text: string) => void): Promise<ScanStart> {
  try {
    const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    if (r.result) onText(r.result)
    return { ok: true, live: false, stop: closed }
  } catch (e) {
    const msg = e && typeof e === 'object' && 'errMsg' in e ? String((e as { errMsg: unknown }).errMsg) : ''
    // Closing the scanner herself is a cancel, not a refusal: nothing to say.
    if (msg.includes('cancel')) return { ok: true, live: false, stop: closed }
    return { ok: false, reason: /auth|deny|denied/.test(msg) ? 'denied' : 'unavailable' }
  }
}
