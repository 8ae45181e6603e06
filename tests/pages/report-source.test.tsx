/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react'
import { calls, router } from '../support/taro'
import { ApiError, type ReportSource } from '@/services/api'
import { api } from '@/services'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import ReportPage from '@/pages/report/index'
import ReportSourcePage from '@/pages/report/source'
import { paragraphs } from '@/features/report/source-view'

const ZHUZHOU: ReportSource = {
  federationId: 'zhuzhou-2020',
  name: '株洲市妇联',
  text: '株洲市妇联2020年工作回顾\n\n  一、思想引领\n全年开展学习活动120场。\n',
}

afterEach(() => {
  delete api.getSource
  calls.navigations.length = 0
})

describe('查看原文 on the report', () => {
  it('is not offered with the built-in data, which carries no articles', async () => {
    router.params = { id: 'zhuzhou-2020' }
    render(<ReportPage />)
    await screen.findByText('《株洲市妇联2020年工作回顾》')
    expect(screen.queryByText('查看原文 ›')).toBeNull()
  })

  it('opens the source page when the Api can fetch the article (server mode)', async () => {
    api.getSource = jest.fn(async () => ZHUZHOU)
    router.params = { id: 'zhuzhou-2020' }
    render(<ReportPage />)
    fireEvent.click(await screen.findByLabelText('查看原文'))
    expect(calls.navigations).toEqual(['/pages/report/source?id=zhuzhou-2020'])
  })
})

describe('source page', () => {
  beforeEach(() => {
    router.params = { id: 'zhuzhou-2020' }
  })

  it('shows the federation and the article in paragraphs', async () => {
    const getSource = jest.fn(async () => ZHUZHOU)
    api.getSource = getSource
    render(<ReportSourcePage />)
    expect(await screen.findByText('株洲市妇联')).toBeTruthy()
    const body = screen.getByLabelText('株洲市妇联的原文')
    expect([...body.children].map((p) => p.textContent)).toEqual([
      '株洲市妇联2020年工作回顾',
      '一、思想引领',
      '全年开展学习活动120场。',
    ])
    expect(getSource).toHaveBeenCalledWith('zhuzhou-2020')
  })

  it('says the report has no public article when the server has none', async () => {
    api.getSource = async () => {
      throw new ApiError('not_found', '没有找到这份年终盘点的原文，可能已下线')
    }
    render(<ReportSourcePage />)
    expect(await screen.findByText('这份报告没有公开原文')).toBeTruthy()
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('says the same with the built-in data, which has no articles', async () => {
    render(<ReportSourcePage />)
    expect(await screen.findByText('这份报告没有公开原文')).toBeTruthy()
  })

  it('offers 重新加载 when the network fails, and shows the article on the retry', async () => {
    let fail = true
    api.getSource = async () => {
      if (fail) throw new ApiError('network', '网络不太好，没能连上服务器，请稍后再试。')
      return ZHUZHOU
    }
    render(<ReportSourcePage />)
    expect((await screen.findByRole('alert')).textContent).toContain('网络不太好')
    fail = false
    fireEvent.click(screen.getByLabelText('重新加载'))
    expect(await screen.findByText('全年开展学习活动120场。')).toBeTruthy()
  })
})

describe('paragraphs', () => {
  it('keeps one paragraph per non-blank line, trimmed, for Windows line ends too', () => {
    expect(paragraphs('甲\r\n\r\n  乙 \n\n\n丙')).toEqual(['甲', '乙', '丙'])
    expect(paragraphs('  \n')).toEqual([])
  })
})
