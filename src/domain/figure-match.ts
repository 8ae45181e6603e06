// How a figure's value may be written, and where it stands in a text as a whole number. Pure and
// dictionary-free, so the app's catalog check can use it; figure-check.ts adds the traditional→simplified step.

/** Words an article puts right before a number to qualify it, longest first (超过 before 超). */
export const PREFIXES = ['超过', '突破', '近', '约', '超', '逾'] as const
/** An Arabic number as the data keeps it: 58.1, 198861 (no thousands commas: "1,200" is no value). */
const ARABIC_NUMBER = '\\d+(?:\\.\\d+)?'
/** A number in Chinese numerals: 三百, 二十, 一万二千. */
const CHINESE_NUMBER = '[零〇一二两三四五六七八九十百千][零〇一二两三四五六七八九十百千万亿]*'
/** One number as an article writes it: 58.1万, 680余, 40余万, 103万余, 三百多, 二十. */
const NUMBER = `(?:${ARABIC_NUMBER}|${CHINESE_NUMBER})(?:余|多)?[万亿]?(?:余|多)?`
/**
 * A figure's value as a regular expression source: a number or a range (3-5, 3至5, 3000—10000),
 * with the article's words kept before it (近, 约, 超, 超过, 逾, 突破) and after it (以上).
 */
export const VALUE_SOURCE = `(?:${PREFIXES.join('|')})?${NUMBER}(?:\\s*[-—–~～至到]\\s*${NUMBER})?(?:以上)?`
/** A whole value, as the catalog accepts it. */
export const FIGURE_VALUE = new RegExp(`^${VALUE_SOURCE}$`)

/**
 * Units an article writes after a number, as one list so that the figure check and the editor's
 * candidates agree. A longer unit wins: "35场次" is 35 场次, never 35 场 (see findFigure).
 */
export const UNITS: readonly string[] = [
  ...['人次', '户次', '场次', '批次', '件次', '期次', '班次', '课时', '周岁', '小时', '分钟', '个月', '个百分点'],
  ...['百分点', '平方米', '公里', '公顷', '公斤', '千克'],
  ...['个', '名', '人', '户', '家', '所', '条', '支', '场', '件', '批', '期', '元', '台', '份', '瓶', '次', '篇'],
  ...['项', '套', '处', '座', '间', '本', '册', '部', '幅', '组', '队', '岁', '倍', '天', '吨', '亩', '米', '班'],
  ...['笔', '张', '位', '对', '单', '辆', '头', '只', '株', '棵', '%', '‰'],
].sort((a, b) => b.length - a.length)

/** The longest unit written at `text[at]`, or ''. */
export function unitAt(text: string, at: number): string {
  return UNITS.find((u) => text.startsWith(u, at)) ?? ''
}

const ARABIC = /[0-9]/
const CHINESE_DIGIT = /[零〇一二两三四五六七八九十百千万亿]/
const DIGIT = /[0-9零〇一二两三四五六七八九十百千万亿]/
const RANGE = /[-—–~～至到]/
/** Words an article puts before a number to qualify it; a value that leaves them out misquotes it. */
const QUALIFIER = new RegExp(`(?:${PREFIXES.join('|')})$`)

/**
 * Whether a figure starting at `text[at]` begins a number as the article wrote it, rather than
 * continuing one or dropping its qualifier: "2.6万" does not start inside "22.6万", nor "9万" inside
 * "28.9万", "200" inside "1,200", "二十" inside "一百二十", "5" at the end of the range "3-5",
 * or "2165万" after the 近 of "近2165万".
 */
export function startsANumber(text: string, at: number): boolean {
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
 * Whether a value that ends just before `text[at]` ends its number there, when no unit closes it:
 * "1.2" does not end inside "1.25", nor "12" before 万 or 余 ("12万", "12余"), nor "3" before "-5",
 * nor before a unit ("12%" is not the figure 12 without a unit), nor before 以上.
 */
function endsANumber(text: string, at: number): boolean {
  const after = text[at] ?? ''
  const next = text[at + 1] ?? ''
  if (after === '') return true
  if (DIGIT.test(after) || /[余多]/.test(after) || text.startsWith('以上', at)) return false
  if ((after === '.' || after === ',' || RANGE.test(after)) && DIGIT.test(next)) return false
  return unitAt(text, at) === ''
}

/**
 * Whether `unit` at `text[at]` is the whole unit the text writes: "12人" does not stand in
 * "12人次" (a count of visits, not of people), nor "35场" in "35场次".
 */
function endsTheUnit(text: string, at: number, unit: string): boolean {
  return unitAt(text, at).length <= unit.length
}

/** Whether `value`+`unit` stands as a whole figure at `text[at]` (the needle is known to be there). */
function standsAt(text: string, at: number, value: string, unit: string): boolean {
  if (!startsANumber(text, at)) return false
  const end = at + value.length
  return unit === '' ? endsANumber(text, end) : endsTheUnit(text, end, unit)
}

/**
 * Every place where `value` followed by `unit` stands in `text` as a whole figure, in text order.
 * The unit closes it on the right (and must be the text's whole unit); on the left, a digit, decimal
 * point or thousands comma just before means it is only the tail of a larger number, and a qualifier
 * just before (近, 突破…) means the value left it out: neither counts. The text is taken as it is
 * (see figure-check.ts to compare against traditional or pasted text).
 */
export function findFigures(text: string, value: string, unit: string): number[] {
  const needle = `${value}${unit}`
  const found: number[] = []
  if (value === '') return found
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (standsAt(text, at, value, unit)) found.push(at)
  }
  return found
}

/** Where `value`+`unit` first stands in `text` as a whole figure (see findFigures), or -1. */
export function findFigure(text: string, value: string, unit: string): number {
  return findFigures(text, value, unit)[0] ?? -1
}

/** A number a text writes, with its unit, as scanFigures finds it. */
export interface ScannedFigure {
  /** As the data keeps it: "近350万", "680余", "3-5", "三百多". */
  value: string
  /** As the text writes it right after the value: "人次", "%", or '' when none follows. */
  unit: string
  /** The words of the value around the number itself: 近/约/超/超过/逾/突破 before, 余/多/以上 after. */
  qualifiers: string[]
  /** Where value+unit stands in the text: text.slice(at, end) === value + unit. */
  at: number
  end: number
}

const SCAN = new RegExp(VALUE_SOURCE, 'g')
/** What follows a number that makes it a date or a time of day, not an amount: 2021年, 12月, 8日, 100周年. */
const DATE_AFTER = /^(?:年|月|日|号|周年|时|点|:\d)/
/** Chinese numerals that read as ordinary words, not amounts: 一 (一线, 一家), 百/千/万 alone (千家万户, 百万家庭). */
const WORDLIKE = /^(?:一|[百千万亿]+)$/

/**
 * Every number `text` writes as an amount, in text order, each with its unit, so that each stands in the
 * text by findFigures' rule. Left out: dates and times (2021年, 12月底, 8日), ordinals (第112个),
 * numbers glued to Latin letters, a colon or a plus (H5, 5G, 10:00, 3+1),
 * list numbering (1. 2、), and Chinese numerals without a unit or that read as words
 * (统一, 一线, 千家万户), since those are not figures. Chinese numerals with a unit count: 三百多人, 二十个.
 * The text is read as it is: see provenance.ts for pasted or traditional text.
 */
export function scanFigures(text: string): ScannedFigure[] {
  const found: ScannedFigure[] = []
  for (const m of text.matchAll(SCAN)) {
    const value = m[0]
    const at = m.index
    const after = at + value.length
    if (!startsANumber(text, at)) continue
    const unit = unitAt(text, after)
    if (unit === '' && !endsANumber(text, after)) continue
    const prefix = PREFIXES.find((p) => value.startsWith(p)) ?? ''
    const number = value.slice(prefix.length)
    if (DATE_AFTER.test(text.slice(after, after + 2)) || (prefix === '' && text[at - 1] === '第')) continue
    if (/[A-Za-z:+]/.test(text[at - 1] ?? '') || /[A-Za-z+]/.test(text[after] ?? '')) continue
    // "1. 推动…", "2、搭建…": a list's numbering, not an amount.
    if (unit === '' && /[.、]/.test(text[after] ?? '')) continue
    if (!/^[0-9]/.test(number) && (unit === '' || WORDLIKE.test(number.replace(/[余多]|以上/g, '')))) continue
    const qualifiers = [prefix, ...(number.match(/余|多|以上/g) ?? [])].filter((q) => q !== '')
    found.push({ value, unit, qualifiers, at, end: after + unit.length })
  }
  return found
}
