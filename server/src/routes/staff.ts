// 管理员 only: the federation's staff, invitations, disabling, roles, password resets, and the
// audit log. Everything is scoped to the 管理员's own federation.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Role } from '../../../src/domain/roles'
import type { Accounts } from '../accounts'
import { auditPage } from '../audit'
import { organizerOf, requireRole } from '../auth'
import { answers } from '../schemas'
import type { Db } from '../db/db'
import { invalid, notFound } from '../errors'
import { idParam, role, staffMember, strings } from './account-schemas'

const memberId = (req: FastifyRequest): number => {
  const raw = (req.params as { id: string }).id
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw notFound('没有找到这个成员')
  return Number(raw)
}

export const AUDIT_PAGE = { default: 30, max: 100 }

export const staffRoutes: FastifyPluginAsync<{ accounts: Accounts; db: Db }> = async (app, { accounts, db }) => {
  const admin = requireRole(accounts, 'admin')
  const member = { params: idParam, response: answers({ 200: staffMember }) }

  app.get(
    '/api/workspace/staff',
    {
      preHandler: admin,
      schema: {
        response: answers({
          200: { type: 'object', required: ['staff'], properties: { staff: { type: 'array', items: staffMember } } },
        }),
      },
    },
    async (req) => ({ staff: await accounts.staff(organizerOf(req).federation.id) }),
  )

  app.post<{ Body: { role: Role; note?: string } }>(
    '/api/workspace/invitations',
    {
      preHandler: admin,
      schema: {
        body: { type: 'object', required: ['role'], properties: { role, note: strings.note } },
        response: answers({
          200: {
            type: 'object',
            required: ['token', 'path', 'expiresAt'],
            properties: { token: { type: 'string' }, path: { type: 'string' }, expiresAt: { type: 'string' } },
          },
        }),
      },
    },
    async (req) => accounts.invite(organizerOf(req), req.body.role, req.body.note?.trim() || undefined),
  )

  app.post('/api/workspace/staff/:id/disable', { preHandler: admin, schema: member }, async (req) =>
    accounts.setDisabled(organizerOf(req), memberId(req), true),
  )

  app.post('/api/workspace/staff/:id/enable', { preHandler: admin, schema: member }, async (req) =>
    accounts.setDisabled(organizerOf(req), memberId(req), false),
  )

  app.post<{ Body: { role: Role } }>(
    '/api/workspace/staff/:id/role',
    {
      preHandler: admin,
      schema: { ...member, body: { type: 'object', required: ['role'], properties: { role } } },
    },
    async (req) => accounts.setRole(organizerOf(req), memberId(req), req.body.role),
  )

  app.post(
    '/api/workspace/staff/:id/reset-password',
    {
      preHandler: admin,
      schema: {
        params: idParam,
        response: answers({
          200: {
            type: 'object',
            required: ['temporaryPassword'],
            properties: { temporaryPassword: { type: 'string' } },
          },
        }),
      },
    },
    async (req) => accounts.resetPassword(organizerOf(req), memberId(req)),
  )

  app.get<{ Querystring: { before?: string; limit?: string } }>(
    '/api/workspace/audit',
    {
      preHandler: admin,
      schema: {
        querystring: {
          type: 'object',
          properties: {
            // Query strings are text (the validator does not coerce): digits, read below.
            before: { type: 'string', pattern: '^[1-9][0-9]{0,14}$' },
            limit: { type: 'string', pattern: '^[1-9][0-9]{0,2}$' },
          },
        },
        response: answers({
          200: {
            type: 'object',
            required: ['entries', 'nextBefore'],
            properties: {
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'at', 'action', 'target', 'detail', 'account'],
                  properties: {
                    id: { type: 'integer' },
                    at: { type: 'string' },
                    action: { type: 'string' },
                    target: { type: ['string', 'null'] },
                    detail: { type: 'object', additionalProperties: true },
                    account: {
                      type: ['object', 'null'],
                      properties: {
                        id: { type: 'integer' },
                        login: { type: 'string' },
                        displayName: { type: 'string' },
                      },
                    },
                  },
                },
              },
              nextBefore: { type: ['integer', 'null'] },
            },
          },
        }),
      },
    },
    async (req) => {
      const limit = req.query.limit === undefined ? AUDIT_PAGE.default : Number(req.query.limit)
      if (limit > AUDIT_PAGE.max) throw invalid(`每页最多 ${AUDIT_PAGE.max} 条`, 'limit')
      const before = req.query.before === undefined ? undefined : Number(req.query.before)
      const entries = await auditPage(db, organizerOf(req).federation.id, { before, limit })
      return { entries, nextBefore: entries.length === limit ? entries[entries.length - 1].id : null }
    },
  )
}
