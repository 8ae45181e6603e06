// Login in the mini-program: the code from `wx.login` becomes the client id she sends from then on,
// and a booker token (WeChat proved who she is). Her openid is kept, sealed, for the notice sender.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bookerSubject, signBooker } from '../booker'
import type { Queryable } from '../db/db'
import { invalid } from '../errors'
import { checkFirst } from '../http/checks'
import { clientIdForOpenid, type WeChatLogin } from '../identity'
import { ROUTE_SCHEMAS } from '../schemas'
import type { OpenidVault } from '../wechat'

export interface IdentityDeps {
  weChatLogin: WeChatLogin
  clientIdSecret: string
  bookerSecret: string
  bookerTokenDays: number
  now: () => Date
  db: Queryable
  /** Seals the openid for subscribe messages; absent when they are off (WECHAT_NOTICES=off): nothing is kept. */
  openids?: OpenidVault
}

function loginCode(req: FastifyRequest): string {
  const code = (req.body as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string' || !code || code.length > 128)
    throw invalid('微信登录信息缺失，请重新打开小程序', 'code')
  return code
}

export async function identityRoutes(
  app: FastifyInstance,
  { weChatLogin, clientIdSecret, bookerSecret, bookerTokenDays, now, db, openids }: IdentityDeps,
): Promise<void> {
  app.post('/api/login', { schema: ROUTE_SCHEMAS.login, preValidation: checkFirst(loginCode) }, async (req) => {
    const openid = await weChatLogin.openidFor(loginCode(req))
    // The openid WeChat just proved is a verified booker: no SMS code in the mini-program.
    const expiresAt = new Date(now().getTime() + bookerTokenDays * 24 * 60 * 60 * 1000)
    const { token } = signBooker(
      { kind: 'wx', subject: bookerSubject('wx', openid, bookerSecret) },
      bookerSecret,
      expiresAt,
    )
    const clientId = clientIdForOpenid(openid, clientIdSecret)
    // Sealed at rest and never answered: only the notice sender opens it.
    await openids?.keep(db, clientId, openid, now())
    return {
      clientId,
      bookerToken: token,
      expiresAt: expiresAt.toISOString(),
    }
  })
}
