/** @jest-environment jsdom */
// The poster page: 方图 1:1 or 横图 5:4, the chosen one pressed, drawn and saved (the preview's shape: tests/e2e).
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __reset, router } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

const saved: string[] = []
jest.mock('@/platform/media', () => ({
  ...jest.requireActual<typeof import('@/platform/media')>('@/platform/media'),
  renderImage: async (width: number, height: number) => ({
    src: `poster-${width}x${height}`,
    drawMs: 1,
    pixelRatio: 1,
  }),
  albumRefused: async () => false,
  saveImage: async (src: string) => {
    saved.push(src)
    return 'downloaded'
  },
}))

import PosterPage from '@/subpackages/share/poster/index'

beforeEach(() => {
  __reset()
  saved.length = 0
})

const pressed = () =>
  screen
    .getAllByRole('button')
    .filter((b) => b.getAttribute('aria-pressed') === 'true')
    .map((b) => b.getAttribute('aria-label'))

describe('poster page', () => {
  it('offers 方图 1:1 and 横图 5:4, square first; the preview and the download follow the choice', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<PosterPage />)
    expect(screen.getByRole('group', { name: '海报形状' })).toBeTruthy()
    await screen.findByLabelText('年终盘点海报，方图 1:1')
    expect(pressed()).toEqual(['方图 1:1'])
    expect(screen.getByLabelText('方图 1:1').getAttribute('aria-pressed')).toBe('true')
    expect(screen.getByLabelText('横图 5:4').getAttribute('aria-pressed')).toBe('false')

    fireEvent.click(screen.getByLabelText('横图 5:4'))
    await screen.findByLabelText('年终盘点海报，横图 5:4')
    expect(pressed()).toEqual(['横图 5:4'])
    await act(async () => fireEvent.click(screen.getByLabelText('下载海报')))
    expect(saved).toEqual(['poster-750x600'])

    // Back to the square one: the page still answers, and saves the square image.
    fireEvent.click(screen.getByLabelText('方图 1:1'))
    await screen.findByLabelText('年终盘点海报，方图 1:1')
    expect(pressed()).toEqual(['方图 1:1'])
    await act(async () => fireEvent.click(screen.getByLabelText('下载海报')))
    expect(saved).toEqual(['poster-750x600', 'poster-720x720'])
  })
})
