// The cover photo on the poster: cropped to fill the colour band at its shape, under the theme
// colour's veil, drawn before any word; a poster without a cover draws no picture at all.
import type { StrokeCtx2D } from '@/features/share/draw'
import { COVER_VEIL, coverCrop } from '@/features/share/poster-cover'
import { drawPoster } from '@/features/share/poster-draw'
import type { ReportCard } from '@/domain/views'
import { figure } from '../support/figures'

const card: ReportCard = {
  name: '武都区妇联',
  year: 2020,
  region: { province: '甘肃省', city: '陇南市', district: '武都区' },
  level: '区县级',
  color: '#b71c1c',
  summary: '一句话',
  headlineFigures: [figure({ value: '1200', unit: '人' }), figure({ id: 'g', value: '35', unit: '场' })],
  source: { publisher: '武都区妇联', headline: 'x', date: '2021-01' },
}

function recorder() {
  const steps: string[] = []
  const ctx = {
    fillStyle: '#000' as unknown,
    font: '10px sans-serif',
    textAlign: 'left',
    textBaseline: 'alphabetic',
    globalAlpha: 1,
    fillRect(x: number, y: number, w: number, h: number) {
      steps.push(`rect ${x},${y},${w},${h} ${String(this.fillStyle)} ${this.globalAlpha}`)
    },
    fillText(text: string) {
      steps.push(`text ${text}`)
    },
    measureText(text: string) {
      return { width: Array.from(text).length * Number(/(\d+)px/.exec(this.font)?.[1] ?? 10) }
    },
    save() {
      steps.push('save')
    },
    restore() {
      this.globalAlpha = 1
      steps.push('restore')
    },
    drawImage(_img: unknown, ...r: number[]) {
      steps.push(`image ${r.map((n) => Math.round(n)).join(',')}`)
    },
    // The topic art's strokes (poster-draw.ts drawArt): recorded as one step, the drawing is not this test's.
    stroke() {
      steps.push('art')
    },
    ...Object.fromEntries(
      ['beginPath', 'rect', 'clip', 'moveTo', 'lineTo', 'bezierCurveTo', 'quadraticCurveTo', 'arc', 'closePath'].map(
        (m) => [m, () => undefined],
      ),
    ),
  }
  return { ctx: ctx as unknown as StrokeCtx2D, steps }
}

describe('the cover on the poster', () => {
  it('crops the middle of the picture to the box’s shape', () => {
    expect(coverCrop({ width: 750, height: 420 }, { w: 750, h: 420 })).toEqual({ sx: 0, sy: 0, sw: 750, sh: 420 })
    // A tall box takes a centred slice of a wide picture.
    expect(coverCrop({ width: 750, height: 420 }, { w: 420, h: 420 })).toEqual({ sx: 165, sy: 0, sw: 420, sh: 420 })
    // A wide box takes a centred band of it.
    const wide = coverCrop({ width: 750, height: 420 }, { w: 1000, h: 200 })
    expect(wide.sw).toBeCloseTo(750)
    expect(wide.sh).toBeCloseTo(150)
    expect(wide.sy).toBeCloseTo(135)
  })

  it('is drawn into the band under the theme colour, before the words', () => {
    const { ctx, steps } = recorder()
    const plan = drawPoster(ctx, { card, qr: null, shape: 'square', cover: { width: 750, height: 420 } })
    const { band } = plan
    const image = steps.findIndex((s) => s.startsWith('image'))
    expect(image).toBeGreaterThan(0)
    expect(steps[image]).toMatch(new RegExp(`,${band.x},${band.y},${Math.round(band.w)},${Math.round(band.h)}$`))
    expect(steps[image + 1]).toBe(`rect ${band.x},${band.y},${band.w},${band.h} #b71c1c ${COVER_VEIL}`)
    expect(steps[image + 2]).toBe('restore')
    expect(steps.findIndex((s) => s.startsWith('text'))).toBeGreaterThan(image)
  })

  it('leaves a poster without a cover exactly as it was', () => {
    const without = recorder()
    drawPoster(without.ctx, { card, qr: null, shape: 'wide' })
    const absent = recorder()
    drawPoster(absent.ctx, { card, qr: null, shape: 'wide', cover: null })
    expect(without.steps.some((s) => s.startsWith('image'))).toBe(false)
    expect(absent.steps).toEqual(without.steps)
  })
})
