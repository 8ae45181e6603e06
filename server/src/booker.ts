// Booker tokens: the server's signed word that a person was verified (an SMS code on H5, WeChat's
// openid in the mini-program). Booking a seat needs one; reading content and her own sign-ups do not.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { HttpError } from './errors'

export type BookerKind = 'mobile' | 'wx'

export interface Booker {
  kind: BookerKind
  /** A keyed hash of the mobile or openid: the token can be read, so it never holds either in clear. */
  subject: string
}

export interface SignedBooker {
  token: string
  expiresAt: Date
}

const VERSION = 'b1'

/** The subject for a verified mobile or openid, keyed with the server's secret. */
export function bookerSubject(kind: BookerKind, value: string, secret: string): string {
  return createHmac('sha256', secret).update(`${kind}:${value}`).digest('base64url').slice(0, 32)
}

/** How a booker is stored on her sign-ups: kind and subject. */
export const bookerKey = (b: Booker) => `${b.kind}:${b.subject}`

const mac = (payload: string, secret: string) => createHmac('sha256', secret).update(`${VERSION}.${payload}`).digest()

/** `b1.<payload>.<HMAC-SHA256>`, the payload being base64url JSON `{ k, s, e }` (e in seconds since 1970). */
export function signBooker(booker: Booker, secret: string, expiresAt: Date): SignedBooker {
  const payload = Buffer.from(
    JSON.stringify({ k: booker.kind, s: booker.subject, e: Math.floor(expiresAt.getTime() / 1000) }),
  ).toString('base64url')
  return { token: `${VERSION}.${payload}.${mac(payload, secret).toString('base64url')}`, expiresAt }
}

/** The booker a token proves at `now`, or undefined: forged, tampered, malformed or expired. */
export function readBooker(token: unknown, secret: string, now: Date): Booker | undefined {
  if (typeof token !== 'string' || token.length > 400) return undefined
  const [version, payload, signature, ...rest] = token.trim().split('.')
  if (version !== VERSION || !payload || !signature || rest.length) return undefined
  const given = Buffer.from(signature, 'base64url')
  const expected = mac(payload, secret)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined
  let body: { k?: unknown; s?: unknown; e?: unknown }
  try {
    body = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof body
  } catch {
    return undefined
  }
  if ((body.k !== 'mobile' && body.k !== 'wx') || typeof body.s !== 'string' || !body.s) return undefined
  if (typeof body.e !== 'number' || body.e * 1000 <= now.getTime()) return undefined
  return { kind: body.k, subject: body.s }
}

export const verifyRequired = () => new HttpError(401, 'verify_required', '请先验证手机号再报名', 'mobile')

/** The booker of a request's `x-booker-token`; the 401 verify_required without a valid one. */
export function bookerFrom(header: unknown, secret: string, now: Date): Booker {
  const booker = readBooker(header, secret, now)
  if (!booker) throw verifyRequired()
  return booker
}
