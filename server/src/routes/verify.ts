// H5 bookers prove a mobile with an SMS code: send one, check it, get a booker token. The
// development stand-in's last code per mobile can be read back, where no SMS is really sent.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { notFound } from '../errors'
import { checkFirst } from '../http/checks'
import { ROUTE_SCHEMAS } from '../schemas'
import type { DevSmsSender } from '../sms'
import { checkCode, checkMobile, type Verification } from '../verify'

export interface VerifyDeps {
  verification: Verification
  /** The development stand-in, when it is the sender (never in production): its codes can be read. */
  devSms?: DevSmsSender
  now: () => Date
}

const field = (req: FastifyRequest, name: string): unknown => {
  const body = req.body
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>)[name] : undefined
}

export async function verifyRoutes(app: FastifyInstance, { verification, devSms, now }: VerifyDeps): Promise<void> {
  app.post(
    '/api/verify/send',
    { schema: ROUTE_SCHEMAS.verifySend, preValidation: checkFirst((req) => checkMobile(field(req, 'mobile'))) },
    // req.ip: the socket's address, or what a trusted proxy (TRUST_PROXY) says it forwarded for.
    async (req) => verification.send(field(req, 'mobile'), req.ip, now()),
  )

  app.post(
    '/api/verify/check',
    {
      schema: ROUTE_SCHEMAS.verifyCheck,
      preValidation: checkFirst((req) => [checkMobile(field(req, 'mobile')), checkCode(field(req, 'code'))]),
    },
    async (req) => verification.check(field(req, 'mobile'), field(req, 'code'), now()),
  )

  if (devSms) {
    app.get('/api/dev/sms/latest', { schema: ROUTE_SCHEMAS.devSmsLatest }, async (req) => {
      const mobile = checkMobile((req.query as { mobile?: unknown }).mobile)
      const message = devSms.latest(mobile)
      if (!message) throw notFound('这个手机号还没有收到验证码', 'mobile')
      return { mobile: message.mobile, code: message.code, sentAt: message.sentAt.toISOString() }
    })
  }
}
