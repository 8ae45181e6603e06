// Taro.request as the HTTP Api's transport, and the id this phone is known by.
import Taro from '@tarojs/taro'
import { weChatClientId } from '@/services/http/client-id'
import type { HttpRequest, HttpResponse } from '@/services/http/http-api'
import { isWeapp, storage } from './index'
import { randomId } from './random'

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

/** WeChat: the id the server gives for wx.login's code. H5: the random device id. */
export function clientIdFor(base: string): () => string | Promise<string> {
  if (!isWeapp) return deviceId
  return weChatClientId({
    base,
    transport: taroTransport,
    login: async () => (await Taro.login()).code,
    store: storage,
  })
}
