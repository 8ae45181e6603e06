// What anyone may read: health, the feed's cards and the open sessions a page at a time, a federation's report and a
// program with its sessions.
import type { FastifyInstance } from 'fastify'
import { CARD_PAGE, filterProblem, type CardFilter } from '../../../src/domain/filters'
import type { Topic } from '../../../src/domain/types'
import { OPEN_SESSION_PAGE, openSessionProblem, type OpenSessionFilter } from '../../../src/domain/open-sessions'
import { toProgramDetail, toReport } from '../../../src/domain/views'
import { readCardPage } from '../card-index'
import { readOpenSessions } from '../open-sessions'
import type { Content } from '../content'
import type { Db } from '../db/db'
import { errorBody, invalid, notFound } from '../errors'
import { checkFirst } from '../http/checks'
import { param } from '../http/limits'
import { PageCache, sendPage, type PageCacheLimits } from '../http/page-cache'
import { ROUTE_SCHEMAS } from '../schemas'
import type { Signups } from '../signups'

export interface PublicDeps {
  db: Db
  content: Content
  signups: Signups
  now: () => Date
}

/** Region codes, topic and, where a list has one, a search: the filters both public lists take. */
interface ListFilter {
  province?: string
  city?: string
  county?: string
  topic?: Topic
  q?: string
  open?: string
}

/**
 * A page request of a public list from the query: its filters, cursor and page size, every problem a
 * 400 with a Chinese message naming the field.
 */
function pageRequest<F extends ListFilter>(
  query: unknown,
  list: {
    keys: ReadonlyArray<'province' | 'city' | 'county' | 'q' | 'open'>
    problem: (filter: F, cursor?: string) => { field: string; message: string } | undefined
    page: { min: number; max: number; default: number }
    /** What a page counts, in the refusal: 张, 个场次. */
    unit: string
  },
): { filter: F; cursor?: string; size: number } {
  const raw = (query ?? {}) as Record<string, unknown>
  const text = (key: string) => (typeof raw[key] === 'string' && raw[key] ? (raw[key] as string) : undefined)
  const filter: ListFilter = {}
  for (const key of list.keys) {
    const value = text(key)
    if (value !== undefined) filter[key] = value
  }
  const topic = text('topic')
  if (topic !== undefined) filter.topic = topic as Topic
  const cursor = text('cursor')
  const problem = list.problem(filter as F, cursor)
  if (problem) throw invalid(problem.message, problem.field)
  const limit = text('limit')
  const size = limit === undefined ? list.page.default : Number(limit)
  if (!Number.isInteger(size) || size < list.page.min || size > list.page.max) {
    throw invalid(`每页 ${list.page.min} 到 ${list.page.max} ${list.unit}`, 'limit')
  }
  return { filter: filter as F, ...(cursor ? { cursor } : {}), size }
}

const cardRequest = (query: unknown) =>
  pageRequest<CardFilter>(query, {
    keys: ['province', 'city', 'county', 'q', 'open'],
    problem: filterProblem,
    page: CARD_PAGE,
    unit: '张',
  })

const openSessionsRequest = (query: unknown) =>
  pageRequest<OpenSessionFilter>(query, {
    keys: ['province', 'city', 'county'],
    problem: openSessionProblem,
    page: OPEN_SESSION_PAGE,
    unit: '个场次',
  })

/**
 * Feed pages kept per process: the first page and the popular filters are asked for over and over.
 * About 20 KB a page with its encodings; bounded so many distinct queries only push older pages out.
 * Half a second: well within the second a change has to show everywhere, and still one read for
 * hundreds of answers when it is busy.
 */
export const CARD_PAGE_CACHE: PageCacheLimits = { maxEntries: 500, maxBytes: 8 * 1024 * 1024, maxAgeMs: 500 }

export async function publicRoutes(app: FastifyInstance, { db, content, signups, now }: PublicDeps): Promise<void> {
  const cardPages = new PageCache(CARD_PAGE_CACHE)
  // Within a second, whatever the sign-ups wait for: the database is pinged on a connection of its own.
  app.get('/api/health', { schema: ROUTE_SCHEMAS.health }, async (_req, reply) => {
    const state = await db.ping()
    if (state === 'down') return reply.code(503).send(errorBody('unknown', '数据库暂时不可用'))
    return {
      ok: true,
      database: db.kind,
      federations: content.federationCount,
      // Reachable, but its one connection stayed taken (PGlite): requests may get a 503 for now.
      ...(state === 'busy' ? { busy: true } : {}),
    }
  })

  app.get(
    '/api/cards',
    { schema: ROUTE_SCHEMAS.cards, preValidation: checkFirst((req) => cardRequest(req.query)) },
    async (req, reply) => {
      // Read from the card index and kept half a second at most: a publish here is in the next page
      // asked for (the content version), one on another server within a second (the page's age).
      const { filter, cursor, size } = cardRequest(req.query)
      // Every filter field the reader kept, whatever they are: a field added later cannot be left out.
      const key = JSON.stringify([Object.entries(filter).sort(([a], [b]) => (a < b ? -1 : 1)), cursor, size])
      const at = now()
      const page = await cardPages.page(key, content.version, at.getTime(), async () =>
        reply.serialize(await readCardPage(db, filter, cursor, size, at)),
      )
      return sendPage(cardPages, key, page, req, reply)
    },
  )

  app.get(
    '/api/sessions/open',
    { schema: ROUTE_SCHEMAS.openSessions, preValidation: checkFirst((req) => openSessionsRequest(req.query)) },
    async (req) => {
      // Live rows at the request's time: a session added, filled or cancelled shows in the next page asked for.
      const { filter, cursor, size } = openSessionsRequest(req.query)
      return readOpenSessions(db, filter, cursor, size, now())
    },
  )

  app.get('/api/reports/:id', { schema: ROUTE_SCHEMAS.report }, async (req) => {
    const what = '没有找到这个妇联的年终盘点，可能已下线'
    const file = await content.federation(param(req, 'id', what))
    if (!file) throw notFound(what)
    return toReport(file)
  })

  app.get('/api/programs/:id', { schema: ROUTE_SCHEMAS.program }, async (req) => {
    const what = '没有找到这个项目，可能已下线'
    const found = await content.program(param(req, 'id', what))
    if (!found) throw notFound(what)
    return toProgramDetail(found.file, found.program, await signups.sessionsOf(found.program, now()))
  })
}
