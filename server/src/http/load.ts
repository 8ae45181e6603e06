// Load protection: a quick Chinese 503 when the event loop lags, and a rate limit counted in the
// database, per verified booker or else per client address, the same across server instances.
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { bookerKey, readBooker } from '../booker'
import type { Queryable } from '../db/db'
import { RETRY_AFTER_SECONDS } from '../db/limits'
import { HTTP_ERRORS, HttpError } from '../errors'
import { DbRateLimitStore } from './rate-limit-store'

class Overloaded extends HttpError {
  constructor() {
    super(503, 'busy', '服务器现在太忙了，请稍等几秒再试')
  }
}

export interface LoadOptions {
  db: Queryable
  maxEventLoopDelayMs?: number
  /** Requests per minute per verified booker; 0 turns the whole limit off (load benchmarks only). */
  rateLimitPerMinute: number
  /** Requests per minute per client address without a booker token; 0: addresses are not limited. */
  rateLimitPerAddressPerMinute: number
  /** Checks the `x-booker-token` a key is taken from. */
  bookers: { secret: string }
  now: () => Date
}

/**
 * The verified booker when the request carries a valid token, else the client address (req.ip,
 * which believes X-Forwarded-For only from TRUST_PROXY). Never the device id: a script makes a
 * new one per request.
 */
export function rateLimitKey(req: FastifyRequest, secret: string, now: Date): string {
  const booker = readBooker(req.headers['x-booker-token'], secret, now)
  return booker ? `b:${bookerKey(booker)}` : `a:${req.ip}`
}

export async function protectLoad(app: FastifyInstance, options: LoadOptions): Promise<void> {
  // Shed load before the event loop stalls: a quick 503 beats a request that times out on the phone.
  if (options.maxEventLoopDelayMs) {
    await app.register(underPressure, {
      maxEventLoopDelay: options.maxEventLoopDelayMs,
      retryAfter: RETRY_AFTER_SECONDS,
      // Thrown into the error handler, which answers it in Chinese like every other error.
      customError: Overloaded,
    })
  }

  if (options.rateLimitPerMinute > 0) {
    const store = new DbRateLimitStore(options.db, app.log)
    const perAddress = options.rateLimitPerAddressPerMinute
    await app.register(rateLimit, {
      max: (_req, key) => (key.startsWith('b:') ? options.rateLimitPerMinute : perAddress || Number.MAX_SAFE_INTEGER),
      timeWindow: 60_000,
      // Not counted at all where addresses are not limited: no row per address for nothing.
      allowList: (_req, key) => key.startsWith('a:') && !perAddress,
      keyGenerator: (req) => rateLimitKey(req, options.bookers.secret, options.now()),
      store: function Store() {
        return store
      } as unknown as FastifyRateLimitStoreCtor,
      // A database failure lets the request through (the store logs it once): the API stays up.
      skipOnError: true,
      errorResponseBuilder: () => HTTP_ERRORS.rateLimited(),
    })
  }
}
