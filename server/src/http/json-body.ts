// Request bodies: JSON only. An empty body with a JSON content type (a cancel, a delete) is allowed; bad JSON is a 400.
import type { FastifyInstance } from 'fastify'
import { HTTP_ERRORS } from '../errors'

export function parseJsonOnly(app: FastifyInstance): void {
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
}
