/** @jest-environment jsdom */
// With 1,000 cards the first screen stays small: the feed renders one page and loads more on demand.
import { fireEvent, render, screen } from '@testing-library/react'
import type { YearEndCard } from '@/domain/types'
import { FeedView } from '@/features/feed/feed-view'
import { FEED_PAGE_SIZE, type Feed } from '@/features/feed/use-feed'
import { filterCards, provincesOf } from '@/domain/filters'
import { useState } from 'react'

function generateCards(n: number): YearEndCard[] {
  return Array.from({ length: n }, (_, i) => ({
    federationId: `gen-${i}`,
    name: `第${i + 1}个妇联`,
    region: { province: ['四川', '湖南', '广东'][i % 3], city: '某市' },
    level: '市级',
    year: 2020,
    color: '#C62828',
    summary: '生成的测试卡片',
    topics: ['健康'],
    headlineFigures: [
      { id: `g${i}a`, label: '甲', value: String(1000 + i), unit: '人' },
      { id: `g${i}b`, label: '乙', value: '12.5万', unit: '人次' },
      { id: `g${i}c`, label: '丙', value: '300余', unit: '场' },
      { id: `g${i}d`, label: '丁', value: '近50', unit: '个' },
    ],
    source: { publisher: '测试', headline: '测试', date: '2021-01-01' },
    programCount: 1,
    openProgramCount: 1,
    demoSessions: true,
  }))
}

function Harness({ cards }: { cards: YearEndCard[] }) {
  const [limit, setLimit] = useState(FEED_PAGE_SIZE)
  const matched = filterCards(cards, {})
  const feed: Feed = {
    cards: { status: 'ready', data: cards, reload: async () => undefined },
    filter: {},
    provinces: provincesOf(cards),
    matched,
    visible: matched.slice(0, limit),
    hasMore: matched.length > limit,
    choose: () => undefined,
    clear: () => undefined,
    loadMore: () => setLimit((n) => n + FEED_PAGE_SIZE),
  }
  return <FeedView feed={feed} onOpen={() => undefined} />
}

describe('feed with 1,000 cards', () => {
  it('renders fewer than 500 nodes on the first screen', () => {
    const { container } = render(<Harness cards={generateCards(1000)} />)
    const nodes = container.querySelectorAll('*').length
    expect(nodes).toBeLessThan(500)
    expect(screen.getAllByText(/^第\d+个妇联$/)).toHaveLength(FEED_PAGE_SIZE)
  })

  it('loads the next page on demand', () => {
    render(<Harness cards={generateCards(1000)} />)
    fireEvent.click(screen.getByText('加载更多'))
    expect(screen.getAllByText(/^第\d+个妇联$/)).toHaveLength(FEED_PAGE_SIZE * 2)
  })
})
