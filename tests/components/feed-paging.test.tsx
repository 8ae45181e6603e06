/** @jest-environment jsdom */
// With 1,000 cards the first screen stays small: the feed renders 4 cards at a time from the
// server's pages of 12, and asks for the next page only when those are all shown.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { pageCards, type CardFilter } from '@/domain/filters'
import type { YearEndCard } from '@/domain/types'
import { FeedView } from '@/features/feed/feed-view'
import { useMyRegion } from '@/features/feed/my-region'
import { FEED_PAGE_SIZE, useFeed } from '@/features/feed/use-feed'

// The real hook over a service that pages `cards` as the server does.
const mockPageCards = pageCards
const service = { cards: [] as YearEndCard[], calls: 0, fail: false }
jest.mock('@/services', () => ({
  api: {
    listCards: async (filter?: CardFilter, cursor?: string | null) => {
      service.calls += 1
      if (service.fail) throw new Error('网络不太好，请稍后再试')
      return mockPageCards(service.cards, filter, cursor)
    },
  },
}))

function generateCards(n: number): YearEndCard[] {
  return Array.from({ length: n }, (_, i) => ({
    federationId: `gen-${String(i).padStart(4, '0')}`,
    name: `第${i + 1}个妇联`,
    region: { province: ['四川', '湖南', '广东'][i % 3], city: '某市', code: ['510100', '430200', '441300'][i % 3] },
    level: '市级',
    // Newest first: card i comes i-th in the server's order.
    year: 3000 - i,
    color: '#C62828',
    summary: '生成的测试卡片',
    topics: ['健康'],
    headlineFigures: [
      { id: `g${i}a`, label: '甲', value: String(1000 + i), unit: '人', scope: 'year' as const, quote: '' },
      { id: `g${i}b`, label: '乙', value: '12.5万', unit: '人次', scope: 'year' as const, quote: '' },
      { id: `g${i}c`, label: '丙', value: '300余', unit: '场', scope: 'year' as const, quote: '' },
      { id: `g${i}d`, label: '丁', value: '近50', unit: '个', scope: 'year' as const, quote: '' },
    ],
    source: { publisher: '测试', headline: '测试', date: '2021-01-01' },
    programCount: 1,
    openProgramCount: 1,
    demoSessions: true,
  }))
}

function Harness() {
  return <FeedView feed={useFeed()} onOpen={() => undefined} onOpenRegion={() => undefined} />
}

const titles = () => screen.getAllByText(/^第\d+个妇联$/).map((t) => t.textContent)

beforeEach(() => {
  useMyRegion.setState({ region: undefined, mine: undefined, showing: false })
  service.cards = generateCards(1000)
  service.calls = 0
  service.fail = false
})

const more = () => fireEvent.click(screen.getByLabelText('加载更多年终盘点'))

describe('feed with 1,000 cards', () => {
  it('renders fewer than 500 nodes on the first screen', async () => {
    const { container } = render(<Harness />)
    await screen.findByText('第1个妇联')
    expect(container.querySelectorAll('*').length).toBeLessThan(500)
    expect(titles()).toHaveLength(FEED_PAGE_SIZE)
    expect(service.calls).toBe(1)
  })

  it('shows the page it has 4 at a time, then asks the server for the next page, in order', async () => {
    render(<Harness />)
    await screen.findByText('第1个妇联')
    more()
    more()
    // 12 cards arrived with the first page: shown without asking again.
    expect(titles()).toEqual(Array.from({ length: 12 }, (_, i) => `第${i + 1}个妇联`))
    expect(service.calls).toBe(1)
    more()
    await screen.findByText('第16个妇联')
    expect(titles()).toEqual(Array.from({ length: 16 }, (_, i) => `第${i + 1}个妇联`))
    expect(service.calls).toBe(2)
  })

  it('asks the server again when a filter is chosen, showing only matching cards', async () => {
    render(<Harness />)
    await screen.findByText('第1个妇联')
    more()
    act(() => useMyRegion.getState().pick({ code: '430000', names: '湖南省' }))
    // Every third card is in 湖南: cards 2, 5, 8, 11.
    await waitFor(() => expect(titles()).toEqual(['第2个妇联', '第5个妇联', '第8个妇联', '第11个妇联']))
    expect(service.calls).toBe(2)
    act(() => useMyRegion.getState().pick(undefined))
    await waitFor(() => expect(titles()).toEqual(['第1个妇联', '第2个妇联', '第3个妇联', '第4个妇联']))
  })

  it('says what to try when nothing matches', async () => {
    service.cards = generateCards(3).map((c) => ({ ...c, topics: ['健康'] }))
    render(<Harness />)
    await screen.findByText('第1个妇联')
    fireEvent.click(screen.getByLabelText('主题：乡村振兴'))
    await screen.findByText('没有符合条件的年终盘点')
    expect(screen.getByText('换个地区或主题看看')).toBeTruthy()
    fireEvent.click(screen.getByText('清除筛选'))
    await screen.findByText('第1个妇联')
  })

  it('keeps what it shows when the next page fails, and 重试 fetches it', async () => {
    render(<Harness />)
    await screen.findByText('第1个妇联')
    more()
    more()
    service.fail = true
    more()
    await screen.findByText('网络不太好，请稍后再试')
    expect(titles()).toHaveLength(12)
    service.fail = false
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('第16个妇联')
  })

  it('ends with the count once every page is shown', async () => {
    service.cards = generateCards(14)
    render(<Harness />)
    await screen.findByText('第1个妇联')
    for (let i = 0; i < 3; i++) more()
    await act(async () => undefined)
    await screen.findByText('第14个妇联')
    expect(titles()).toHaveLength(14)
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText('— 共 14 个妇联 —')).toBeTruthy()
  })
})
