// WCAG AA: white text on every federation's theme colour, and the app's text tokens, reach 4.5:1.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FederationFile } from '@/domain/types'
import { contentFiles } from '../support/content-files'

type RGB = [number, number, number]
const hex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16)) as RGB
const channel = (c: number) => {
  const s = c / 255
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4
}
const luminance = ([r, g, b]: RGB) => 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
const contrast = (a: RGB, b: RGB) => {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (l1 + 0.05) / (l2 + 0.05)
}
/** The card header lays rgba(255,255,255,alpha) over the theme colour at its lightest corner. */
const overlayWhite = ([r, g, b]: RGB, alpha: number): RGB =>
  [r, g, b].map((c) => Math.round(c + (255 - c) * alpha)) as RGB

const WHITE: RGB = [255, 255, 255]
/** The white highlight the shared .theme-hero header lays over a theme colour. */
const headerOverlay = (): number => {
  const scss = readFileSync(join(__dirname, '..', '..', 'src', 'app.scss'), 'utf8')
  const m = /\.theme-hero \{[^}]*linear-gradient\([^,]+, rgba\(255, 255, 255, ([\d.]+)\)/.exec(scss)
  if (!m) throw new Error('.theme-hero gradient not found in app.scss')
  return Number(m[1])
}

describe('colour contrast', () => {
  it.each(
    contentFiles.map(
      (f) => [(f.data as FederationFile).federation.name, (f.data as FederationFile).theme.color] as const,
    ),
  )('%s: white text on %s stays at 4.5:1 or more, gradient included', (_name, color) => {
    expect(contrast(WHITE, overlayWhite(hex(color), headerOverlay()))).toBeGreaterThanOrEqual(4.5)
  })

  it.each([
    ['text on background', '#1f1a17', '#f6f2ef'],
    ['muted text on background', '#5b524c', '#f6f2ef'],
    ['muted text on surface', '#5b524c', '#ffffff'],
    ['accent on surface', '#b71c1c', '#ffffff'],
    ['open state on surface', '#1b5e20', '#ffffff'],
    ['waitlist state on surface', '#8a4b00', '#ffffff'],
    ['dark: text on background', '#f3ece8', '#141112'],
    ['dark: muted text on surface', '#c9bdb6', '#211c1d'],
    ['dark: accent on surface', '#f47067', '#211c1d'],
    ['dark: on-accent on accent', '#1f1a17', '#f47067'],
    // Placeholders take the muted colour on the inputs' background; a disabled button's words sit on the skeleton tone.
    ['placeholder on an input', '#5b524c', '#f6f2ef'],
    ['dark: placeholder on an input', '#c9bdb6', '#141112'],
    ['disabled button', '#5b524c', '#ece5df'],
    ['dark: disabled button', '#c9bdb6', '#2d2627'],
    // The H5 tab bar in the dark (theme.json's dark colours, as on weapp).
    ['dark: tab label', '#c9bdb6', '#1f1a1b'],
    ['dark: selected tab label', '#f47067', '#1f1a1b'],
  ])('%s (%s on %s)', (_what, fg, bg) => {
    expect(contrast(hex(fg), hex(bg))).toBeGreaterThanOrEqual(4.5)
  })

  it.each([
    ['section number, light', '#8c7f78', '#ffffff'],
    ['section number, dark', '#8a7b76', '#211c1d'],
  ])('large ornamental numbers reach 3:1: %s', (_what, fg, bg) => {
    expect(contrast(hex(fg), hex(bg))).toBeGreaterThanOrEqual(3)
  })

  it('the tokens tested here are the ones in app.scss', () => {
    const scss = readFileSync(join(__dirname, '..', '..', 'src', 'app.scss'), 'utf8').toLowerCase()
    for (const c of [
      '#1f1a17',
      '#f6f2ef',
      '#5b524c',
      '#b71c1c',
      '#1b5e20',
      '#8a4b00',
      '#f3ece8',
      '#141112',
      '#c9bdb6',
      '#211c1d',
      '#f47067',
      '#ece5df',
      '#2d2627',
      '#1f1a1b',
      '#8c7f78',
      '#8a7b76',
    ]) {
      expect(scss).toContain(c)
    }
  })
})
