// The poster's icon tracer: SVG path data as absolute canvas moves, lines and cubic curves.
import { ICON_PATHS } from '@/domain/topic-art-paths'
import { arcToCubics, parsePath, tracePath, type Segment } from '@/features/share/svg-path'

const end = (s: Segment) => (s.op === 'Z' ? null : { x: s.x, y: s.y })
const near = (a: number, b: number) => Math.abs(a - b) < 1e-6

/** A point on a cubic at t. */
function at(p0: { x: number; y: number }, c: Extract<Segment, { op: 'C' }>, t: number) {
  const u = 1 - t
  return {
    x: u * u * u * p0.x + 3 * u * u * t * c.x1 + 3 * u * t * t * c.x2 + t * t * t * c.x,
    y: u * u * u * p0.y + 3 * u * u * t * c.y1 + 3 * u * t * t * c.y2 + t * t * t * c.y,
  }
}

describe('parsePath', () => {
  it('makes relative moves, lines, H and V absolute, and repeats a command for extra numbers', () => {
    expect(parsePath('M3 9l2-2h14v9H1V0m1 1 2 2z')).toEqual([
      { op: 'M', x: 3, y: 9 },
      { op: 'L', x: 5, y: 7 },
      { op: 'L', x: 19, y: 7 },
      { op: 'L', x: 19, y: 16 },
      { op: 'L', x: 1, y: 16 },
      { op: 'L', x: 1, y: 0 },
      { op: 'M', x: 2, y: 1 },
      { op: 'L', x: 4, y: 3 },
      { op: 'Z' },
    ])
  })

  it('reads numbers written without separators: "2-2", ".9 .9", "1.5.5"', () => {
    expect(parsePath('M.5 .5l1.5.5-2-2')).toEqual([
      { op: 'M', x: 0.5, y: 0.5 },
      { op: 'L', x: 2, y: 1 },
      { op: 'L', x: 0, y: -1 },
    ])
  })

  it('mirrors the last control point for S, and turns quadratics into cubics', () => {
    const [, c, s] = parsePath('M0 0C0 10 10 10 10 0S20-10 20 0')
    expect(c).toEqual({ op: 'C', x1: 0, y1: 10, x2: 10, y2: 10, x: 10, y: 0 })
    expect(s).toEqual({ op: 'C', x1: 10, y1: -10, x2: 20, y2: -10, x: 20, y: 0 })
    const [, q] = parsePath('M0 0Q3 6 6 0')
    expect(q).toEqual({ op: 'C', x1: 2, y1: 4, x2: 4, y2: 4, x: 6, y: 0 })
  })

  it('draws an arc as cubics that stay on its circle and end on its end point', () => {
    // A half circle of radius 5 from (0, 0) to (10, 0), sweeping through (5, -5)... or (5, 5) the other way.
    for (const [sweep, midY] of [
      [1, -5],
      [0, 5],
    ] as const) {
      const segs = arcToCubics(0, 0, 5, 5, 0, 0, sweep, 10, 0)
      expect(segs).toHaveLength(2)
      let from = { x: 0, y: 0 }
      for (const s of segs) {
        if (s.op !== 'C') throw new Error('not a curve')
        for (const t of [0.25, 0.5, 0.75]) {
          const p = at(from, s, t)
          expect(Math.abs(Math.hypot(p.x - 5, p.y) - 5)).toBeLessThan(0.01)
        }
        from = { x: s.x, y: s.y }
      }
      expect(from).toEqual({ x: 10, y: 0 })
      const first = segs[0] as Extract<Segment, { op: 'C' }>
      expect(near(first.y, midY)).toBe(true)
    }
  })

  it('reads arc flags written together ("a2 2 0 012-2") and grows radii too small to reach', () => {
    expect(parsePath('M0 0a2 2 0 012-2')).toEqual(parsePath('M0 0a2 2 0 0 1 2-2'))
    const segs = arcToCubics(0, 0, 1, 1, 0, 0, 1, 10, 0)
    expect(end(segs[segs.length - 1])).toEqual({ x: 10, y: 0 })
  })

  it('rejects what is not path data', () => {
    expect(() => parsePath('M0 0 X1 1')).toThrow(/unexpected "X"/)
    expect(() => parsePath('M0')).toThrow(/takes 2 numbers/)
    expect(() => parsePath('M0 0a2 2 0 2 1 2 2')).toThrow(/arc flag/)
  })

  it('parses every icon of the set, staying on its 24×24 grid', () => {
    for (const [name, d] of Object.entries(ICON_PATHS)) {
      const segs = parsePath(d)
      expect(segs[0].op).toBe('M')
      for (const s of segs) {
        const p = end(s)
        if (!p) continue
        expect([name, p.x >= -0.01 && p.x <= 24.01 && p.y >= -0.01 && p.y <= 24.01]).toEqual([name, true])
      }
    }
  })
})

describe('tracePath', () => {
  it('calls the canvas with scaled, moved points', () => {
    const calls: string[] = []
    const ctx = {
      moveTo: (x: number, y: number) => calls.push(`M${x},${y}`),
      lineTo: (x: number, y: number) => calls.push(`L${x},${y}`),
      bezierCurveTo: (...a: number[]) => calls.push(`C${a.join(',')}`),
      closePath: () => calls.push('Z'),
    }
    tracePath(ctx, parsePath('M1 2L3 4C0 0 1 1 2 2Z'), { x: 100, y: 10, scale: 10 })
    expect(calls).toEqual(['M110,30', 'L130,50', 'C100,10,110,20,120,30', 'Z'])
  })
})
