// How a figure's value may be written, and where it stands in a text as a whole number. Pure and
// dictionary-free, so the app's catalog check can use it; figure-check.ts adds the traditional→simplified step.

/** One number as an article writes it: 58.1万, 680余, 40余万, 103万余, 三百多, 二十. */
const NUMBER = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+)(?:余|多)?[万亿]?(?:余|多)?'
/**
 * A figure's value: a number or a range (3-5, 3至5, 3000—10000), with the article's words kept
 * before it (近, 约, 超, 超过, 逾, 突破) and after it (以上).
 */
export const FIGURE_VALUE = new RegExp(
  `^(?:近|约|超过|超|逾|突破)?${NUMBER}(?:\\s*[-—–~～至到]\\s*${NUMBER})?(?:以上)?$`,
)

const ARABIC = /[0-9]/
const CHINESE_DIGIT = /[零〇一二两三四五六七八九十百千万亿]/
const DIGIT = /[0-9零〇一二两三四五六七八九十百千万亿]/
const RANGE = /[-—–~～至到]/
/** Words an article puts before a number to qualify it; a value that leaves them out misquotes it. */
const QUALIFIER = /(?:近|约|超|超过|逾|突破)$/

/**
 * Whether a figure starting at `text[at]` begins a number as the article wrote it, rather than
 * continuing one or dropping its qualifier: "2.6万" does not start inside "22.6万", nor "9万" inside
 * "28.9万", "200" inside "1,200", "二十" inside "一百二十", "5" at the end of the range "3-5",
 * or "2165万" after the 近 of "近2165万".
 */
function startsANumber(text: string, at: number): boolean {
  const first = text[at]
  const before = text[at - 1] ?? ''
  if (!ARABIC.test(first) && !CHINESE_DIGIT.test(first)) {
    // The value opens with its qualifier (近, 约, 突破…), which itself bounds the number.
    return true
  }
  if (QUALIFIER.test(text.slice(Math.max(0, at - 2), at))) return false
  if (RANGE.test(before) && DIGIT.test(text[at - 2] ?? '')) return false
  if (ARABIC.test(first)) {
    if (ARABIC.test(before) || before === '.') return false
    return !(before === ',' && ARABIC.test(text[at - 2] ?? ''))
  }
  return !CHINESE_DIGIT.test(before) && !ARABIC.test(before)
}

/**
 * Where `value` followed by `unit` stands in `text` as a whole figure, or -1. The unit closes it on the
 * right; on the left, a digit, decimal point or thousands comma just before means it is only the tail
 * of a larger number, which does not count. The text is taken as it is (see figure-check.ts to
 * compare against traditional or pasted text).
 */
export function findFigure(text: string, value: string, unit: string): number {
  const needle = `${value}${unit}`
  if (needle === '') return -1
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (startsANumber(text, at)) return at
  }
  return -1
}
