/** @jest-environment jsdom */
// The feed's region picker and search: a region picked in the picker (or a search) asks listCards
// again with its codes / words from the first page; the last region is remembered as 我的地区.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { pageCards, type CardFilter } from '@/domain/filters'
import type { YearEndCard } from '@/domain/types'
import { FeedView } from '@/features/feed/feed-view'
import { forgetMyRegion, MY_REGION_KEY, readRemembered, useMyRegion } from '@/features/feed/my-region'
import { RegionPicker } from '@/features/feed/region-picker'
import { useFeed } from '@/features/feed/use-feed'
import type { FeedLink } from '@/domain/feed-link'
import { __reset } from '../support/taro'
import Taro from '@tarojs/taro'

const mockPageCards = pageCards
const service = { cards: [] as YearEndCard[], asked: [] as Array<{ filter: CardFilter; cursor?: string | null }> }
jest.mock('@/services', () => ({
  api: {
    listCards: async (filter: CardFilter = {}, cursor?: string | null) => {
      service.asked.push({ filter, cursor })
      return mockPageCards(service.cards, filter, cursor)
    },
  },
}))

const PLACES = [
  { province: '四川', city: '成都', code: '510100' },
  { province: '甘肃', city: '陇南', district: '武都区', code: '621202' },
  { province: '湖南', city: '株洲', code: '430200' },
]

function card(i: number): YearEndCard {
  return {
    federationId: `f-${String(i).padStart(3, '0')}`,
    name: `${PLACES[i % 3].district ?? PLACES[i % 3].city}第${i + 1}个妇联`,
    region: PLACES[i % 3],
    level: '市级',
    year: 3000 - i,
    color: '#C62828',
    summary: '测试卡片',
    topics: ['健康'],
    headlineFigures: [],
    source: { publisher: '测试', headline: '测试', date: '2021-01-01' },
    programCount: 0,
    openProgramCount: 0,
    demoSessions: true,
  }
}

const titles = () => screen.queryAllByText(/第\d+个妇联$/).map((t) => t.textContent)
const lastAsked = () => service.asked[service.asked.length - 1]

/** The feed and, when open, the picker: as the two pages share 我的地区. */
function Harness() {
  const feed = useFeed()
  const { region, mine, pick } = useMyRegion()
  return (
    <>
      <FeedView feed={feed} onOpen={() => undefined} onOpenRegion={() => undefined} />
      <RegionPicker current={region} mine={mine} onPick={pick} />
    </>
  )
}

beforeEach(() => {
  __reset()
  useMyRegion.setState({ region: undefined, mine: undefined, showing: false })
  service.cards = Array.from({ length: 60 }, (_, i) => card(i))
  service.asked = []
})

describe('region picker on the feed', () => {
  it('starts on 全国 for a first visit', async () => {
    render(<Harness />)
    await screen.findByText('成都第1个妇联')
    expect(screen.getByLabelText('地区：全国，点按选择省市县')).toBeTruthy()
    expect(lastAsked()).toEqual({ filter: {}, cursor: undefined })
  })

  it('asks for the picked region’s codes from the first page, and shows only its cards', async () => {
    render(<Harness />)
    await screen.findByText('成都第1个妇联')
    fireEvent.click(screen.getByLabelText('加载更多年终盘点'))
    fireEvent.click(screen.getByLabelText('加载更多年终盘点'))
    fireEvent.click(screen.getByLabelText('加载更多年终盘点'))
    await screen.findByText('成都第16个妇联')
    expect(lastAsked().cursor).toBeTruthy()

    fireEvent.click(screen.getByLabelText('甘肃省，打开下一级'))
    fireEvent.click(screen.getByLabelText('陇南市，打开下一级'))
    fireEvent.click(screen.getByLabelText('武都区'))
    await waitFor(() =>
      expect(titles()).toEqual(['武都区第2个妇联', '武都区第5个妇联', '武都区第8个妇联', '武都区第11个妇联']),
    )
    expect(lastAsked()).toEqual({ filter: { province: '620000', city: '621200', county: '621202' }, cursor: undefined })
    expect(screen.getByLabelText('地区：武都区，点按选择省市县')).toBeTruthy()

    // 全省 picks the level she is on.
    fireEvent.click(screen.getByLabelText('回到甘肃省'))
    fireEvent.click(screen.getByLabelText('全省，甘肃省'))
    await waitFor(() => expect(lastAsked().filter).toEqual({ province: '620000' }))
    expect(screen.getByLabelText('地区：甘肃省，点按选择省市县')).toBeTruthy()
  })

  it('searches on 搜索 with the words typed, from the first page; ✕ ends the search', async () => {
    render(<Harness />)
    await screen.findByText('成都第1个妇联')
    fireEvent.click(screen.getByLabelText('加载更多年终盘点'))
    fireEvent.change(screen.getByLabelText('搜妇联名称或地名'), { target: { value: '  株洲 ' } })
    fireEvent.click(screen.getByLabelText('搜索'))
    await waitFor(() => expect(lastAsked()).toEqual({ filter: { q: '株洲' }, cursor: undefined }))
    await waitFor(() => expect(titles()).toEqual(['株洲第3个妇联', '株洲第6个妇联', '株洲第9个妇联', '株洲第12个妇联']))
    fireEvent.click(screen.getByLabelText('清空搜索'))
    await waitFor(() => expect(lastAsked()).toEqual({ filter: {}, cursor: undefined }))
    expect((screen.getByLabelText('搜妇联名称或地名') as HTMLInputElement).value).toBe('')
  })

  it('says what to try when a search in a region finds nothing, and 清除筛选 goes back to 全国', async () => {
    render(<Harness />)
    await screen.findByText('成都第1个妇联')
    fireEvent.click(screen.getByLabelText('四川省，打开下一级'))
    fireEvent.click(screen.getByLabelText('成都市，打开下一级'))
    fireEvent.click(screen.getByLabelText('全市，四川省 成都市'))
    fireEvent.change(screen.getByLabelText('搜妇联名称或地名'), { target: { value: '株洲' } })
    fireEvent.click(screen.getByLabelText('搜索'))
    await screen.findByText('没有符合条件的年终盘点')
    expect(screen.getByText('在“四川省 成都市”里没有找到，换个词，或把地区改回全国再搜')).toBeTruthy()
    fireEvent.click(screen.getByText('清除筛选'))
    await screen.findByText('成都第1个妇联')
    expect(lastAsked().filter).toEqual({})
    expect(screen.getByLabelText('地区：全国，点按选择省市县')).toBeTruthy()
  })
})

describe('有可报名 and the link', () => {
  /** The feed opened from a link with these filters. */
  function Linked({ link }: { link: FeedLink }) {
    const feed = useFeed(link)
    return <FeedView feed={feed} onOpen={() => undefined} onOpenRegion={() => undefined} />
  }

  it('asks for 有可报名 only when switched on, from the first page, and says what to do when none is', async () => {
    service.cards = service.cards.map((c, i) => (i % 2 ? c : { ...c, openProgramCount: 1 }))
    render(<Harness />)
    await screen.findByText('成都第1个妇联')
    const toggle = screen.getByLabelText('只看有可报名的培训')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    fireEvent.click(toggle)
    await waitFor(() => expect(lastAsked()).toEqual({ filter: { open: '1' }, cursor: undefined }))
    await waitFor(() =>
      expect(titles()).toEqual(['成都第1个妇联', '株洲第3个妇联', '武都区第5个妇联', '成都第7个妇联']),
    )
    expect(screen.getByLabelText('只看有可报名的培训').getAttribute('aria-checked')).toBe('true')
    service.cards = service.cards.map((c) => ({ ...c, openProgramCount: 0 }))
    fireEvent.click(screen.getByLabelText('只看有可报名的培训'))
    await waitFor(() => expect(lastAsked().filter).toEqual({}))
    fireEvent.click(screen.getByLabelText('只看有可报名的培训'))
    await screen.findByText('现在没有正在报名的培训：关掉“有可报名的培训”看全部年终盘点')
  })

  it('opens on the link’s filters, its region in place of 我的地区', async () => {
    act(() => useMyRegion.getState().pick({ code: '430200', names: '湖南省 株洲市' }))
    render(<Linked link={{ region: { code: '621202', names: '甘肃省 陇南市 武都区' }, topic: '健康', open: '1' }} />)
    await waitFor(() =>
      expect(service.asked[0]).toEqual({
        filter: { province: '620000', city: '621200', county: '621202', topic: '健康', open: '1' },
        cursor: undefined,
      }),
    )
    expect(service.asked).toHaveLength(1)
    expect(screen.getByLabelText('地区：武都区，点按选择省市县')).toBeTruthy()
    expect(screen.getByLabelText('只看有可报名的培训').getAttribute('aria-checked')).toBe('true')
  })

  it('opens a link without a region on 全国, whatever 我的地区 was', async () => {
    act(() => useMyRegion.getState().pick({ code: '430200', names: '湖南省 株洲市' }))
    render(<Linked link={{ q: '成都' }} />)
    await waitFor(() => expect(service.asked[0]).toEqual({ filter: { q: '成都' }, cursor: undefined }))
    expect(screen.getByLabelText('地区：全国，点按选择省市县')).toBeTruthy()
  })
})

describe('我的地区', () => {
  it('is remembered, offered first in the picker, and the feed opens on it', async () => {
    act(() => useMyRegion.getState().pick({ code: '430200', names: '湖南省 株洲市' }))
    expect(JSON.parse(Taro.getStorageSync(MY_REGION_KEY) as string)).toEqual({
      mine: { code: '430200', names: '湖南省 株洲市' },
      showing: true,
    })
    // As after a restart: a fresh store starts from storage.
    let restarted: ReturnType<typeof useMyRegion.getState> | undefined
    jest.isolateModules(() => {
      restarted = (require('@/features/feed/my-region') as { useMyRegion: typeof useMyRegion }).useMyRegion.getState()
    })
    expect(restarted?.region).toEqual({ code: '430200', names: '湖南省 株洲市' })
    useMyRegion.setState({ region: restarted?.region, mine: restarted?.mine, showing: true })
    render(<Harness />)
    await screen.findByText('株洲第3个妇联')
    expect(service.asked[0].filter).toEqual({ province: '430000', city: '430200' })
    expect(screen.getByText('我的地区')).toBeTruthy()
    expect(screen.getByLabelText('湖南省 株洲市，✓ 已选')).toBeTruthy()
  })

  it('stays offered after she goes back to 全国, and the feed then opens on 全国', () => {
    act(() => useMyRegion.getState().pick({ code: '510100', names: '四川省 成都市' }))
    act(() => useMyRegion.getState().pick(undefined))
    expect(readRemembered()).toEqual({ mine: { code: '510100', names: '四川省 成都市' }, showing: false })
    jest.isolateModules(() => {
      const restarted = (require('@/features/feed/my-region') as { useMyRegion: typeof useMyRegion }).useMyRegion
      expect(restarted.getState().region).toBeUndefined()
    })
    render(<RegionPicker current={undefined} mine={readRemembered().mine} onPick={() => undefined} />)
    expect(screen.getByLabelText('四川省 成都市')).toBeTruthy()
    expect(screen.getByLabelText('全国，看全部地区的年终盘点，✓ 已选')).toBeTruthy()
  })

  it('is forgotten with 删除我的全部数据', () => {
    act(() => useMyRegion.getState().pick({ code: '510100', names: '四川省 成都市' }))
    act(() => forgetMyRegion())
    expect(Taro.getStorageSync(MY_REGION_KEY)).toBe('')
    expect(useMyRegion.getState()).toMatchObject({ region: undefined, mine: undefined })
  })

  it('reads nothing from storage that is not a choice', () => {
    Taro.setStorageSync(MY_REGION_KEY, '{"mine":{"code":"abc","names":"x"},"showing":true}')
    expect(readRemembered()).toEqual({ mine: undefined, showing: false })
    Taro.setStorageSync(MY_REGION_KEY, 'garbage')
    expect(readRemembered()).toEqual({ mine: undefined, showing: false })
  })
})
