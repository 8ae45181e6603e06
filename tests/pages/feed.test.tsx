/** @jest-environment jsdom */
import { act, fireEvent, render, screen } from '@testing-library/react'

// The page talks to `@/services`; here that is the real mock Api over the real mock/ data,
// with a switch that makes it fail like a network would.
const mockControl = { fail: false }
jest.mock('@/services', () => {
  const store = new Map<string, string>()
  const { createMockApi } = jest.requireActual<typeof import('@/services/mock/mock-api')>('@/services/mock/mock-api')
  const { contentFiles } = jest.requireActual<typeof import('../support/content-files')>('../support/content-files')
  return {
    api: createMockApi({
      files: contentFiles,
      store: { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v) },
      shouldFail: () => mockControl.fail,
    }),
  }
})

import FeedPage from '@/pages/feed/index'

beforeEach(() => {
  mockControl.fail = false
})

describe('年终盘点 feed page', () => {
  it('shows every federation with its region, year and formatted headline figures', async () => {
    render(<FeedPage />)
    expect(screen.getByText('正在加载年终盘点…')).toBeTruthy()
    for (const name of ['成都市妇联', '武都区妇联', '河北某市妇联', '株洲市妇联', '惠州市妇联']) {
      expect(await screen.findByText(name)).toBeTruthy()
    }
    expect(screen.getByText('甘肃 · 陇南 · 武都区')).toBeTruthy()
    expect(screen.getAllByText('2021 年终盘点')).toHaveLength(1)
    // 198861人次 is shown as 19.9万 with its unit, and the exact figure in its label.
    expect(screen.getByText('19.9万')).toBeTruthy()
    expect(screen.getByLabelText('领头雁培训198861人次')).toBeTruthy()
    // Qualifiers stay: 1000余人.
    expect(screen.getByText('1000余')).toBeTruthy()
    expect(screen.getByText('来源：惠州日报 · 2021年3月')).toBeTruthy()
  })

  it('shows an error with a retry that recovers', async () => {
    mockControl.fail = true
    render(<FeedPage />)
    expect(await screen.findByText('没能加载出来')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('网络不太好')
    mockControl.fail = false
    await act(async () => {
      fireEvent.click(screen.getByText('重新加载'))
    })
    expect(await screen.findByText('成都市妇联')).toBeTruthy()
    expect(screen.queryByText('没能加载出来')).toBeNull()
  })
})
