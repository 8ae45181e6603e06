// Load protection: a quick Chinese 503 when the event loop lags, and a per-device rate limit.
import rateLimit from '@fastify/rate-limit'
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance } from 'fastify'
import { RETRY_AFTER_SECONDS } from '../db/limits'
import { HTTP_ERRORS, HttpError } from '../errors'

class Overloaded extends HttpError {
  constructor() {
    super(503, 'busy', '服务器现在太忙了，请稍等几秒再试')
  }
}

export async function protectLoad(
  app: FastifyInstance,
  options: { maxEventLoopDelayMs?: number; rateLimitPerMinute: number },
): Promise<void> {
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
    await app.register(rateLimit, {
      max: options.rateLimitPerMinute,
      timeWindow: 60_000,
      keyGenerator: (req) => {
        const device = req.headers['x-device-id']
        return typeof device === 'string' && device ? `d:${device.slice(0, 80)}` : `ip:${req.ip}`
      },
      errorResponseBuilder: () => HTTP_ERRORS.rateLimited(),
    })
  }
}
