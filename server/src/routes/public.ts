// What anyone may read: health, the feed's cards, a federation's report and a program with its sessions.
import type { FastifyInstance } from 'fastify'
import { filterCards } from '../../../src/domain/filters'
import { TOPICS, type Topic } from '../../../src/domain/types'
import { toCard, toProgramDetail, toReport } from '../../../src/domain/views'
import type { CardFilter } from '../../../src/services/api'
import type { Content } from '../content'
import type { Db } from '../db/db'
import { errorBody, invalid } from '../errors'
import { checkFirst } from '../http/checks'
import { lookup } from '../http/limits'
import { ROUTE_SCHEMAS } from '../schemas'
import type { Signups } from '../signups'

export interface PublicDeps {
  db: Db
  content: Content
  signups: Signups
  now: () => Date
}

function cardFilter(query: unknown): CardFilter {
  const { province, topic } = (query ?? {}) as Record<string, unknown>
  const filter: CardFilter = {}
  if (typeof province === 'string' && province) {
    if (province.length > 20) throw invalid('地区名称太长了', 'province')
    filter.province = province
  }
  if (typeof topic === 'string' && topic) {
    if (!TOPICS.includes(topic as Topic)) throw invalid('没有这个主题', 'topic')
    filter.topic = topic as Topic
  }
  return filter
}

export async function publicRoutes(app: FastifyInstance, { db, content, signups, now }: PublicDeps): Promise<void> {
  // Within a second, whatever the sign-ups wait for: the database is pinged on a connection of its own.
  app.get('/api/health', { schema: ROUTE_SCHEMAS.health }, async (_req, reply) => {
    const state = await db.ping()
    if (state === 'down') return reply.code(503).send(errorBody('unknown', '数据库暂时不可用'))
    return {
      ok: true,
      database: db.kind,
      federations: content.files.length,
      // Reachable, but its one connection stayed taken (PGlite): requests may get a 503 for now.
      ...(state === 'busy' ? { busy: true } : {}),
    }
  })

  app.get(
    '/api/cards',
    { schema: ROUTE_SCHEMAS.cards, preValidation: checkFirst((req) => cardFilter(req.query)) },
    async (req) => {
      const at = now()
      return filterCards(
        content.files.map((f) => toCard(f, at, content.sessionsFor)),
        cardFilter(req.query),
      )
    },
  )

  app.get('/api/reports/:id', { schema: ROUTE_SCHEMAS.report }, async (req) => {
    return toReport(lookup(req, (id) => content.federation(id), '没有找到这个妇联的年终盘点，可能已下线'))
  })

  app.get('/api/programs/:id', { schema: ROUTE_SCHEMAS.program }, async (req) => {
    const found = lookup(req, (id) => content.program(id), '没有找到这个项目，可能已下线')
    return toProgramDetail(found.file, found.program, await signups.sessionsOf(found.program, now()))
  })
}
