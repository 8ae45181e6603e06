// The topic's illustration on the poster: where the plan puts it (the band's corner, above the hero) and
// what drawPoster strokes there (the card's lead topic icon, clipped to the band).
import type { FederationFile } from '@/domain/types'
import { artIcon, iconPath, NO_TOPIC_ICON } from '@/domain/topic-art'
import { toReport, type ReportCard } from '@/domain/views'
import type { StrokeCtx2D } from '@/features/share/draw'
import { drawPoster } from '@/features/share/poster-draw'
import { posterPlan, type Measure, type PosterShape } from '@/features/share/poster-layout'
import { parsePath } from '@/features/share/svg-path'
import { contentFiles } from '../support/content-files'

const measure: Measure = (text, size) =>
  Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x100 ? 0.6 : 1) * size, 0)

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

const cards = contentFiles.map((f) => toReport(f.data as FederationFile).card)
const SHAPES: PosterShape[] = ['square', 'wide']

/** A canvas that records its path calls, clip and strokes; text is as wide as measure() says. */
function recorder() {
  const calls: string[] = []
  const strokes: Array<{ style: unknown; width: number; moves: number; clip: number[] | null }> = []
  let moves = 0
  let clip: number[] | null = null
  let pendingRect: number[] | null = null
  const noop = () => {}
  const ctx: StrokeCtx2D = {
    fillStyle: '#000',
    strokeStyle: '#000',
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    fillRect: noop,
    fillText: noop,
    measureText(text) {
      return { width: measure(text, Number(/(\d+)px/.exec(this.font)?.[1] ?? 10), false) }
    },
    save: () => calls.push('save'),
    restore: () => {
      calls.push('restore')
      clip = null
    },
    beginPath: () => {
      moves = 0
      pendingRect = null
    },
    rect: (x, y, w, h) => {
      pendingRect = [x, y, w, h]
    },
    clip: () => {
      clip = pendingRect
    },
    moveTo: () => {
      moves++
    },
    lineTo: noop,
    bezierCurveTo: noop,
    closePath: noop,
    stroke() {
      strokes.push({ style: this.strokeStyle, width: this.lineWidth, moves, clip })
    },
  }
  return { ctx, calls, strokes }
}

describe.each(SHAPES)('the %s poster art', (shape) => {
  it.each(cards.map((c) => [c.name, c] as const))('sets it large on the band, clear of the hero: %s', (_name, card) => {
    const plan = posterPlan(measure, card, shape, { qr: true })
    const { art, band, hero } = plan
    expect(art.w).toBeGreaterThanOrEqual(160)
    expect(art.h).toBe(art.w)
    expect(art.y).toBeGreaterThanOrEqual(band.y)
    expect(art.y + art.h).toBeLessThanOrEqual(band.y + band.h)
    // Partly past the band's right edge (the drawing is clipped there), at least 70% of it showing.
    const edge = band.x + band.w
    expect(art.x + art.w).toBeGreaterThan(edge)
    expect(edge - art.x).toBeGreaterThanOrEqual(Math.floor(art.w * 0.7))
    // No line of the hero (its number, unit and label) lies on the art.
    if (!hero) throw new Error('every shipped card has a hero')
    const heroLines = plan.texts.filter((t) => t.x < edge && t.y > hero.y && t.y <= hero.y + hero.h + 1)
    expect(heroLines.length).toBeGreaterThanOrEqual(3)
    for (const t of heroLines) {
      const line = { x: t.x, y: t.y - t.size, w: measure(t.text, t.size, t.bold), h: t.size * 1.2 }
      expect([t.text, overlaps(line, art)]).toEqual([t.text, false])
    }
  })

  it('sets it beside the words, as tall as the band, when they leave room', () => {
    // 535 场次 is short: the art stands beside it rather than above it.
    const hebei = cards.find((c) => c.name.startsWith('河北'))!
    const plan = posterPlan(measure, hebei, shape, { qr: true })
    if (shape === 'square') expect(plan.art.h).toBeGreaterThan(plan.band.h * 0.8)
    // 167.2万 人次 is wide: the art beside it is smaller, so that 70% of it still shows.
    const chengdu = posterPlan(measure, cards.find((c) => c.name.startsWith('成都'))!, shape, { qr: true })
    if (shape === 'square') expect(chengdu.art.h).toBeLessThan(plan.art.h)
    else expect(plan.art.y + plan.art.h).toBeLessThanOrEqual((plan.hero?.y ?? 0) - 12)
  })

  it('strokes the lead topic icon, white and faint, clipped to the band', () => {
    for (const card of cards) {
      const { ctx, calls, strokes } = recorder()
      const plan = drawPoster(ctx, { card, qr: null, shape })
      expect(strokes).toHaveLength(1)
      const [s] = strokes
      expect(s.moves).toBe(parsePath(iconPath(artIcon(card.topics))).filter((x) => x.op === 'M').length)
      expect(s.style).toBe('rgba(255, 255, 255, 0.2)')
      expect(s.width).toBeCloseTo((1.5 * plan.art.w) / 24)
      expect(s.clip).toEqual([plan.band.x, plan.band.y, plan.band.w, plan.band.h])
      // The clip ends with the art: the texts and the QR code drawn after it are not cut.
      expect(calls).toEqual(['save', 'restore'])
    }
  })
})

it('draws the no-topic icon for a card that names no topic', () => {
  const card: ReportCard = { ...cards[0], topics: undefined }
  const { ctx, strokes } = recorder()
  drawPoster(ctx, { card, qr: null, shape: 'square' })
  expect(strokes[0].moves).toBe(parsePath(iconPath(NO_TOPIC_ICON)).filter((x) => x.op === 'M').length)
})
