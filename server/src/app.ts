// The HTTP API: the app's Api contract under /api, plus login and the organizer's roster.
// Handlers stay thin: checks of the request here, rules in src/domain, storage in signups.ts.
import cors from '@fastify/cors'
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { Socket } from 'node:net'
import { filterCards } from '../../src/domain/filters'
import { TOPICS, type Topic } from '../../src/domain/types'
import { charCount, CONSENT_MESSAGE } from '../../src/domain/validation'
import { toCard, toProgramDetail, toReport } from '../../src/domain/views'
import type { AnswerValue, Answers, CardFilter } from '../../src/services/api'
import type { OrganizerOverview, OrganizerProgram, Roster } from '../../src/services/organizer'
import type { Content } from './content'
import type { Db } from './db/db'
import { RETRY_AFTER_SECONDS } from './db/limits'
import { bodyOf, errorBody, HTTP_ERRORS, HttpError, invalid, notFound, rawErrorResponse } from './errors'
import { clientIdForOpenid, clientIdFrom, type WeChatLogin } from './identity'
import { checkRequestStrings } from './input-check'
import { federationForToken, rosterCsv, toRosterRow, type OrganizerTokens } from './organizers'
import type { Signups } from './signups'

export interface AppDeps {
  db: Db
  content: Content
  signups: Signups
  organizerTokens: OrganizerTokens
  weChatLogin: WeChatLogin
  clientIdSecret: string
  corsOrigins: string[]
  rateLimitPerMinute: number
  /** Mean event-loop delay (ms) past which requests get a 503 at once; 0 turns shedding off. */
  maxEventLoopDelayMs?: number
  /** pino options, or false for none; tests pass a stream to read what was logged. */
  logger: boolean | Record<string, unknown>
  now?: () => Date
}

/** Request limits beyond the validator: a sign-up is small, so anything big is refused early. */
const LIMITS = {
  bodyBytes: 16 * 1024,
  idLength: 64,
  answerKeys: 30,
  keyLength: 40,
  textLength: 500,
  listItems: 20,
  itemLength: 100,
  /** Longer URLs get a 414; the app's longest is far shorter. */
  urlBytes: 4096,
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,100}$/
const SERVER_ERROR = '服务器暂时出了问题，请稍后再试'

class Overloaded extends HttpError {
  constructor() {
    super(503, 'busy', '服务器现在太忙了，请稍等几秒再试')
  }
}

/** Names and mobiles never reach the logs, whatever object is logged. */
const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers["x-device-id"]',
  'name',
  'mobile',
  'answers',
  '*.name',
  '*.mobile',
  '*.answers',
  'body',
  '*.body',
]

function param(req: FastifyRequest, key: string, what: string): string {
  const value = (req.params as Record<string, string | undefined>)[key] ?? ''
  if (!value || value.length > LIMITS.idLength) throw notFound(what)
  return value
}

/** The thing the `:id` in the path names, or a 404 with `what`. */
function lookup<T>(req: FastifyRequest, find: (id: string) => T | undefined, what: string): T {
  const found = find(param(req, 'id', what))
  if (!found) throw notFound(what)
  return found
}

function checkAnswers(raw: unknown): Answers {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw invalid('报名内容缺失，请重新填写', 'answers')
  const entries = Object.entries(raw)
  if (entries.length > LIMITS.answerKeys) throw invalid('报名内容的项目太多了', 'answers')
  const answers: Answers = {}
  for (const [key, value] of entries) {
    if (key.length > LIMITS.keyLength) throw invalid('报名内容里有不认识的项目', 'answers')
    answers[key] = checkValue(key, value)
  }
  return answers
}

function checkValue(field: string, value: unknown): AnswerValue {
  if (typeof value === 'string') {
    // Counted as she counts them: a rare character beyond the basic block is one, not two.
    if (value.length > LIMITS.textLength && charCount(value) > LIMITS.textLength)
      throw invalid(`这一项最多${LIMITS.textLength}个字`, field)
    return value
  }
  if (typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid('请填写数字', field)
    return value
  }
  if (Array.isArray(value)) {
    if (value.length > LIMITS.listItems) throw invalid('选得太多了', field)
    if (!value.every((v) => typeof v === 'string' && v.length <= LIMITS.itemLength))
      throw invalid('选项不对，请重新选择', field)
    return value as string[]
  }
  throw invalid('这一项的内容不对，请重新填写', field)
}

function checkSubmit(body: unknown): { programId: string; sessionId: string; answers: Answers } {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalid('报名内容缺失，请重新填写')
  const { programId, sessionId, answers, consent } = body as Record<string, unknown>
  if (consent !== true) throw invalid(CONSENT_MESSAGE, 'consent')
  if (typeof programId !== 'string' || !programId || programId.length > LIMITS.idLength) {
    throw invalid('没有说明报名哪个项目', 'programId')
  }
  if (typeof sessionId !== 'string' || !sessionId || sessionId.length > LIMITS.idLength) {
    throw invalid('请选择场次', 'session')
  }
  return { programId, sessionId, answers: checkAnswers(answers) }
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

/** Maps Fastify's own errors (bad JSON, too large, wrong type, bad URL) to Chinese ones; the rest to a bare 500. */
function toHttpError(e: unknown): HttpError | undefined {
  if (e instanceof HttpError) return e
  const err = e as { code?: string; statusCode?: number }
  if (err.code === 'FST_ERR_BAD_URL') return HTTP_ERRORS.badUrl()
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH' || err.statusCode === 414) return HTTP_ERRORS.uriTooLong()
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return HTTP_ERRORS.tooLarge()
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) return HTTP_ERRORS.unsupportedType()
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new HttpError(err.statusCode, 'invalid', '请求的格式不对，请刷新后再试')
  }
  return undefined
}

/**
 * Node's own parser errors come before any request exists: a header block over 16 KB, a broken
 * request line. Answered here in the same JSON. An unfinished first line means the URL overflowed.
 */
function answerClientError(e: Error & { code?: string; rawPacket?: unknown }, socket: Socket): number | undefined {
  if (e.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy()
    return undefined
  }
  let answer = HTTP_ERRORS.badRequest()
  if (e.code === 'HPE_HEADER_OVERFLOW') {
    const lineEnd = Buffer.isBuffer(e.rawPacket) ? e.rawPacket.indexOf('\r\n') : -1
    answer = lineEnd < 0 || lineEnd > LIMITS.urlBytes ? HTTP_ERRORS.uriTooLong() : HTTP_ERRORS.headersTooLarge()
  } else if (e.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    answer = HTTP_ERRORS.requestTimeout()
  }
  socket.end(rawErrorResponse(answer))
  return answer.status
}

/** A route's path pattern as a regular expression over concrete paths. */
const patternOf = (url: string) =>
  new RegExp(`^${url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z0-9_]+/g, '[^/]+')}$`)

const routeTables = new WeakMap<FastifyInstance, Array<{ method: string; url: string }>>()

/** Every route the app serves, as registered (tests send odd input to each). */
export const routeTable = (app: FastifyInstance) => [...(routeTables.get(app) ?? [])]

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { content, signups } = deps
  const now = deps.now ?? (() => new Date())
  const logger =
    deps.logger === false
      ? false
      : {
          level: 'info',
          ...(deps.logger === true ? {} : deps.logger),
          redact: { paths: REDACT_PATHS, censor: '[已隐藏]' },
          serializers: {
            // Method and route pattern only: no URL (its query string may carry what a person typed),
            // no headers (device id, token) and no client address.
            req: (req: { method: string; routeOptions?: { url?: string } }) => ({
              method: req.method,
              route: req.routeOptions?.url ?? '(no route)',
            }),
          },
        }
  // Ids up to 500 characters reach the handlers (and get a Chinese 404); longer ones a Chinese 414.
  const app = Fastify({
    logger,
    // Fastify's own request lines log the URL; one line per request is written below instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: LIMITS.bodyBytes,
    trustProxy: false,
    routerOptions: { maxParamLength: 500 },
    // Fastify's built-in 503 while closing is English; onRequest below answers it instead.
    return503OnClosing: false,
    // The router's own refusals (bad encoding, a parameter over maxParamLength) skip the hooks: logged here.
    frameworkErrors: (e, req, reply) => {
      const known = toHttpError(e) ?? HTTP_ERRORS.badRequest()
      req.log.info({ method: req.method, route: '(bad url)', status: known.status }, 'request')
      void (reply as FastifyReply).code(known.status).send(bodyOf(known))
    },
    clientErrorHandler: (e, socket) => {
      const status = answerClientError(e, socket)
      if (status) app.log.info({ route: '(unparsable request)', status }, 'request')
    },
  })

  const routes: Array<{ method: string; url: string; pattern: RegExp }> = []
  routeTables.set(app, routes)
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    // The CORS preflight answers every path; it says nothing about which methods a path has.
    if (route.url.includes('*')) return
    for (const method of methods) routes.push({ method, url: route.url, pattern: patternOf(route.url) })
  })

  let closing = false
  app.addHook('preClose', (done) => {
    closing = true
    done()
  })
  app.addHook('onRequest', (req, reply, done) => {
    if (closing) {
      const e = HTTP_ERRORS.unavailable()
      // Longer than a lock wait's RETRY_AFTER_SECONDS: a restart takes a few seconds.
      void reply.header('connection', 'close').header('retry-after', '5')
      return void reply.code(e.status).send(bodyOf(e))
    }
    if (Buffer.byteLength(req.url) > LIMITS.urlBytes) {
      const e = HTTP_ERRORS.uriTooLong()
      return void reply.code(e.status).send(bodyOf(e))
    }
    done()
  })
  // Once for every route, present and future: nothing a client sent reaches a query unchecked.
  app.addHook('preValidation', (req, _reply, done) => {
    done(checkRequestStrings({ params: req.params, query: req.query, headers: req.headers, body: req.body }))
  })
  // One line per request: route pattern, method, status and time; never the URL or anything sent.
  app.addHook('onResponse', (req, reply, done) => {
    req.log.info(
      {
        method: req.method,
        route: req.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    )
    done()
  })

  // While stopping, a connection closes as soon as it has nothing left to answer, so the server
  // finishes closing without waiting for keep-alive connections to time out. One with a request
  // still queued on it (pipelined) stays, and that request gets the Chinese 503 above.
  app.addHook('onResponse', (_req, _reply, done) => {
    if (closing) setImmediate(() => app.server.closeIdleConnections())
    done()
  })

  // JSON only. An empty body with a JSON content type (a cancel, a delete) is allowed; bad JSON is a 400.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = String(body)
    if (!text.trim()) return done(null, undefined)
    try {
      done(null, JSON.parse(text))
    } catch {
      done(HTTP_ERRORS.badJson(), undefined)
    }
  })

  await app.register(cors, {
    origin: (origin, cb) => cb(null, !origin || deps.corsOrigins.includes(origin)),
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['content-type', 'x-device-id', 'idempotency-key', 'authorization'],
    exposedHeaders: ['content-disposition'],
    maxAge: 600,
  })

  // Shed load before the event loop stalls: a quick 503 beats a request that times out on the phone.
  if (deps.maxEventLoopDelayMs) {
    await app.register(underPressure, {
      maxEventLoopDelay: deps.maxEventLoopDelayMs,
      retryAfter: RETRY_AFTER_SECONDS,
      // Thrown into the error handler below, which answers it in Chinese like every other error.
      customError: Overloaded,
    })
  }

  if (deps.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: deps.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (req) => {
        const device = req.headers['x-device-id']
        return typeof device === 'string' && device ? `d:${device.slice(0, 80)}` : `ip:${req.ip}`
      },
      errorResponseBuilder: () => HTTP_ERRORS.rateLimited(),
    })
  }

  app.setErrorHandler((e, req, reply) => {
    const known = toHttpError(e)
    if (known) {
      if (known.status === 429) void reply.header('retry-after', '60')
      if (known.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS))
      return reply.code(known.status).send(bodyOf(known))
    }
    // Only the kind of failure is logged: a database message could quote a value.
    const err = e as { name?: string; code?: string }
    req.log.error({ failure: { type: err.name, code: err.code } }, 'request failed')
    return reply.code(500).send(errorBody('unknown', SERVER_ERROR))
  })
  // A path the app serves, asked with a method it does not: 405 and the methods it does take.
  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0]
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))]
    const e = allowed.length ? HTTP_ERRORS.methodNotAllowed() : HTTP_ERRORS.noRoute()
    if (allowed.length) void reply.header('allow', allowed.join(', '))
    return reply.code(e.status).send(bodyOf(e))
  })

  const organizer = (req: FastifyRequest): string => {
    const header = req.headers.authorization ?? ''
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
    const federationId = federationForToken(deps.organizerTokens, token)
    if (!federationId) throw new HttpError(401, 'unauthorized', '组织者口令不对，请检查后重试', 'token')
    return federationId
  }

  const ownProgram = (req: FastifyRequest) => {
    const federationId = organizer(req)
    const found = lookup(req, (id) => content.program(id), '没有找到这个项目')
    if (found.file.federation.id !== federationId) {
      throw new HttpError(403, 'forbidden', '这个项目不属于你的妇联，看不到它的报名名单')
    }
    if (!found.program.signup) throw notFound('这个项目不接受报名，没有名单')
    return { ...found, form: found.program.signup.form }
  }

  const roster = async (req: FastifyRequest) => {
    const { file, program, form } = ownProgram(req)
    const rows = (await signups.roster(program.id)).map(({ signup, answers }) => toRosterRow(signup, answers, form))
    return { file, program, form, rows }
  }

  // Within a second, whatever the sign-ups wait for: the database is pinged on a connection of its own.
  app.get('/api/health', async (_req, reply) => {
    const state = await deps.db.ping()
    if (state === 'down') return reply.code(503).send(errorBody('unknown', '数据库暂时不可用'))
    return {
      ok: true,
      database: deps.db.kind,
      federations: content.files.length,
      // Reachable, but its one connection stayed taken (PGlite): requests may get a 503 for now.
      ...(state === 'busy' ? { busy: true } : {}),
    }
  })

  app.get('/api/cards', async (req) => {
    const at = now()
    return filterCards(
      content.files.map((f) => toCard(f, at, content.sessionsFor)),
      cardFilter(req.query),
    )
  })

  app.get('/api/reports/:id', async (req) => {
    return toReport(
      lookup(req, (id) => content.federation(id), '没有找到这个妇联的年终盘点，可能已下线'),
      now(),
      content.sessionsFor,
    )
  })

  app.get('/api/programs/:id', async (req) => {
    const found = lookup(req, (id) => content.program(id), '没有找到这个项目，可能已下线')
    return toProgramDetail(found.file, found.program, await signups.sessionsOf(found.program, now()))
  })

  app.post('/api/signups', async (req, reply) => {
    const clientId = clientIdFrom(req.headers['x-device-id'])
    const key = req.headers['idempotency-key']
    if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) {
      throw invalid('提交缺少标识，请刷新页面后重新提交', 'idempotency-key')
    }
    const body = checkSubmit(req.body)
    const { signup, created } = await signups.submit({ ...body, clientId, idempotencyKey: key, now: now() })
    return reply.code(created ? 201 : 200).send(signup)
  })

  app.get('/api/signups/mine', async (req) => signups.mine(clientIdFrom(req.headers['x-device-id'])))

  app.post('/api/signups/:id/cancel', async (req) =>
    signups.cancel(clientIdFrom(req.headers['x-device-id']), param(req, 'id', '没有找到这条报名记录'), now()),
  )

  app.delete('/api/signups/mine', async (req, reply) => {
    await signups.deleteMine(clientIdFrom(req.headers['x-device-id']))
    return reply.code(204).send()
  })

  app.post('/api/login', async (req) => {
    const code = (req.body as { code?: unknown } | undefined)?.code
    if (typeof code !== 'string' || !code || code.length > 128)
      throw invalid('微信登录信息缺失，请重新打开小程序', 'code')
    const openid = await deps.weChatLogin.openidFor(code)
    return { clientId: clientIdForOpenid(openid, deps.clientIdSecret) }
  })

  app.get('/api/organizer/programs', async (req): Promise<OrganizerOverview> => {
    const federationId = organizer(req)
    const file = content.federation(federationId)
    if (!file) throw notFound('没有找到你的妇联的内容')
    const at = now()
    const programs = await Promise.all(
      file.programs
        .filter((p) => p.signup)
        .map(async (p): Promise<OrganizerProgram> => {
          const counts = await signups.statusCounts(p.id)
          return {
            id: p.id,
            title: p.title,
            sessions: (await signups.sessionsOf(p, at)).map((s) => ({
              id: s.id,
              title: s.title,
              start: s.start,
              capacity: s.capacity,
              taken: s.taken,
            })),
            ...counts,
          }
        }),
    )
    return { federation: { id: federationId, name: file.federation.name }, programs }
  })

  app.get('/api/organizer/programs/:id/roster', async (req): Promise<Roster> => {
    const { file, program, rows } = await roster(req)
    return {
      federation: { id: file.federation.id, name: file.federation.name },
      program: { id: program.id, title: program.title },
      rows,
    }
  })

  app.get('/api/organizer/programs/:id/roster.csv', async (req, reply) => {
    const { program, form, rows } = await roster(req)
    const name = `${program.title}-报名名单.csv`
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="roster.csv"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .header('cache-control', 'no-store')
      .send(rosterCsv(rows, form))
  })

  return app
}
