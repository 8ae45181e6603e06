// Errors the server answers with: a status, a code the app knows, a Chinese message and, when
// one field is to blame, its name. Anything else becomes a plain 500 without details.
import type { ApiErrorCode } from '../../src/services/api'

/** The codes the app knows, less the ones only the phone itself raises. */
export type ErrorCode = Exclude<ApiErrorCode, 'network' | 'storage'>

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

export const notFound = (message: string, field?: string) => new HttpError(404, 'not_found', message, field)
export const invalid = (message: string, field?: string) => new HttpError(400, 'invalid', message, field)

export const errorBody = (code: ErrorCode, message: string, field?: string) => ({
  error: field ? { code, message, field } : { code, message },
})
