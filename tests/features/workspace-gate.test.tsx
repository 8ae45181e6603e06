/** @jest-environment jsdom */
// The gate both workspace pages show until they have loaded: no server, signed out (去登录 opens
// the organizer page), a failed load (重试 asks again), and the skeleton while it loads.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { WorkspaceGate } from '@/features/workspace/gate'
import type { Load } from '@/features/workspace/use-workspace-load'
import { routes } from '@/routes'
import { __reset, calls } from '../support/taro'

beforeEach(() => __reset())

function gate(load: Load, connected = true) {
  const onRetry = jest.fn()
  render(<WorkspaceGate connected={connected} load={load} what="项目和场次" loading="正在加载项目" onRetry={onRetry} />)
  return onRetry
}

describe('WorkspaceGate', () => {
  it('says calmly that the demo has no such page when the app runs on its built-in data', () => {
    gate({ step: 'loading' }, false)
    expect(screen.getByText('演示版本里没有项目和场次')).toBeTruthy()
    // Nothing a member would have to do: no command, no server, no build setting.
    expect(document.body.textContent).not.toMatch(/npm|服务器|TARO_APP/)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByLabelText('正在加载项目')).toBeNull()
  })

  it('sends her to log in when she is signed out', async () => {
    const onRetry = gate({ step: 'signedOut', message: '登录已过期，请重新登录' })
    expect(screen.getByRole('alert').textContent).toBe('登录已过期，请重新登录')
    expect(screen.queryByLabelText('重试')).toBeNull()
    fireEvent.click(screen.getByLabelText('去登录'))
    await waitFor(() => expect(calls.navigations).toEqual([routes.organizer]))
    expect(onRetry).not.toHaveBeenCalled()
  })

  it('offers 重试 after a failed load', () => {
    const onRetry = gate({ step: 'error', message: '服务器暂时没有响应' })
    expect(screen.getByRole('alert').textContent).toBe('服务器暂时没有响应')
    expect(screen.queryByLabelText('去登录')).toBeNull()
    fireEvent.click(screen.getByLabelText('重试'))
    expect(onRetry).toHaveBeenCalledTimes(1)
    expect(calls.navigations).toEqual([])
  })

  it('shows the skeleton with its label while the page loads', () => {
    gate({ step: 'loading' })
    expect(screen.getByLabelText('正在加载项目')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
