// The browser test checks the poster's pixels at these boxes; keep its fixture in step with the code.
import layout from '../e2e/poster-layout.json'
import { POSTER, posterLayout } from '@/features/share/draw'

describe('poster layout fixture', () => {
  it('matches the layout the poster is drawn with', () => {
    const l = posterLayout()
    expect({ width: POSTER.width, height: POSTER.height, figures: l.figures, qr: l.qr }).toEqual(layout)
  })

  it('stays within 4096 pixels a side even at pixel ratio 4', () => {
    expect(Math.max(POSTER.width, POSTER.height) * 4).toBeLessThanOrEqual(4096)
  })
})
