// Where everything goes on the year-end poster, 1:1 (Moments) and 5:4 (chats), laid out from measured
// text so the content reaches the frame's bottom edge: pure, so jest checks it for every card.
import { formatFigure, heroSplit, scopeText } from '@/domain/figures'
import type { ShownFigure } from '@/domain/types'
import type { ReportCard } from '@/domain/views'
import { formatSourceDate } from '@/utils/date'
import { FIGURE_RULE_SHORT } from '@/domain/figures'

/** Poster sizes in CSS pixels; the renderer multiplies by the pixel ratio (2), within 4096. */
export const POSTER_SIZES = {
  square: { width: 720, height: 720 },
  wide: { width: 750, height: 600 },
} as const
export type PosterShape = keyof typeof POSTER_SIZES

/** The brand every poster carries, so a reposted image still says where it came from. */
export const BRAND = '巾帼年终盘点'

/** A text's width at a font size: the canvas's measureText, or a stand-in in tests. */
export type Measure = (text: string, size: number, bold: boolean) => number

export type Ink = 'white' | 'ink' | 'muted' | 'theme'

export interface PosterText {
  text: string
  x: number
  /** The alphabetic baseline. */
  y: number
  size: number
  bold: boolean
  ink: Ink
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface PosterPlan {
  width: number
  height: number
  /** The theme-coloured part; the rest is white. */
  band: Box
  texts: PosterText[]
  /** Theme-coloured badges under a total's words (累计…), drawn before the texts. */
  badges: Box[]
  hero?: Box
  figures: Box[]
  qr: Box
  /**
   * The topic's illustration: a square on the band, partly past its right edge (the renderer clips it
   * to the band), beside the words or above the hero, never behind the hero's number (artBox).
   */
  art: Box
  /** Every block stacked on the poster, top to bottom per column: tests check they neither overlap nor leave the frame. */
  blocks: Array<Box & { name: string }>
  /** The lowest content edge. */
  bottom: number
}

export interface PosterOptions {
  /** Whether a QR code is drawn (an H5 link is configured); otherwise the words to search for are. */
  qr: boolean
}

/** Ascent and line height as multiples of the font size, for CJK text. */
const ASCENT = 0.92
const LINE = 1.32

interface Block {
  name: string
  h: number
  /** Draws the block at (x, y), y being its top. */
  place: (x: number, y: number) => void
}

/** A gap that takes a share of the space left over, so the last block sits on the bottom margin. */
const FLEX = 'flex'
type Item = Block | typeof FLEX

/** Splits text into lines no wider than `width`, at most `max` (the last ends with … if cut). */
export function wrapText(measure: Measure, text: string, size: number, bold: boolean, width: number, max: number) {
  const lines: string[] = []
  let line = ''
  const chars = Array.from(text)
  for (const ch of chars) {
    if (measure(line + ch, size, bold) > width && line) {
      lines.push(line)
      line = ch
      if (lines.length === max) break
    } else line += ch
  }
  if (lines.length < max && line) lines.push(line)
  else if (lines.length === max && chars.join('') !== lines.join('')) {
    const last = Array.from(lines[max - 1])
    lines[max - 1] = `${last.slice(0, Math.max(1, last.length - 1)).join('')}…`
  }
  return lines
}

/** The largest size from `max` down to `min` (steps of 2) at which `width(size)` fits `room`. */
function fitSize(width: (size: number) => number, room: number, max: number, min: number): number {
  for (let s = max; s > min; s -= 2) if (width(s) <= room) return s
  return min
}

class Planner {
  readonly texts: PosterText[] = []
  readonly badges: Box[] = []
  readonly blocks: Array<Box & { name: string }> = []
  constructor(readonly measure: Measure) {}

  /** Wrapped lines of one size as a block. */
  lines(name: string, text: string, size: number, bold: boolean, ink: Ink, width: number, max: number): Block {
    const lines = wrapText(this.measure, text, size, bold, width, max)
    return {
      name,
      h: Math.round(size * (ASCENT + 0.28) + (lines.length - 1) * size * LINE),
      place: (x, y) =>
        lines.forEach((l, i) =>
          this.texts.push({ text: l, x, y: y + size * ASCENT + i * size * LINE, size, bold, ink }),
        ),
    }
  }

  /**
   * A figure: the number as the article wrote it with its unit on the same line (never split), then
   * its label, led by a total's words on a badge.
   */
  figure(name: string, f: ShownFigure, width: number, sizes: FigureSizes, ink: { value: Ink; label: Ink }): Block {
    const shown = formatFigure(f.value, f.unit)
    const unitSize = Math.max(sizes.label, Math.round(sizes.value * 0.36))
    const gap = 6
    const valueSize = fitSize(
      (s) => this.measure(shown.text, s, true) + gap + this.measure(shown.unit, Math.max(sizes.label, s * 0.36), true),
      width,
      sizes.value,
      sizes.min,
    )
    const unit = Math.min(unitSize, Math.max(sizes.label, Math.round(valueSize * 0.36)))
    const scope = scopeText(f)
    const indent = scope ? this.measure(scope, sizes.label, true) + 12 + 8 : 0
    // The first line is shorter by the badge; the rest wrap at full width.
    const chars = Array.from(f.label)
    let n = 0
    while (n < chars.length && this.measure(chars.slice(0, n + 1).join(''), sizes.label, false) <= width - indent) n++
    const whole = sizes.labelLines === 1 || n >= chars.length
    const first = whole
      ? (wrapText(this.measure, f.label, sizes.label, false, width - indent, 1)[0] ?? '')
      : chars.slice(0, n).join('')
    const more = whole
      ? []
      : wrapText(this.measure, chars.slice(n).join(''), sizes.label, false, width, sizes.labelLines - 1)
    const labelTop = Math.round(valueSize * 1.08) + 4
    const h = labelTop + Math.round(sizes.label * (ASCENT + 0.28) + more.length * sizes.label * LINE)
    return {
      name,
      h,
      place: (x, y) => {
        const base = y + valueSize * ASCENT
        this.texts.push({ text: shown.text, x, y: base, size: valueSize, bold: true, ink: ink.value })
        const w = this.measure(shown.text, valueSize, true)
        this.texts.push({ text: shown.unit, x: x + w + gap, y: base, size: unit, bold: true, ink: ink.label })
        const ly = y + labelTop + sizes.label * ASCENT
        if (scope) {
          this.badges.push({ x, y: ly - sizes.label * ASCENT - 3, w: indent - 8, h: sizes.label * 1.2 + 6 })
          this.texts.push({ text: scope, x: x + 6, y: ly, size: sizes.label, bold: true, ink: 'white' })
        }
        this.texts.push({ text: first, x: x + indent, y: ly, size: sizes.label, bold: false, ink: ink.label })
        more.forEach((l, i) =>
          this.texts.push({
            text: l,
            x,
            y: ly + (i + 1) * sizes.label * LINE,
            size: sizes.label,
            bold: false,
            ink: ink.label,
          }),
        )
      },
    }
  }

  /**
   * Stacks items in a column from `top` so the last ends on `bottom`: the space left over goes to the
   * flex gaps, evenly. Returns the space left over (negative when the items do not fit).
   */
  column(items: Item[], x: number, w: number, top: number, bottom: number, gap: number): number {
    const blocks = items.filter((i): i is Block => i !== FLEX)
    const flexes = items.filter((i) => i === FLEX).length
    const fixed = blocks.reduce((s, b) => s + b.h, 0) + gap * Math.max(0, blocks.length - 1)
    const spare = bottom - top - fixed
    const share = flexes ? Math.max(0, spare) / flexes : 0
    let y = top
    let placed = 0
    for (const item of items) {
      if (item === FLEX) {
        y += share
        continue
      }
      if (placed > 0) y += gap
      // The last block sits on the bottom margin when there is no flex gap to take the slack.
      if (!flexes && placed === blocks.length - 1 && spare > 0) y = bottom - item.h
      item.place(x, Math.round(y))
      this.blocks.push({ name: item.name, x, y: Math.round(y), w, h: item.h })
      y += item.h
      placed++
    }
    return spare
  }
}

interface FigureSizes {
  value: number
  min: number
  label: number
  labelLines: number
}

function sourceLine(card: ReportCard) {
  return `来源：${card.source.publisher} · ${formatSourceDate(card.source.date)}`
}

/** The QR code or, without a link, the words to search for; with its caption. */
function qrBlock(p: Planner, size: number, caption: number, options: PosterOptions, out: { qr?: Box }): Block {
  return {
    name: 'qr',
    h: size + Math.round(caption * 1.6),
    place: (x, y) => {
      out.qr = { x, y, w: size, h: size }
      const cx = x + size / 2 - p.measure('扫码查看完整报告', caption, false) / 2
      if (options.qr) {
        p.texts.push({
          text: '扫码查看完整报告',
          x: cx,
          y: y + size + caption * 1.3,
          size: caption,
          bold: false,
          ink: 'muted',
        })
      } else {
        const a = '微信搜索'
        const b = `“${BRAND}”`
        p.texts.push({
          text: a,
          x: x + size / 2 - p.measure(a, caption, true) / 2,
          y: y + size * 0.4,
          size: caption,
          bold: true,
          ink: 'ink',
        })
        p.texts.push({
          text: b,
          x: x + size / 2 - p.measure(b, caption, true) / 2,
          y: y + size * 0.4 + caption * 1.5,
          size: caption,
          bold: true,
          ink: 'ink',
        })
      }
    },
  }
}

function place(card: ReportCard) {
  return [card.region.province, card.region.city, card.region.district, card.level].filter(Boolean).join(' · ')
}

interface Scale {
  hero: number
  figure: number
}

/** One try at a scale; the caller shrinks the scale until nothing overflows. */
function tryPlan(measure: Measure, card: ReportCard, shape: PosterShape, options: PosterOptions, s: Scale) {
  const { width: W, height: H } = POSTER_SIZES[shape]
  const p = new Planner(measure)
  const { hero, rest } = heroSplit(card.headlineFigures.slice(0, 4), card.heroFigureId)
  const boxes: { hero?: Box; figures: Box[]; qr?: Box } = { figures: [] }
  const track = (b: Block, to: (box: Box) => void): Block => ({
    ...b,
    place: (x, y) => {
      b.place(x, y)
      to({ x, y, w: 0, h: b.h })
    },
  })
  let over = 0
  let band: Box
  const M = 40
  if (shape === 'square') {
    const inner = W - 2 * M
    const head: Item[] = [
      p.lines('brand', `${BRAND} · ${card.year}`, 24, true, 'white', inner, 1),
      p.lines(
        'name',
        card.name,
        fitSize((z) => measure(card.name, z, true), inner, 56, 32),
        true,
        'white',
        inner,
        2,
      ),
      p.lines('place', place(card), 24, false, 'white', inner, 1),
      FLEX,
    ]
    if (hero) {
      head.push(
        track(
          p.figure(
            'hero',
            hero,
            inner,
            { value: s.hero, min: 56, label: 28, labelLines: 2 },
            { value: 'white', label: 'white' },
          ),
          (b) => (boxes.hero = { ...b, w: inner }),
        ),
      )
    }
    // The band ends under the hero; its height follows from the white part's measured needs.
    const colW = rest.length ? (inner - 24 * (rest.length - 1)) / rest.length : inner
    const figures = rest.map((f, i) =>
      p.figure(
        `figure${i}`,
        f,
        colW,
        { value: s.figure, min: 26, label: 20, labelLines: 2 },
        { value: 'theme', label: 'muted' },
      ),
    )
    const rowH = Math.max(0, ...figures.map((f) => f.h))
    const qrSize = 112
    const qr = qrBlock(p, qrSize, 18, options, boxes)
    const footLeft: Item[] = [
      FLEX,
      p.lines('source', sourceLine(card), 18, false, 'muted', inner - qrSize - 24, 2),
      p.lines('rule', FIGURE_RULE_SHORT, 18, false, 'muted', inner - qrSize - 24, 1),
    ]
    const footH = Math.max(
      qr.h,
      footLeft.reduce((sum, b) => sum + (b === FLEX ? 0 : b.h + 6), 0),
    )
    const whiteH = 32 + rowH + 24 + footH + M
    const bandH = H - whiteH
    band = { x: 0, y: 0, w: W, h: bandH }
    over = Math.min(over, p.column(head, M, inner, M, bandH - 32, 10))
    // The figures row, each column from the same top.
    const rowTop = bandH + 32
    figures.forEach((f, i) => {
      const x = M + i * (colW + 24)
      f.place(x, rowTop)
      p.blocks.push({ name: f.name, x, y: rowTop, w: colW, h: f.h })
      boxes.figures.push({ x, y: rowTop, w: colW, h: f.h })
    })
    const footTop = H - M - footH
    over = Math.min(over, p.column(footLeft, M, inner - qrSize - 24, footTop, H - M, 6) < -1 ? -1 : 0)
    qr.place(W - M - qrSize, footTop + footH - qr.h)
    p.blocks.push({ name: 'qr', x: W - M - qrSize, y: footTop + footH - qr.h, w: qrSize, h: qr.h })
    // The band must leave the name and the hero room: the white part may not push into them.
    if (rowTop + rowH > footTop - 12) over = Math.min(over, footTop - 12 - rowTop - rowH)
  } else {
    const leftW = Math.round(W * 0.58)
    const inner = leftW - 2 * M
    band = { x: 0, y: 0, w: leftW, h: H }
    const left: Item[] = [
      p.lines('brand', `${BRAND} · ${card.year}`, 22, true, 'white', inner, 1),
      p.lines(
        'name',
        card.name,
        fitSize((z) => measure(card.name, z, true), inner, 48, 28),
        true,
        'white',
        inner,
        2,
      ),
      p.lines('place', place(card), 22, false, 'white', inner, 1),
      FLEX,
    ]
    if (hero) {
      left.push(
        track(
          p.figure(
            'hero',
            hero,
            inner,
            { value: s.hero, min: 48, label: 24, labelLines: 2 },
            { value: 'white', label: 'white' },
          ),
          (b) => (boxes.hero = { ...b, w: inner }),
        ),
      )
    }
    left.push(FLEX, p.lines('source', sourceLine(card), 16, false, 'white', inner, 2))
    over = Math.min(over, p.column(left, M, inner, M, H - M, 10))
    const rx = leftW + 32
    const rw = W - rx - 32
    const qr = qrBlock(p, 104, 16, options, boxes)
    const right: Item[] = rest.map((f, i) =>
      track(
        p.figure(
          `figure${i}`,
          f,
          rw,
          { value: s.figure, min: 24, label: 18, labelLines: 2 },
          { value: 'theme', label: 'muted' },
        ),
        (b) => boxes.figures.push({ ...b, w: rw }),
      ),
    )
    right.push(FLEX, p.lines('rule', FIGURE_RULE_SHORT, 15, false, 'muted', rw, 2), qr)
    over = Math.min(over, p.column(right, rx, rw, M, H - M, 18))
  }
  const bottom = Math.max(...p.blocks.map((b) => b.y + b.h))
  const art = artBox(measure, band, p.texts, boxes.hero, shape === 'square' ? 400 : 240)
  const plan: PosterPlan = {
    width: W,
    height: H,
    band,
    texts: p.texts,
    badges: p.badges,
    hero: boxes.hero,
    figures: boxes.figures,
    qr: boxes.qr ?? { x: 0, y: 0, w: 0, h: 0 },
    art,
    blocks: p.blocks,
    bottom,
  }
  return { plan, over }
}

/**
 * Where the topic's illustration goes on the band: beside the words when they leave it room (large,
 * cut by the band's right edge, at least 70% of it showing), else in the band's top-right corner
 * above the hero. Either way never behind the hero's number.
 */
function artBox(measure: Measure, band: Box, texts: PosterText[], hero: Box | undefined, max: number): Box {
  const edge = band.x + band.w
  const pad = 20
  const inBand = texts.filter((t) => t.y <= band.y + band.h && t.x < edge)
  const right = Math.max(band.x, ...inBand.map((t) => t.x + measure(t.text, t.size, t.bold)))
  // Beside the words: at most a fifth cut off where there is room, at most 30% where the words leave
  // less (a shape cut in half no longer reads), as tall as the band allows.
  const room = edge - Math.ceil(right) - 16
  const beside = Math.floor(Math.min(max, band.h - 2 * pad, room / 0.7))
  if (beside >= 200) {
    const x = Math.max(edge - room, edge - Math.round(beside * 0.8))
    return { x, y: band.y + Math.round((band.h - beside) / 2), w: beside, h: beside }
  }
  const end = hero ? hero.y - 12 : band.y + band.h - pad
  const size = Math.max(0, Math.min(max, end - pad))
  return { x: edge - Math.round(size * 0.8), y: band.y + pad, w: size, h: size }
}

/**
 * The poster's plan: the hero as large as the frame allows (down to a floor), the other figures
 * smaller, the brand, source and QR code on the bottom margin.
 */
export function posterPlan(measure: Measure, card: ReportCard, shape: PosterShape, options: PosterOptions): PosterPlan {
  const start: Scale = shape === 'square' ? { hero: 120, figure: 44 } : { hero: 104, figure: 40 }
  let scale = start
  for (;;) {
    const { plan, over } = tryPlan(measure, card, shape, options, scale)
    if (over >= 0 || scale.hero <= 56) return plan
    scale = { hero: scale.hero - 8, figure: Math.max(26, scale.figure - 2) }
  }
}
