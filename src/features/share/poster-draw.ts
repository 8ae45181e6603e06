// Draws the year-end poster from its plan (poster-layout.ts) with Canvas 2D, the same code on weapp and H5.
import { artIcon, iconPath } from '@/domain/topic-art'
import type { ReportCard } from '@/domain/views'
import type { Ctx2D, StrokeCtx2D } from './draw'
import { drawPosterCover, type CoverPicture } from './poster-cover'
import { POSTER_SIZES, posterPlan, type Box, type Ink, type Measure, type PosterShape } from './poster-layout'
import { parsePath, tracePath } from './svg-path'

const FONT = '"PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif'
const font = (size: number, bold: boolean) => `${bold ? 'bold ' : ''}${size}px ${FONT}`
const INKS: Record<Exclude<Ink, 'theme'>, string> = { white: '#ffffff', ink: '#1f1a17', muted: '#5b524c' }

export { POSTER_SIZES, type PosterShape }

export interface PosterInput {
  card: ReportCard
  /** QR modules for the H5 link, or null when no link is configured. */
  qr: boolean[][] | null
  shape: PosterShape
  /** The report's cover photo, loaded; absent or null: the band is the theme colour alone. */
  cover?: CoverPicture | null
}

/** The canvas's own measure, as the plan needs it. */
export function canvasMeasure(ctx: Ctx2D): Measure {
  return (text, size, bold) => {
    ctx.font = font(size, bold)
    return ctx.measureText(text).width
  }
}

function drawQr(ctx: Ctx2D, modules: boolean[][], box: { x: number; y: number; w: number; h: number }) {
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

/** The lead topic's icon, white and faint on the band, traced from its path data and cut at the band's edge. */
function drawArt(ctx: StrokeCtx2D, card: ReportCard, box: Box, band: Box) {
  if (box.w <= 0) return
  const scale = box.w / 24
  ctx.save()
  ctx.beginPath()
  ctx.rect(band.x, band.y, band.w, band.h)
  ctx.clip()
  ctx.beginPath()
  tracePath(ctx, parsePath(iconPath(artIcon(card.topics))), { x: box.x, y: box.y, scale })
  // One stroke of one path: where its lines cross, the white does not build up.
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.2)'
  ctx.lineWidth = 1.5 * scale
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  ctx.stroke()
  ctx.restore()
}

export function drawPoster(ctx: StrokeCtx2D, { card, qr, shape, cover }: PosterInput) {
  const plan = posterPlan(canvasMeasure(ctx), card, shape, { qr: qr !== null })
  ctx.fillStyle = '#ffffff'
  ctx.fillRect(0, 0, plan.width, plan.height)
  ctx.fillStyle = card.color
  ctx.fillRect(plan.band.x, plan.band.y, plan.band.w, plan.band.h)
  if (cover) drawPosterCover(ctx, cover, plan.band, card.color)
  // A darker strip along the band's edge gives the colour depth without an image.
  ctx.fillStyle = 'rgba(0, 0, 0, 0.12)'
  if (shape === 'square') ctx.fillRect(0, plan.band.h - 8, plan.width, 8)
  else ctx.fillRect(plan.band.w - 8, 0, 8, plan.height)
  drawArt(ctx, card, plan.art, plan.band)
  ctx.fillStyle = card.color
  for (const b of plan.badges) ctx.fillRect(b.x, b.y, b.w, b.h)
  if (qr) drawQr(ctx, qr, plan.qr)
  ctx.textAlign = 'left'
  ctx.textBaseline = 'alphabetic'
  for (const t of plan.texts) {
    ctx.fillStyle = t.ink === 'theme' ? card.color : INKS[t.ink]
    ctx.font = font(t.size, t.bold)
    ctx.fillText(t.text, t.x, t.y)
  }
  return plan
}
