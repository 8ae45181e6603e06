// What the poster and share images write for figures: the article's wording or 约, and 累计 on a total.
import { FIGURE_RULE_SHORT } from '@/domain/figures'
import type { Figure, YearEndCard } from '@/domain/types'
import { type StrokeCtx2D, drawShareImage } from '@/features/share/draw'
import { drawPoster } from '@/features/share/poster-draw'
import { figure } from '../support/figures'

interface Drawn {
  text: string
  x: number
  y: number
  font: string
}

/** A canvas that records its text; a character is as wide as the font size, so layout is checkable. */
function recorder() {
  const drawn: Drawn[] = []
  const rects: Array<{ x: number; y: number; w: number; h: number; fill: unknown }> = []
  const noop = () => {}
  const ctx: StrokeCtx2D = {
    // The illustration's strokes are checked in poster-art.test.ts; here only the text counts.
    strokeStyle: '#000',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    save: noop,
    restore: noop,
    beginPath: noop,
    rect: noop,
    clip: noop,
    stroke: noop,
    moveTo: noop,
    lineTo: noop,
    bezierCurveTo: noop,
    closePath: noop,
    fillStyle: '#000',
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    fillRect(x, y, w, h) {
      rects.push({ x, y, w, h, fill: this.fillStyle })
    },
    fillText(text, x, y) {
      drawn.push({ text, x, y, font: this.font })
    },
    measureText(text) {
      const size = Number(/(\d+)px/.exec(this.font)?.[1] ?? 10)
      return { width: Array.from(text).length * size }
    },
  }
  return { ctx, drawn, rects }
}

const card = (headlineFigures: Figure[]): PosterCard => ({
  name: '河北省妇联',
  year: 2021,
  region: { province: '河北', code: '130000' },
  level: '省级',
  color: '#AD1457',
  summary: '一句话',
  headlineFigures,
  source: { publisher: '河北省妇联', headline: 'x', date: '2022-01' },
})
type PosterCard = Pick<
  YearEndCard,
  'name' | 'year' | 'region' | 'level' | 'color' | 'summary' | 'headlineFigures' | 'source'
>

describe('poster figures', () => {
  it('writes the figure as the article did, and a rounded one with 约', () => {
    const { ctx, drawn } = recorder()
    drawPoster(ctx, {
      card: card([figure({ value: '79956', unit: '人' }), figure({ id: 'g', value: '99999999', unit: '元' })]),
      qr: null,
      shape: 'square',
    })
    const texts = drawn.map((d) => d.text)
    expect(texts).toContain('79956')
    expect(texts).toContain('约1亿')
    expect(texts).not.toContain('8万')
  })

  it.each(['square', 'wide'] as const)("puts a total's words before its label, inside its box (%s)", (shape) => {
    const { ctx, drawn, rects } = recorder()
    const plan = drawPoster(ctx, {
      card: card([figure({ id: 'h' }), figure({ label: '注册志愿者', scope: 'total', scopeLabel: '八年累计' })]),
      qr: null,
      shape,
    })
    const box = plan.figures[0]
    const scope = drawn.find((d) => d.text === '八年累计')
    const label = drawn.find((d) => d.text === '注册志愿者')
    expect(scope).toBeDefined()
    expect(label).toBeDefined()
    expect(scope!.y).toBe(label!.y)
    expect(label!.x).toBeGreaterThan(scope!.x + 4 * 20)
    expect(scope!.y).toBeLessThanOrEqual(box.y + box.h)
    // The words sit on a badge in the card's colour, drawn in white.
    expect(rects.some((r) => r.fill === '#AD1457' && r.x === box.x && r.w >= 4 * 18)).toBe(true)
    expect(drawn.find((d) => d.text === '八年累计' && d.font.includes('bold'))).toBeDefined()
    // A year result has no such words.
    expect(drawn.filter((d) => d.text === '累计' || d.text === '八年累计')).toHaveLength(1)
  })

  it('states the figure rule and the brand on both shapes', () => {
    for (const shape of ['square', 'wide'] as const) {
      const { ctx, drawn } = recorder()
      drawPoster(ctx, { card: card([figure({}), figure({ id: 'g' }), figure({ id: 'k' })]), qr: null, shape })
      expect(drawn.map((d) => d.text)).toEqual(expect.arrayContaining([FIGURE_RULE_SHORT, '巾帼年终盘点 · 2021']))
    }
  })
})

describe('share image figure', () => {
  it.each([
    [figure({}), '创建美丽庭院'],
    [figure({ scope: 'total', scopeLabel: '截至目前' }), '截至目前创建美丽庭院'],
    [figure({ scope: 'total' }), '累计创建美丽庭院'],
  ])('labels %j as %s', (f, label) => {
    const { ctx, drawn } = recorder()
    drawShareImage(ctx, { width: 500, height: 400 }, { color: '#AD1457', title: 'x', subtitle: 'y', figure: f })
    expect(drawn.map((d) => d.text)).toEqual(expect.arrayContaining(['58.1万', label]))
  })
})
