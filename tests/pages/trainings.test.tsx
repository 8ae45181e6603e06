/** @jest-environment jsdom */
// 可报名的培训 over the built-in data: every open session soonest deadline first, a page at a time;
// 我的地区 first when she has one, 全国 a tap away; a row opens its program, its button the form.
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { useMyRegion } from '@/features/feed/my-region'
import { serviceControl } from '../support/mock-services'
import { __reset, calls } from '../support/taro'

jest.mock('@/services', () =>
  jest.requireActual<typeof import('../support/mock-services')>('../support/mock-services').makeServices(),
)

import TrainingsPage from '@/subpackages/trainings/index'

const rowTitles = () => screen.queryAllByRole('link').map((r) => r.textContent ?? '')
const CHENGDU = { code: '510100', names: '四川省 成都市' }

beforeEach(() => {
  __reset()
  serviceControl.fail = false
  useMyRegion.setState({ region: undefined, mine: undefined, showing: false })
})

describe('可报名的培训', () => {
  it('without 我的地区 lists the whole country a page at a time, then says it is all', async () => {
    render(<TrainingsPage />)
    await screen.findAllByRole('link')
    expect(screen.getByText(/在首页选好地区后/)).toBeTruthy()
    expect(rowTitles()).toHaveLength(12)
    fireEvent.click(screen.getByLabelText('加载更多可报名的培训'))
    await screen.findByText('已经是全部了')
    const rows = rowTitles()
    expect(rows.length).toBeGreaterThan(12)
    // Every federation with open sessions is in it, each row with its seats and deadline.
    for (const name of ['成都市妇联', '武都区妇联']) expect(rows.some((r) => r.includes(name))).toBe(true)
    expect(rows.every((r) => /还剩 \d+ 个名额|名额已满，可以候补/.test(r))).toBe(true)
  })

  it('opens on 我的地区 and shows only its federation, with 全国 a tap away', async () => {
    useMyRegion.setState({ mine: CHENGDU })
    render(<TrainingsPage />)
    await screen.findAllByRole('link')
    expect(screen.getByRole('button', { name: /成都市（我的地区）/, pressed: true })).toBeTruthy()
    const local = rowTitles()
    expect(local.length).toBeGreaterThan(0)
    expect(local.every((r) => r.includes('成都市妇联'))).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: '全国' }))
    await waitFor(() => expect(rowTitles().some((r) => !r.includes('成都市妇联'))).toBe(true))
  })

  it('says what to try when 我的地区 has nothing open, and its button shows the country', async () => {
    useMyRegion.setState({ mine: { code: '650100', names: '新疆维吾尔自治区 乌鲁木齐市' } })
    render(<TrainingsPage />)
    expect(await screen.findByText('这里暂时没有可报名的培训')).toBeTruthy()
    expect(screen.getByText(/乌鲁木齐市的妇联还没有正在报名的场次/)).toBeTruthy()
    fireEvent.click(screen.getByLabelText('看全国的培训'))
    await screen.findAllByRole('link')
    expect(rowTitles()).toHaveLength(12)
  })

  it('opens the program from a row and the form, with the session chosen, from its button', async () => {
    render(<TrainingsPage />)
    const [first] = await screen.findAllByRole('link')
    fireEvent.click(first)
    expect(calls.navigations[0]).toMatch(/^\/pages\/program\/index\?id=/)
    const [button] = screen.getAllByRole('button', { name: /：(报名|加入候补)$/ })
    fireEvent.click(button)
    expect(calls.navigations[1]).toMatch(/^\/subpackages\/signup\/form\/index\?programId=[^&]+&sessionId=/)
  })

  it('offers 重新加载 when the list cannot load, and loads on retry', async () => {
    serviceControl.fail = true
    render(<TrainingsPage />)
    expect(await screen.findByText('没能加载出来')).toBeTruthy()
    serviceControl.fail = false
    fireEvent.click(screen.getByLabelText('重新加载'))
    await screen.findAllByRole('link')
    expect(rowTitles()).toHaveLength(12)
  })
})
