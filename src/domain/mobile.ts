// Mainland mobile numbers: normalising for comparison, masking for lists.

/** Strips spaces, dashes and a +86 / 0086 prefix. */
export function normalizeMobile(raw: string): string {
  const s = raw.replace(/[\s-]/g, '')
  return s.replace(/^(\+86|0086)/, '')
}

export function isMainlandMobile(raw: string): boolean {
  return /^1[3-9]\d{9}$/.test(normalizeMobile(raw))
}

/** 13800138000 → 138****8000; anything else is masked all but its last two characters. */
export function maskMobile(raw: string): string {
  const s = normalizeMobile(raw)
  if (/^\d{11}$/.test(s)) return `${s.slice(0, 3)}****${s.slice(7)}`
  return s.length <= 2 ? '**' : `${'*'.repeat(s.length - 2)}${s.slice(-2)}`
}
