/** @jest-environment jsdom */
// The poster draws once per card and shape: no redraw on every render, and a shape left half-drawn never shows.
import { act, render, screen } from '@testing-library/react'
import type { PosterShape } from '@/features/share/poster-layout'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

/** Each draw waits until the test lets it finish, so the order of finishing is the test's to choose. */
const draws: Array<{ width: number; height: number; finish: () => void }> = []
jest.mock('@/platform/media', () => ({
  ...jest.requireActual<typeof import('@/platform/media')>('@/platform/media'),
  renderImage: (width: number, height: number) =>
    new Promise((resolve) => {
      draws.push({
        width,
        height,
        finish: () => resolve({ src: `poster-${width}x${height}`, drawMs: 1, pixelRatio: 1 }),
      })
    }),
}))

import { usePoster } from '@/features/share/use-poster'

function Probe({ shape }: { shape: PosterShape }) {
  const { report, image } = usePoster('chengdu-2020', shape)
  return <span data-testid="shown">{`${report.status}|${image && 'src' in image ? image.src : ''}`}</span>
}
const shown = () => screen.getByTestId('shown').textContent
/** Lets promises and the renders they cause run. */
const settle = () => act(async () => new Promise((r) => setTimeout(r, 20)))

beforeEach(() => {
  draws.length = 0
})

describe('usePoster', () => {
  it('draws once when the report arrives, however often the page renders', async () => {
    const { rerender } = render(<Probe shape="square" />)
    await settle()
    expect(draws).toHaveLength(1)
    await act(async () => draws[0].finish())
    await settle()
    expect(shown()).toBe('ready|poster-720x720')
    // Renders that change nothing (a parent's state, a toast) start no drawing.
    for (let i = 0; i < 5; i++) rerender(<Probe shape="square" />)
    await settle()
    expect(draws).toHaveLength(1)
  })

  it('draws a new shape once, and shows the one drawn before again without drawing', async () => {
    const { rerender } = render(<Probe shape="square" />)
    await settle()
    await act(async () => draws[0].finish())
    rerender(<Probe shape="wide" />)
    await settle()
    // While the wide one is drawn, the square one is not passed off as it.
    expect(shown()).toBe('ready|')
    expect(draws.map((d) => `${d.width}x${d.height}`)).toEqual(['720x720', '750x600'])
    await act(async () => draws[1].finish())
    expect(shown()).toBe('ready|poster-750x600')
    rerender(<Probe shape="square" />)
    await settle()
    expect(shown()).toBe('ready|poster-720x720')
    expect(draws).toHaveLength(2)
  })

  it('never shows a shape she left before it was drawn', async () => {
    const { rerender } = render(<Probe shape="square" />)
    await settle()
    rerender(<Probe shape="wide" />)
    await settle()
    expect(draws).toHaveLength(2)
    // The wide poster finishes first, then the square one she left.
    await act(async () => draws[1].finish())
    await act(async () => draws[0].finish())
    await settle()
    expect(shown()).toBe('ready|poster-750x600')
  })
})
