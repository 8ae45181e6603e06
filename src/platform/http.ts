// Taro.request as the HTTP Api's transport, the H5 device id, and wx.login's code.
import Taro from '@tarojs/taro'
import { storage } from './index'
import { randomId } from './random'
import type { HttpRequest, HttpResponse } from './types'

export async function taroTransport(req: HttpRequest): Promise<HttpResponse> {
  const r = await Taro.request({
    url: req.url,
    method: req.method,
    data: req.data as never,
    header: req.header,
    timeout: req.timeout,
    // Anything but 'json' leaves the body as text.
    dataType: req.responseType === 'text' ? 'text' : 'json',
  })
  return { statusCode: r.statusCode, data: r.data }
}

const DEVICE_KEY = 'jg.device'

let pendingDevice: Promise<string> | undefined

/** A random id kept on the phone (H5); the server uses it to show each client only its own sign-ups. */
export function deviceId(): string | Promise<string> {
  const known = storage.get(DEVICE_KEY)
  if (known) return known
  pendingDevice ??= randomId().then((random) => {
    const id = `d-${random}`
    try {
      storage.set(DEVICE_KEY, id)
    } catch {
      // storage full: the id lives for this session only
    }
    return id
  })
  return pendingDevice
}

/** wx.login's code, which the server exchanges for this phone's id. */
export async function weChatLoginCode(): Promise<string> {
  return (await Taro.login()).code
}
