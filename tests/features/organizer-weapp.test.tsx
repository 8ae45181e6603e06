/** @jest-environment jsdom */
// The organizer's pages in the mini-program: 查看 signs in, picks a session and reaches 现场签到;
// the card and programs editors and the CSV download are browser pages and are not offered there.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { OrganizerView } from '@/features/organizer/organizer-view'
import { sessionStore } from '@/features/organizer/session'
import { useOrganizer } from '@/features/organizer/use-organizer'
import { NeedsServer } from '@/features/checkin/needs-server'
import { CAMERA_DENIED } from '@/features/checkin/use-checkin'
import type { OrganizerApi, OrganizerSession } from '@/services/organizer'
import { memoryStore } from '../support/memory-store'
import { calls as taroCalls } from '../support/taro'

jest.mock('@/platform', () => ({ ...jest.requireActual('@/platform'), isWeapp: true }))

const account = {
  id: 3,
  login: 'li-na',
  displayName: '李娜',
  role: 'viewer' as const,
  federation: { id: 'wudu-2020', name: '武都区妇联' },
}
const session: OrganizerSession = {
  token: 'T'.repeat(43),
  expiresAt: '2026-11-30T02:00:00.000Z',
  account,
  mustChangePassword: false,
}
const federation = { id: 'wudu-2020', name: '武都区妇联' }
const program = {
  id: 'wd-1',
  title: '电商培训',
  sessions: [{ id: 's-9', title: '第一期', start: '2026-12-05T06:00:00.000Z', capacity: 30, taken: 12 }],
  confirmed: 12,
  waitlisted: 0,
  cancelled: 0,
}

function fakeApi(): OrganizerApi {
  const none = async () => undefined as never
  return {
    login: async () => session,
    me: async () => ({ account, mustChangePassword: false }),
    logout: none,
    changePassword: none,
    acceptInvitation: none,
    staff: async () => [],
    invite: none,
    setDisabled: none,
    setRole: none,
    resetPassword: none,
    audit: async () => ({ entries: [], nextBefore: null }),
    overview: async () => ({ federation, programs: [program] }),
    roster: async () => ({ federation, program: { id: program.id, title: program.title }, rows: [] }),
    csv: async () => ({ fileName: 'p.csv', text: '' }),
  } as OrganizerApi
}

function Page({ api }: { api: OrganizerApi }) {
  return <OrganizerView o={useOrganizer({ api, store: sessionStore(memoryStore()) })} />
}

describe('organizer pages in the mini-program', () => {
  it('查看 signs in and goes from a session to its 现场签到; no card or programs editor is offered', async () => {
    render(<Page api={fakeApi()} />)
    fireEvent.change(screen.getByLabelText('账号'), { target: { value: 'li-na' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'a-long-password' } })
    await act(async () => fireEvent.click(screen.getByLabelText('登录')))
    fireEvent.click(await screen.findByLabelText('第一期现场签到'))
    expect(taroCalls.navigations.at(-1)).toBe(
      `/subpackages/organizer/checkin/index?sessionId=s-9&title=${encodeURIComponent('电商培训 · 第一期')}`,
    )
    expect(screen.queryByText('年终盘点卡片')).toBeNull()
    expect(screen.queryByText('项目和场次')).toBeNull()
    expect(screen.queryByLabelText('查看卡片')).toBeNull()
    expect(screen.queryByLabelText('查看项目')).toBeNull()
  })

  it('the roster shows, without the CSV download, and says where to download it', async () => {
    render(<Page api={fakeApi()} />)
    fireEvent.change(screen.getByLabelText('账号'), { target: { value: 'li-na' } })
    fireEvent.change(screen.getByLabelText('密码'), { target: { value: 'a-long-password' } })
    await act(async () => fireEvent.click(screen.getByLabelText('登录')))
    await act(async () => fireEvent.click(await screen.findByLabelText('查看电商培训的名单')))
    expect(await screen.findByText('还没有人报名')).toBeTruthy()
    expect(screen.getByText(/下载 CSV 请在电脑的网页版里操作/)).toBeTruthy()
    expect(screen.queryByLabelText('下载名单（CSV）')).toBeNull()
  })

  it('a refused camera is WeChat’s to allow, and a build on the built-in data says calmly the demo has no check-in', () => {
    expect(CAMERA_DENIED).toContain('允许微信使用摄像头')
    expect(CAMERA_DENIED).not.toContain('浏览器')
    render(<NeedsServer what="现场签到" />)
    expect(screen.getByText('演示版本里没有现场签到')).toBeTruthy()
    expect(document.body.textContent).not.toMatch(/npm|服务器|TARO_APP/)
  })
})
