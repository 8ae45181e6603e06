// Taro.request as the HTTP Api's transport, and this phone's device id.
import Taro from '@tarojs/taro'
import type { HttpRequest, HttpResponse } from '@/services/http/http-api'
import { storage } from './index'

export async function taroTransport(req: HttpRequest): Promise<HttpResponse> {
  const r = await Taro.request({
    url: req.url,
    method: req.method,
    data: req.data as never,
    header: req.header,
    timeout: req.timeout,
    dataType: 'json',
  })
  return { statusCode: r.statusCode, data: r.data }
}

const DEVICE_KEY = 'jg.device'

/** A random id kept on the phone; the server uses it to show each client only its own sign-ups. */
export function deviceId(): string {
  const known = storage.get(DEVICE_KEY)
  if (known) return known
  const id = `d-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`
  try {
    storage.set(DEVICE_KEY, id)
  } catch {
    // storage full: the id lives for this session only
  }
  return id
}
