/** @jest-environment jsdom */
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { calls } from '../support/taro'
import { serviceControl } from '../support/mock-services'

// The page talks to `@/services`; here that is the real mock Api over the real mock/ data,
// with a switch that makes it fail like a network would.
jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import FeedPage from '@/pages/feed/index'

const NAMES = ['成都市妇联', '武都区妇联', '河北某市妇联', '株洲市妇联', '惠州市妇联']

beforeEach(() => {
  serviceControl.fail = false
  calls.navigations.length = 0
})

describe('年终盘点 feed page', () => {
  it('shows every federation with its region, year, topics and formatted headline figures', async () => {
    render(<FeedPage />)
    expect(screen.getByLabelText('正在加载年终盘点')).toBeTruthy()
    // One page of four cards first, the rest on 加载更多 (or scrolling to the bottom).
    await screen.findByText('加载更多')
    expect(NAMES.filter((n) => screen.queryByText(n))).toHaveLength(4)
    fireEvent.click(screen.getByText('加载更多'))
    for (const name of NAMES) expect(screen.getByText(name)).toBeTruthy()
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getByText('甘肃 · 陇南 · 武都区 · 区县级')).toBeTruthy()
    expect(screen.getAllByText('2021 年终盘点')).toHaveLength(1)
    // Figures as the article wrote them: 198861人次 and 79956人, not 19.9万 and 8万 under "近八万".
    expect(screen.getByText('198861')).toBeTruthy()
    expect(screen.getByText('79956')).toBeTruthy()
    expect(screen.queryByText('19.9万')).toBeNull()
    expect(screen.queryByText('8万')).toBeNull()
    expect(screen.getByLabelText(/^领头雁培训(（.+）)?：198861人次$/)).toBeTruthy()
    // Qualifiers stay: 1000余人.
    expect(screen.getByText('1000余')).toBeTruthy()
    expect(screen.getByText('来源：惠州日报 · 2021年3月')).toBeTruthy()
    expect(screen.getByText('— 共 5 个妇联 —')).toBeTruthy()
  })

  it('filters by region and topic, combines them, and offers to clear an empty result', async () => {
    render(<FeedPage />)
    await screen.findByText('成都市妇联')
    fireEvent.click(screen.getByLabelText('地区：湖南'))
    expect(screen.queryByText('成都市妇联')).toBeNull()
    expect(screen.getByText('株洲市妇联')).toBeTruthy()
    // The chosen chip says so in text, not only in colour.
    expect(screen.getByLabelText('地区：湖南').textContent).toBe('✓ 湖南')

    fireEvent.click(screen.getByLabelText('主题：健康'))
    expect(screen.getByText('株洲市妇联')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('地区：四川'))
    expect(screen.getByText('没有符合条件的年终盘点')).toBeTruthy()

    fireEvent.click(screen.getByText('清除筛选'))
    fireEvent.click(screen.getByText('加载更多'))
    for (const name of NAMES) expect(screen.getByText(name)).toBeTruthy()
  })

  it('opens the report when a card is tapped', async () => {
    render(<FeedPage />)
    fireEvent.click(await screen.findByText('加载更多'))
    fireEvent.click(screen.getByLabelText('武都区妇联2020年终盘点，查看报告'))
    expect(calls.navigations).toEqual(['/pages/report/index?id=wudu-2020'])
  })

  it('shows an error with a retry that recovers', async () => {
    serviceControl.fail = true
    render(<FeedPage />)
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('没能加载出来')).toBeTruthy()
    expect(alert.textContent).toContain('网络不太好')
    serviceControl.fail = false
    await act(async () => {
      fireEvent.click(screen.getByText('重新加载'))
    })
    expect(await screen.findByText('成都市妇联')).toBeTruthy()
    expect(screen.queryByText('没能加载出来')).toBeNull()
  })
})
