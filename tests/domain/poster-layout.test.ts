// The poster's plan for every shipped card, square and wide: the hero largest, nothing outside the frame
// or on top of something else, and the content reaching the bottom margin (no empty strip).
import layout from '../e2e/poster-layout.json'
import { FIGURE_RULE_SHORT } from '@/domain/figures'
import type { FederationFile } from '@/domain/types'
import { toReport, type ReportCard } from '@/domain/views'
import { BRAND, POSTER_SIZES, posterPlan, type Measure, type PosterShape } from '@/features/share/poster-layout'
import { contentFiles } from '../support/content-files'

/** A stand-in for measureText: a Chinese character is as wide as the font size, a digit or letter 0.6 of it. */
const measure: Measure = (text, size) =>
  Array.from(text).reduce((w, ch) => w + (ch.charCodeAt(0) < 0x100 ? 0.6 : 1) * size, 0)

const MARGIN = 40
/** How far above the frame's bottom the content may end: the margin and a few pixels of rounding. */
const NEAR_BOTTOM = MARGIN + 4

const cards: Array<[string, ReportCard]> = contentFiles.map((f) => {
  const card = toReport(f.data as FederationFile).card
  return [card.name, card]
})
const chengdu = cards[0][1]
cards.push(['a long name', { ...chengdu, name: '新疆维吾尔自治区伊犁哈萨克自治州妇女联合会' }])
cards.push([
  'long labels and a total',
  {
    ...chengdu,
    headlineFigures: chengdu.headlineFigures.map((f, i) => ({
      ...f,
      label: `${f.label}，以及文章里写得很长很长的一段说明文字`,
      ...(i === 2 ? { scope: 'total' as const, scopeLabel: '八年累计' } : {}),
    })),
  },
])
const SHAPES: PosterShape[] = ['square', 'wide']
const cases = SHAPES.flatMap((shape) => cards.map(([name, card]) => [shape, name, card] as const))

const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe.each(cases)('the %s poster of %s', (shape, _name, card) => {
  const { width: W, height: H } = POSTER_SIZES[shape]
  const plans = [true, false].map((qr) => posterPlan(measure, card, shape, { qr }))

  it('ends its content on the bottom margin, inside the frame', () => {
    for (const plan of plans) {
      expect(plan.bottom).toBeLessThanOrEqual(H - MARGIN + 1)
      expect(H - plan.bottom).toBeLessThanOrEqual(NEAR_BOTTOM)
    }
  })

  it('keeps every block and every line inside the frame, no block on another', () => {
    for (const plan of plans) {
      for (const b of plan.blocks) {
        expect(b.x).toBeGreaterThanOrEqual(0)
        expect(b.y).toBeGreaterThanOrEqual(MARGIN - 1)
        expect(b.x + b.w).toBeLessThanOrEqual(W)
        expect(b.y + b.h).toBeLessThanOrEqual(H - MARGIN + 1)
      }
      plan.blocks.forEach((a, i) =>
        plan.blocks
          .slice(i + 1)
          .forEach((b) => expect([a.name, b.name, overlaps(a, b)]).toEqual([a.name, b.name, false])),
      )
      for (const t of plan.texts) {
        expect(t.x).toBeGreaterThanOrEqual(0)
        expect(t.x + measure(t.text, t.size, t.bold)).toBeLessThanOrEqual(W - 24)
        expect(t.y).toBeLessThanOrEqual(H)
      }
    }
  })

  it('sets the hero largest, in white on the colour, its unit on the same line', () => {
    const [plan] = plans
    const { hero } = { hero: card.headlineFigures.find((f) => f.id === card.heroFigureId) ?? card.headlineFigures[0] }
    const value = plan.texts.find((t) => t.text === hero.value)!
    expect(value.ink).toBe('white')
    expect(Math.max(...plan.texts.filter((t) => t !== value).map((t) => t.size))).toBeLessThan(value.size)
    expect(value.size).toBeGreaterThanOrEqual(56)
    const unit = plan.texts.find((t) => t.text === hero.unit && t.y === value.y)
    expect(unit).toBeDefined()
    expect(plan.hero && overlaps(plan.hero, plan.band)).toBe(true)
    // The other figures stand on white, in the theme colour.
    for (const f of card.headlineFigures.filter((f) => f !== hero)) {
      expect(plan.texts.find((t) => t.text === f.value)?.ink).toBe('theme')
    }
  })

  it('carries the brand, the federation and the figure rule', () => {
    const [plan] = plans
    const texts = plan.texts.map((t) => t.text)
    expect(texts).toContain(`${BRAND} · ${card.year}`)
    expect(texts.join('')).toContain(card.name)
    expect(texts).toContain(FIGURE_RULE_SHORT)
    expect(texts).toContain('扫码查看完整报告')
    expect(plans[1].texts.map((t) => t.text)).toContain(`“${BRAND}”`)
  })

  it('puts the QR code where the browser test looks for it', () => {
    expect(plans[0].qr).toEqual(layout[shape].qr)
  })
})

describe('poster sizes', () => {
  it('match the browser fixture and stay within 4096 pixels a side at pixel ratio 4', () => {
    for (const shape of SHAPES) {
      expect(POSTER_SIZES[shape]).toEqual({ width: layout[shape].width, height: layout[shape].height })
      expect(Math.max(POSTER_SIZES[shape].width, POSTER_SIZES[shape].height) * 4).toBeLessThanOrEqual(4096)
    }
    expect(POSTER_SIZES.square.width).toBe(POSTER_SIZES.square.height)
    expect(POSTER_SIZES.wide.width / POSTER_SIZES.wide.height).toBe(5 / 4)
  })
})
