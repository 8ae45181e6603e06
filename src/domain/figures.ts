// Display formatting of figures: the data keeps the article's wording, the view shows it compactly.

export interface FigureParts {
  /** 近 or 约 before the number. */
  prefix: string
  /** The number as written, e.g. "198861" or "58.1". */
  number: string
  /** 万 or 亿, if the article used one. */
  magnitude: '' | '万' | '亿'
  /** 余 or 多, and where it stood: "40余万" (before) or "103万余" (after). */
  approxBefore: string
  approxAfter: string
}

const PATTERN = /^([近约])?(\d+(?:\.\d+)?)(余|多)?([万亿])?(余|多)?$/

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

/** One decimal at most, without a trailing ".0": 19.8861 → "19.9", 3.0 → "3". */
function oneDecimal(n: number): string {
  const r = Math.round(n * 10) / 10
  return Number.isInteger(r) ? String(r) : r.toFixed(1)
}

export interface DisplayFigure {
  /** Compact number with its qualifiers: "19.9万", "680余", "近5.6万". */
  text: string
  unit: string
  /** Whether the compact text lost precision against the article (198861 → 19.9万). */
  rounded: boolean
  /** The article's own wording, for accessible labels and the detail view: "198861人次". */
  exact: string
}

/**
 * Formats a figure for display. Plain numbers of 10,000 and more become 万 (or 亿),
 * with one decimal; figures the article already wrote with 万/亿 or a qualifier keep it.
 * Unparseable values are shown as they are rather than hidden.
 */
export function formatFigure(value: string, unit: string): DisplayFigure {
  const exact = `${value}${unit}`
  const parts = parseFigureValue(value)
  if (!parts) return { text: value.trim(), unit, rounded: false, exact }
  const n = Number(parts.number)
  let number = parts.number
  let magnitude: string = parts.magnitude
  let rounded = false
  // A qualifier sitting between the number and 万 ("40余万") pins the wording; leave it alone.
  if (!parts.approxBefore || !parts.magnitude) {
    if (magnitude === '' && n >= 1e8) {
      number = oneDecimal(n / 1e8)
      magnitude = '亿'
      rounded = Number(number) * 1e8 !== n
    } else if (magnitude === '' && n >= 1e4) {
      number = oneDecimal(n / 1e4)
      magnitude = '万'
      rounded = Number(number) * 1e4 !== n
    } else if (magnitude === '万' && n >= 1e4) {
      number = oneDecimal(n / 1e4)
      magnitude = '亿'
      rounded = Number(number) * 1e4 !== n
    }
  }
  const text = `${parts.prefix}${number}${parts.approxBefore}${magnitude}${parts.approxAfter}`
  return { text, unit, rounded, exact }
}
