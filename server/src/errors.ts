// Errors the server answers with: a status, a code the app knows, a Chinese message and, when
// one field is to blame, its name. Anything else becomes a plain 500 without details.
import type { ApiErrorCode } from '../../src/services/api'

/**
 * The codes the app knows, less the ones only the phone itself raises, and a few that only the
 * HTTP layer raises (the app shows their message and treats them as `unknown`).
 */
export type ErrorCode =
  | Exclude<ApiErrorCode, 'network' | 'storage'>
  | 'method_not_allowed'
  | 'uri_too_long'
  | 'unsupported_media_type'
  | 'headers_too_large'
  | 'unavailable'
  | 'request_timeout'
  | 'stale'

/** One thing to fix, as a refusal to publish lists them: the field at fault and what is wrong. */
export interface Problem {
  field: string
  message: string
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Every problem, when there are several to fix (a card that cannot be published yet). */
    readonly problems?: Problem[],
    /** Seconds to wait, for a 429 whose wait is known (sent as Retry-After); 60 otherwise. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (message: string, field?: string) => new HttpError(404, 'not_found', message, field)
export const invalid = (message: string, field?: string) => new HttpError(400, 'invalid', message, field)

export const errorBody = (code: ErrorCode, message: string, field?: string, problems?: Problem[]) => ({
  error: { code, message, ...(field ? { field } : {}), ...(problems ? { problems } : {}) },
})

/** The JSON body of a known error: the one shape every refusal takes. */
export const bodyOf = (e: HttpError) => errorBody(e.code, e.message, e.field, e.problems)

/** One answer per status that HTTP itself can give, before or around any route. */
export const HTTP_ERRORS = {
  badRequest: () => invalid('请求的格式不对，请刷新后再试'),
  badJson: () => invalid('提交的内容格式不对，请刷新后再试'),
  badUrl: () => invalid('网址里有无法识别的字符，请检查后再试', 'url'),
  noRoute: () => notFound('没有这个接口'),
  methodNotAllowed: () => new HttpError(405, 'method_not_allowed', '这个接口不支持这种请求方式'),
  requestTimeout: () => new HttpError(408, 'request_timeout', '请求发送得太慢，已经超时，请重试'),
  tooLarge: () => new HttpError(413, 'too_large', '提交的内容太多了，请精简后再试'),
  uriTooLong: () => new HttpError(414, 'uri_too_long', '网址太长了，请检查后再试', 'url'),
  unsupportedType: () => new HttpError(415, 'unsupported_media_type', '提交的格式不对，请用 JSON'),
  rateLimited: () => new HttpError(429, 'rate_limited', '操作太频繁了，请稍等一分钟再试'),
  headersTooLarge: () => new HttpError(431, 'headers_too_large', '请求头太大了，请清理后再试'),
  unavailable: () => new HttpError(503, 'unavailable', '服务器正在重启或维护，请稍后再试'),
} as const

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
}

/** A whole HTTP/1.1 response for a socket that Node's parser gave up on, before any request object exists. */
export function rawErrorResponse(e: HttpError): string {
  const body = JSON.stringify(bodyOf(e))
  return (
    `HTTP/1.1 ${e.status} ${REASONS[e.status] ?? 'Error'}\r\n` +
    'Content-Type: application/json; charset=utf-8\r\n' +
    `Content-Length: ${Buffer.byteLength(body)}\r\n` +
    'Connection: close\r\n\r\n' +
    body
  )
}
