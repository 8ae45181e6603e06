// Draws the share images with Canvas 2D, the same code on weapp and H5; the poster is poster-draw.ts.
import { formatFigure, scopeText } from '@/domain/figures'
import type { ShownFigure } from '@/domain/types'
import type { PathCtx } from './svg-path'

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

/** What a stroked illustration needs besides (svg-path.ts traces it with moveTo, lineTo, bezierCurveTo). */
export interface StrokeCtx2D extends Ctx2D, PathCtx {
  strokeStyle: string | CanvasGradient | CanvasPattern
  lineWidth: number
  lineCap: CanvasLineCap
  lineJoin: CanvasLineJoin
  save(): void
  restore(): void
  beginPath(): void
  rect(x: number, y: number, w: number, h: number): void
  clip(): void
  stroke(): void
}

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
const font = (size: number, bold = false) => `${bold ? 'bold ' : ''}${size}px ${FONT}`

/** The largest font size (down to `min`) at which `text` fits `width`. */
function fit(ctx: Ctx2D, text: string, width: number, size: number, min: number, bold = true): number {
  for (let s = size; s > min; s -= 2) {
    ctx.font = font(s, bold)
    if (ctx.measureText(text).width <= width) return s
  }
  ctx.font = font(min, bold)
  return min
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
