// Organizer login, logout, her own account and password, and accepting an invitation. The
// session is a bearer token (README explains why not a cookie).
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { TryLater, type Accounts } from '../accounts'
import { organizerOf, requireRole } from '../auth'
import { answers } from '../schemas'
import { bodyOf, HttpError } from '../errors'
import { account, loginResult, ok, password, strings } from './account-schemas'

/** A 429 that says when: Retry-After in seconds, the wait in words in the message. */
async function answerTryLater<T>(reply: FastifyReply, run: () => Promise<T>): Promise<T | FastifyReply> {
  try {
    return await run()
  } catch (e) {
    if (!(e instanceof TryLater)) throw e
    return reply.code(e.status).header('retry-after', String(e.retryAfterSeconds)).send(bodyOf(e))
  }
}

export const authRoutes: FastifyPluginAsync<{ accounts: Accounts }> = async (app, { accounts }) => {
  const signedIn = requireRole(accounts, 'viewer', { whileMustChange: true })

  app.post<{ Body: { login: string; password: string } }>(
    '/api/auth/login',
    {
      schema: {
        body: {
          type: 'object',
          required: ['login', 'password'],
          properties: { login: strings.login, password },
        },
        response: answers({ 200: loginResult }),
      },
    },
    async (req, reply) => {
      const { login, password: given } = req.body
      if (!login.trim() || !given)
        throw new HttpError(400, 'invalid', '请填写账号和密码', login.trim() ? 'password' : 'login')
      return answerTryLater(reply, () => accounts.login(login, given))
    },
  )

  app.post('/api/auth/logout', { preHandler: signedIn, schema: { response: answers({ 200: ok }) } }, async (req) => {
    await accounts.logout(organizerOf(req))
    return { ok: true }
  })

  app.get(
    '/api/auth/me',
    {
      preHandler: signedIn,
      schema: {
        response: answers({
          200: {
            type: 'object',
            required: ['account', 'mustChangePassword'],
            properties: { account, mustChangePassword: { type: 'boolean' } },
          },
        }),
      },
    },
    async (req) => {
      const { id, login, displayName, role, federation, mustChangePassword } = organizerOf(req)
      return { account: { id, login, displayName, role, federation }, mustChangePassword }
    },
  )

  app.post<{ Body: { current: string; next: string } }>(
    '/api/auth/password',
    {
      preHandler: signedIn,
      schema: {
        body: { type: 'object', required: ['current', 'next'], properties: { current: password, next: password } },
        response: answers({ 200: ok }),
      },
    },
    async (req) => {
      await accounts.changePassword(organizerOf(req), req.body.current, req.body.next)
      return { ok: true }
    },
  )

  app.post<{ Params: { token: string }; Body: { login: string; displayName: string; password: string } }>(
    '/api/auth/invitations/:token/accept',
    {
      schema: {
        params: { type: 'object', required: ['token'], properties: { token: { type: 'string', maxLength: 100 } } },
        body: {
          type: 'object',
          required: ['login', 'displayName', 'password'],
          properties: { login: strings.login, displayName: strings.displayName, password },
        },
        response: answers({ 200: loginResult }),
      },
    },
    async (req) => accounts.acceptInvitation(req.params.token, req.body),
  )
}
