/** @jest-environment jsdom */
// A seat held since she was promoted (a session with a hold window), in the sign-up detail and in
// 我的报名: until when, a countdown that ticks with the one clock, 确认参加, then 已确认参加 and her
// ticket; a lapsed hold said calmly with no button; a refused or failed confirm said in Chinese,
// the row read again.
import { act, fireEvent, render, screen, within } from '@testing-library/react'
import { __reset, router } from '../support/taro'
import { TEST_NOW } from '../support/clock'
import { ApiError, type Signup } from '@/services/api'

/** The fake server: what 我的报名 answers, and what confirm does. */
const mockServer: {
  mine: Signup[]
  confirms: string[]
  confirm?: ApiError
  /** What the next 我的报名 answers after a confirm or its refusal. */
  after?: Signup[]
} = { mine: [], confirms: [] }

jest.mock('@/services', () => ({
  api: {
    listMySignups: async () => mockServer.mine.map((s) => ({ ...s })),
    confirmSignup: async (id: string) => {
      mockServer.confirms.push(id)
      const answer = mockServer.after
      if (answer) mockServer.mine = answer
      if (mockServer.confirm) throw mockServer.confirm
      return mockServer.mine.find((s) => s.id === id)
    },
  },
}))
jest.mock('@/config/env', () => ({
  env: { ...jest.requireActual<typeof import('@/config/env')>('@/config/env').env, apiBase: 'https://jg.example' },
}))

import SignupDetailPage from '@/subpackages/signup/detail/index'
import { SignupList } from '@/features/mine/signup-list'
import { TICKETS_KEY } from '@/features/signup/ticket-cache'
import { storage } from '@/platform'
import { setClock } from '@/shared/clock'
import { useAsync } from '@/shared/use-async'
import { api } from '@/services'

const MIN = 60 * 1000
const HOUR = 60 * MIN

const ticket = { token: 't1.su-200.AAAAAAAAAAAAAAAAAAAAAA', code: 'K7M9QX' }
/** Promoted a moment ago with a 5-hour hold: the server already gives her a ticket, not shown yet. */
const held: Signup = {
  id: 'su-200',
  programId: 'hb-housekeeping',
  programTitle: '月嫂技能培训',
  federationName: '河北某市妇联',
  sessionId: 'ss-9',
  sessionTitle: '第一期',
  sessionStart: '2026-11-30T09:00:00+08:00',
  online: false,
  place: '市妇女儿童活动中心一楼',
  status: 'confirmed',
  promoted: true,
  holdUntil: new Date(TEST_NOW.getTime() + 5 * HOUR + 12 * MIN + 30 * 1000).toISOString(),
  demo: false,
  name: '吴春兰',
  mobile: '13512340003',
  createdAt: '2026-11-22T09:00:00+08:00',
  ticket,
}
const { holdUntil: _h, ...confirmedNow } = held
const passedOn: Signup = { ...confirmedNow, status: 'cancelled', holdExpired: true, ticket: undefined }

const openDetail = async () => {
  router.params = { id: held.id }
  render(<SignupDetailPage />)
  await screen.findByText('报名人')
}
const tapConfirm = () => act(async () => void fireEvent.click(screen.getByLabelText('确认参加')))

function Mine() {
  const state = useAsync(() => api.listMySignups(), [])
  return <SignupList state={state} now={TEST_NOW} onOpen={() => undefined} />
}

beforeEach(() => {
  __reset()
  mockServer.mine = [held]
  mockServer.confirms = []
  delete mockServer.confirm
  delete mockServer.after
})

describe('a held seat on the sign-up detail', () => {
  it('says until when in Beijing time, how long is left, offers 确认参加, and shows no ticket yet', async () => {
    await openDetail()
    const panel = screen.getByRole('group', { name: '保留名额' })
    expect(panel.textContent).toContain('名额为您保留到 11月23日 周一 15:12')
    // The date and time stay on one line.
    expect(within(panel).getByText('11月23日 周一 15:12').className).toContain('hold__when')
    expect(within(panel).getByText('还剩5小时12分')).toBeTruthy()
    expect(screen.getByLabelText('确认参加')).toBeTruthy()
    expect(screen.getByText('待确认')).toBeTruthy()
    expect(screen.queryByLabelText('电子票二维码')).toBeNull()
    expect(screen.queryByText(/入场码/)).toBeNull()
    // Nor is it kept for the door: the seat may still pass to the next woman.
    expect(storage.get(TICKETS_KEY)).toBeFalsy()
  })

  it('counts down as the clock moves, and says the hold lapsed when it ends', async () => {
    jest.useFakeTimers({ now: TEST_NOW })
    let at = TEST_NOW.getTime()
    const restore = setClock(() => new Date(at))
    try {
      await openDetail()
      expect(screen.getByText('还剩5小时12分')).toBeTruthy()
      at += 30 * 1000 + 1
      await act(async () => void jest.advanceTimersByTime(30 * 1000 + 1))
      expect(screen.getByText('还剩5小时11分')).toBeTruthy()
      // The phone slept past the end: the next tick (within a minute) catches up.
      at += 5 * HOUR + 12 * MIN
      await act(async () => void jest.advanceTimersByTime(60 * 1000))
      expect(screen.getByText('保留已过期，名额已让给候补的下一位')).toBeTruthy()
      expect(screen.queryByLabelText('确认参加')).toBeNull()
    } finally {
      restore()
      jest.useRealTimers()
    }
  })

  it('确认参加 confirms through the Api, says 已确认参加 and then shows her ticket', async () => {
    mockServer.after = [confirmedNow]
    await openDetail()
    await tapConfirm()
    expect(mockServer.confirms).toEqual(['su-200'])
    expect(await screen.findByText('已确认参加')).toBeTruthy()
    expect(await screen.findByLabelText('电子票二维码')).toBeTruthy()
    expect(screen.getByText('K7M 9QX')).toBeTruthy()
    expect(screen.queryByLabelText('确认参加')).toBeNull()
    expect(storage.get(TICKETS_KEY)).toContain('K7M9QX')
  })

  it('a hold that passed meanwhile: the row read again says so calmly, with no button and no ticket', async () => {
    mockServer.confirm = new ApiError('closed', '确认时间已过，名额已让给候补的下一位')
    mockServer.after = [passedOn]
    await openDetail()
    await tapConfirm()
    expect(await screen.findByText('保留已过期，名额已让给候补的下一位')).toBeTruthy()
    expect(screen.getByText('保留已过期')).toBeTruthy()
    expect(screen.queryByLabelText('确认参加')).toBeNull()
    expect(screen.queryByLabelText('电子票二维码')).toBeNull()
  })

  it('no network: says so in plain Chinese and keeps 确认参加 for another try', async () => {
    mockServer.confirm = new ApiError('network', '网络不太好，没能连上服务器。你填写的内容都还在，请稍后再试。')
    await openDetail()
    await tapConfirm()
    expect((await screen.findByRole('alert')).textContent).toBe('网络不太好，没能确认，请稍后再试')
    expect(screen.getByLabelText('确认参加')).toBeTruthy()
  })
})

describe('a held seat in 我的报名', () => {
  it('shows 待确认 and until when, and leads to the detail where she confirms', async () => {
    const opened: string[] = []
    const Listed = () => {
      const state = useAsync(() => api.listMySignups(), [])
      return <SignupList state={state} now={TEST_NOW} onOpen={(id) => opened.push(id)} />
    }
    render(<Listed />)
    const link = await screen.findByRole('link', {
      name: /待确认.*名额为您保留到\s*11月23日 周一 15:12\s*，点开确认参加.*吴春兰.*查看详情/,
    })
    // The date and time stay on one line; 确认参加 and its countdown are on the detail page.
    expect(within(link).getByText('11月23日 周一 15:12').className).toContain('mine-row__when')
    expect(screen.queryByLabelText('确认参加')).toBeNull()
    fireEvent.click(link)
    expect(opened).toEqual(['su-200'])
  })

  it('a passed-on seat reads 保留已过期 with the reason and no button', async () => {
    mockServer.mine = [passedOn]
    render(<Mine />)
    await screen.findByRole('link', { name: /保留已过期.*吴春兰/ })
    expect(screen.getByText('保留已过期，名额已让给候补的下一位')).toBeTruthy()
    expect(screen.queryByLabelText('确认参加')).toBeNull()
  })
})
