// Every error answered as Chinese JSON: Fastify's own (bad JSON, too large, a schema refusal),
// Node's parser errors before any request exists, unknown paths and methods, and the rest as a bare 500.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { Socket } from 'node:net'
import { RETRY_AFTER_SECONDS } from '../db/limits'
import { bodyOf, errorBody, HTTP_ERRORS, HttpError, invalid, rawErrorResponse } from '../errors'
import { fieldLabel } from '../input-check'
import { LIMITS } from './limits'
import { methodsFor, type RouteEntry } from './route-table'

const SERVER_ERROR = '服务器暂时出了问题，请稍后再试'

interface SchemaError {
  keyword: string
  instancePath?: string
  params?: { missingProperty?: string }
}

/**
 * A request schema's refusal. The routes' own checks run first and give the precise message, so
 * this is met only where a schema is stricter than its route: it still names the field.
 */
function schemaRefusal(errors: SchemaError[]): HttpError {
  const first = errors[0]
  const path = (first?.instancePath ?? '').split('/').filter(Boolean)
  const field =
    first?.keyword === 'required' ? first.params?.missingProperty : path[path.length - 1]?.replace(/~1/g, '/')
  if (!field) return HTTP_ERRORS.badRequest()
  return invalid(`“${fieldLabel(field.replace(/~0/g, '~'))}”填得不对，请检查后重新提交`, field)
}

/** Maps Fastify's own errors (bad JSON, too large, wrong type, bad URL, schema) to Chinese ones; the rest to undefined. */
export function toHttpError(e: unknown): HttpError | undefined {
  if (e instanceof HttpError) return e
  const err = e as { code?: string; statusCode?: number; validation?: SchemaError[] }
  if (err.validation) return schemaRefusal(err.validation)
  if (err.code === 'FST_ERR_BAD_URL') return HTTP_ERRORS.badUrl()
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH' || err.statusCode === 414) return HTTP_ERRORS.uriTooLong()
  if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.statusCode === 413) return HTTP_ERRORS.tooLarge()
  if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.statusCode === 415) return HTTP_ERRORS.unsupportedType()
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return new HttpError(err.statusCode, 'invalid', '请求的格式不对，请刷新后再试')
  }
  return undefined
}

/** The router's own refusals (bad encoding, a parameter over maxParamLength) skip the hooks: logged here. */
export function answerFrameworkError(e: FastifyError, req: FastifyRequest, reply: FastifyReply): void {
  const known = toHttpError(e) ?? HTTP_ERRORS.badRequest()
  req.log.info({ method: req.method, route: '(bad url)', status: known.status }, 'request')
  void reply.code(known.status).send(bodyOf(known))
}

/**
 * Node's own parser errors come before any request exists: a header block over 16 KB, a broken
 * request line. Answered here in the same JSON. An unfinished first line means the URL overflowed.
 */
export function answerClientError(
  e: Error & { code?: string; rawPacket?: unknown },
  socket: Socket,
): number | undefined {
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

/** The error handler and the not-found handler: 404 for an unknown path, 405 for a known one asked wrongly. */
export function answerErrors(app: FastifyInstance, routes: RouteEntry[]): void {
  app.setErrorHandler((e, req, reply) => {
    const known = toHttpError(e)
    if (known) {
      if (known.status === 429) void reply.header('retry-after', String(known.retryAfterSeconds ?? 60))
      if (known.status === 503) void reply.header('retry-after', String(RETRY_AFTER_SECONDS))
      return reply.code(known.status).send(bodyOf(known))
    }
    // Only the kind of failure is logged: a database message could quote a value.
    const err = e as { name?: string; code?: string }
    req.log.error({ failure: { type: err.name, code: err.code } }, 'request failed')
    return reply.code(500).send(errorBody('unknown', SERVER_ERROR))
  })
  app.setNotFoundHandler((req, reply) => {
    const allowed = methodsFor(routes, req.url.split('?')[0])
    const e = allowed.length ? HTTP_ERRORS.methodNotAllowed() : HTTP_ERRORS.noRoute()
    if (allowed.length) void reply.header('allow', allowed.join(', '))
    return reply.code(e.status).send(bodyOf(e))
  })
}
