// The workspace's programs: their fields, dated sessions and versioned sign-up forms. Every role
// reads; 编辑 and 管理员 change. The federation is always the organizer's own, from her session:
// another federation's program or session is 403, one that does not exist 404 (as for accounts).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Accounts } from '../accounts'
import type { Actor } from '../audit'
import { organizerOf, requireRole } from '../auth'
import type { Content } from '../content'
import type { Db } from '../db/db'
import { notFound } from '../errors'
import { LIMITS } from '../http/limits'
import { Programs } from '../programs'
import { answers } from '../schemas'
import { workspaceProgram, workspacePrograms, workspaceSession } from './workspace-program-schemas'

type Body = Record<string, unknown>

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', maxLength: LIMITS.paramLength } },
} as const

/** Bodies are checked by programs.ts, whose messages name each field in Chinese. */
const objectBody = { type: 'object' } as const

const idOf = (req: FastifyRequest): string => {
  const id = (req.params as { id: string }).id
  if (!id || id.length > LIMITS.idLength) throw notFound('没有找到这一项')
  return id
}

export const workspaceProgramRoutes: FastifyPluginAsync<{
  db: Db
  accounts: Accounts
  content: Content
  now: () => Date
}> = async (app, { db, accounts, content, now }) => {
  const programs = new Programs(db)
  const reader = requireRole(accounts, 'viewer')
  const editor = requireRole(accounts, 'editor')
  const actor = (req: FastifyRequest): Actor => {
    const who = organizerOf(req)
    return { federationId: who.federation.id, accountId: who.id, at: now() }
  }
  // This server shows a change at once; the others within a second (content_version).
  const shown = async <T>(result: T): Promise<T> => {
    await content.refresh()
    return result
  }
  const program = { params: idParam, body: objectBody, response: answers({ 200: workspaceProgram }) }
  const session = { params: idParam, body: objectBody, response: answers({ 200: workspaceSession }) }

  app.get(
    '/api/workspace/programs',
    { preHandler: reader, schema: { response: answers({ 200: workspacePrograms }) } },
    async (req) => programs.list(organizerOf(req).federation.id),
  )

  app.post<{ Body: Body }>(
    '/api/workspace/programs',
    { preHandler: editor, schema: { body: objectBody, response: answers({ 200: workspaceProgram }) } },
    async (req) => shown(await programs.create(actor(req), req.body)),
  )

  app.put<{ Body: Body }>('/api/workspace/programs/:id', { preHandler: editor, schema: program }, async (req) =>
    shown(await programs.update(actor(req), idOf(req), req.body)),
  )

  app.put<{ Body: { fields?: unknown } }>(
    '/api/workspace/programs/:id/form',
    { preHandler: editor, schema: program },
    async (req) => shown(await programs.saveForm(actor(req), idOf(req), req.body.fields)),
  )

  app.post<{ Body: Body }>(
    '/api/workspace/programs/:id/sessions',
    { preHandler: editor, schema: session },
    async (req) => shown(await programs.addSession(actor(req), idOf(req), req.body)),
  )

  app.put<{ Body: Body }>('/api/workspace/sessions/:id', { preHandler: editor, schema: session }, async (req) =>
    shown(await programs.changeSession(actor(req), idOf(req), req.body)),
  )

  app.post<{ Body: Body }>('/api/workspace/sessions/:id/cancel', { preHandler: editor, schema: session }, async (req) =>
    shown(await programs.cancel(actor(req), idOf(req), req.body)),
  )

  app.delete(
    '/api/workspace/sessions/:id',
    {
      preHandler: editor,
      schema: {
        params: idParam,
        response: answers({
          200: {
            type: 'object',
            required: ['ok'],
            additionalProperties: false,
            properties: { ok: { type: 'boolean' } },
          },
        }),
      },
    },
    async (req) => {
      await programs.remove(actor(req), idOf(req))
      return shown({ ok: true })
    },
  )
}
