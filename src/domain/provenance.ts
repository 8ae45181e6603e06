// Where each figure on a card comes from: the numbers a pasted text offers, the check of a typed figure, and its scope.
// Carries the traditional→simplified dictionary through figure-check.ts: for the card editor and the server, not the
// app's main package.
import { figureInText, normalizeText, readText, type ReadText } from './figure-check'
import { findFigure, scanFigures } from './figure-match'
import type { NumberCandidate, ScopeSuggestion } from './card-shape'

export type { NumberCandidate, ScopeSuggestion } from './card-shape'

const SENTENCE_END = /[。！？；!?;\r\n]/

/** The first character of the read text that comes from `raw[at]` or later. */
function readIndex(read: ReadText, at: number): number {
  let lo = 0
  let hi = read.starts.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (read.starts[mid] < at) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The sentence holding `raw.slice(from, to)`, as read (simplified). A figure a line break cuts in two
 * ("36\n场次", as pasted text wraps) takes both lines' sentences.
 */
function sentenceAround(raw: string, read: ReadText, from: number, to: number): string {
  let start = from
  while (start > 0 && !SENTENCE_END.test(raw[start - 1])) start--
  let end = to
  while (end < raw.length && !SENTENCE_END.test(raw[end])) end++
  return read.text.slice(readIndex(read, start), readIndex(read, end)).trim()
}

/** Where read-text positions [at, end) came from in the pasted text. */
const span = (read: ReadText, at: number, end: number) => ({ start: read.starts[at], end: read.ends[end - 1] })

/**
 * Every number with its unit the text writes, in text order: the same number in two sentences gives
 * two candidates. Numbers are read by the data check's rule (scanFigures): Arabic numbers and Chinese
 * numerals followed by a unit; dates, ordinals, list and heading numbers and numerals that are words
 * are left out.
 */
export function numberCandidates(text: string): NumberCandidate[] {
  const read = readText(text)
  // A card's figure always has a unit, so a bare number (a hotline, a heading's number, a year range,
  // "超200万" with its unit left to the reader) is never offered: it could not be published.
  return scanFigures(read.text)
    .filter((c) => c.unit !== '')
    .map((c) => {
      const { start, end } = span(read, c.at, c.end)
      return {
        value: c.value,
        unit: c.unit,
        qualifiers: c.qualifiers,
        start,
        end,
        written: text.slice(start, end),
        sentence: sentenceAround(text, read, start, end),
      }
    })
}

/** A card's figure is a number with its unit: 3000 alone says nothing. */
export const UNIT_MISSING = '请填写单位，如“人”“场次”“万元”：卡片上的每个数字都要带单位，和原文写的一样'

export type FigureCheck =
  | {
      ok: true
      /** The figure as the data keeps it ("58.1" + "万户" typed gives "58.1万" + "户"). */
      value: string
      unit: string
      /** The sentence it stands in, to keep as its quote. */
      quote: string
      /** Where it stands in the text as pasted. */
      start: number
      end: number
    }
  | { ok: false; message: string }

/**
 * Whether a figure typed or picked in the editor stands in the source text, by the same rule as the
 * data check (figure-check.ts). When it stands in several sentences, the one holding `quote` (the
 * figure's kept quote, if any) is chosen, else the first. A refusal says why in Chinese.
 */
export function checkFigureAgainstText(
  text: string,
  figure: { value: string; unit: string; quote?: string },
): FigureCheck {
  const read = readText(text)
  const found = figureInText(read, figure.value, figure.unit)
  if (!found.ok) return found
  if (found.unit === '') return { ok: false, message: UNIT_MISSING }
  const length = found.value.length + found.unit.length
  const places = found.positions.map((at) => {
    const where = span(read, at, at + length)
    return { ...where, quote: sentenceAround(text, read, where.start, where.end) }
  })
  const wanted = normalizeText(figure.quote ?? '')
  const place = (wanted !== '' && places.find((p) => p.quote.includes(wanted))) || places[0]
  return { ok: true, value: found.value, unit: found.unit, ...place }
}

const NUMERAL = '(?:[0-9]+|[一二两三四五六七八九十]+)'

/**
 * Words that make a figure a total rather than the year's result, each with the label it gets, drawn
 * from how the five articles' totals are labelled: 连续八年 → 八年累计, 截至目前, 截至2020年12月底,
 * 目前, 共建成 → 累计建成, 已在全市建有 → 已建有. Tried in this order; the first that matches wins.
 */
const TOTAL_CUES: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [new RegExp(`连续(${NUMERAL})年`), (m) => `${m[1]}年累计`],
  [/(?:自|从)[0-9]{4}年(?:以来|起)/, (m) => m[0]],
  [/(?<![0-9])([0-9]{1,2}|[一二两三四五六七八九十]+)年(?:来|以来)/, (m) => `${m[1]}年累计`],
  [/截至(?:目前|今|现在)/, () => '截至目前'],
  [/截至[0-9]{4}年[^,;:]*/, (m) => m[0]],
  [/(?:^|[,:])目前/, () => '目前'],
  [/历年累计|累计(?:建成|建有)|共建成/, () => '累计建成'],
  [/已[^,;:]{0,8}?(建有|建成)/, (m) => `已${m[1]}`],
]
/**
 * Words that keep a figure the year's, checked first: 全年累计 is the year's sum. A bare 累计
 * (累计消费40余万元, 累计举办各类培训) is too: the articles use it for the year's running sum, and none
 * of their totals is labelled by it alone. 截至12月底 (a month without a year) is the card's year.
 */
const YEAR_CUES = /(?:全年|当年|本年|年内)累计/

/**
 * Suggests whether a figure is the year's result or a total, from the sentence it stands in (its
 * candidate's sentence or its quote). With `figure`, only the words before and at the figure count,
 * so 截至目前 after it in the sentence does not make it a total. The organizer can override.
 */
export function suggestScope(sentence: string, figure?: { value: string; unit: string }): ScopeSuggestion {
  let head = normalizeText(sentence)
  if (figure) {
    const value = normalizeText(figure.value)
    const unit = normalizeText(figure.unit)
    const at = findFigure(head, value, unit)
    if (at !== -1) head = head.slice(0, at + value.length + unit.length)
  }
  if (YEAR_CUES.test(head)) return { scope: 'year' }
  for (const [cue, label] of TOTAL_CUES) {
    const m = cue.exec(head)
    if (m) return { scope: 'total', scopeLabel: label(m) }
  }
  return { scope: 'year' }
}
