// Random ids from a cryptographic source: Web Crypto in browsers (H5), wx.getRandomValues in weapp.
import Taro from '@tarojs/taro'
import { clock } from '@/shared/clock'

const ID_BYTES = 16

const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')

type WeChatRandom = (option: {
  length: number
  success: (res: { randomValues: ArrayBuffer }) => void
  fail: (err: unknown) => void
}) => void

/** wx.getRandomValues (base library 2.15.0 and later; weapp's JS engine has no Web Crypto). */
function weChatRandom(length: number): Promise<Uint8Array> | undefined {
  const get = (Taro as unknown as { getRandomValues?: WeChatRandom }).getRandomValues
  if (typeof get !== 'function') return undefined
  return new Promise((resolve, reject) =>
    get({ length, success: (res) => resolve(new Uint8Array(res.randomValues)), fail: reject }),
  )
}

let fallbackCount = 0

/**
 * 32 hex characters from 16 cryptographically random bytes. Where neither source exists (a
 * WeChat base library older than 2.15.0) the id is only unique on this phone — time plus a
 * counter — which is all an idempotency key needs; it is marked with a leading `u`.
 */
export async function randomId(): Promise<string> {
  const crypto = (globalThis as { crypto?: Crypto }).crypto
  if (typeof crypto?.getRandomValues === 'function') return hex(crypto.getRandomValues(new Uint8Array(ID_BYTES)))
  const fromWeChat = weChatRandom(ID_BYTES)
  if (fromWeChat) {
    try {
      return hex(await fromWeChat)
    } catch (e) {
      console.error('[随机数] wx.getRandomValues 失败', e)
    }
  }
  return `u${clock.now().getTime().toString(36)}-${(++fallbackCount).toString(36)}`
}
