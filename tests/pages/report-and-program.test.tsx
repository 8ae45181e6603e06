/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react'
import { calls, router } from '../support/taro'
import { serviceControl } from '../support/mock-services'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import ProgramPage from '@/pages/program/index'
import ReportPage from '@/pages/report/index'

beforeEach(() => {
  serviceControl.fail = false
  calls.navigations.length = 0
  calls.scrolls.length = 0
})

describe('report page, opened by deep link', () => {
  it('tells the year in sections with figures, lists programs and the source', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<ReportPage />)
    expect(await screen.findByText('结对帮扶与“出手吧姐姐”')).toBeTruthy()
    expect(screen.getByLabelText('“出手吧姐姐”直播2分45秒卖出“茶陵口味牛肉”：8000瓶')).toBeTruthy()
    expect(screen.getByText('株洲市妇联的项目')).toBeTruthy()
    expect(screen.getByText('《株洲市妇联2020年工作回顾》')).toBeTruthy()
    expect(screen.getByText('数字照录原文；标“约”的为近似值，文字为本平台整理。')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('株洲巾帼 暖心助农直播，可报名，示例场次'))
    expect(calls.navigations).toEqual(['/pages/program/index?id=zz-live-farm'])
  })

  it('reaches its programs, share and poster from a contents strip under the head', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<ReportPage />)
    const strip = await screen.findByRole('navigation', { name: '本页内容' })
    expect(strip.textContent).toBe('培训与活动 · 3 个可报名分享海报')
    fireEvent.click(screen.getByLabelText('跳到培训与活动，3 个可报名'))
    fireEvent.click(screen.getByLabelText('跳到分享'))
    expect(calls.scrolls).toEqual(['#report-programs', '#report-share'])
    // The targets are on the page.
    expect(document.getElementById('report-programs')?.textContent).toBe('株洲市妇联的项目')
    expect(document.getElementById('report-share')?.textContent).toContain('分享给朋友')
    fireEvent.click(screen.getByLabelText('打开海报'))
    expect(calls.navigations).toEqual(['/subpackages/share/poster/index?id=zhuzhou-2020'])
  })

  it('says so when the id is unknown', async () => {
    router.params = { id: 'no-such' }
    render(<ReportPage />)
    expect((await screen.findByRole('alert')).textContent).toContain('没有找到这个妇联的年终盘点')
    // 重新加载 would fail again: 返回首页 is offered beside it.
    fireEvent.click(screen.getByLabelText('返回首页'))
    expect(calls.navigations).toEqual(['/pages/feed/index'])
  })

  it('offers 返回首页 for a program that is gone', async () => {
    router.params = { id: 'no-such' }
    render(<ProgramPage />)
    expect((await screen.findByRole('alert')).textContent).toContain('没有找到这个项目')
    fireEvent.click(screen.getByLabelText('返回首页'))
    expect(calls.navigations).toEqual(['/pages/feed/index'])
  })
})

describe('program page, opened by deep link', () => {
  it('shows the program with its sessions and sign-up states', async () => {
    router.params = { id: 'wd-live-training' }
    render(<ProgramPage />)
    expect(await screen.findByText('线上直播带货培训')).toBeTruthy()
    expect(screen.getByLabelText('直播基础课：报名')).toBeTruthy()
    expect(screen.getByLabelText('实战复盘课：已截止')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('查看武都区妇联2020年终盘点'))
    expect(calls.navigations).toEqual(['/pages/report/index?id=wudu-2020'])
  })

  it('lists the open session before the closed one that starts earlier, and keeps 报名 in a bar', async () => {
    router.params = { id: 'wd-live-training' }
    render(<ProgramPage />)
    await screen.findByText('线上直播带货培训')
    const titles = screen.getAllByText(/^(直播基础课|实战复盘课)$/).map((t) => t.textContent)
    expect(titles).toEqual(['直播基础课', '实战复盘课'])
    const bar = screen.getByRole('region', { name: '报名' })
    expect(bar.textContent).toContain('这个场次正在报名')
    // The only session she can take: the bar opens the form on it.
    fireEvent.click(screen.getByLabelText('报名参加'))
    expect(calls.navigations).toEqual(['/subpackages/signup/form/index?programId=wd-live-training&sessionId=wd-live-1'])
  })

  it('opens the form to choose when several sessions take sign-ups', async () => {
    router.params = { id: 'zz-live-farm' }
    render(<ProgramPage />)
    await screen.findByText('株洲巾帼 暖心助农直播')
    expect(screen.getByRole('region', { name: '报名' }).textContent).toContain('2 个场次可报名，下一步选场次')
    fireEvent.click(screen.getByLabelText('报名参加'))
    expect(calls.navigations).toEqual(['/subpackages/signup/form/index?programId=zz-live-farm'])
  })
})

describe('a long report opens light', () => {
  it('shows the first sections, then the rest on 继续阅读', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<ReportPage />)
    await screen.findByText('思想引领')
    expect(screen.queryByText('暖心助农直播')).toBeNull()
    fireEvent.click(screen.getByText('继续阅读（还有 5 部分）'))
    expect(screen.getByText('暖心助农直播')).toBeTruthy()
    expect(screen.queryByText('女性健康')).toBeNull()
    fireEvent.click(screen.getByText('继续阅读（还有 2 部分）'))
    expect(screen.getByText('女性健康')).toBeTruthy()
    expect(screen.getByText('组织改革')).toBeTruthy()
    expect(screen.queryByText(/继续阅读/)).toBeNull()
  })
})
