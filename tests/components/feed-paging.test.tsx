/** @jest-environment jsdom */
// With 1,000 cards the first screen stays small: the feed renders one page and loads more on demand.
import { fireEvent, render, screen } from '@testing-library/react'
import type { YearEndCard } from '@/domain/types'
import { FeedView } from '@/features/feed/feed-view'
import { FEED_PAGE_SIZE, useFeed } from '@/features/feed/use-feed'

// The real hook over a service that answers with `cards`.
const service = { cards: [] as YearEndCard[], calls: 0 }
jest.mock('@/services', () => ({
  api: {
    listCards: async () => {
      service.calls += 1
      return service.cards
    },
  },
}))

function generateCards(n: number): YearEndCard[] {
  return Array.from({ length: n }, (_, i) => ({
    federationId: `gen-${i}`,
    name: `第${i + 1}个妇联`,
    region: { province: ['四川', '湖南', '广东'][i % 3], city: '某市', code: ['510100', '430200', '441300'][i % 3] },
    level: '市级',
    year: 2020,
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
  return <FeedView feed={useFeed()} onOpen={() => undefined} />
}

const titles = () => screen.getAllByText(/^第\d+个妇联$/).map((t) => t.textContent)

beforeEach(() => {
  service.cards = generateCards(1000)
  service.calls = 0
})

describe('feed with 1,000 cards', () => {
  it('renders fewer than 500 nodes on the first screen', async () => {
    const { container } = render(<Harness />)
    await screen.findByText('第1个妇联')
    expect(container.querySelectorAll('*').length).toBeLessThan(500)
    expect(titles()).toHaveLength(FEED_PAGE_SIZE)
    expect(service.calls).toBe(1)
  })

  it('loads the next page on demand, in order, without asking the service again', async () => {
    render(<Harness />)
    await screen.findByText('第1个妇联')
    fireEvent.click(screen.getByText('加载更多'))
    expect(titles()).toEqual(Array.from({ length: FEED_PAGE_SIZE * 2 }, (_, i) => `第${i + 1}个妇联`))
    expect(service.calls).toBe(1)
  })

  it('starts again from one page when a filter is chosen, showing only matching cards', async () => {
    render(<Harness />)
    await screen.findByText('第1个妇联')
    fireEvent.click(screen.getByText('加载更多'))
    fireEvent.click(screen.getByLabelText('地区：湖南'))
    // Every third card is in 湖南: cards 2, 5, 8, 11.
    expect(titles()).toEqual(['第2个妇联', '第5个妇联', '第8个妇联', '第11个妇联'])
    fireEvent.click(screen.getByLabelText('地区：全部'))
    expect(titles()).toHaveLength(FEED_PAGE_SIZE)
  })

  it('ends with the count once every page is shown', async () => {
    service.cards = generateCards(FEED_PAGE_SIZE + 1)
    render(<Harness />)
    await screen.findByText('第1个妇联')
    fireEvent.click(screen.getByText('加载更多'))
    expect(titles()).toHaveLength(FEED_PAGE_SIZE + 1)
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText(`— 共 ${FEED_PAGE_SIZE + 1} 个妇联 —`)).toBeTruthy()
  })
})
