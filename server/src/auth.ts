// Who is asking: the one preHandler that turns a bearer session token into an organizer and
// decides, by role, whether she may use a route. Every organizer route goes through it.
import type { FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import { ROLE_LABELS, roleAtLeast, type Role } from '../../src/domain/roles'
import type { Accounts, Principal } from './accounts'
import { HttpError } from './errors'

const principals = new WeakMap<FastifyRequest, Principal>()

/** The session token of `Authorization: Bearer …`, or undefined. */
export function bearerToken(req: FastifyRequest): string | undefined {
  const header = req.headers.authorization ?? ''
  return header.startsWith('Bearer ') ? header.slice(7).trim() || undefined : undefined
}

/**
 * Lets the request through when its session is live and its role is at least `role`. While her
 * password must be changed, only the routes marked `whileMustChange` (me, password, logout) open.
 */
export function requireRole(
  accounts: Accounts,
  role: Role,
  options: { whileMustChange?: boolean } = {},
): preHandlerAsyncHookHandler {
  return async (req) => {
    const principal = await accounts.authenticate(bearerToken(req))
    if (principal.mustChangePassword && !options.whileMustChange) {
      throw new HttpError(403, 'forbidden', '请先修改密码，再继续操作')
    }
    if (!roleAtLeast(principal.role, role)) {
      throw new HttpError(
        403,
        'forbidden',
        `这个操作需要${ROLE_LABELS[role]}权限，你的角色是${ROLE_LABELS[principal.role]}`,
      )
    }
    principals.set(req, principal)
  }
}

/** The organizer requireRole let through; a route without it is a programming error. */
export function organizerOf(req: FastifyRequest): Principal {
  const principal = principals.get(req)
  if (!principal) throw new Error('organizerOf: the route has no requireRole preHandler')
  return principal
}
