/** @jest-environment jsdom */
import { act, render, screen } from '@testing-library/react'
import { __reset, router, shared } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import FeedPage from '@/pages/feed/index'
import { keepInLink } from '@/features/feed/use-feed'
import { useMyRegion } from '@/features/feed/my-region'
import ProgramPage from '@/pages/program/index'
import ReportPage from '@/pages/report/index'
import SignupFormPage from '@/subpackages/signup/form/index'

beforeEach(() => {
  __reset()
  window.location.hash = ''
})

describe('sharing', () => {
  it('a report shares its title, path back to itself, and a Moments query', async () => {
    router.params = { id: 'chengdu-2020' }
    render(<ReportPage />)
    await screen.findByText('疫情里的线上阵地')
    // The title leads with the hero chengdu-2020.json names (cd-topic-reads), not its first figure.
    expect(shared.chat).toMatchObject({
      title: '成都市妇联2020年终盘点：抗疫专题阅读量167.2万人次',
      path: '/pages/report/index?id=chengdu-2020',
    })
    expect(shared.timeline).toMatchObject({
      title: '成都市妇联2020年终盘点：抗疫专题阅读量167.2万人次',
      query: 'id=chengdu-2020',
    })
    expect(screen.getByLabelText('分享给朋友')).toBeTruthy()
    expect(screen.getByLabelText('生成海报')).toBeTruthy()
  })

  it('a program says when it is open for sign-up', async () => {
    router.params = { id: 'cd-live-commerce' }
    render(<ProgramPage />)
    await screen.findByText('我为家乡直播带货')
    expect(shared.chat).toMatchObject({
      title: '成都市妇联·我为家乡直播带货（示例场次）',
      path: '/pages/program/index?id=cd-live-commerce',
    })
  })
})

describe('the feed’s filters travel with it', () => {
  afterEach(() => {
    Reflect.deleteProperty(process.env, 'TARO_ENV')
    useMyRegion.setState({ region: undefined, mine: undefined, showing: false })
  })

  it('opens on the filters in its link, and shares them', async () => {
    router.params = { region: '510100', place: '四川省%20成都市', topic: '天气', open: '1' }
    render(<FeedPage />)
    await screen.findByText('成都市妇联')
    expect(screen.getByLabelText('地区：成都市，点按选择省市县')).toBeTruthy()
    // 天气 is no topic: left out, the rest applies.
    const query = 'region=510100&place=%E5%9B%9B%E5%B7%9D%E7%9C%81%20%E6%88%90%E9%83%BD%E5%B8%82&open=1'
    expect(shared.chat).toMatchObject({ path: `/pages/feed/index?${query}` })
    expect(shared.timeline).toMatchObject({ query })
  })

  it('writes them into the H5 address while the feed is shown, not over another page', () => {
    process.env.TARO_ENV = 'h5'
    window.location.hash = '#/pages/feed/index'
    keepInLink('topic=%E5%81%A5%E5%BA%B7&open=1')
    expect(window.location.hash).toBe('#/pages/feed/index?topic=%E5%81%A5%E5%BA%B7&open=1')
    keepInLink('')
    expect(window.location.hash).toBe('#/pages/feed/index')
    window.location.hash = '#/subpackages/region/index'
    keepInLink('open=1')
    expect(window.location.hash).toBe('#/subpackages/region/index')
  })
})

describe('opened from Moments (single-page mode)', () => {
  beforeEach(() => {
    window.location.hash = '#/pages/program/index?id=cd-live-commerce&scene=1154'
  })

  it('a program shows its figures and the hint, and no sign-up button', async () => {
    router.params = { id: 'cd-live-commerce' }
    render(<ProgramPage />)
    await screen.findByText('我为家乡直播带货')
    expect(screen.getByRole('note').textContent).toContain('前往小程序')
    expect(screen.getByLabelText('“我为家乡直播带货”点赞参与：12.6万人次')).toBeTruthy()
    expect(screen.queryByLabelText(/：报名$/)).toBeNull()
    expect(screen.getAllByText('前往小程序报名').length).toBeGreaterThan(0)
    expect(screen.queryByLabelText('分享给朋友')).toBeNull()
  })

  it('the sign-up form is replaced by the hint', async () => {
    router.params = { programId: 'cd-live-commerce' }
    render(<SignupFormPage />)
    // Let the program finish loading in the background, as it does on a phone.
    await act(async () => undefined)
    expect(screen.getByRole('note').textContent).toContain('填写报名表')
    expect(screen.queryByLabelText('提交报名')).toBeNull()
  })
})
