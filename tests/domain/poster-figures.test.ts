// What the poster and share images write for figures: the article's wording or 约, and 累计 on a total.
import { FIGURE_RULE_SHORT } from '@/domain/figures'
import type { Figure, YearEndCard } from '@/domain/types'
import { type Ctx2D, drawPoster, drawShareImage, posterLayout } from '@/features/share/draw'
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
  const ctx: Ctx2D = {
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
    })
    const texts = drawn.map((d) => d.text)
    expect(texts).toContain('79956')
    expect(texts).toContain('约1亿')
    expect(texts).not.toContain('8万')
  })

  it("puts a total's words before its label, inside the figure box", () => {
    const { ctx, drawn, rects } = recorder()
    drawPoster(ctx, {
      card: card([figure({ label: '注册志愿者', scope: 'total', scopeLabel: '八年累计' }), figure({ id: 'g' })]),
      qr: null,
    })
    const box = posterLayout().figures[0]
    const scope = drawn.find((d) => d.text === '八年累计')
    const label = drawn.find((d) => d.text === '注册志愿者')
    expect(scope).toBeDefined()
    expect(label).toBeDefined()
    expect(scope!.y).toBe(label!.y)
    expect(label!.x).toBeGreaterThan(scope!.x + 4 * 20)
    expect(scope!.y).toBeLessThanOrEqual(box.y + box.h)
    // The words sit on a badge in the card's colour, drawn in white.
    expect(rects.some((r) => r.fill === '#AD1457' && r.x === box.x && r.w >= 4 * 20)).toBe(true)
    // A year result has no such words.
    expect(drawn.filter((d) => d.text === '累计' || d.text === '八年累计')).toHaveLength(1)
  })

  it('wraps a long label beside the words within the figure box', () => {
    const { ctx, drawn } = recorder()
    const label = '抗疫网络专题发布信息和报道'
    drawPoster(ctx, { card: card([figure({ label, scope: 'total', scopeLabel: '累计' })]), qr: null })
    const box = posterLayout().figures[0]
    const lines = drawn.filter((d) => d.font.startsWith('22px') && label.includes(d.text.replace('…', '')))
    expect(lines.length).toBe(2)
    for (const l of lines) expect(l.x + Array.from(l.text).length * 22).toBeLessThanOrEqual(box.x + box.w)
    expect(lines[1].y).toBeLessThanOrEqual(box.y + box.h)
  })

  it('states the figure rule in its footer, within the source column', () => {
    const { ctx, drawn } = recorder()
    drawPoster(ctx, { card: card([figure({})]), qr: null })
    const rule = drawn.find((d) => d.text === FIGURE_RULE_SHORT)
    expect(rule).toBeDefined()
    expect(Array.from(FIGURE_RULE_SHORT).length * 20).toBeLessThanOrEqual(posterLayout().source.w)
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
