// Verifying a booker's mobile by SMS, as pure rules: the code's shape, the wait before asking again,
// and whether a kept proof still holds.
import { normalizeNumeric } from './mobile'

export const CODE_LENGTH = 6

export const VERIFY_MESSAGES = {
  mobile: '请填写11位手机号',
  noCodeYet: '请先点“获取验证码”，再填写短信里的6位验证码',
  code: '请填写短信里的6位验证码',
} as const

/** The code as typed (full-width digits, spaces from a paste) reduced to its digits. */
export function normalizeCode(raw: string): string {
  return normalizeNumeric(raw).replace(/\D/g, '')
}

export function isCode(raw: string): boolean {
  return new RegExp(`^\\d{${CODE_LENGTH}}$`).test(normalizeCode(raw))
}

/** Whole seconds until `until` (ms since epoch), rounded up so the button never says 0秒; 0 once passed. */
export function secondsLeft(until: number, now: Date): number {
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000))
}

/** A kept proof holds until its expiry; one without a readable expiry does not. */
export function stillValid(expiresAt: string, now: Date): boolean {
  const t = Date.parse(expiresAt)
  return Number.isFinite(t) && t > now.getTime()
}
