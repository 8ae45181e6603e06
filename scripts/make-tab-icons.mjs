// Draws the tab bar icons as small PNGs (81×81, the size WeChat recommends), with no image tools needed.
// Run: node scripts/make-tab-icons.mjs  → src/assets/tab/*.png
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const SIZE = 81

function crc32(buf) {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(td))
  return Buffer.concat([len, td, crc])
}

function png(pixels) {
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header[8] = 8 // bit depth
  header[9] = 6 // RGBA
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE)
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0
    pixels.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16))

/** Paints with 4×4 supersampling so edges are smooth. */
function draw(color, inside) {
  const [r, g, b] = hex(color)
  const px = Buffer.alloc(SIZE * SIZE * 4)
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let hits = 0
      for (let sy = 0; sy < 4; sy++)
        for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++
      const i = (y * SIZE + x) * 4
      px[i] = r
      px[i + 1] = g
      px[i + 2] = b
      px[i + 3] = Math.round((hits / 16) * 255)
    }
  }
  return png(px)
}

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1
const inRoundRect = (x, y, x0, y0, x1, y1, r) => {
  if (!inRect(x, y, x0, y0, x1, y1)) return false
  const cx = Math.min(Math.max(x, x0 + r), x1 - r)
  const cy = Math.min(Math.max(y, y0 + r), y1 - r)
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
}

// 年终盘点: three rising bars on a baseline — a year told in figures.
const bars = (x, y) =>
  inRoundRect(x, y, 14, 44, 28, 66, 3) ||
  inRoundRect(x, y, 34, 30, 48, 66, 3) ||
  inRoundRect(x, y, 54, 14, 68, 66, 3) ||
  inRect(x, y, 8, 69, 73, 73)

// 我的报名: a form sheet with a tick and lines.
const sheet = (x, y) => {
  const outer = inRoundRect(x, y, 14, 8, 67, 74, 8)
  const inner = inRoundRect(x, y, 20, 14, 61, 68, 4)
  const ring = outer && !inner
  const lines = inRoundRect(x, y, 27, 40, 54, 45, 2) || inRoundRect(x, y, 27, 53, 48, 58, 2)
  // a tick: two thick strokes
  const d1 = Math.abs(y - 24 - (x - 27)) < 3.2 && x >= 26 && x <= 33
  const d2 = Math.abs(y - 31 + (x - 33) * 0.8) < 3.2 && x >= 32 && x <= 50
  return ring || lines || d1 || d2
}

const out = new URL('../src/assets/tab/', import.meta.url)
for (const [name, shape] of [
  ['feed', bars],
  ['mine', sheet],
]) {
  writeFileSync(new URL(`${name}.png`, out), draw('#6b625c', shape))
  writeFileSync(new URL(`${name}-active.png`, out), draw('#b71c1c', shape))
}
console.log('tab icons written to src/assets/tab/')
