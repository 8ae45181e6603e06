/** @jest-environment jsdom */
// H5's navigation bar: the page's title, 返回 only with a page to go back to, 首页 off the feed.
import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { H5Nav } from '@/components/h5-nav'
import { __reset, calls, pages } from '../support/taro'

beforeEach(() => {
  __reset()
  document.title = ''
})

describe('H5 navigation bar', () => {
  it('on the feed opened first: its title, no 返回, no 首页', () => {
    window.location.hash = '#/pages/feed/index?open=1'
    pages.depth = 1
    document.title = '巾帼年终盘点'
    render(<H5Nav />)
    expect(screen.getByRole('heading').textContent).toBe('巾帼年终盘点')
    expect(screen.queryByLabelText('返回上一页')).toBeNull()
    expect(screen.queryByLabelText('回到首页')).toBeNull()
  })

  it('on a page opened from a link: 首页 but no 返回', () => {
    window.location.hash = '#/pages/program/index?id=zz-legal-aid'
    pages.depth = 1
    render(<H5Nav />)
    expect(screen.queryByLabelText('返回上一页')).toBeNull()
    fireEvent.click(screen.getByLabelText('回到首页'))
    expect(calls.navigations).toEqual(['/pages/feed/index'])
  })

  it('goes back when there is a page to go back to, and follows the title the page sets', async () => {
    window.location.hash = '#/pages/program/index?id=zz-legal-aid'
    pages.depth = 2
    const back = jest.spyOn(Taro, 'navigateBack')
    render(<H5Nav />)
    // No title yet: the app's name.
    expect(screen.getByRole('heading').textContent).toBe('巾帼年终盘点')
    await act(async () => {
      document.title = '项目详情'
      await Promise.resolve()
    })
    expect(screen.getByRole('heading').textContent).toBe('项目详情')
    fireEvent.click(screen.getByLabelText('返回上一页'))
    expect(back).toHaveBeenCalledWith({ delta: 1 })
  })
})
