// Checks every request passes before any route runs: the Chinese 503 while the server stops, the
// URL length, and clean strings everywhere a client can put one.
import type { FastifyInstance } from 'fastify'
import { bodyOf, HTTP_ERRORS } from '../errors'
import { checkRequestStrings } from '../input-check'
import { LIMITS } from './limits'

export function guardRequests(app: FastifyInstance): void {
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
  // While stopping, a connection closes as soon as it has nothing left to answer, so the server
  // finishes closing without waiting for keep-alive connections to time out. One with a request
  // still queued on it (pipelined) stays, and that request gets the Chinese 503 above.
  app.addHook('onResponse', (_req, _reply, done) => {
    if (closing) setImmediate(() => app.server.closeIdleConnections())
    done()
  })
}
