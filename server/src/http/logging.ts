// What the server logs: pino options that hide personal data, and one line per request.
import type { FastifyInstance } from 'fastify'

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

/** pino options for Fastify from the app's `logger` setting (false for none). */
export function loggerOptions(setting: boolean | Record<string, unknown>): false | Record<string, unknown> {
  if (setting === false) return false
  return {
    level: 'info',
    ...(setting === true ? {} : setting),
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
}

/** One line per request: route pattern, method, status and time; never the URL or anything sent. */
export function logRequests(app: FastifyInstance): void {
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
}
