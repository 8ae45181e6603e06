// SVG path data as canvas calls (moveTo, lineTo, bezierCurveTo): WeChat's canvas 2d has no Path2D in
// every base library, so the poster's icon is traced from its path data instead.

/** An absolute segment: a move, a line, a cubic curve (quadratics and arcs become cubics), a close. */
export type Segment =
  | { op: 'M' | 'L'; x: number; y: number }
  | { op: 'C'; x1: number; y1: number; x2: number; y2: number; x: number; y: number }
  | { op: 'Z' }

/** The part of a canvas context a path is traced with. */
export interface PathCtx {
  moveTo(x: number, y: number): void
  lineTo(x: number, y: number): void
  bezierCurveTo(x1: number, y1: number, x2: number, y2: number, x: number, y: number): void
  closePath(): void
}

const ARGS: Record<string, number> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 }
const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/

/** Splits path data into commands and their numbers; an arc's two flags may be written without separators. */
function tokenize(d: string): Array<{ cmd: string; args: number[] }> {
  const out: Array<{ cmd: string; args: number[] }> = []
  let i = 0
  const skip = () => {
    while (i < d.length && /[\s,]/.test(d[i])) i++
  }
  skip()
  while (i < d.length) {
    const cmd = d[i]
    const n = ARGS[cmd.toLowerCase()]
    if (n === undefined) throw new Error(`path data: unexpected "${cmd}" at ${i}`)
    i++
    const args: number[] = []
    for (;;) {
      skip()
      if (i >= d.length || /[a-zA-Z]/.test(d[i])) break
      const k = args.length % 7
      if (cmd.toLowerCase() === 'a' && (k === 3 || k === 4)) {
        if (d[i] !== '0' && d[i] !== '1') throw new Error(`path data: an arc flag must be 0 or 1 at ${i}`)
        args.push(Number(d[i++]))
        continue
      }
      const m = NUMBER.exec(d.slice(i))
      if (!m) throw new Error(`path data: expected a number at ${i}`)
      args.push(Number(m[0]))
      i += m[0].length
    }
    if (n === 0 ? args.length : args.length === 0 || args.length % n) {
      throw new Error(`path data: "${cmd}" takes ${n} numbers at a time, got ${args.length}`)
    }
    // Repeated arguments repeat the command (after a move, as lines).
    if (n === 0) out.push({ cmd, args })
    for (let k = 0; k < args.length; k += n) {
      const repeat = k === 0 ? cmd : cmd === 'M' ? 'L' : cmd === 'm' ? 'l' : cmd
      out.push({ cmd: repeat, args: args.slice(k, k + n) })
    }
  }
  return out
}

/** An elliptical arc (SVG's endpoint form) as cubic curves of at most a quarter turn each. */
export function arcToCubics(
  x1: number,
  y1: number,
  rxIn: number,
  ryIn: number,
  angle: number,
  large: number,
  sweep: number,
  x2: number,
  y2: number,
): Segment[] {
  if (x1 === x2 && y1 === y2) return []
  let rx = Math.abs(rxIn)
  let ry = Math.abs(ryIn)
  if (!rx || !ry) return [{ op: 'L', x: x2, y: y2 }]
  const phi = (angle * Math.PI) / 180
  const cos = Math.cos(phi)
  const sin = Math.sin(phi)
  const dx = (x1 - x2) / 2
  const dy = (y1 - y2) / 2
  const xp = cos * dx + sin * dy
  const yp = -sin * dx + cos * dy
  // Radii too small to reach the end point grow just enough (SVG's rule).
  const lambda = (xp * xp) / (rx * rx) + (yp * yp) / (ry * ry)
  if (lambda > 1) {
    rx *= Math.sqrt(lambda)
    ry *= Math.sqrt(lambda)
  }
  const num = rx * rx * ry * ry - rx * rx * yp * yp - ry * ry * xp * xp
  const den = rx * rx * yp * yp + ry * ry * xp * xp
  const coef = (large !== sweep ? 1 : -1) * Math.sqrt(Math.max(0, num / den))
  const cxp = (coef * rx * yp) / ry
  const cyp = (-coef * ry * xp) / rx
  const cx = cos * cxp - sin * cyp + (x1 + x2) / 2
  const cy = sin * cxp + cos * cyp + (y1 + y2) / 2
  const start = Math.atan2((yp - cyp) / ry, (xp - cxp) / rx)
  let turn = Math.atan2((-yp - cyp) / ry, (-xp - cxp) / rx) - start
  if (sweep && turn < 0) turn += 2 * Math.PI
  if (!sweep && turn > 0) turn -= 2 * Math.PI
  const parts = Math.max(1, Math.ceil(Math.abs(turn) / (Math.PI / 2) - 1e-9))
  const step = turn / parts
  const t = (4 / 3) * Math.tan(step / 4)
  const point = (a: number) => ({
    x: cx + rx * Math.cos(a) * cos - ry * Math.sin(a) * sin,
    y: cy + rx * Math.cos(a) * sin + ry * Math.sin(a) * cos,
  })
  const tangent = (a: number) => ({
    x: -rx * Math.sin(a) * cos - ry * Math.cos(a) * sin,
    y: -rx * Math.sin(a) * sin + ry * Math.cos(a) * cos,
  })
  const out: Segment[] = []
  for (let k = 0; k < parts; k++) {
    const a1 = start + k * step
    const a2 = a1 + step
    const p1 = point(a1)
    const p2 = k === parts - 1 ? { x: x2, y: y2 } : point(a2)
    const d1 = tangent(a1)
    const d2 = tangent(a2)
    out.push({ op: 'C', x1: p1.x + t * d1.x, y1: p1.y + t * d1.y, x2: p2.x - t * d2.x, y2: p2.y - t * d2.y, ...p2 })
  }
  return out
}

type Control = { x: number; y: number; kind: 'C' | 'Q' } | null

/** Path data as absolute moves, lines, cubic curves and closes. */
export function parsePath(d: string): Segment[] {
  const out: Segment[] = []
  let x = 0
  let y = 0
  let startX = 0
  let startY = 0
  // The last control point, which S and T mirror.
  let ctrl: Control = null
  for (const { cmd, args } of tokenize(d)) {
    const rel = cmd === cmd.toLowerCase()
    const ox = rel ? x : 0
    const oy = rel ? y : 0
    const op = cmd.toUpperCase()
    let next: Control = null
    if (op === 'M') {
      x = ox + args[0]
      y = oy + args[1]
      startX = x
      startY = y
      out.push({ op: 'M', x, y })
    } else if (op === 'L' || op === 'H' || op === 'V') {
      if (op === 'L') {
        x = ox + args[0]
        y = oy + args[1]
      } else if (op === 'H') x = ox + args[0]
      else y = oy + args[0]
      out.push({ op: 'L', x, y })
    } else if (op === 'C' || op === 'S') {
      const mirror = ctrl?.kind === 'C' ? { x: 2 * x - ctrl.x, y: 2 * y - ctrl.y } : { x, y }
      const [x1, y1] = op === 'C' ? [ox + args[0], oy + args[1]] : [mirror.x, mirror.y]
      const rest = op === 'C' ? args.slice(2) : args
      const x2 = ox + rest[0]
      const y2 = oy + rest[1]
      const ex = ox + rest[2]
      const ey = oy + rest[3]
      out.push({ op: 'C', x1, y1, x2, y2, x: ex, y: ey })
      next = { x: x2, y: y2, kind: 'C' }
      x = ex
      y = ey
    } else if (op === 'Q' || op === 'T') {
      const q: { x: number; y: number } =
        op === 'Q'
          ? { x: ox + args[0], y: oy + args[1] }
          : ctrl?.kind === 'Q'
            ? { x: 2 * x - ctrl.x, y: 2 * y - ctrl.y }
            : { x, y }
      const ex = ox + args[op === 'Q' ? 2 : 0]
      const ey = oy + args[op === 'Q' ? 3 : 1]
      // A quadratic is the cubic whose controls sit two thirds of the way to its control point.
      out.push({
        op: 'C',
        x1: x + (2 / 3) * (q.x - x),
        y1: y + (2 / 3) * (q.y - y),
        x2: ex + (2 / 3) * (q.x - ex),
        y2: ey + (2 / 3) * (q.y - ey),
        x: ex,
        y: ey,
      })
      next = { ...q, kind: 'Q' }
      x = ex
      y = ey
    } else if (op === 'A') {
      const ex = ox + args[5]
      const ey = oy + args[6]
      out.push(...arcToCubics(x, y, args[0], args[1], args[2], args[3], args[4], ex, ey))
      x = ex
      y = ey
    } else {
      out.push({ op: 'Z' })
      x = startX
      y = startY
    }
    ctrl = next
  }
  return out
}

/** Traces segments on a canvas, scaled by `scale` and moved to (x, y); the caller strokes or fills. */
export function tracePath(ctx: PathCtx, segments: Segment[], at: { x: number; y: number; scale: number }) {
  const X = (v: number) => at.x + v * at.scale
  const Y = (v: number) => at.y + v * at.scale
  for (const s of segments) {
    if (s.op === 'M') ctx.moveTo(X(s.x), Y(s.y))
    else if (s.op === 'L') ctx.lineTo(X(s.x), Y(s.y))
    else if (s.op === 'C') ctx.bezierCurveTo(X(s.x1), Y(s.y1), X(s.x2), Y(s.y2), X(s.x), Y(s.y))
    else ctx.closePath()
  }
}
