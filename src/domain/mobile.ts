// Numbers as phones type them (full-width digits, spaces, dashes, +86), and mainland mobiles:
// normalising for storage and comparison, masking for lists.

/** Every kind of space a keyboard or a paste can bring, zero-width ones included. */
const SPACES = /[\s\u200b-\u200d\u2060]/g
/** Hyphens, dashes and minus signs that Chinese keyboards put where "-" was meant. */
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g
/** ０-９ and ＋, typed with a Chinese keyboard in full-width mode. */
const FULL_WIDTH = /[\uff10-\uff19\uff0b]/g

/**
 * The one normaliser for anything typed as a number: full-width digits and ＋ become ASCII,
 * dash look-alikes become "-", and spaces go. Anything else is left for the validator to refuse.
 */
export function normalizeNumeric(raw: string): string {
  return raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(DASHES, '-')
    .replace(SPACES, '')
}

/** 138 0013 8000, １３８-００１３-８０００, +86 138… and 0086 138… all become 13800138000. */
export function normalizeMobile(raw: string): string {
  return normalizeNumeric(raw)
    .replace(/-/g, '')
    .replace(/^(\+86|0086)/, '')
}

export function isMainlandMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(raw))
}

/** 13800138000 → 138****8000; anything else is masked all but its last two characters. */
export function maskMobile(raw: string): string {
  const s = normalizeMobile(raw)
  // Already masked (a ticket kept on the phone holds only this form): shown as it is.
  if (/^\d{3}\*{4}\d{4}$/.test(s)) return s
  if (/^\d{11}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`
  return s.length <= 2 ? '**' : `${'*'.repeat(s.length - 2)}${s.slice(-2)}`
}
