// How a figure reads on screen: the article's own wording, a visible 约 when a long number is rounded, and 累计 on totals.
import type { Figure } from './types'

/*
 * The display rule, which the report's source line (FIGURE_RULE) states to the reader:
 *
 * 1. A figure is shown exactly as the article wrote it: "198861", "58.1万", "5.5万余", "近2165万",
 *    "突破71万", "3-5", "三百多". Nothing the article already wrote with 万/亿 or in words is redone.
 * 2. Only a plain number longer than six digits before the point (1000000 and up), too wide for a
 *    tile, is written with 万 or 亿 and at most one decimal. When that keeps the value
 *    ("1000000" → "100万", "100000000" → "1亿") it is the same number, unmarked; when it loses
 *    precision it is prefixed 约 ("1234567" → "约123.5万", "99999999" → "约1亿", never "10000万").
 * 3. A long number the article qualified (近/约/超/超过/突破/逾 before, 余/多/以上 after) is compacted
 *    only when no precision is lost, and otherwise shown as written: the app never stacks its own 约
 *    on the article's approximation.
 *
 * So every 约 on screen is either the article's word or this rule's mark, and both mean the same
 * thing: an approximate value. The exact wording is always kept in DisplayFigure.exact.
 */

/** What the report's source line says about figures; true of the rule above. */
export const FIGURE_RULE = '数字照录原文；标“约”的为近似值，文字为本平台整理。'
/** The same, short enough for the poster's footer. */
export const FIGURE_RULE_SHORT = '数字照录原文，标“约”为近似值'

/** Longest plain number (digits before the point) shown as written; a 6-digit number fits a tile. */
export const MAX_PLAIN_DIGITS = 6

export interface FigureParts {
  /** 近, 约, 超, 超过, 突破 or 逾 before the number. */
  prefix: string
  /** The number as written, e.g. "198861" or "58.1". */
  number: string
  /** 万 or 亿, if the article used one. */
  magnitude: '' | '万' | '亿'
  /** 余 or 多, and where it stood: "40余万" (before 万) or "103万余" / "1200多" / "100以上" (after). */
  approxBefore: string
  approxAfter: string
}

const PATTERN = /^(近|约|超过|超|突破|逾)?(\d+(?:\.\d+)?)(余|多)?([万亿])?(余|多|以上)?$/

/** Splits an Arabic-numeral value; ranges, Chinese numerals and anything else give undefined. */
export function parseFigureValue(value: string): FigureParts | undefined {
  const m = PATTERN.exec(value.trim())
  if (!m) return undefined
  return {
    prefix: m[1] ?? '',
    number: m[2],
    approxBefore: m[3] ?? '',
    magnitude: (m[4] ?? '') as FigureParts['magnitude'],
    approxAfter: m[5] ?? '',
  }
}

export interface DisplayFigure {
  /** What the tile shows: the article's wording, or "约123.5万" for a rounded long number. */
  text: string
  unit: string
  /** Whether the text lost precision against the article; such text always starts with 约. */
  rounded: boolean
  /** The article's own wording, for accessible labels and detail views: "198861人次". */
  exact: string
}

/** n in 万 or 亿 with at most one decimal, moving up to 亿 when 万 would reach 10000 (99999999). */
function compact(n: number): { number: string; magnitude: '万' | '亿'; exact: boolean } {
  let scale = 1e4
  let magnitude: '万' | '亿' = '万'
  let tenths = Math.round((n / scale) * 10)
  if (tenths >= 1e5) {
    scale = 1e8
    magnitude = '亿'
    tenths = Math.round((n / scale) * 10)
  }
  // tenths is an integer and scale / 10 a power of ten, so this product is exact.
  const exact = tenths * (scale / 10) === n
  const number = tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1)
  return { number, magnitude, exact }
}

/** Formats a figure by the rule above. Values it cannot read are shown as they are, never hidden. */
export function formatFigure(value: string, unit: string): DisplayFigure {
  const written = value.trim()
  const exact = `${written}${unit}`
  const asWritten: DisplayFigure = { text: written, unit, rounded: false, exact }
  const parts = parseFigureValue(written)
  if (!parts || parts.magnitude) return asWritten
  if (parts.number.split('.')[0].length <= MAX_PLAIN_DIGITS) return asWritten
  const c = compact(Number(parts.number))
  const qualifier = `${parts.approxBefore}${parts.approxAfter}`
  if (c.exact) return { text: `${parts.prefix}${c.number}${c.magnitude}${qualifier}`, unit, rounded: false, exact }
  if (parts.prefix || qualifier) return asWritten
  return { text: `约${c.number}${c.magnitude}`, unit, rounded: true, exact }
}

/** Width of a figure's text in em, near enough for layout: a Han character 1, a digit or sign 0.6. */
export function figureWidthEm(text: string): number {
  return Array.from(text).reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) <= 0xff ? 0.6 : 1), 0)
}

/**
 * Whether a figure's text leaves no room for its unit in a half-width tile at full size (146px at
 * 375px; "约123.5万" already pushes 人 to a line of its own): such text is set smaller rather
 * than broken or cut. "761.45万" (4.6em) still fits alone. With its unit (set at half the size and
 * never parted from the number), the pair must fit a tile at 360px too (about 5em).
 */
export const isWideFigure = (text: string, unit = '') =>
  figureWidthEm(text) > 4.8 || (unit !== '' && figureWidthEm(text) + Array.from(unit).length * 0.5 > 5)

/**
 * Whether a figure and its unit fit a third of a feed card at 360px: about 82px, 4em of the 19px
 * number, with the 13px unit about 0.8em a character. "11000 人" (80px) fits; "1000余 人" (86px)
 * and "198861 人次" (108px) do not, and a card with such a figure sets its figures two a row.
 * At a larger font scale the words grow and the third does not, so less fits.
 */
export const fitsThirdTile = (text: string, unit = '', fontScale = 1) =>
  figureWidthEm(text) + Array.from(unit).length * 0.8 <= 4 / fontScale

/** The words shown beside a total (累计, 八年累计, 截至目前); undefined for a year's result. */
export function scopeText(figure: Pick<Figure, 'scope' | 'scopeLabel'>): string | undefined {
  if (figure.scope !== 'total') return undefined
  return figure.scopeLabel?.trim() || '累计'
}

/** What a screen reader says for a figure: label, scope, and the article's exact wording. */
export function figureSpeech(figure: Pick<Figure, 'label' | 'value' | 'unit' | 'scope' | 'scopeLabel'>): string {
  const scope = scopeText(figure)
  return `${figure.label}${scope ? `（${scope}）` : ''}：${figure.value.trim()}${figure.unit}`
}

/** Whether every figure is a result of the year, so a "YYYY年成效" heading is true of all of them. */
export function allOfTheYear(figures: Array<Pick<Figure, 'scope'>>): boolean {
  return figures.every((f) => f.scope !== 'total')
}

/**
 * The card's hero and the rest, in their order: the figure `heroId` names, or the first when it names
 * none on the card (the catalog refuses such a file; a stale cached card falls back quietly).
 */
export function heroSplit<F extends Pick<Figure, 'id'>>(figures: F[], heroId?: string): { hero?: F; rest: F[] } {
  const hero = figures.find((f) => f.id === heroId) ?? figures[0]
  return { hero, rest: figures.filter((f) => f !== hero) }
}
