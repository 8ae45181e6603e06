// Check-in at the door: scan her QR or type her code, find her by name or mobile, and the session's
// live counts. Every role may check in (查看 is the role for door staff); the session must be one
// of her own federation's (403 otherwise, as for every workspace route).
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import type { Accounts } from '../accounts'
import type { Actor } from '../audit'
import { organizerOf, requireRole } from '../auth'
import type { Db } from '../db/db'
import { param } from '../http/limits'
import { answers } from '../schemas'
import { checkCheckinBody, Checkins } from '../tickets'
import { checkinAnswer, checkinBody, checkinCounts, checkinQuery, checkinSearch } from './checkin-schemas'

const idParam = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string' } },
} as const

export const checkinRoutes: FastifyPluginAsync<{
  db: Db
  accounts: Accounts
  ticketSecret: string
  now: () => Date
}> = async (app, { db, accounts, ticketSecret, now }) => {
  const checkins = new Checkins(db, ticketSecret)
  const staff = requireRole(accounts, 'viewer')
  const actor = (req: FastifyRequest): Actor => {
    const who = organizerOf(req)
    return { federationId: who.federation.id, accountId: who.id, at: now() }
  }
  const sessionOf = (req: FastifyRequest) => param(req, 'id', '没有找到这个场次')

  app.post(
    '/api/workspace/checkin',
    { preHandler: staff, schema: { body: checkinBody, response: answers({ 200: checkinAnswer }) } },
    async (req) => {
      const { sessionId, ticket } = checkCheckinBody(req.body)
      return checkins.checkIn(actor(req), sessionId, ticket)
    },
  )

  app.get<{ Querystring: { q?: string } }>(
    '/api/workspace/sessions/:id/checkin',
    {
      preHandler: staff,
      schema: { params: idParam, querystring: checkinQuery, response: answers({ 200: checkinSearch }) },
    },
    async (req) => checkins.search(organizerOf(req).federation.id, sessionOf(req), req.query.q ?? ''),
  )

  app.get(
    '/api/workspace/sessions/:id/checkin/counts',
    { preHandler: staff, schema: { params: idParam, response: answers({ 200: checkinCounts }) } },
    async (req) => checkins.counts(organizerOf(req).federation.id, sessionOf(req)),
  )
}
