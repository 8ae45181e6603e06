/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __reset, calls, pages, router, shared } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import ReportPage from '@/pages/report/index'
import StoryPage from '@/subpackages/story/index'
import { useAppStore } from '@/store'

const reduceMotion = (reduce: boolean) => {
  window.matchMedia = ((query: string) => ({
    matches: reduce && query.includes('prefers-reduced-motion'),
  })) as unknown as typeof window.matchMedia
}

beforeEach(() => {
  __reset()
  reduceMotion(false)
  useAppStore.setState({ largeFont: false })
  window.location.hash = ''
})
afterEach(() => jest.useRealTimers())

const announced = () => document.querySelector('[aria-live="polite"]')?.textContent

describe('story page', () => {
  it('opens from the report’s header', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<ReportPage />)
    fireEvent.click(await screen.findByLabelText('看故事版，一分钟看完'))
    expect(calls.navigations).toEqual(['/subpackages/story/index?id=zhuzhou-2020'])
  })

  it('walks from the opening through every figure to the closing, building only the screen shown', async () => {
    reduceMotion(true)
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy()
    expect(screen.getByText('1 / 10')).toBeTruthy()
    expect(announced()).toBe('第 1 / 10 屏：株洲市妇联2020年终盘点')
    // Only the opening is built; the figures and the closing are not yet.
    expect(screen.queryByText('培训妇女群众')).toBeNull()
    expect(screen.queryByText('组建一批“四新”妇联组织')).toBeNull()
    expect(screen.queryByLabelText('生成海报')).toBeNull()
    expect(screen.getByLabelText('跳过，直接看结尾')).toBeTruthy()

    fireEvent.click(screen.getByLabelText('下一屏'))
    expect(screen.getByText('2 / 10')).toBeTruthy()
    expect(announced()).toBe('第 2 / 10 屏：思想引领')
    // The figure as the report shows it, unit beside it, exact wording for a screen reader.
    expect(screen.getByLabelText('培训妇女群众：3.19万人次')).toBeTruthy()
    expect(screen.getByText('3.19万')).toBeTruthy()

    for (let i = 3; i <= 10; i++) fireEvent.click(screen.getByLabelText('下一屏'))
    expect(screen.getByText('10 / 10')).toBeTruthy()
    expect(announced()).toBe('第 10 / 10 屏：看完了')
    expect(screen.queryByText('培训妇女群众')).toBeNull()
    expect(screen.getByText('数据来源：株洲本地报纸报道《株洲市妇联2020年工作回顾》')).toBeTruthy()

    fireEvent.click(screen.getByLabelText('生成海报'))
    fireEvent.click(screen.getByLabelText('查看完整盘点'))
    fireEvent.click(screen.getByLabelText('返回首页'))
    expect(calls.navigations).toEqual([
      '/subpackages/share/poster/index?id=zhuzhou-2020',
      '/pages/report/index?id=zhuzhou-2020',
      '/pages/feed/index',
    ])
    expect(screen.getByLabelText('分享给朋友')).toBeTruthy()
  })

  it('moves with the arrow keys, and 跳过 goes to the end', async () => {
    reduceMotion(true)
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    await screen.findByText('1 / 10')
    fireEvent.keyDown(document, { key: 'ArrowDown' })
    fireEvent.keyDown(document, { key: 'ArrowDown' })
    expect(screen.getByText('3 / 10')).toBeTruthy()
    fireEvent.keyDown(document, { key: 'ArrowUp' })
    expect(screen.getByText('2 / 10')).toBeTruthy()
    fireEvent.keyDown(document, { key: 'ArrowUp' })
    fireEvent.keyDown(document, { key: 'ArrowUp' })
    expect(screen.getByText('1 / 10')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('跳过，直接看结尾'))
    expect(screen.getByText('10 / 10')).toBeTruthy()
    fireEvent.keyDown(document, { key: 'ArrowDown' })
    expect(screen.getByText('10 / 10')).toBeTruthy()
  })

  it('moves on a vertical swipe, not on a sideways one', async () => {
    reduceMotion(true)
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    await screen.findByText('1 / 10')
    const stage = document.querySelector('.story__stage')!
    const swipe = (dx: number, dy: number) => {
      fireEvent.touchStart(stage, { touches: [{ clientX: 100, clientY: 400 }] })
      fireEvent.touchEnd(stage, { changedTouches: [{ clientX: 100 + dx, clientY: 400 + dy }] })
    }
    swipe(0, -120)
    expect(screen.getByText('2 / 10')).toBeTruthy()
    swipe(0, -120)
    expect(screen.getByText('3 / 10')).toBeTruthy()
    swipe(160, -60)
    swipe(0, -20)
    expect(screen.getByText('3 / 10')).toBeTruthy()
    swipe(0, 120)
    expect(screen.getByText('2 / 10')).toBeTruthy()
  })

  it('counts a figure up when its screen shows, ending on the report’s text', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    await screen.findByText('1 / 10')
    jest.useFakeTimers()
    fireEvent.click(screen.getByLabelText('下一屏'))
    const number = () => document.querySelector('.story__number')?.textContent ?? ''
    const shown = () => Number(/[\d.]+/.exec(number())![0])
    // From near zero, with the report's decimals and 万, rising to the figure.
    expect(number()).toMatch(/^\d\.\d\d万$/)
    const first = shown()
    expect(first).toBeLessThan(1)
    act(() => void jest.advanceTimersByTime(300))
    expect(shown()).toBeGreaterThan(first)
    expect(number()).not.toBe('3.19万')
    act(() => void jest.advanceTimersByTime(1000))
    expect(screen.getByText('3.19万')).toBeTruthy()
  })

  it('keeps figures still in large font', async () => {
    useAppStore.setState({ largeFont: true })
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    await screen.findByText('1 / 10')
    fireEvent.click(screen.getByLabelText('下一屏'))
    expect(screen.getByText('3.19万')).toBeTruthy()
  })

  it('shares itself, so a friend opens the story', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    await screen.findByText('1 / 10')
    expect(shared.chat).toMatchObject({
      title: '株洲市妇联2020年终盘点·一分钟看完',
      path: '/subpackages/story/index?id=zhuzhou-2020',
    })
    expect(shared.timeline).toMatchObject({ query: 'id=zhuzhou-2020' })
  })

  it('closes to the feed when she opened it from a link, with nothing behind it', async () => {
    pages.depth = 1
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    await screen.findByText('1 / 10')
    fireEvent.click(screen.getByLabelText('跳过，直接看结尾'))
    fireEvent.click(screen.getByLabelText('关闭故事版'))
    await act(async () => undefined)
    expect(calls.navigations).toEqual(['/pages/feed/index'])
  })

  it('opened from Moments: no sign-in-only buttons, the hint instead', async () => {
    window.location.hash = '#/subpackages/story/index?id=zhuzhou-2020&scene=1154'
    router.params = { id: 'zhuzhou-2020' }
    render(<StoryPage />)
    await screen.findByText('1 / 10')
    fireEvent.click(screen.getByLabelText('跳过，直接看结尾'))
    expect(screen.getByText(/前往小程序/)).toBeTruthy()
    expect(screen.queryByLabelText('生成海报')).toBeNull()
    expect(screen.queryByLabelText('返回首页')).toBeNull()
  })

  it('says so when the id is unknown', async () => {
    router.params = { id: 'no-such' }
    render(<StoryPage />)
    expect((await screen.findByRole('alert')).textContent).toContain('没有找到这个妇联的年终盘点')
  })
})
