// The HTTP API: the app's Api contract under /api, plus login and the organizer's roster.
// This file only composes: cross-cutting concerns live in http/, the routes by area in routes/,
// and every route's request and response schema in schemas.ts.
import Fastify, { LogController, type FastifyInstance } from 'fastify'
import type { Accounts } from './accounts'
import type { BookerSettings } from './config'
import { Cards } from './cards'
import type { Content } from './content'
import type { Db } from './db/db'
import { cacheRules } from './http/caching'
import { compressAnswers } from './http/compress'
import { allowOrigins } from './http/cors'
import { answerClientError, answerErrors, answerFrameworkError } from './http/errors-hook'
import { guardRequests } from './http/guards'
import { parseJsonOnly } from './http/json-body'
import { LIMITS } from './http/limits'
import { protectLoad } from './http/load'
import { loggerOptions, logRequests } from './http/logging'
import { recordRoutes } from './http/route-table'
import type { WeChatLogin } from './identity'
import { authRoutes } from './routes/auth'
import { checkinRoutes } from './routes/checkin'
import { coverRoutes } from './routes/covers'
import { identityRoutes } from './routes/identity'
import { organizerRoutes } from './routes/organizer'
import { publicRoutes } from './routes/public'
import { signupRoutes } from './routes/signups'
import { verifyRoutes } from './routes/verify'
import { staffRoutes } from './routes/staff'
import { workspaceCardRoutes } from './routes/workspace-card'
import { workspaceProgramRoutes } from './routes/workspace-programs'
import type { Signups } from './signups'
import type { DevSmsSender } from './sms'
import type { Verification } from './verify'
import type { OpenidVault } from './wechat'

export { routeTable } from './http/route-table'

export interface AppDeps {
  db: Db
  content: Content
  signups: Signups
  accounts: Accounts
  weChatLogin: WeChatLogin
  clientIdSecret: string
  /** Seals the openids kept for subscribe messages; absent when they are off. */
  openids?: OpenidVault
  bookers: BookerSettings
  verification: Verification
  /** The development SMS stand-in, when it is the sender: GET /api/dev/sms/latest exists only then. */
  devSms?: DevSmsSender
  /** Proxies whose X-Forwarded-For sets the client's address; empty: the socket's address, always. */
  trustProxy: string[]
  /** Signs the e-tickets' QR tokens (config.ticketSecret); the check-in routes verify them. */
  ticketSecret: string
  corsOrigins: string[]
  /** Requests per minute per verified booker (0 turns limiting off), and per client address without one. */
  rateLimitPerMinute: number
  rateLimitPerAddressPerMinute: number
  /** Mean event-loop delay (ms) past which requests get a 503 at once; 0 turns shedding off. */
  maxEventLoopDelayMs?: number
  /** pino options, or false for none; tests pass a stream to read what was logged. */
  logger: boolean | Record<string, unknown>
  now?: () => Date
}

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const now = deps.now ?? (() => new Date())
  const app = Fastify({
    logger: loggerOptions(deps.logger),
    // Fastify's own request lines log the URL; logRequests writes one line per request instead.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: LIMITS.bodyBytes,
    // Only the configured proxies are believed; without them a forged X-Forwarded-For changes nothing.
    trustProxy: deps.trustProxy.length ? deps.trustProxy : false,
    // Ids up to this length reach the routes (and get a Chinese 404); longer ones a Chinese 414.
    routerOptions: { maxParamLength: LIMITS.paramLength },
    // Fastify's built-in 503 while closing is English; guards.ts answers it instead.
    return503OnClosing: false,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: (e, socket) => {
      const status = answerClientError(e, socket)
      if (status) app.log.info({ route: '(unparsable request)', status }, 'request')
    },
    // Request schemas check what was sent as it was sent: no type coercion, nothing removed or added.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false } },
  })

  const routes = recordRoutes(app)
  logRequests(app)
  guardRequests(app)
  parseJsonOnly(app)
  await allowOrigins(app, deps.corsOrigins)
  await protectLoad(app, { ...deps, now })
  answerErrors(app, routes)
  cacheRules(app)
  await compressAnswers(app)

  await app.register(publicRoutes, { db: deps.db, content: deps.content, signups: deps.signups, now })
  await app.register(signupRoutes, { signups: deps.signups, bookerSecret: deps.bookers.secret, now })
  await app.register(identityRoutes, {
    weChatLogin: deps.weChatLogin,
    clientIdSecret: deps.clientIdSecret,
    bookerSecret: deps.bookers.secret,
    bookerTokenDays: deps.bookers.tokenDays,
    now,
    db: deps.db,
    openids: deps.openids,
  })
  deps.devSms?.logTo((line) => app.log.warn(line))
  await app.register(verifyRoutes, { verification: deps.verification, devSms: deps.devSms, now })
  // Organizer accounts and their sessions; all three roles read rosters.
  await app.register(authRoutes, { accounts: deps.accounts })
  await app.register(staffRoutes, { accounts: deps.accounts, db: deps.db })
  await app.register(organizerRoutes, { content: deps.content, signups: deps.signups, accounts: deps.accounts, now })
  await app.register(workspaceCardRoutes, { cards: new Cards(deps.db, deps.content), accounts: deps.accounts, now })
  await app.register(workspaceProgramRoutes, { db: deps.db, accounts: deps.accounts, content: deps.content, now })
  await app.register(coverRoutes, { db: deps.db, content: deps.content, accounts: deps.accounts, now })
  await app.register(checkinRoutes, { db: deps.db, accounts: deps.accounts, ticketSecret: deps.ticketSecret, now })
  return app
}
