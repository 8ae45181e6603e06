// Checks figures against the text they come from: each value+unit and each quote must stand in it, at number boundaries.
// Not for the app bundle: it carries a traditional→simplified dictionary (opencc-js, about 1 MB). Tests and the
// server use it; the app's catalog check (catalog.ts) needs no dictionary and uses figure-match.ts alone.
import * as OpenCC from 'opencc-js'
import { findFigure } from './figure-match'

const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' })

// Pinyin left in parentheses after characters by some copy tools, e.g. "创(chuàng)建": dropped before matching.
// Only lowercase letters with at least one tone mark count, so "(H5)" or "(集体)" stay.
const PINYIN = /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g
const CJK_OR_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/

/**
 * The text as the check reads it: simplified characters, half-width letters, digits and brackets (NFKC),
 * pinyin annotations dropped, and line breaks or spaces next to Chinese removed (pasted text wraps anywhere).
 * Spaces between two Latin letters or digits stay, so "3 5" never becomes "35".
 */
export function normalizeText(text: string): string {
  const simple = hkToCn(text.normalize('NFKC')).replace(PINYIN, '')
  return simple.replace(/\s+/g, (space: string, at: number, all: string) => {
    const before = all[at - 1] ?? ''
    const after = all[at + space.length] ?? ''
    if (before === '' || after === '' || CJK_OR_PUNCT.test(before) || CJK_OR_PUNCT.test(after)) return ''
    return ' '
  })
}

/**
 * Where `value`+`unit` (e.g. "2.6万"+"人次") stands in `text` as a whole figure, or -1, after normalising
 * both (normalizeText): traditional text and full-width digits match, "2.6万人次" inside "22.6万人次" does not.
 * The position is in the normalised text.
 */
export function findFigureInText(text: string, value: string, unit: string): number {
  return findFigure(normalizeText(text), normalizeText(value), normalizeText(unit))
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
  const text = normalizeText(sourceText)
  const problems: FigureProblem[] = []
  file.figures.forEach((f, i) => {
    const fail = (field: string, message: string) =>
      problems.push({ figureId: f.id, field: `figures[${i}].${field}`, message })
    const value = normalizeText(f.value)
    const unit = normalizeText(f.unit)
    const figure = `${f.value}${f.unit}`
    if (findFigure(text, value, unit) === -1) {
      fail('value', `“${figure}”在原文中找不到（须与原文一字不差，且不能只是更大数字的一部分）`)
    }
    const quote = normalizeText(f.quote ?? '')
    if (quote === '') {
      fail('quote', '缺少原文摘句')
      return
    }
    if (!text.includes(quote)) fail('quote', `摘句“${f.quote}”在原文中找不到`)
    if (findFigure(quote, value, unit) === -1) fail('quote', `摘句里没有“${figure}”`)
  })
  return problems
}
