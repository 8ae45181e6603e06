/** @jest-environment jsdom */
// Report ↔ program taps past WeChat's 10-page stack, and navigation failures that are reported.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { __reset, calls, pages, router } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import { navigateTo, PAGE_STACK_LIMIT, redirectTo, switchTab } from '@/platform'
import ProgramPage from '@/pages/program/index'
import ReportPage from '@/pages/report/index'

let errors: jest.SpyInstance
beforeEach(() => {
  __reset()
  errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(() => errors.mockRestore())

describe('navigateTo and the page stack', () => {
  it('opens a page on top while the stack has room', () => {
    pages.depth = PAGE_STACK_LIMIT - 1
    navigateTo('/pages/report/index?id=a')
    expect(calls.navigations).toEqual(['/pages/report/index?id=a'])
    expect(calls.redirects).toEqual([])
  })

  it('replaces the current page once the stack holds 10 pages', () => {
    pages.depth = PAGE_STACK_LIMIT
    navigateTo('/pages/report/index?id=a')
    expect(calls.navigations).toEqual([])
    expect(calls.redirects).toEqual(['/pages/report/index?id=a'])
  })

  it('keeps report ↔ program taps working ten pages deep', async () => {
    pages.depth = PAGE_STACK_LIMIT
    router.params = { id: 'zhuzhou-2020' }
    const report = render(<ReportPage />)
    fireEvent.click(await screen.findByLabelText('株洲巾帼 暖心助农直播，可报名，示例场次'))
    report.unmount()
    router.params = { id: 'zz-live-farm' }
    render(<ProgramPage />)
    fireEvent.click(await screen.findByLabelText('查看株洲市妇联2020年终盘点'))
    expect(calls.redirects).toEqual(['/pages/program/index?id=zz-live-farm', '/pages/report/index?id=zhuzhou-2020'])
    expect(calls.navigations).toEqual([])
  })
})

describe('a page that does not open', () => {
  it.each([
    ['navigateTo', navigateTo],
    ['redirectTo', redirectTo],
    ['switchTab', switchTab],
  ])('%s tells her and logs the error', async (_name, open) => {
    pages.failNavigation = true
    open('/pages/mine/index')
    await waitFor(() => expect(calls.toasts).toEqual(['页面没能打开，请返回后再试']))
    expect(errors).toHaveBeenCalledWith('[导航] 没能打开 /pages/mine/index', expect.any(Error))
  })
})
