/** @jest-environment jsdom */
// The organizer page against a fake server: login, the kept session, an ended session sending her
// back to the login screen, the forced password change, and the 管理员's staff and audit tabs.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { OrganizerView } from '@/features/organizer/organizer-view'
import { EXPIRED_MESSAGE, SESSION_KEY, sessionStore } from '@/features/organizer/session'
import { useOrganizer, type OrganizerDeps } from '@/features/organizer/use-organizer'
import { ApiError } from '@/services/api'
import type { OrganizerApi, OrganizerSession, StaffMember } from '@/services/organizer'
import { memoryStore } from '../support/memory-store'
import { calls as taroCalls } from '../support/taro'

const account = (role: 'admin' | 'editor' | 'viewer' = 'admin') => ({
  id: 1,
  login: 'wudu-2020-admin',
  displayName: '武都管理员',
  role,
  federation: { id: 'wudu-2020', name: '武都区妇联' },
})
const session = (over: Partial<OrganizerSession> = {}): OrganizerSession => ({
  token: 'T'.repeat(43),
  expiresAt: '2026-11-30T02:00:00.000Z',
  account: account(),
  mustChangePassword: false,
  ...over,
})
const overview = { federation: { id: 'wudu-2020', name: '武都区妇联' }, programs: [] }
const expired = () => new ApiError('unauthorized', EXPIRED_MESSAGE)
const member: StaffMember = {
  id: 2,
  login: 'li-na',
  displayName: '李娜',
  role: 'viewer',
  roleLabel: '查看',
  disabled: false,
  locked: false,
  mustChangePassword: false,
  createdAt: '2026-11-23T02:00:00.000Z',
  lastSeenAt: null,
}

function fakeApi(over: Partial<OrganizerApi> = {}): OrganizerApi & { calls: string[] } {
  const calls: string[] = []
  const record =
    <T,>(name: string, value: T) =>
    async (...args: unknown[]) => {
      calls.push(`${name} ${args.join(' ')}`.trim())
      return value
    }
  return {
    calls,
    login: record('login', session()),
    me: record('me', { account: account(), mustChangePassword: false }),
    logout: record('logout', undefined),
    changePassword: record('changePassword', undefined),
    acceptInvitation: record('acceptInvitation', session({ account: { ...account('editor'), login: 'li-na' } })),
    staff: record('staff', [member]),
    invite: record('invite', { token: 'I'.repeat(43), path: '/subpackages/organizer/index?invite=III', expiresAt: '' }),
    setDisabled: record('setDisabled', { ...member, disabled: true }),
    setRole: record('setRole', { ...member, role: 'editor', roleLabel: '编辑' }),
    resetPassword: record('resetPassword', { temporaryPassword: 'Temp2345Pass6789' }),
    audit: record('audit', {
      entries: [
        {
          id: 9,
          at: '2026-11-23T02:00:00.000Z',
          action: 'role',
          target: 'li-na',
          detail: { from: 'viewer', to: 'editor' },
          account: { id: 1, login: 'wudu-2020-admin', displayName: '武都管理员' },
        },
      ],
      nextBefore: null,
    }),
    overview: record('overview', overview),
    roster: record('roster', { federation: overview.federation, program: { id: 'p', title: '项目' }, rows: [] }),
    csv: record('csv', { fileName: 'p.csv', text: '' }),
    ...over,
  }
}

function Page(deps: Partial<OrganizerDeps>) {
  return <OrganizerView o={useOrganizer(deps)} />
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('organizer page', () => {
  it('logs in with 账号 and 密码 and keeps only the session, not the password', async () => {
    const api = fakeApi()
    const kv = memoryStore()
    render(<Page api={api} store={sessionStore(kv)} />)
    expect(await screen.findByText('组织者登录')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('登录'))
    expect(await screen.findByText('请填写账号和密码')).toBeTruthy()
    type('账号', 'wudu-2020-admin')
    type('密码', 'jg-dev-wudu-2020')
    await act(async () => fireEvent.click(screen.getByLabelText('登录')))
    expect(await screen.findByText('还没有接受报名的项目')).toBeTruthy()
    expect(screen.getByText('武都区妇联 · 武都管理员（管理员）')).toBeTruthy()
    expect(api.calls).toEqual(['login wudu-2020-admin jg-dev-wudu-2020', `overview ${'T'.repeat(43)}`])
    const kept = kv.data.get(SESSION_KEY) ?? ''
    expect(JSON.parse(kept).token).toBe('T'.repeat(43))
    expect(kept).not.toContain('jg-dev')
  })

  it('shows the server’s refusal of a wrong password and clears the password field', async () => {
    const api = fakeApi({
      login: async () => {
        throw new ApiError('unauthorized', '账号或密码不对')
      },
    })
    render(<Page api={api} store={sessionStore(memoryStore())} />)
    type('账号', 'wudu-2020-admin')
    type('密码', 'wrong-password')
    await act(async () => fireEvent.click(screen.getByLabelText('登录')))
    expect(await screen.findByText('账号或密码不对')).toBeTruthy()
    expect((screen.getByLabelText('密码') as HTMLInputElement).value).toBe('')
  })

  it('opens straight to the programs with a kept session the server still knows', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session())
    const api = fakeApi()
    render(<Page api={api} store={sessionStore(kv)} />)
    expect(await screen.findByText('还没有接受报名的项目')).toBeTruthy()
    expect(api.calls[0]).toBe(`me ${'T'.repeat(43)}`)
  })

  it('coming back to the page reads the programs again: a program made meanwhile is listed', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session())
    let programs: typeof overview.programs = []
    const api = fakeApi({ overview: async () => ({ ...overview, programs }) })
    let o: ReturnType<typeof useOrganizer> | undefined
    function Shown() {
      o = useOrganizer({ api, store: sessionStore(kv) })
      return <OrganizerView o={o} />
    }
    render(<Shown />)
    expect(await screen.findByText('还没有接受报名的项目')).toBeTruthy()
    programs = [
      { id: 'wd-new', title: '花椒种植技术培训', sessions: [], confirmed: 1, waitlisted: 0, cancelled: 0 },
    ] as unknown as typeof programs
    await act(async () => o?.refresh())
    expect(await screen.findByLabelText('查看花椒种植技术培训的名单')).toBeTruthy()
  })

  it('the roster says who has arrived: 签到时间 and who checked her in', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session())
    const program = { id: 'wd-hk', title: '母婴护理班', sessions: [], confirmed: 2, waitlisted: 0, cancelled: 0 }
    const row = (name: string, over: object) => ({
      id: name,
      sessionId: 's',
      sessionTitle: '第一期',
      sessionStart: '2026-11-23T14:00:00+08:00',
      status: 'confirmed' as const,
      name,
      mobile: '13800138000',
      createdAt: '2026-11-20T10:00:00+08:00',
      extra: [],
      ...over,
    })
    const api = fakeApi({
      overview: async () => ({ ...overview, programs: [program] }),
      roster: async () => ({
        federation: overview.federation,
        program: { id: program.id, title: program.title },
        rows: [row('王秀兰', { checkedInAt: '2026-11-23T10:02:00+08:00', checkedInBy: '李娜' }), row('张丽', {})],
      }),
    })
    render(<Page api={api} store={sessionStore(kv)} />)
    const open = await screen.findByLabelText('查看母婴护理班的名单')
    await act(async () => fireEvent.click(open))
    expect(await screen.findByText('✓ 已签到 10:02，由 李娜')).toBeTruthy()
    expect(screen.getAllByText(/已签到/)).toHaveLength(1)
  })

  it('an expired or forged kept session returns to the login screen with “登录已过期，请重新登录”', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session())
    render(<Page api={fakeApi({ me: async () => Promise.reject(expired()) })} store={sessionStore(kv)} />)
    expect(await screen.findByText(EXPIRED_MESSAGE)).toBeTruthy()
    expect(screen.getByText('组织者登录')).toBeTruthy()
    expect(kv.data.has(SESSION_KEY)).toBe(false)
  })

  it('a session that ends while she works (the staff list answers 401) also returns to login', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session())
    const api = fakeApi({ staff: async () => Promise.reject(expired()) })
    render(<Page api={api} store={sessionStore(kv)} />)
    const staffTab = await screen.findByText('成员')
    await act(async () => fireEvent.click(staffTab))
    expect(await screen.findByText(EXPIRED_MESSAGE)).toBeTruthy()
    expect(kv.data.has(SESSION_KEY)).toBe(false)
  })

  it('after a reset, she must set a new password before anything else', async () => {
    const api = fakeApi({ login: async () => session({ mustChangePassword: true }) })
    render(<Page api={api} store={sessionStore(memoryStore())} />)
    type('账号', 'wudu-2020-admin')
    type('密码', 'Temp2345Pass6789')
    await act(async () => fireEvent.click(screen.getByLabelText('登录')))
    expect(await screen.findByText('请先设置新密码')).toBeTruthy()
    expect(screen.queryByText('报名名单')).toBeNull()
    type('临时密码', 'Temp2345Pass6789')
    type('新密码', 'short')
    type('再输入一次新密码', 'short')
    fireEvent.click(screen.getByLabelText('保存新密码'))
    expect(await screen.findByText('密码至少要10个字符')).toBeTruthy()
    type('新密码', 'river-stone-42')
    type('再输入一次新密码', 'river-stone-4')
    fireEvent.click(screen.getByLabelText('保存新密码'))
    expect(await screen.findByText('两次输入的新密码不一样')).toBeTruthy()
    type('再输入一次新密码', 'river-stone-42')
    await act(async () => fireEvent.click(screen.getByLabelText('保存新密码')))
    expect(await screen.findByText('密码已修改')).toBeTruthy()
    expect(api.calls).toContain(`changePassword ${'T'.repeat(43)} Temp2345Pass6789 river-stone-42`)
  })

  it('logout ends the session on the server and forgets it on the phone', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session())
    const api = fakeApi()
    render(<Page api={api} store={sessionStore(kv)} />)
    const logout = await screen.findByText('退出')
    await act(async () => fireEvent.click(logout))
    expect(await screen.findByText('组织者登录')).toBeTruthy()
    expect(api.calls).toContain(`logout ${'T'.repeat(43)}`)
    expect(kv.data.has(SESSION_KEY)).toBe(false)
  })

  it('管理员 see 成员 and 操作记录; 查看 does not', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session())
    const api = fakeApi()
    const { unmount } = render(<Page api={api} store={sessionStore(kv)} />)
    const staffTab = await screen.findByText('成员')
    await act(async () => fireEvent.click(staffTab))
    expect(await screen.findByText('李娜')).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('重置密码')))
    expect(await screen.findByText(/李娜 的临时密码：Temp2345Pass6789/)).toBeTruthy()
    await act(async () => fireEvent.click(screen.getByText('停用')))
    expect(api.calls).toContain(`setDisabled ${'T'.repeat(43)} 2 true`)
    await act(async () => fireEvent.click(screen.getByText('操作记录')))
    expect(await screen.findByText('武都管理员 修改角色：li-na（查看 → 编辑）')).toBeTruthy()
    unmount()

    const viewer = memoryStore()
    sessionStore(viewer).write(session({ account: account('viewer') }))
    render(
      <Page
        api={fakeApi({ me: async () => ({ account: account('viewer'), mustChangePassword: false }) })}
        store={sessionStore(viewer)}
      />,
    )
    expect(await screen.findByText('还没有接受报名的项目')).toBeTruthy()
    expect(screen.queryByText('成员')).toBeNull()
    expect(screen.queryByText('操作记录')).toBeNull()
  })

  it('the home leads 编辑 and 管理员 to edit the year-end card, and 查看 to read it', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session({ account: account('editor') }))
    const { unmount } = render(
      <Page
        api={fakeApi({ me: async () => ({ account: account('editor'), mustChangePassword: false }) })}
        store={sessionStore(kv)}
      />,
    )
    fireEvent.click(await screen.findByLabelText('编辑年终盘点卡片'))
    await act(async () => undefined)
    expect(taroCalls.navigations.at(-1)).toBe('/subpackages/organizer/card/index')
    unmount()

    const viewer = memoryStore()
    sessionStore(viewer).write(session({ account: account('viewer') }))
    render(
      <Page
        api={fakeApi({ me: async () => ({ account: account('viewer'), mustChangePassword: false }) })}
        store={sessionStore(viewer)}
      />,
    )
    expect(await screen.findByLabelText('查看年终盘点卡片')).toBeTruthy()
    expect(screen.queryByLabelText('编辑年终盘点卡片')).toBeNull()
  })

  it('the home leads 编辑 to 管理项目和场次, and 查看 to 查看项目', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session({ account: account('editor') }))
    const { unmount } = render(
      <Page
        api={fakeApi({ me: async () => ({ account: account('editor'), mustChangePassword: false }) })}
        store={sessionStore(kv)}
      />,
    )
    fireEvent.click(await screen.findByLabelText('管理项目和场次'))
    await act(async () => undefined)
    expect(taroCalls.navigations.at(-1)).toBe('/subpackages/organizer/programs/index')
    unmount()

    const viewer = memoryStore()
    sessionStore(viewer).write(session({ account: account('viewer') }))
    render(
      <Page
        api={fakeApi({ me: async () => ({ account: account('viewer'), mustChangePassword: false }) })}
        store={sessionStore(viewer)}
      />,
    )
    fireEvent.click(await screen.findByLabelText('查看项目'))
    await act(async () => undefined)
    expect(taroCalls.navigations.at(-1)).toBe('/subpackages/organizer/programs/index')
    expect(screen.queryByLabelText('管理项目和场次')).toBeNull()
  })

  it('each session of the program list leads every role, 查看 included, to its 现场签到', async () => {
    const kv = memoryStore()
    sessionStore(kv).write(session({ account: account('viewer') }))
    const program = {
      id: 'wd-1',
      title: '电商培训',
      sessions: [{ id: 's-9', title: '第一期', start: '2026-12-05T06:00:00.000Z', capacity: 30, taken: 12 }],
      confirmed: 12,
      waitlisted: 0,
      cancelled: 0,
    }
    render(
      <Page
        api={fakeApi({
          me: async () => ({ account: account('viewer'), mustChangePassword: false }),
          overview: async () => ({ ...overview, programs: [program] }),
        })}
        store={sessionStore(kv)}
      />,
    )
    fireEvent.click(await screen.findByLabelText('第一期现场签到'))
    await act(async () => undefined)
    expect(taroCalls.navigations.at(-1)).toBe(
      `/subpackages/organizer/checkin/index?sessionId=s-9&title=${encodeURIComponent('电商培训 · 第一期')}`,
    )
  })

  it('an invitation link opens the accept screen, which makes the account and logs in', async () => {
    const api = fakeApi()
    render(<Page api={api} store={sessionStore(memoryStore())} invitation={'I'.repeat(43)} />)
    expect(await screen.findByText('接受邀请')).toBeTruthy()
    type('账号名', 'li-na')
    type('姓名', '李娜')
    type('密码', 'river-stone-42')
    type('再输入一次密码', 'river-stone-42')
    await act(async () => fireEvent.click(screen.getByLabelText('创建账号并登录')))
    expect(await screen.findByText('还没有接受报名的项目')).toBeTruthy()
    expect(api.calls[0]).toBe(`acceptInvitation ${'I'.repeat(43)} [object Object]`)
  })
})
