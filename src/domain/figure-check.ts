// Checks figures against the text they come from: each value+unit and each quote must stand in it, at number boundaries.
// Not for the app's main package: it carries a traditional→simplified dictionary (opencc-js, about 1 MB). Tests, the
// server and the card editor's modules (provenance.ts, card-draft.ts) use it; the app's catalog check (catalog.ts)
// needs no dictionary and uses figure-match.ts alone.
import * as OpenCC from 'opencc-js'
import { findFigures, PREFIXES, scanFigures, VALUE_SOURCE } from './figure-match'

const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' })

// Pinyin left in parentheses after characters by some copy tools, e.g. "创(chuàng)建": dropped before matching.
// Only lowercase letters with at least one tone mark count, so "(H5)" or "(集体)" stay.
const PINYIN = /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g
const CJK_OR_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

/**
 * A text as the check reads it, with where each of its characters came from in the text as pasted:
 * `text[i]` was read from `raw.slice(starts[i], ends[i])`. The editor uses this to point at the pasted words.
 */
export interface ReadText {
  text: string
  starts: number[]
  ends: number[]
}

/**
 * Replaces each match of `pattern` in `m` by `replace(match)`, carrying the origins along: a replacement
 * as long as its match keeps them character by character, any other takes the whole match's span.
 */
function replaceMapped(
  m: ReadText,
  pattern: RegExp,
  replace: (piece: string, at: number, all: string) => string,
): ReadText {
  let text = ''
  const starts: number[] = []
  const ends: number[] = []
  const keep = (from: number, to: number) => {
    text += m.text.slice(from, to)
    for (let i = from; i < to; i++) {
      starts.push(m.starts[i])
      ends.push(m.ends[i])
    }
  }
  let last = 0
  for (const match of m.text.matchAll(pattern)) {
    const at = match.index
    const piece = match[0]
    const by = replace(piece, at, m.text)
    keep(last, at)
    last = at + piece.length
    if (by === piece) {
      keep(at, last)
      continue
    }
    text += by
    for (let i = 0; i < by.length; i++) {
      starts.push(by.length === piece.length ? m.starts[at + i] : m.starts[at])
      ends.push(by.length === piece.length ? m.ends[at + i] : m.ends[last - 1])
    }
  }
  keep(last, m.text.length)
  return { text, starts, ends }
}

/**
 * Reads a text as the check does: simplified characters, half-width letters, digits and brackets (NFKC),
 * pinyin annotations dropped, and line breaks or spaces next to Chinese removed (pasted text wraps anywhere).
 * Spaces between two Latin letters or digits stay, so "3 5" never becomes "35".
 */
export function readText(raw: string): ReadText {
  const start: ReadText = { text: raw, starts: [], ends: [] }
  for (let i = 0; i < raw.length; i++) {
    start.starts.push(i)
    start.ends.push(i + 1)
  }
  // NFKC one character (with its combining marks) at a time, so each result knows its origin.
  const wide = replaceMapped(start, /\P{M}\p{M}*|\p{M}+/gu, (piece) => piece.normalize('NFKC'))
  // The dictionary converts phrase by phrase; when that keeps the length, characters stay aligned.
  const whole = hkToCn(wide.text)
  const simple =
    whole.length === wide.text.length
      ? { ...wide, text: whole }
      : replaceMapped(wide, /[\s\S]/gu, (piece) => hkToCn(piece))
  const plain = replaceMapped(simple, PINYIN, () => '')
  return replaceMapped(plain, /\s+/g, (space, at, all) => {
    const before = all[at - 1] ?? ''
    const after = all[at + space.length] ?? ''
    if (before === '' || after === '' || CJK_OR_PUNCT.test(before) || CJK_OR_PUNCT.test(after)) return ''
    return ' '
  })
}

/** The text as the check reads it (see readText). */
export function normalizeText(text: string): string {
  return readText(text).text
}

/**
 * A figure split as the data keeps it: "58.1" + "万户" and "58.1万户" + "" both give "58.1万" + "户".
 * What does not split at a unit ("1,200" + "人") is kept as typed, for findFigures to judge; undefined
 * when there is no number at all.
 */
export function splitFigure(value: string, unit: string): { value: string; unit: string } | undefined {
  const typed = { value: normalizeText(value.trim()), unit: normalizeText(unit.trim()) }
  const m = new RegExp(`^(${VALUE_SOURCE})(.*)$`).exec(`${typed.value}${typed.unit}`)
  if (m && !/^[\d,.\s\-—–~～至到]/.test(m[2])) return { value: m[1], unit: m[2] }
  return /[0-9零〇一二两三四五六七八九十百千]/.test(typed.value) ? typed : undefined
}

/** The number itself, without the article's qualifiers: "近350万" → "350万", "680余" → "680". */
const bareNumber = (value: string) =>
  value.replace(new RegExp(`^(?:${PREFIXES.join('|')})`), '').replace(/余|多|以上/g, '')

/** What the card editor and the data check both say when a figure is not in its text. */
export function notInTextMessage(figure: string, written: string[] = []): string {
  const hint = written.length ? `原文写的是${written.map((w) => `“${w}”`).join('、')}，请照原文填写。` : ''
  return `“${figure}”在原文里找不到。卡片上的每个数字都要能在原文中找到。${hint}`
}

export type FigureInText =
  | { ok: true; value: string; unit: string; positions: number[] }
  | { ok: false; message: string }

/**
 * The one rule for whether a figure stands in a text (read by readText): its value and unit, split as the
 * data keeps them, stand there as a whole figure (findFigures). Gives every position, in text order, or
 * a Chinese message naming the figure and, when the text writes the same number with other words
 * (近350万人次 for 350万人次, 12人次 for 12人), what it writes.
 */
export function figureInText(read: ReadText, value: string, unit: string): FigureInText {
  const typed = `${value.trim()}${unit.trim()}`
  if (typed === '') return { ok: false, message: '请填写数字' }
  const split = splitFigure(value, unit)
  if (!split) return { ok: false, message: `“${typed}”不是数字，请照原文填写，如 58.1万户、近300名` }
  const positions = findFigures(read.text, split.value, split.unit)
  if (positions.length) return { ok: true, ...split, positions }
  const bare = bareNumber(split.value)
  const written = scanFigures(read.text)
    .filter((c) => bareNumber(c.value) === bare)
    .map((c) => `${c.value}${c.unit}`)
  return { ok: false, message: notInTextMessage(typed, [...new Set(written)].slice(0, 3)) }
}

/**
 * Where `value`+`unit` (e.g. "2.6万"+"人次") stands in `text` as a whole figure, or -1, after normalising
 * both (normalizeText): traditional text and full-width digits match, "2.6万人次" inside "22.6万人次" does not.
 * The position is in the normalised text.
 */
export function findFigureInText(text: string, value: string, unit: string): number {
  const found = figureInText(readText(text), value, unit)
  return found.ok ? found.positions[0] : -1
}

/** What the check reads of a figure (a Figure from types.ts, or one being typed into an editor). */
export interface QuotedFigure {
  id: string
  value: string
  unit: string
  quote?: string
}

export interface FigureProblem {
  figureId: string
  /** The field at fault, named as catalog messages name fields: "figures[3].quote". */
  field: string
  message: string
}

/**
 * Checks a federation file's figures against its source text (the article or work report, as pasted):
 * each value with its unit stands in the text as a whole figure, each quote stands in the text word for
 * word, and each quote holds its figure. Returns one problem per fault; none when all is right.
 */
export function checkFigures(file: { figures: QuotedFigure[] }, sourceText: string): FigureProblem[] {
  const read = readText(sourceText)
  const problems: FigureProblem[] = []
  file.figures.forEach((f, i) => {
    const fail = (field: string, message: string) =>
      problems.push({ figureId: f.id, field: `figures[${i}].${field}`, message })
    const found = figureInText(read, f.value, f.unit)
    if (!found.ok) fail('value', found.message)
    const quote = normalizeText(f.quote ?? '')
    if (quote === '') {
      fail('quote', '缺少原文摘句')
      return
    }
    if (!read.text.includes(quote)) fail('quote', `摘句“${f.quote}”在原文中找不到`)
    const inQuote = figureInText(readText(quote), f.value, f.unit)
    if (!inQuote.ok) fail('quote', `摘句里没有“${f.value}${f.unit}”`)
  })
  return problems
}
