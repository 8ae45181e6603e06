// Whether two sign-ups name the same person: the name she typed may differ in form (a
// compatibility ideograph, spaces, traditional characters, letter case) but not in who she is.

/**
 * The name as a dedupe key: NFKC (U+F9E1 becomes 李, full-width letters and spaces half-width),
 * no whitespace anywhere, Latin letters in lower case, then `fold`. The server passes a
 * traditional-to-simplified fold (陳 → 陈); it lives outside src/domain so the app bundle does not carry
 * its dictionaries. Spaces go before folding, so a space cannot split a phrase the fold reads whole.
 */
export function nameKey(name: string, fold: (s: string) => string = (s) => s): string {
  const plain = name.normalize('NFKC').replace(/\s+/g, '').toLowerCase()
  return fold(plain).normalize('NFKC')
}
