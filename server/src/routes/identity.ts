// Login in the mini-program: the code from `wx.login` becomes the client id she sends from then on.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { invalid } from '../errors'
import { checkFirst } from '../http/checks'
import { clientIdForOpenid, type WeChatLogin } from '../identity'
import { ROUTE_SCHEMAS } from '../schemas'

export interface IdentityDeps {
  weChatLogin: WeChatLogin
  clientIdSecret: string
}

function loginCode(req: FastifyRequest): string {
  const code = (req.body as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string' || !code || code.length > 128)
    throw invalid('微信登录信息缺失，请重新打开小程序', 'code')
  return code
}

export async function identityRoutes(
  app: FastifyInstance,
  { weChatLogin, clientIdSecret }: IdentityDeps,
): Promise<void> {
  app.post('/api/login', { schema: ROUTE_SCHEMAS.login, preValidation: checkFirst(loginCode) }, async (req) => {
    const openid = await weChatLogin.openidFor(loginCode(req))
    return { clientId: clientIdForOpenid(openid, clientIdSecret) }
  })
}
