// Draws the year-end poster and the share images with Canvas 2D, the same code on weapp and H5.
import { FIGURE_RULE_SHORT, formatFigure, scopeText } from '@/domain/figures'
import type { ShownFigure } from '@/domain/types'
import type { ReportCard } from '@/domain/views'
import { formatSourceDate } from '@/utils/date'

/** The part of CanvasRenderingContext2D used here; both WeChat's Canvas 2D and browsers provide it. */
export interface Ctx2D {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textAlign: CanvasTextAlign
  textBaseline: CanvasTextBaseline
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
}

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT}`
const INK = '#1f1a17'
const MUTED = '#5b524c'

/** Poster size in CSS pixels; the renderer multiplies by the pixel ratio, staying within 4096. */
export const POSTER = { width: 600, height: 960 } as const

/** Where everything goes on the poster; tests check that the figure boxes have ink. */
export function posterLayout() {
  const figures: Box[] = [0, 1, 2, 3].map((i) => ({
    x: 40 + (i % 2) * 270,
    y: 370 + Math.floor(i / 2) * 150,
    w: 250,
    h: 130,
  }))
  return {
    header: { x: 0, y: 0, w: POSTER.width, h: 330 },
    figures,
    source: { x: 40, y: 700, w: 330, h: 200 },
    qr: { x: 420, y: 720, w: 150, h: 150 },
  }
}

/** Splits text into lines no wider than `width`, at most `max` lines (the last ends with … if cut). */
export function wrap(ctx: Ctx2D, text: string, width: number, max: number): string[] {
  const lines: string[] = []
  let line = ''
  for (const ch of Array.from(text)) {
    if (ctx.measureText(line + ch).width > width && line) {
      lines.push(line)
      line = ch
      if (lines.length === max) break
    } else line += ch
  }
  if (lines.length < max && line) lines.push(line)
  else if (lines.length === max && Array.from(text).join('') !== lines.join('')) {
    const last = Array.from(lines[max - 1])
    lines[max - 1] = `${last.slice(0, Math.max(1, last.length - 1)).join('')}…`
  }
  return lines
}

/** The largest font size (down to `min`) at which `text` fits `width`. */
function fit(ctx: Ctx2D, text: string, width: number, size: number, min: number, bold = true): number {
  for (let s = size; s > min; s -= 2) {
    ctx.font = font(s, bold)
    if (ctx.measureText(text).width <= width) return s
  }
  ctx.font = font(min, bold)
  return min
}

function drawFigure(ctx: Ctx2D, f: ShownFigure, box: Box, color: string) {
  const shown = formatFigure(f.value, f.unit)
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.fillStyle = color
  const size = fit(ctx, shown.text, box.w - 50, 52, 30)
  ctx.fillText(shown.text, box.x, box.y + 58)
  const w = ctx.measureText(shown.text).width
  ctx.fillStyle = MUTED
  ctx.font = font(22)
  ctx.fillText(shown.unit, box.x + w + 6, box.y + 58)
  const labelY = box.y + 58 + size * 0.2 + 28
  // A total leads its label with its words (累计, 八年累计…) on a badge, as the tiles do on screen.
  const scope = scopeText(f)
  let indent = 0
  if (scope) {
    ctx.font = font(20, true)
    const badge = ctx.measureText(scope).width + 12
    ctx.fillStyle = color
    ctx.fillRect(box.x, labelY - 22, badge, 30)
    ctx.fillStyle = '#ffffff'
    ctx.fillText(scope, box.x + 6, labelY)
    indent = badge + 8
  }
  ctx.fillStyle = MUTED
  ctx.font = font(22)
  wrap(ctx, f.label, box.w - indent, 2).forEach((l, i) =>
    ctx.fillText(l, box.x + (i === 0 ? indent : 0), labelY + i * 30),
  )
}

function drawQr(ctx: Ctx2D, modules: boolean[][], box: Box) {
  const n = modules.length
  const cell = box.w / (n + 2)
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(box.x, box.y, box.w, box.h)
  ctx.fillStyle = '#000000'
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (dark) ctx.fillRect(box.x + cell * (c + 1), box.y + cell * (r + 1), Math.ceil(cell), Math.ceil(cell))
    }),
  )
}

export interface PosterInput {
  card: ReportCard
  /** QR modules for the H5 link, or null when no link is configured. */
  qr: boolean[][] | null
}

export function drawPoster(ctx: Ctx2D, { card, qr }: PosterInput) {
  const L = posterLayout()
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, POSTER.width, POSTER.height)
  ctx.fillStyle = card.color
  ctx.fillRect(L.header.x, L.header.y, L.header.w, L.header.h)

  ctx.fillStyle = '#ffffff'
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.font = font(26)
  ctx.fillText(`${card.year} 年终盘点`, 40, 70)
  fit(ctx, card.name, POSTER.width - 80, 60, 34)
  ctx.fillText(card.name, 40, 145)
  ctx.font = font(24)
  ctx.fillText(
    [card.region.province, card.region.city, card.region.district, card.level].filter(Boolean).join(' · '),
    40,
    192,
  )
  ctx.font = font(24)
  wrap(ctx, card.summary, POSTER.width - 80, 3).forEach((l, i) => ctx.fillText(l, 40, 240 + i * 34))

  card.headlineFigures.slice(0, 4).forEach((f, i) => drawFigure(ctx, f, L.figures[i], card.color))

  ctx.fillStyle = MUTED
  ctx.font = font(20)
  const source = `来源：${card.source.publisher} · ${formatSourceDate(card.source.date)}`
  const lines = [...wrap(ctx, source, L.source.w, 3), FIGURE_RULE_SHORT, '巾帼年终盘点']
  lines.forEach((l, i) => ctx.fillText(l, L.source.x, L.source.y + 40 + i * 30))

  if (qr) {
    drawQr(ctx, qr, L.qr)
    ctx.fillStyle = INK
    ctx.textAlign = 'center'
    ctx.font = font(20)
    ctx.fillText('扫码查看完整报告', L.qr.x + L.qr.w / 2, L.qr.y + L.qr.h + 34)
  } else {
    ctx.fillStyle = INK
    ctx.textAlign = 'center'
    ctx.font = font(22, true)
    ctx.fillText('微信搜索', L.qr.x + L.qr.w / 2, L.qr.y + 60)
    ctx.fillText('“巾帼年终盘点”', L.qr.x + L.qr.w / 2, L.qr.y + 94)
  }
}

/** A share image: 5:4 for chats, 1:1 for Moments. Colour, name, year and the lead figure. */
export function drawShareImage(
  ctx: Ctx2D,
  size: { width: number; height: number },
  input: { color: string; title: string; subtitle: string; figure?: ShownFigure },
) {
  const { width: W, height: H } = size
  ctx.fillStyle = input.color
  ctx.fillRect(0, 0, W, H)
  ctx.fillStyle = '#ffffff'
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  ctx.font = font(Math.round(W * 0.06))
  ctx.fillText(input.subtitle, W * 0.08, H * 0.2)
  fit(ctx, input.title, W * 0.84, Math.round(W * 0.1), Math.round(W * 0.06))
  ctx.fillText(input.title, W * 0.08, H * 0.36)
  if (input.figure) {
    const shown = formatFigure(input.figure.value, input.figure.unit)
    fit(ctx, shown.text, W * 0.7, Math.round(W * 0.2), Math.round(W * 0.1))
    ctx.fillText(shown.text, W * 0.08, H * 0.68)
    const w = ctx.measureText(shown.text).width
    ctx.font = font(Math.round(W * 0.05))
    ctx.fillText(shown.unit, W * 0.08 + w + 8, H * 0.68)
    // A total says so before its label: "累计创建美丽庭院".
    ctx.fillText(`${scopeText(input.figure) ?? ''}${input.figure.label}`, W * 0.08, H * 0.84)
  }
}
