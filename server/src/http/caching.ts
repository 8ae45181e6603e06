// Cache rules for every answer: public reads get a strong ETag, no-cache and 304s; everything else no-store.
import { createHash } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * The reads anyone may see, the same for every caller. Only these may be kept by a phone or a CDN;
 * a route missing here (a new one, too) is private.
 */
export const PUBLIC_READS: ReadonlySet<string> = new Set([
  'GET /api/cards',
  'GET /api/sessions/open',
  'GET /api/reports/:id',
  'GET /api/reports/:id/source',
  'GET /api/programs/:id',
])

export const isPublicRead = (method: string, url: string | undefined): boolean =>
  url !== undefined && PUBLIC_READS.has(`${method === 'HEAD' ? 'GET' : method} ${url}`)

/** A strong validator of the exact bytes sent: any change in what the answer says (seats, a publish) changes it. */
export const etagOf = (body: string | Buffer): string =>
  `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`

/** If-None-Match holds `tag` (weak comparison, as RFC 9110 asks for this header) or is `*`. */
export function matches(ifNoneMatch: string | undefined, tag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((t) => {
    const candidate = t.trim()
    return candidate === '*' || candidate.replace(/^W\//, '') === tag
  })
}

function privateAnswer(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store')
  reply.removeHeader('etag')
}

/**
 * Runs before compression (route-level onSend hooks run after the app's), so the tag is of the JSON
 * itself, whichever encoding carries it.
 */
export function cacheRules(app: FastifyInstance): void {
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const isPublic = isPublicRead(req.method, req.routeOptions.url)
    if (!isPublic || reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      privateAnswer(reply)
      return payload
    }
    // A kept page (page-cache.ts) comes with the tag of its JSON, made once: the bytes may be compressed already.
    const preset = reply.getHeader('etag')
    const tag = typeof preset === 'string' ? preset : etagOf(payload)
    reply.header('etag', tag)
    // Kept, but asked about each time: a publish or a seat taken shows at once.
    reply.header('cache-control', 'no-cache')
    if (matches(req.headers['if-none-match'], tag)) {
      reply.code(304)
      reply.removeHeader('content-type')
      reply.removeHeader('content-length')
      reply.removeHeader('content-encoding')
      return ''
    }
    return payload
  })
}
