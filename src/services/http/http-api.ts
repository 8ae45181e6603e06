// The Api over HTTP: the same contract as the mock, for when TARO_APP_API_BASE points at the server.
import { maskMobile } from '@/domain/mobile'
import {
  API_ERROR_CODES,
  ApiError,
  type Api,
  type ApiErrorCode,
  type CardFilter,
  type CardPage,
  type CodeSent,
  type FederationReport,
  type MobileVerification,
  type OpenSessionPage,
  type ProgramDetail,
  type ReportSource,
  type Signup,
  type VerifiedBooker,
  VERIFY_REQUIRED_MESSAGE,
} from '../api'
import type { BookerTokens } from './booker-token'
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
  /** Where the booker token lives; every submit carries it as x-booker-token. */
  booker?: {
    tokens: BookerTokens
    /**
     * Gets a fresh token when there is none or the server refused it (the mini-program logs in
     * again). Without it (H5) she verifies her mobile by SMS: see `sms`.
     */
    renew?: () => Promise<void>
  }
  /** H5: offer verifying a mobile by SMS (Api.verification), keeping the token in `booker`. */
  sms?: boolean
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
      : code === 'verify_required'
        ? VERIFY_REQUIRED_MESSAGE
        : status >= 500
          ? '服务器暂时出了问题，请稍后再试'
          : '请求没有成功，请稍后再试'
  return new ApiError(code, message, typeof e?.field === 'string' ? e.field : undefined)
}

export function createHttpApi(options: HttpApiOptions): Api {
  const { transport, deviceId, timeoutMs = 8000, retries = 2, booker } = options
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

  const q = (filter: CardFilter & { cursor?: string } = {}) => {
    const parts = Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    return parts.length ? `?${parts.join('&')}` : ''
  }
  const id = (s: string) => encodeURIComponent(s)

  /** The token header for a submit; the mini-program logs in again for one it lacks. */
  async function bookerHeader(): Promise<Record<string, string>> {
    if (!booker) return {}
    let kept = booker.tokens.get()
    if (!kept && booker.renew) {
      try {
        await booker.renew()
      } catch {
        throw new ApiError('network', OFFLINE_WRITE)
      }
      kept = booker.tokens.get()
    }
    return kept ? { 'x-booker-token': kept.token } : {}
  }

  async function submitSignup({ idempotencyKey, ...body }: Parameters<Api['submitSignup']>[0]): Promise<Signup> {
    const send = async () =>
      call<Signup>('POST', '/api/signups', body, { 'idempotency-key': idempotencyKey, ...(await bookerHeader()) })
    try {
      return await send()
    } catch (e) {
      if (!(e instanceof ApiError) || e.code !== 'verify_required' || !booker) throw e
      // Forged, expired or revoked: never send it again. H5 asks her to verify by SMS.
      booker.tokens.forget()
      if (!booker.renew) throw e
      // WeChat can prove her again without her doing anything. The refused submit booked nothing,
      // so the same key goes once more.
      return send()
    }
  }

  const verification = (tokens: BookerTokens): MobileVerification => ({
    verified: () => {
      const kept = tokens.get()
      return kept ? { mobile: kept.mobile ?? '', expiresAt: kept.expiresAt } : null
    },
    sendCode: (mobile) => call<CodeSent>('POST', '/api/verify/send', { mobile }),
    checkCode: async (mobile, code) => {
      const r = await call<{ bookerToken?: unknown; expiresAt?: unknown; mobile?: unknown } | null>(
        'POST',
        '/api/verify/check',
        { mobile, code },
      )
      if (!r || typeof r.bookerToken !== 'string' || !r.bookerToken || typeof r.expiresAt !== 'string')
        throw new ApiError('unknown', '验证没有成功，请稍后再试')
      const verified: VerifiedBooker = {
        mobile: typeof r.mobile === 'string' && r.mobile ? r.mobile : maskMobile(mobile),
        expiresAt: r.expiresAt,
      }
      tokens.set({ token: r.bookerToken, ...verified })
      return verified
    },
  })

  return {
    listCards: (filter, cursor) =>
      call<CardPage>('GET', `/api/cards${q({ ...filter, ...(cursor ? { cursor } : {}) })}`),
    listOpenSessions: (filter, cursor) =>
      call<OpenSessionPage>('GET', `/api/sessions/open${q({ ...filter, ...(cursor ? { cursor } : {}) })}`),
    getReport: (federationId) => call<FederationReport>('GET', `/api/reports/${id(federationId)}`),
    getProgram: (programId) => call<ProgramDetail>('GET', `/api/programs/${id(programId)}`),
    submitSignup,
    listMySignups: () => call<Signup[]>('GET', '/api/signups/mine'),
    cancelSignup: (signupId) => call<Signup>('POST', `/api/signups/${id(signupId)}/cancel`),
    confirmSignup: (signupId) => call<Signup>('POST', `/api/signups/${id(signupId)}/confirm`),
    deleteMyData: async () => {
      await call<void>('DELETE', '/api/signups/mine')
      // All her data on this phone goes too, the verified mobile included.
      booker?.tokens.forget()
    },
    getSource: (federationId) => call<ReportSource>('GET', `/api/reports/${id(federationId)}/source`),
    ...(options.sms && booker ? { verification: verification(booker.tokens) } : {}),
  }
}
