/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { calls } from '../support/taro'
import { serviceControl } from '../support/mock-services'

// The page talks to `@/services`; here that is the real mock Api over the real mock/ data,
// with a switch that makes it fail like a network would.
jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import FeedPage from '@/pages/feed/index'
import { TOPICS, type FederationFile } from '@/domain/types'
import { FEED_PAGE_SIZE } from '@/features/feed/use-feed'
import { useMyRegion } from '@/features/feed/my-region'
import { provinceCodeOf } from '@/domain/region-codes'
import { contentFiles } from '../support/content-files'

// Expectations come from the data, so a federation added to mock/ keeps these tests true.
const FILES = contentFiles.map((f) => f.data as FederationFile)
const NAMES = FILES.map((f) => f.federation.name)
/** The first page has arrived: some card is on screen (which one depends on the files in mock/). */
const firstPage = () => waitFor(() => expect(NAMES.some((n) => screen.queryAllByText(n).length > 0)).toBe(true))
const named = (pick: (f: FederationFile) => boolean) => FILES.filter(pick).map((f) => f.federation.name)

beforeEach(() => {
  useMyRegion.setState({ region: undefined, mine: undefined, showing: false })
  serviceControl.fail = false
  calls.navigations.length = 0
})

describe('年终盘点 feed page', () => {
  it('shows every federation with its region, year, topics and formatted headline figures', async () => {
    render(<FeedPage />)
    expect(screen.getByLabelText('正在加载年终盘点')).toBeTruthy()
    // One page of four cards first, the rest on 加载更多 (or scrolling to the bottom).
    await screen.findByText('加载更多')
    expect(NAMES.filter((n) => screen.queryByText(n))).toHaveLength(Math.min(FEED_PAGE_SIZE, NAMES.length))
    fireEvent.click(screen.getByText('加载更多'))
    for (const name of NAMES) expect(screen.getAllByText(name).length).toBeGreaterThan(0)
    expect(screen.queryByText('加载更多')).toBeNull()
    expect(screen.getAllByText('甘肃 · 陇南 · 武都区 · 区县级').length).toBeGreaterThan(0)
    expect(screen.getAllByText('2021 年终盘点')).toHaveLength(FILES.filter((f) => f.federation.year === 2021).length)
    // Figures as the article wrote them: 198861人次 and 79956人, not 19.9万 and 8万 under "近八万".
    expect(screen.getAllByText('198861').length).toBeGreaterThan(0)
    expect(screen.getAllByText('79956').length).toBeGreaterThan(0)
    expect(screen.queryByText('19.9万')).toBeNull()
    expect(screen.queryByText('8万')).toBeNull()
    expect(screen.getAllByLabelText(/^领头雁培训(（.+）)?：198861人次$/).length).toBeGreaterThan(0)
    // Qualifiers stay: 1000余人.
    expect(screen.getAllByText('1000余').length).toBeGreaterThan(0)
    expect(screen.getAllByText('来源：惠州日报 · 2021年3月').length).toBeGreaterThan(0)
    expect(screen.getByText(`— 共 ${NAMES.length} 个妇联 —`)).toBeTruthy()
  })

  it('filters by region and topic, combines them, and offers to clear an empty result', async () => {
    const inHunan = named((f) => f.federation.region.province === '湖南')
    const elsewhere = named((f) => f.federation.region.province !== '湖南')
    const hunanHealth = named((f) => f.federation.region.province === '湖南' && f.topics.includes('健康'))
    // A province and a topic no federation there has: the result is empty.
    const empty = FILES.flatMap((f) => {
      const province = f.federation.region.province
      const there = FILES.filter((g) => g.federation.region.province === province)
      const topic = TOPICS.find((t) => t !== '健康' && !there.some((g) => g.topics.includes(t)))
      const code = provinceCodeOf(f.federation.region.code)
      return topic && province !== '湖南' ? [{ province, code, topic }] : []
    })[0]
    expect(empty).toBeDefined()
    expect(inHunan.length).toBeGreaterThan(0)
    expect(hunanHealth.length).toBeGreaterThan(0)

    render(<FeedPage />)
    await firstPage()
    // The 地区 control opens the picker; what she picks there comes back through 我的地区.
    fireEvent.click(screen.getByLabelText('地区：全国，点按选择省市县'))
    expect(calls.navigations).toEqual(['/subpackages/region/index'])
    act(() => useMyRegion.getState().pick({ code: '430000', names: '湖南省' }))
    // Each choice asks for the first page again: the cards follow when it arrives.
    await waitFor(() => {
      for (const name of elsewhere) expect(screen.queryByText(name)).toBeNull()
    })
    for (const name of inHunan.slice(0, FEED_PAGE_SIZE)) {
      expect((await screen.findAllByText(name)).length).toBeGreaterThan(0)
    }
    // The control names the region in text, not only in colour.
    expect(screen.getByLabelText('地区：湖南省，点按选择省市县').textContent).toBe('湖南省 ▾')

    fireEvent.click(screen.getByLabelText('主题：健康'))
    for (const name of hunanHealth.slice(0, FEED_PAGE_SIZE)) {
      expect((await screen.findAllByText(name)).length).toBeGreaterThan(0)
    }
    act(() => useMyRegion.getState().pick({ code: empty.code, names: empty.province }))
    fireEvent.click(screen.getByLabelText(`主题：${empty.topic}`))
    expect(await screen.findByText('没有符合条件的年终盘点')).toBeTruthy()

    fireEvent.click(screen.getByText('清除筛选'))
    fireEvent.click(await screen.findByText('加载更多'))
    for (const name of NAMES) expect(screen.getAllByText(name).length).toBeGreaterThan(0)
    expect(screen.getByLabelText('地区：全国，点按选择省市县')).toBeTruthy()
  })

  it('searches the built-in federations by name or place', async () => {
    render(<FeedPage />)
    await firstPage()
    fireEvent.change(screen.getByLabelText('搜妇联名称或地名'), { target: { value: '陇南' } })
    fireEvent.click(screen.getByLabelText('搜索'))
    await waitFor(() => expect(NAMES.filter((n) => screen.queryByText(n))).toEqual(['武都区妇联']))
    fireEvent.change(screen.getByLabelText('搜妇联名称或地名'), { target: { value: '不存在的地方' } })
    fireEvent.click(screen.getByLabelText('搜索'))
    expect(await screen.findByText('换个词搜索，比如只写县名或市名；或清除筛选看全部')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('清空搜索'))
    await screen.findByText('加载更多')
  })

  it('opens the report when a card is tapped', async () => {
    render(<FeedPage />)
    fireEvent.click(await screen.findByText('加载更多'))
    fireEvent.click(screen.getByLabelText(/^武都区妇联2020年终盘点，.*查看报告$/))
    expect(calls.navigations).toEqual(['/pages/report/index?id=wudu-2020'])
  })

  it('shows an error with a retry that recovers', async () => {
    serviceControl.fail = true
    render(<FeedPage />)
    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('没能加载出来')).toBeTruthy()
    expect(alert.textContent).toContain('网络不太好')
    // The feed is 首页: no 返回首页 on itself.
    expect(screen.queryByLabelText('返回首页')).toBeNull()
    serviceControl.fail = false
    await act(async () => {
      fireEvent.click(screen.getByText('重新加载'))
    })
    await firstPage()
    expect(screen.queryByText('没能加载出来')).toBeNull()
  })
})
