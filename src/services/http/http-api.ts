// The Api over HTTP: the same contract as the mock, for when TARO_APP_API_BASE points at the server.
import type { YearEndCard } from '@/domain/types'
import {
  API_ERROR_CODES,
  ApiError,
  type Api,
  type ApiErrorCode,
  type CardFilter,
  type FederationReport,
  type ProgramDetail,
  type ReportSource,
  type Signup,
} from '../api'
import type { HttpRequest, HttpResponse, Transport } from '@/platform/types'
export type { HttpRequest, HttpResponse, Transport } from '@/platform/types'

export interface HttpApiOptions {
  base: string
  transport: Transport
  /** This phone's id: the server shows a client only its own sign-ups. In WeChat it may need a login first. */
  deviceId: () => string | Promise<string>
  timeoutMs?: number
  /**
   * Extra tries for safe (GET) calls, and for a submit the server turned away as busy (503) before
   * doing anything: it goes again with the same idempotency key, so it can never book twice.
   */
  retries?: number
  sleep?: (ms: number) => Promise<void>
}

const OFFLINE_READ = '网络不太好，没能连上服务器，请稍后再试。'
/** When she was sending something, say that nothing she typed is lost. */
const OFFLINE_WRITE = '网络不太好，没能连上服务器。你填写的内容都还在，请稍后再试。'
const CODES: readonly ApiErrorCode[] = API_ERROR_CODES

/** The server's `{ error: { code, message, field } }` as an ApiError, with a fallback message by status. */
export function errorFromResponse(status: number, body: unknown): ApiError {
  const e = (body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined) as
    | { code?: unknown; message?: unknown; field?: unknown }
    | undefined
  const code = CODES.includes(e?.code as ApiErrorCode)
    ? (e?.code as ApiErrorCode)
    : status === 404
      ? 'not_found'
      : 'unknown'
  const message =
    typeof e?.message === 'string' && e.message
      ? e.message
      : status >= 500
        ? '服务器暂时出了问题，请稍后再试'
        : '请求没有成功，请稍后再试'
  return new ApiError(code, message, typeof e?.field === 'string' ? e.field : undefined)
}

export function createHttpApi(options: HttpApiOptions): Api {
  const { transport, deviceId, timeoutMs = 8000, retries = 2 } = options
  const base = options.base.replace(/\/+$/, '')
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))

  async function call<T>(
    method: HttpRequest['method'],
    path: string,
    data?: unknown,
    header: Record<string, string> = {},
  ): Promise<T> {
    const safe = method === 'GET'
    const keyed = Boolean(header['idempotency-key'])
    const tries = safe || keyed ? retries + 1 : 1
    const offline = safe ? OFFLINE_READ : OFFLINE_WRITE
    let last: ApiError = new ApiError('network', offline)
    for (let attempt = 0; attempt < tries; attempt++) {
      // A busy server asked for a pause (Retry-After: 2): a write waits about that long.
      if (attempt > 0) await sleep((safe ? 400 : 1000) * 2 ** (attempt - 1))
      let res: HttpResponse
      try {
        const device = await deviceId()
        res = await transport({
          url: `${base}${path}`,
          method,
          data,
          timeout: timeoutMs,
          header: { 'content-type': 'application/json', 'x-device-id': device, ...header },
        })
      } catch {
        last = new ApiError('network', offline)
        // No answer: a write may have gone through, so this layer does not send it again.
        if (!safe) break
        continue
      }
      if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
      last = errorFromResponse(res.statusCode, res.data)
      // Only a server hiccup is worth another try; a 4xx answer will not change.
      if (res.statusCode < 500) break
      // A write goes again only after a 503: the server did nothing with it.
      if (!safe && res.statusCode !== 503) break
    }
    throw last
  }

  const q = (filter: CardFilter = {}) => {
    const parts = Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    return parts.length ? `?${parts.join('&')}` : ''
  }
  const id = (s: string) => encodeURIComponent(s)

  return {
    listCards: (filter) => call<YearEndCard[]>('GET', `/api/cards${q(filter)}`),
    getReport: (federationId) => call<FederationReport>('GET', `/api/reports/${id(federationId)}`),
    getProgram: (programId) => call<ProgramDetail>('GET', `/api/programs/${id(programId)}`),
    submitSignup: ({ idempotencyKey, ...body }) =>
      call<Signup>('POST', '/api/signups', body, { 'idempotency-key': idempotencyKey }),
    listMySignups: () => call<Signup[]>('GET', '/api/signups/mine'),
    cancelSignup: (signupId) => call<Signup>('POST', `/api/signups/${id(signupId)}/cancel`),
    deleteMyData: () => call<void>('DELETE', '/api/signups/mine'),
    getSource: (federationId) => call<ReportSource>('GET', `/api/reports/${id(federationId)}/source`),
  }
}
