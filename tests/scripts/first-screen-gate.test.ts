// The prerendered first screen is shown only to a visitor whose feed will look like it: the feed's
// address, the default font, 大字模式 off and no remembered region. The stored values here are the
// ones the app itself writes (its store and 我的地区, through Taro's storage), boxed the way Taro's
// H5 storage boxes them in localStorage.
import { firstScreenFits } from '../../scripts/first-screen-gate.cjs'
import { MY_REGION_KEY, useMyRegion } from '@/features/feed/my-region'
import { STORE_KEY, useAppStore } from '@/store'
import { __reset } from '../support/taro'
import Taro from '@tarojs/taro'

/** localStorage as Taro's H5 setStorageSync leaves it: each value as {"data": value}. */
function localStorageNow(): (key: string) => string | null {
  const boxed = new Map<string, string>()
  for (const key of [STORE_KEY, MY_REGION_KEY]) {
    const value: unknown = Taro.getStorageSync(key)
    if (value !== '') boxed.set(key, JSON.stringify({ data: value }))
  }
  return (key) => boxed.get(key) ?? null
}

const feed = { hash: '', search: '' }
const CHENGDU = { code: '510100', names: '四川省 成都市' }

beforeEach(() => {
  __reset()
  useAppStore.getState().resetAll()
  useMyRegion.setState({ region: undefined, mine: undefined, showing: false })
})

describe('firstScreenFits', () => {
  it('fits a first visit to the feed, by any of its addresses', () => {
    for (const hash of ['', '#/', '#/pages/feed/index']) {
      expect(firstScreenFits({ hash, search: '' }, localStorageNow(), 16)).toBe(true)
    }
    // A share's tracking query changes nothing the feed draws.
    expect(firstScreenFits({ hash: '', search: '?from=singlemessage' }, localStorageNow(), 16)).toBe(true)
  })

  it('does not fit another page, a filtered feed or Moments’ single-page mode', () => {
    const stored = localStorageNow()
    expect(firstScreenFits({ hash: '#/pages/report/index?id=x', search: '' }, stored, 16)).toBe(false)
    expect(firstScreenFits({ hash: '#/pages/feed/index?topic=健康', search: '' }, stored, 16)).toBe(false)
    expect(firstScreenFits({ hash: '', search: '?scene=1154' }, stored, 16)).toBe(false)
    expect(firstScreenFits({ hash: '', search: '?a=1&scene=1154' }, stored, 16)).toBe(false)
  })

  it('does not fit a browser whose default text is larger or smaller', () => {
    expect(firstScreenFits(feed, localStorageNow(), 20)).toBe(false)
    expect(firstScreenFits(feed, localStorageNow(), 14)).toBe(false)
  })

  it('follows 大字模式 as the app stores it', () => {
    useAppStore.getState().setLargeFont(true)
    expect(firstScreenFits(feed, localStorageNow(), 16)).toBe(false)
    useAppStore.getState().setLargeFont(false)
    expect(firstScreenFits(feed, localStorageNow(), 16)).toBe(true)
  })

  it('follows 我的地区 as the app stores it: shown, or put back to 全国', () => {
    useMyRegion.getState().pick(CHENGDU)
    expect(firstScreenFits(feed, localStorageNow(), 16)).toBe(false)
    // Back to 全国: the region is still remembered, but the feed opens on 全国 again.
    useMyRegion.getState().pick(undefined)
    expect(firstScreenFits(feed, localStorageNow(), 16)).toBe(true)
  })

  it('treats storage it cannot read as nothing stored', () => {
    for (const raw of ['not json', '{"data":"{broken"}', '{"data":42}', 'null']) {
      expect(firstScreenFits(feed, () => raw, 16)).toBe(true)
    }
  })
})
