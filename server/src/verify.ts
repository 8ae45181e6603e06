// SMS verification for H5 bookers: a 6-digit code to her mobile, checked once, then a booker
// token. Every limit (resend wait, codes per mobile and per address per day, wrong tries) is kept
// in the database under row locks, so several server instances count together.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto'
import { isMainlandMobile, maskMobile, normalizeMobile, normalizeNumeric } from '../../src/domain/mobile'
import { inBeijing } from '../../src/utils/date'
import { bookerSubject, signBooker } from './booker'
import type { Db } from './db/db'
import { runOnce } from './db/job-locks'
import { HttpError, invalid } from './errors'
import { codeText, type SmsSender } from './sms'

export interface VerifySettings {
  secret: string
  tokenDays: number
  perAddressPerDay: number
}

/** The fixed rules of a code (the contract the app is built against). */
export const CODE_RULES = {
  validMinutes: 5,
  resendSeconds: 60,
  perMobilePerDay: 5,
  maxWrongTries: 5,
} as const

export interface SendAnswer {
  sent: true
  resendAfterSeconds: number
  expiresInSeconds: number
}

export interface CheckAnswer {
  bookerToken: string
  expiresAt: string
  /** 138****8000: which number the token is for, as the app shows it. */
  mobile: string
}

/** Every query of this module, by name (tests/server/query-plans.test.ts EXPLAINs them). */
export const VERIFY_SQL = {
  /** Counts one more code for the scope's key today; the row stays locked until the transaction ends. */
  countSent: `INSERT INTO verification_counts (scope, key, day, sent) VALUES ($1, $2, $3, 1)
    ON CONFLICT (scope, key, day) DO UPDATE SET sent = verification_counts.sent + 1
    RETURNING sent`,
  lastCode: `SELECT id, code_hash, created_at, expires_at, attempts, used_at FROM verification_codes
    WHERE mobile_key = $1 ORDER BY created_at DESC, id DESC LIMIT 1`,
  lastCodeLocked: `SELECT id, code_hash, created_at, expires_at, attempts, used_at FROM verification_codes
    WHERE mobile_key = $1 ORDER BY created_at DESC, id DESC LIMIT 1 FOR UPDATE`,
  insertCode: `INSERT INTO verification_codes (mobile_key, code_hash, created_at, expires_at, client_address)
    VALUES ($1, $2, $3, $4, $5) RETURNING id`,
  /** Earlier codes of the mobile die when a new one is sent: only the newest is ever compared. */
  retireEarlier: 'UPDATE verification_codes SET used_at = $2 WHERE mobile_key = $1 AND used_at IS NULL',
  wrongTry: 'UPDATE verification_codes SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts',
  use: 'UPDATE verification_codes SET used_at = $2 WHERE id = $1',
  deleteCode: 'DELETE FROM verification_codes WHERE id = $1',
} as const

interface CodeRow {
  id: string
  code_hash: string
  created_at: Date | string
  expires_at: Date | string
  attempts: number
  used_at: Date | string | null
}

const WRONG = '验证码不对，请再看一下短信'
const EXPIRED = '验证码已过期，请重新获取'
const DEAD = '错误次数太多，请重新获取验证码'

const rateLimited = (message: string, seconds: number) =>
  new HttpError(429, 'rate_limited', message, undefined, undefined, Math.max(1, Math.ceil(seconds)))

/** 11 digits as she typed them (spaces, full-width digits, +86 allowed); the 400 otherwise. */
export function checkMobile(raw: unknown): string {
  const mobile = typeof raw === 'string' ? normalizeMobile(raw) : ''
  if (!isMainlandMobile(mobile)) throw invalid('请填写11位手机号', 'mobile')
  return mobile
}

/** The 6 digits of a code as typed (full-width digits, spaces allowed); the 400 otherwise. */
export function checkCode(raw: unknown): string {
  const code = typeof raw === 'string' ? normalizeNumeric(raw) : ''
  if (!/^\d{6}$/.test(code)) throw invalid('请填写短信里的6位验证码', 'code')
  return code
}

/** Seconds from `now` to the next Beijing midnight, when the per-day counts start again. */
const secondsToTomorrow = (now: Date) => inBeijing(now).startOf('day').add(1, 'day').diff(inBeijing(now), 'second')

export class Verification {
  constructor(
    private readonly db: Db,
    private readonly sms: SmsSender,
    private readonly settings: VerifySettings,
  ) {}

  private codeHash(mobileKey: string, code: string): Buffer {
    return createHmac('sha256', this.settings.secret).update(`code:${mobileKey}:${code}`).digest()
  }

  /** Sends a new code to `rawMobile`, asked for from `address`, unless a limit says wait. */
  async send(rawMobile: unknown, address: string, now: Date): Promise<SendAnswer> {
    const mobile = checkMobile(rawMobile)
    const key = bookerSubject('mobile', mobile, this.settings.secret)
    const day = inBeijing(now).format('YYYY-MM-DD')
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
    const expires = new Date(now.getTime() + CODE_RULES.validMinutes * 60_000)
    const id = await this.db.transaction(async (tx) => {
      // Counting first locks this mobile's row for today: two sends for one mobile, on any
      // instance, go one after the other. A refusal below rolls the count back.
      const [mine] = await tx.query<{ sent: number }>(VERIFY_SQL.countSent, ['mobile', key, day])
      const [last] = await tx.query<CodeRow>(VERIFY_SQL.lastCode, [key])
      if (last) {
        const wait = CODE_RULES.resendSeconds - (now.getTime() - new Date(last.created_at).getTime()) / 1000
        if (wait > 0) throw rateLimited(`验证码已发送，请${Math.ceil(wait)}秒后再试`, wait)
      }
      if (Number(mine.sent) > CODE_RULES.perMobilePerDay) {
        throw rateLimited('这个手机号今天获取验证码的次数太多了，请明天再试', secondsToTomorrow(now))
      }
      const [here] = await tx.query<{ sent: number }>(VERIFY_SQL.countSent, ['address', address, day])
      if (Number(here.sent) > this.settings.perAddressPerDay) {
        throw rateLimited('这个网络今天获取验证码的次数太多了，请明天再试', secondsToTomorrow(now))
      }
      await tx.query(VERIFY_SQL.retireEarlier, [key, now])
      const [row] = await tx.query<{ id: string }>(VERIFY_SQL.insertCode, [
        key,
        this.codeHash(key, code).toString('hex'),
        now,
        expires,
        address,
      ])
      return row.id
    })
    try {
      await this.sms.send(mobile, codeText(code, CODE_RULES.validMinutes))
    } catch {
      // Not sent: she may ask again at once. The day's counts stand (a failing gateway is no way round them).
      await this.db.query(VERIFY_SQL.deleteCode, [id])
      throw new HttpError(503, 'unavailable', '短信没有发出去，请稍后再试')
    }
    return {
      sent: true,
      resendAfterSeconds: CODE_RULES.resendSeconds,
      expiresInSeconds: CODE_RULES.validMinutes * 60,
    }
  }

  /** Checks the code against the mobile's newest one; a match uses it up and gives a booker token. */
  async check(rawMobile: unknown, rawCode: unknown, now: Date): Promise<CheckAnswer> {
    const mobile = checkMobile(rawMobile)
    const code = checkCode(rawCode)
    const key = bookerSubject('mobile', mobile, this.settings.secret)
    // Decided under the code's row lock; a wrong try is written (committed) before it is refused.
    const outcome = await this.db.transaction(async (tx): Promise<'ok' | 'wrong' | 'expired' | 'dead'> => {
      const [row] = await tx.query<CodeRow>(VERIFY_SQL.lastCodeLocked, [key])
      if (!row || row.used_at || new Date(row.expires_at).getTime() <= now.getTime()) return 'expired'
      if (Number(row.attempts) >= CODE_RULES.maxWrongTries) return 'dead'
      const given = this.codeHash(key, code)
      const stored = Buffer.from(row.code_hash, 'hex')
      if (stored.length !== given.length || !timingSafeEqual(stored, given)) {
        const [after] = await tx.query<{ attempts: number }>(VERIFY_SQL.wrongTry, [row.id])
        return Number(after.attempts) >= CODE_RULES.maxWrongTries ? 'dead' : 'wrong'
      }
      await tx.query(VERIFY_SQL.use, [row.id, now])
      return 'ok'
    })
    if (outcome === 'expired') throw invalid(EXPIRED, 'code')
    if (outcome === 'dead') throw invalid(DEAD, 'code')
    if (outcome === 'wrong') throw invalid(WRONG, 'code')
    const expiresAt = new Date(now.getTime() + this.settings.tokenDays * 24 * 60 * 60 * 1000)
    const { token } = signBooker({ kind: 'mobile', subject: key }, this.settings.secret, expiresAt)
    return { bookerToken: token, expiresAt: expiresAt.toISOString(), mobile: maskMobile(mobile) }
  }

  /** Deletes codes and day counts older than two days: nothing reads them any more. */
  async purge(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - 2 * 24 * 60 * 60 * 1000)
    // One instance at a time: the others skip, this run deletes all there is.
    return runOnce(
      this.db,
      'codePurge',
      async (tx) => {
        const codes = await tx.query<{ id: string }>(
          'DELETE FROM verification_codes WHERE created_at < $1 RETURNING id',
          [cutoff],
        )
        await tx.query('DELETE FROM verification_counts WHERE day < $1', [inBeijing(cutoff).format('YYYY-MM-DD')])
        return codes.length
      },
      0,
    )
  }
}
