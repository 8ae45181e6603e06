// Who is asking. Each client sends its id in `x-device-id`: a random id the phone keeps (H5),
// or, in the mini-program, an id the server derived from the openid that `wx.login` proves.
import { createHmac } from 'node:crypto'
import { HttpError } from './errors'

/** Ids the app makes (`d-…`) or the server gives (`wx-…`): 8–80 URL-safe characters. */
const CLIENT_ID = /^[A-Za-z0-9_-]{8,80}$/

export function clientIdFrom(header: unknown): string {
  const id = typeof header === 'string' ? header.trim() : ''
  if (!CLIENT_ID.test(id)) {
    throw new HttpError(401, 'unauthorized', '没能识别这台手机，请重新打开小程序后再试', 'x-device-id')
  }
  return id
}

/** Exchanges the code from `wx.login` for the user's openid. */
export interface WeChatLogin {
  openidFor(code: string): Promise<string>
}

/** Development stand-in: the same code always gives the same made-up openid. No WeChat call. */
export const devWeChatLogin: WeChatLogin = {
  async openidFor(code) {
    return `dev-${createHmac('sha256', 'dev-wechat-login').update(code).digest('hex').slice(0, 24)}`
  },
}

type Fetch = (url: string) => Promise<{ ok: boolean; json(): Promise<unknown> }>

/** WeChat's code2Session, for a deployment with an AppID and AppSecret. */
export function weChatLogin(appId: string, appSecret: string, fetchFn: Fetch): WeChatLogin {
  return {
    async openidFor(code) {
      const q = new URLSearchParams({
        appid: appId,
        secret: appSecret,
        js_code: code,
        grant_type: 'authorization_code',
      })
      const res = await fetchFn(`https://api.weixin.qq.com/sns/jscode2session?${q.toString()}`)
      const body = (res.ok ? await res.json() : {}) as { openid?: unknown; errcode?: unknown }
      if (typeof body.openid !== 'string' || !body.openid) {
        throw new HttpError(401, 'unauthorized', '微信登录没有成功，请稍后再试', 'code')
      }
      return body.openid
    },
  }
}

/** The client id for an openid: keyed with the server's secret, so it cannot be made up from an openid. */
export function clientIdForOpenid(openid: string, secret: string): string {
  return `wx-${createHmac('sha256', secret).update(openid).digest('base64url').slice(0, 32)}`
}
