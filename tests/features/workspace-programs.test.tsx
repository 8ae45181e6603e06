/** @jest-environment jsdom */
// The programs editor against a fake workspace server: the list with dated sessions, creating a
// program and a session (with the default deadline), a refusal shown under the field it names,
// raising and lowering capacity, cancelling with a required reason, deleting only an empty
// session, the sign-up form builder, loading/empty/error states, and 查看 kept read-only; 往期成果
// chosen from the card's figures; a session's place from the map or the device (a fake platform).
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { sessionStore } from '@/features/organizer/session'
import { ProgramsView } from '@/features/workspace-programs/programs-view'
import {
  LOCATION_DENIED,
  LOCATION_UNAVAILABLE,
  READ_ONLY_MESSAGE,
  REASON_REQUIRED,
  WAITLIST_NOTE,
  usePrograms,
} from '@/features/workspace-programs/use-programs'
import type { Coordinates, LocationAnswer, PickedPlace } from '@/platform/location'
import {
  coordinatesText,
  dayBefore,
  placeText,
  sessionBody,
  sessionValues,
  toggleFigure,
} from '@/features/workspace-programs/session-form'
import type { FormField } from '@/domain/types'
import { ApiError } from '@/services/api'
import type {
  CardFigure,
  ProgramBody,
  SessionBody,
  WorkspaceProgram,
  WorkspacePrograms,
  WorkspaceProgramsApi,
  WorkspaceSession,
} from '@/services/workspace'
import { memoryStore } from '../support/memory-store'
import { __reset as resetTaro, calls as taroCalls } from '../support/taro'

const TOKEN = 'T'.repeat(43)

/** The platform's map and location, as each test sets them: a build with or without a map key. */
const mockLocation = {
  canChoose: true,
  choose: jest.fn<Promise<LocationAnswer<PickedPlace>>, []>(),
  here: jest.fn<Promise<LocationAnswer<Coordinates>>, []>(),
}
jest.mock('@/platform/location', () => ({
  canChooseLocation: () => mockLocation.canChoose,
  chooseLocation: () => mockLocation.choose(),
  currentLocation: () => mockLocation.here(),
}))
beforeEach(() => {
  mockLocation.canChoose = true
  mockLocation.choose.mockReset()
  mockLocation.here.mockReset()
})

const BASE: FormField[] = [
  { id: 'name', type: 'text', format: 'name', label: '姓名', required: true, maxLength: 30 },
  { id: 'mobile', type: 'mobile', label: '手机号', required: true },
  { id: 'session', type: 'session', label: '场次', required: true },
]

const account = (role: 'admin' | 'editor' | 'viewer') => ({
  id: 1,
  login: `wudu-${role}`,
  displayName: '王芳',
  role,
  federation: { id: 'wudu-2020', name: '武都区妇联' },
})

const session = (over: Partial<WorkspaceSession> = {}): WorkspaceSession => ({
  id: 's-1',
  programId: 'p-1',
  title: '第一期',
  start: '2026-12-05T06:00:00.000Z',
  end: '2026-12-05T08:00:00.000Z',
  deadline: '2026-12-04T10:00:00.000Z',
  opensAt: null,
  online: false,
  place: '区妇联三楼会议室',
  joinInfo: null,
  latitude: null,
  longitude: null,
  contactPhone: null,
  capacity: 30,
  demoTaken: 0,
  confirmed: 12,
  waitlisted: 2,
  cancelledSignups: 1,
  status: 'open',
  cancelReason: null,
  version: 1,
  demo: false,
  ...over,
})

const program = (over: Partial<WorkspaceProgram> = {}): WorkspaceProgram => ({
  id: 'p-1',
  title: '家庭教育讲座',
  topic: '家庭家风',
  summary: '请老师讲家庭教育。',
  audience: '全区家长',
  figureIds: [],
  takesSignups: true,
  demo: false,
  form: BASE,
  formVersion: 1,
  counts: { confirmed: 12, waitlisted: 2, cancelled: 1 },
  sessions: [
    session(),
    session({
      id: 's-2',
      title: '线上第二期',
      start: '2026-12-12T11:00:00.000Z',
      end: '2026-12-12T12:30:00.000Z',
      deadline: '2026-12-11T10:00:00.000Z',
      online: true,
      place: null,
      joinInfo: '腾讯会议 123',
      confirmed: 0,
      waitlisted: 0,
      cancelledSignups: 0,
    }),
    session({
      id: 's-3',
      title: '第三期',
      status: 'cancelled',
      cancelReason: '老师生病，改期另行通知',
      confirmed: 0,
      waitlisted: 0,
      cancelledSignups: 5,
    }),
  ],
  ...over,
})

/** Three figures of the published card, one a running total. */
const FIGURES: CardFigure[] = [
  { id: 'wd-talks', label: '巾帼宣讲活动', value: '60余', unit: '场次', scope: 'year' },
  { id: 'wd-screened', label: '免费“两癌”筛查', value: '12万', unit: '人', scope: 'total', scopeLabel: '八年累计' },
  { id: 'wd-hk-trained', label: '家政培训妇女', value: '1200', unit: '人次', scope: 'year' },
]

type Calls = Array<[string, ...unknown[]]>

/** A server holding the programs in memory; `refuse` makes the next call of that name fail. */
function fakeApi(start: WorkspaceProgram[], figures: CardFigure[] = FIGURES) {
  let state: WorkspacePrograms = { federation: { id: 'wudu-2020', name: '武都区妇联' }, figures, programs: start }
  const calls: Calls = []
  const refuse: Partial<Record<keyof WorkspaceProgramsApi, ApiError>> = {}
  const check = (name: keyof WorkspaceProgramsApi) => {
    const e = refuse[name]
    if (e) {
      delete refuse[name]
      throw e
    }
  }
  const findSession = (id: string) => state.programs.flatMap((p) => p.sessions).find((s) => s.id === id)!
  const api: WorkspaceProgramsApi = {
    programs: async (token) => {
      calls.push(['programs', token])
      check('programs')
      return JSON.parse(JSON.stringify(state)) as WorkspacePrograms
    },
    createProgram: async (token, body: ProgramBody) => {
      calls.push(['createProgram', token, body])
      check('createProgram')
      const p = program({ id: 'p-new', ...body, topic: body.topic as never, sessions: [] })
      state = { ...state, programs: [...state.programs, p] }
      return p
    },
    updateProgram: async (token, id, body) => {
      calls.push(['updateProgram', token, id, body])
      check('updateProgram')
      const p = { ...state.programs.find((x) => x.id === id)!, ...body } as WorkspaceProgram
      state = { ...state, programs: state.programs.map((x) => (x.id === id ? p : x)) }
      return p
    },
    saveForm: async (token, id, fields) => {
      calls.push(['saveForm', token, id, fields])
      check('saveForm')
      const p = { ...state.programs.find((x) => x.id === id)!, form: fields }
      state = { ...state, programs: state.programs.map((x) => (x.id === id ? p : x)) }
      return p
    },
    addSession: async (token, programId, body: SessionBody) => {
      calls.push(['addSession', token, programId, body])
      check('addSession')
      const s = session({
        id: 's-new',
        programId,
        title: body.title,
        holdHours: body.holdHours ?? null,
        confirmed: 0,
        waitlisted: 0,
        cancelledSignups: 0,
      })
      state = {
        ...state,
        programs: state.programs.map((p) => (p.id === programId ? { ...p, sessions: [...p.sessions, s] } : p)),
      }
      return s
    },
    changeSession: async (token, id, body) => {
      calls.push(['changeSession', token, id, body])
      check('changeSession')
      const s = { ...findSession(id), capacity: Number(body.capacity) }
      return s
    },
    cancelSession: async (token, id, reason) => {
      calls.push(['cancelSession', token, id, reason])
      check('cancelSession')
      const s = { ...findSession(id), status: 'cancelled' as const, cancelReason: reason }
      state = {
        ...state,
        programs: state.programs.map((p) => ({ ...p, sessions: p.sessions.map((x) => (x.id === id ? s : x)) })),
      }
      return s
    },
    deleteSession: async (token, id) => {
      calls.push(['deleteSession', token, id])
      check('deleteSession')
      state = {
        ...state,
        programs: state.programs.map((p) => ({ ...p, sessions: p.sessions.filter((x) => x.id !== id) })),
      }
      return { ok: true }
    },
  }
  return { api, calls, refuse }
}

function setup(api: WorkspaceProgramsApi, role: 'admin' | 'editor' | 'viewer' = 'editor') {
  const kv = memoryStore()
  const store = sessionStore(kv)
  store.write({ token: TOKEN, account: account(role) })
  function Page() {
    return <ProgramsView p={usePrograms({ api, session: store })} />
  }
  render(<Page />)
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }))
const row = (title: string) => screen.getByRole('group', { name: `场次：${title}` })
/** The form row (label, input, its message) of the input labelled `label`. */
const fieldOf = (label: string) => screen.getByLabelText(label).closest('.ws__field') as HTMLElement
const flush = () => act(() => new Promise<void>((r) => setTimeout(r, 0)))

describe('programs editor', () => {
  it('lists the programs with each session’s Beijing date, place or 线上, seats and counts, and a cancellation with its reason', async () => {
    setup(fakeApi([program()]).api)
    expect(screen.getByLabelText('正在加载项目')).toBeTruthy()
    const first = await waitFor(() => row('第一期'))
    expect(within(first).getByText('12月5日 周六 14:00–16:00 · 区妇联三楼会议室')).toBeTruthy()
    expect(within(first).getByText('名额 30 · 已报名 12 · 候补 2')).toBeTruthy()
    expect(within(first).getByText('报名截止 12月4日 周五 18:00')).toBeTruthy()
    expect(within(row('线上第二期')).getByText('12月12日 周六 19:00–20:30 · 线上')).toBeTruthy()
    const cancelled = row('第三期')
    expect(within(cancelled).getByText('（已取消）')).toBeTruthy()
    expect(within(cancelled).getByText('已取消：老师生病，改期另行通知')).toBeTruthy()
    // A cancelled session is not changed any more.
    expect(within(cancelled).queryByRole('button')).toBeNull()
  })

  it('shows 还没有项目 when there is none, and 重试 after a failed load', async () => {
    const { api, refuse } = fakeApi([])
    refuse.programs = new ApiError('network', '网络不太好，没能连上服务器，请稍后再试。')
    setup(api)
    expect(await screen.findByText('网络不太好，没能连上服务器，请稍后再试。')).toBeTruthy()
    click('重试')
    expect(await screen.findByText('还没有项目')).toBeTruthy()
  })

  it('creates a program with the fields she typed, then it is listed', async () => {
    const { api, calls } = fakeApi([])
    setup(api)
    await screen.findByText('还没有项目')
    click('新建项目')
    type('项目名称', ' 巾帼创业培训 ')
    fireEvent.click(screen.getByRole('radio', { name: '就业创业' }))
    type('项目简介', '电商直播和手工编织。')
    type('面向人群', '返乡创业妇女')
    click('创建项目')
    expect(await screen.findByRole('group', { name: '项目：巾帼创业培训' })).toBeTruthy()
    expect(calls.find((c) => c[0] === 'createProgram')).toEqual([
      'createProgram',
      TOKEN,
      {
        title: '巾帼创业培训',
        topic: '就业创业',
        summary: '电商直播和手工编织。',
        audience: '返乡创业妇女',
        figureIds: [],
      },
    ])
    expect(screen.getByText('已新建项目“巾帼创业培训”，可以添加场次了')).toBeTruthy()
  })

  it('adds a session with its Beijing times and the deadline the day before at 18:00 unless she changes it', async () => {
    const { api, calls } = fakeApi([program({ sessions: [] })])
    setup(api)
    await screen.findByText('还没有场次')
    click('为家庭教育讲座新建场次')
    type('场次名称', '冬季第一期')
    type('日期', '2026-12-01')
    expect((screen.getByLabelText('报名截止日期') as HTMLInputElement).value).toBe('2026-11-30')
    expect((screen.getByLabelText('报名截止时间') as HTMLInputElement).value).toBe('18:00')
    type('开始时间', '14:00')
    type('结束时间', '16:30')
    type('活动地点', '区妇联三楼会议室')
    type('名额', '40')
    type('联系电话（可不填）', '0939-1234567')
    type('纬度（可不填）', '33.39')
    type('经度（可不填）', '104.92')
    // 保留时间: off unless she picks one.
    expect(screen.getByRole('radio', { name: '不需要确认' }).getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('候补转正的人需在这段时间内点“确认参加”，否则名额让给下一位。')).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: '24小时' }))
    expect(screen.getByRole('radio', { name: '24小时' }).getAttribute('aria-checked')).toBe('true')
    click('添加场次')
    await screen.findByText('已添加场次“冬季第一期”')
    expect(calls.find((c) => c[0] === 'addSession')).toEqual([
      'addSession',
      TOKEN,
      'p-1',
      {
        title: '冬季第一期',
        startsAt: '2026-12-01 14:00',
        endsAt: '2026-12-01 16:30',
        deadlineAt: '2026-11-30 18:00',
        opensAt: null,
        online: false,
        place: '区妇联三楼会议室',
        joinInfo: null,
        latitude: 33.39,
        longitude: 104.92,
        capacity: 40,
        contactPhone: '0939-1234567',
        holdHours: 24,
      },
    ])
    expect(within(row('冬季第一期')).getByText('候补转正的人需在24小时内确认参加')).toBeTruthy()
  })

  it('shows the server’s refusal under the field it names and keeps what she typed', async () => {
    const { api, refuse } = fakeApi([program({ sessions: [] })])
    setup(api)
    await screen.findByText('还没有场次')
    click('为家庭教育讲座新建场次')
    type('场次名称', '第一期')
    type('日期', '2026-12-01')
    type('开始时间', '14:00')
    type('结束时间', '13:00')
    // A deadline she set herself stays when the date changes.
    type('报名截止日期', '2026-11-28')
    type('日期', '2026-12-02')
    expect((screen.getByLabelText('报名截止日期') as HTMLInputElement).value).toBe('2026-11-28')
    refuse.addSession = new ApiError('invalid', '结束时间要晚于开始时间', 'endsAt')
    click('添加场次')
    expect(await within(fieldOf('结束时间')).findByText('结束时间要晚于开始时间')).toBeTruthy()
    expect(within(fieldOf('日期')).queryByRole('alert')).toBeNull()
    expect((screen.getByLabelText('结束时间') as HTMLInputElement).value).toBe('13:00')
    // A start in the past is named startsAt: it shows under the date.
    refuse.addSession = new ApiError('invalid', '开始时间已经过去了，请选择以后的时间', 'startsAt')
    click('添加场次')
    expect(await within(fieldOf('日期')).findByText('开始时间已经过去了，请选择以后的时间')).toBeTruthy()
  })

  it('says the waitlist moves up when capacity rises, and shows the server’s 409 under 名额 when it falls below the confirmed', async () => {
    const { api, calls, refuse } = fakeApi([program()])
    setup(api)
    await waitFor(() => row('第一期'))
    click('修改场次第一期')
    expect((screen.getByLabelText('日期') as HTMLInputElement).value).toBe('2026-12-05')
    expect((screen.getByLabelText('开始时间') as HTMLInputElement).value).toBe('14:00')
    expect(screen.queryByText(WAITLIST_NOTE)).toBeNull()
    type('名额', '35')
    expect(screen.getByText(WAITLIST_NOTE)).toBeTruthy()
    type('名额', '10')
    expect(screen.queryByText(WAITLIST_NOTE)).toBeNull()
    refuse.changeSession = new ApiError('invalid', '当前已有 12 人报名成功，名额不能少于 12', 'capacity')
    click('保存场次')
    expect(await within(fieldOf('名额')).findByText('当前已有 12 人报名成功，名额不能少于 12')).toBeTruthy()
    expect((calls.find((c) => c[0] === 'changeSession')?.[3] as SessionBody).capacity).toBe(10)
    type('名额', '35')
    click('保存场次')
    expect(await screen.findByText(`已保存场次“第一期”，${WAITLIST_NOTE}`)).toBeTruthy()
  })

  it('cancels a session only with a reason and one more confirmation, then shows 已取消 and the reason', async () => {
    const { api, calls } = fakeApi([program()])
    setup(api)
    await waitFor(() => row('第一期'))
    click('取消场次第一期')
    click('取消这个场次')
    expect(screen.getByText(REASON_REQUIRED)).toBeTruthy()
    type('取消原因', '   ')
    click('取消这个场次')
    expect(screen.getByText(REASON_REQUIRED)).toBeTruthy()
    type('取消原因', '因大雪停课，改期另行通知')
    click('取消这个场次')
    expect(screen.getByText(/确定取消场次“第一期”吗？已报名和候补的 14 人会看到这个原因。/)).toBeTruthy()
    expect(calls.some((c) => c[0] === 'cancelSession')).toBe(false)
    click('确定取消')
    await waitFor(() => expect(within(row('第一期')).getByText('已取消：因大雪停课，改期另行通知')).toBeTruthy())
    expect(calls.find((c) => c[0] === 'cancelSession')).toEqual([
      'cancelSession',
      TOKEN,
      's-1',
      '因大雪停课，改期另行通知',
    ])
  })

  it('offers 删除场次 only for a session no one signed up for, and shows the server’s 409 when it refuses', async () => {
    const { api, calls, refuse } = fakeApi([program()])
    setup(api)
    await waitFor(() => row('第一期'))
    expect(within(row('第一期')).queryByRole('button', { name: /删除/ })).toBeNull()
    expect(within(row('线上第二期')).getByRole('button', { name: '删除场次线上第二期' })).toBeTruthy()
    click('删除场次线上第二期')
    refuse.deleteSession = new ApiError('invalid', '这个场次已有人报名，不能删除；可以取消场次')
    click('确定删除')
    expect(await screen.findByText('这个场次已有人报名，不能删除；可以取消场次')).toBeTruthy()
    click('确定删除')
    await waitFor(() => expect(screen.queryByRole('group', { name: '场次：线上第二期' })).toBeNull())
    expect(calls.filter((c) => c[0] === 'deleteSession')).toEqual([
      ['deleteSession', TOKEN, 's-2'],
      ['deleteSession', TOKEN, 's-2'],
    ])
  })

  it('查看 sees the programs and sessions with no edit controls, and may still open check-in', async () => {
    resetTaro()
    setup(fakeApi([program()]).api, 'viewer')
    await waitFor(() => row('第一期'))
    expect(screen.getByText(READ_ONLY_MESSAGE)).toBeTruthy()
    // Door staff are 查看: check-in is the one way on from a session row.
    const buttons = screen.queryAllByRole('button')
    expect(buttons.length).toBeGreaterThan(0)
    expect(buttons.map((b) => b.textContent)).toEqual(buttons.map(() => '现场签到'))
    fireEvent.click(within(row('第一期')).getByRole('button', { name: '第一期现场签到' }))
    expect(taroCalls.navigations).toEqual([
      '/subpackages/organizer/checkin/index?sessionId=s-1&title=%E7%AC%AC%E4%B8%80%E6%9C%9F',
    ])
  })

  it('a 403 on a change makes the page read-only', async () => {
    const { api, refuse } = fakeApi([program()])
    setup(api)
    await waitFor(() => row('第一期'))
    click('取消场次第一期')
    type('取消原因', '改期')
    click('取消这个场次')
    refuse.cancelSession = new ApiError('forbidden', '你的角色只能查看')
    click('确定取消')
    await flush()
    expect(await screen.findByText(READ_ONLY_MESSAGE)).toBeTruthy()
    expect(screen.queryByRole('button', { name: '新建项目' })).toBeNull()
  })
})

describe('往期成果 from the card’s figures', () => {
  const figure = (name: RegExp) => screen.getByRole('checkbox', { name })

  it('lists the card’s figures as the card shows them, and saves the ones she taps in the order she taps them', async () => {
    const { api, calls } = fakeApi([])
    setup(api)
    await screen.findByText('还没有项目')
    click('新建项目')
    const list = screen.getByRole('group', { name: '往期成果' })
    expect(within(list).getAllByRole('checkbox')).toHaveLength(3)
    // Value with its unit, the label, and 八年累计 on the running total.
    expect(within(figure(/^免费“两癌”筛查/)).getByText('八年累计')).toBeTruthy()
    expect(figure(/^免费“两癌”筛查/).textContent).toContain('12万人')
    expect(figure(/^巾帼宣讲活动/).getAttribute('aria-checked')).toBe('false')
    type('项目名称', '两癌筛查')
    fireEvent.click(screen.getByRole('radio', { name: '健康' }))
    type('项目简介', '为农村妇女免费筛查。')
    type('面向人群', '35 到 64 岁农村妇女')
    fireEvent.click(figure(/^家政培训妇女/))
    fireEvent.click(figure(/^免费“两癌”筛查/))
    fireEvent.click(figure(/^巾帼宣讲活动/))
    expect(figure(/^免费“两癌”筛查/).getAttribute('aria-checked')).toBe('true')
    expect(figure(/^免费“两癌”筛查/).getAttribute('aria-label')).toMatch(/第 2 个$/)
    // Taken off, and the rest close up.
    fireEvent.click(figure(/^家政培训妇女/))
    expect(figure(/^家政培训妇女/).getAttribute('aria-checked')).toBe('false')
    expect(figure(/^免费“两癌”筛查/).getAttribute('aria-label')).toMatch(/第 1 个$/)
    click('创建项目')
    await screen.findByRole('group', { name: '项目：两癌筛查' })
    expect((calls.find((c) => c[0] === 'createProgram')?.[2] as ProgramBody).figureIds).toEqual([
      'wd-screened',
      'wd-talks',
    ])
  })

  it('opens a program with its figures marked in its order, and shows the server’s refusal under 往期成果', async () => {
    const { api, calls, refuse } = fakeApi([program({ figureIds: ['wd-hk-trained', 'wd-talks'] })])
    setup(api)
    await waitFor(() => row('第一期'))
    click('修改项目家庭教育讲座')
    expect(figure(/^家政培训妇女/).getAttribute('aria-label')).toMatch(/第 1 个$/)
    expect(figure(/^巾帼宣讲活动/).getAttribute('aria-label')).toMatch(/第 2 个$/)
    expect(figure(/^免费“两癌”筛查/).getAttribute('aria-checked')).toBe('false')
    fireEvent.click(figure(/^免费“两癌”筛查/))
    refuse.updateProgram = new ApiError(
      'invalid',
      '往期成果里的“wd-screened”不是本妇联年终盘点卡片上的数字',
      'figureIds',
    )
    click('保存项目')
    const picker = screen.getByRole('group', { name: '往期成果' }).closest('.ws__field') as HTMLElement
    expect(await within(picker).findByText('往期成果里的“wd-screened”不是本妇联年终盘点卡片上的数字')).toBeTruthy()
    expect(within(fieldOf('项目名称')).queryByRole('alert')).toBeNull()
    click('保存项目')
    await screen.findByText('已保存项目“家庭教育讲座”')
    expect(calls.filter((c) => c[0] === 'updateProgram').map((c) => (c[3] as ProgramBody).figureIds)).toEqual([
      ['wd-hk-trained', 'wd-talks', 'wd-screened'],
      ['wd-hk-trained', 'wd-talks', 'wd-screened'],
    ])
  })

  it('says to add figures in the card editor when the card has none', async () => {
    setup(fakeApi([], []).api)
    await screen.findByText('还没有项目')
    click('新建项目')
    expect(screen.getByText(/卡片里还没有数字，先在卡片编辑里添加/)).toBeTruthy()
    expect(screen.queryByRole('checkbox')).toBeNull()
  })
})

describe('a session’s place on the map', () => {
  const WUDU_CENTRE: PickedPlace = {
    name: '武都区妇女儿童活动中心',
    address: '甘肃省陇南市武都区钟楼路',
    latitude: 33.391235,
    longitude: 104.921235,
  }
  const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value
  async function openNewSession() {
    const fake = fakeApi([program({ sessions: [] })])
    setup(fake.api)
    await screen.findByText('还没有场次')
    click('为家庭教育讲座新建场次')
    return fake
  }

  it('a place picked on the map fills the coordinates and the empty 活动地点, shows them plainly, and is saved', async () => {
    const { calls } = await openNewSession()
    mockLocation.choose.mockResolvedValue({ ok: true, value: WUDU_CENTRE })
    click('在地图上选')
    expect(await screen.findByText('已选位置：北纬 33.391235，东经 104.921235')).toBeTruthy()
    expect([value('纬度（可不填）'), value('经度（可不填）')]).toEqual(['33.391235', '104.921235'])
    expect(value('活动地点')).toBe('武都区妇女儿童活动中心（甘肃省陇南市武都区钟楼路）')
    type('场次名称', '冬季第一期')
    type('日期', '2026-12-01')
    type('开始时间', '14:00')
    type('结束时间', '16:00')
    type('名额', '40')
    click('添加场次')
    await screen.findByText('已添加场次“冬季第一期”')
    expect(calls.find((c) => c[0] === 'addSession')?.[3]).toMatchObject({
      place: '武都区妇女儿童活动中心（甘肃省陇南市武都区钟楼路）',
      latitude: 33.391235,
      longitude: 104.921235,
    })
  })

  it('keeps a 活动地点 she typed, and clears the coordinates when she asks', async () => {
    await openNewSession()
    type('活动地点', '区妇联三楼会议室')
    mockLocation.choose.mockResolvedValue({ ok: true, value: WUDU_CENTRE })
    click('在地图上选')
    await screen.findByText(/^已选位置/)
    expect(value('活动地点')).toBe('区妇联三楼会议室')
    click('清除位置')
    expect([value('纬度（可不填）'), value('经度（可不填）')]).toEqual(['', ''])
    expect(screen.queryByText(/^已选位置/)).toBeNull()
    // Typed by hand, they show the same way.
    type('纬度（可不填）', '33.39')
    type('经度（可不填）', '104.92')
    expect(screen.getByText('已选位置：北纬 33.39，东经 104.92')).toBeTruthy()
  })

  it('用我现在的位置 fills the coordinates, and editing a session keeps its place', async () => {
    setup(fakeApi([program()]).api)
    await waitFor(() => row('第一期'))
    click('修改场次第一期')
    mockLocation.here.mockResolvedValue({ ok: true, value: { latitude: 33.4, longitude: 104.93 } })
    click('用我现在的位置')
    expect(await screen.findByText('已选位置：北纬 33.4，东经 104.93')).toBeTruthy()
    expect(value('活动地点')).toBe('区妇联三楼会议室')
  })

  it('says in Chinese when location is refused or unavailable, and nothing when she closes the map', async () => {
    await openNewSession()
    mockLocation.here.mockResolvedValue({ ok: false, reason: 'denied' })
    click('用我现在的位置')
    const picker = screen.getByRole('group', { name: '地图位置' })
    expect(await within(picker).findByText(LOCATION_DENIED)).toBeTruthy()
    mockLocation.here.mockResolvedValue({ ok: false, reason: 'unavailable' })
    click('用我现在的位置')
    expect(await within(picker).findByText(LOCATION_UNAVAILABLE)).toBeTruthy()
    mockLocation.choose.mockResolvedValue({ ok: false, reason: 'cancelled' })
    click('在地图上选')
    await waitFor(() => expect(within(picker).queryByRole('alert')).toBeNull())
    expect(value('纬度（可不填）')).toBe('')
  })

  it('shows no map button in a build without a map key; location and typing still work', async () => {
    mockLocation.canChoose = false
    await openNewSession()
    expect(screen.queryByRole('button', { name: '在地图上选' })).toBeNull()
    expect(screen.getByRole('button', { name: '用我现在的位置' })).toBeTruthy()
    expect(screen.getByLabelText('纬度（可不填）')).toBeTruthy()
  })
})

describe('sign-up form builder', () => {
  it('keeps 姓名, 手机号 and 场次; adds, labels, reorders and removes fields, and sends them in order', async () => {
    const { api, calls, refuse } = fakeApi([program()])
    setup(api)
    await waitFor(() => row('第一期'))
    click('设置家庭教育讲座的报名表')
    const form = screen.getByRole('group', { name: '报名表' })
    for (const n of [1, 2, 3]) expect(within(form).queryByRole('button', { name: `删除第${n}项` })).toBeNull()
    click('添加单选')
    type('第4项的名称', ' 是否需要托管孩子 ')
    type('第4项的选项', '需要\n\n不需要')
    fireEvent.click(screen.getByRole('checkbox', { name: '第4项必填' }))
    click('添加短文字')
    type('第5项的名称', '所在村')
    click('第5项上移')
    click('添加长文字')
    click('删除第6项')
    refuse.saveForm = new ApiError('invalid', '第5项的名称要填写，最多 30 个字', 'fields')
    click('保存报名表')
    expect(await within(form).findByText('第5项的名称要填写，最多 30 个字')).toBeTruthy()
    click('保存报名表')
    expect(await screen.findByText('已保存“家庭教育讲座”的报名表')).toBeTruthy()
    const sent = calls.filter((c) => c[0] === 'saveForm').at(-1)!
    expect(sent.slice(0, 3)).toEqual(['saveForm', TOKEN, 'p-1'])
    expect(sent[3]).toEqual([
      ...BASE,
      { id: 'f2', type: 'text', label: '所在村', required: false },
      { id: 'f1', type: 'single', label: '是否需要托管孩子', required: true, options: ['需要', '不需要'] },
    ])
  })
})

describe('session form values', () => {
  it('the day before a date, across a month and a year, and nothing for a date that does not exist', () => {
    expect(dayBefore('2026-12-01')).toBe('2026-11-30')
    expect(dayBefore('2027-01-01')).toBe('2026-12-31')
    expect(dayBefore('2028-03-01')).toBe('2028-02-29')
    expect(dayBefore('2026-02-30')).toBe('')
    expect(dayBefore('12月1日')).toBe('')
  })

  it('a stored session reads back into the same Beijing body, online with its join info', () => {
    const s = session({ online: true, place: null, joinInfo: '腾讯会议 123', opensAt: '2026-11-25T01:00:00.000Z' })
    expect(sessionBody(sessionValues(s))).toEqual({
      title: '第一期',
      startsAt: '2026-12-05 14:00',
      endsAt: '2026-12-05 16:00',
      deadlineAt: '2026-12-04 18:00',
      opensAt: '2026-11-25 09:00',
      online: true,
      place: null,
      joinInfo: '腾讯会议 123',
      latitude: null,
      longitude: null,
      capacity: 30,
      contactPhone: null,
      holdHours: null,
    })
  })

  it('editing a session shows its 保留时间, one of the usual hours or its own; 不需要确认 sends none', async () => {
    const { api, calls } = fakeApi([program({ sessions: [session({ holdHours: 72 })] })])
    setup(api)
    expect(within(await screen.findByRole('group', { name: '场次：第一期' })).getByText(/需在72小时内/)).toBeTruthy()
    click('修改场次第一期')
    const hold = screen.getByRole('radiogroup', { name: '保留时间' })
    const choices = within(hold).getAllByRole('radio')
    expect(choices.map((c) => c.textContent)).toEqual(['不需要确认', '2小时', '12小时', '24小时', '48小时', '72小时'])
    expect(within(hold).getByRole('radio', { name: '72小时' }).getAttribute('aria-checked')).toBe('true')
    fireEvent.click(within(hold).getByRole('radio', { name: '不需要确认' }))
    click('保存场次')
    await screen.findByText(/已保存场次/)
    expect(calls.find((c) => c[0] === 'changeSession')?.[3]).toMatchObject({ holdHours: null })
    expect(sessionBody({ ...sessionValues(session({ holdHours: 12 })) })).toMatchObject({ holdHours: 12 })
  })

  it('a picked place reads as its name and address, once each, within the 100 characters 活动地点 takes', () => {
    expect(placeText('活动中心', '武都区钟楼路')).toBe('活动中心（武都区钟楼路）')
    expect(placeText('活动中心', '武都区钟楼路活动中心')).toBe('武都区钟楼路活动中心')
    expect(placeText('', ' 武都区钟楼路 ')).toBe('武都区钟楼路')
    expect(Array.from(placeText('活动中心', '路'.repeat(120)))).toHaveLength(4)
    expect(Array.from(placeText('', '路'.repeat(120)))).toHaveLength(100)
  })

  it('shows coordinates plainly only when both read as numbers in range', () => {
    expect(coordinatesText('-33.9', '-70.6')).toBe('南纬 33.9，西经 70.6')
    expect(coordinatesText('33.39', '')).toBe('')
    expect(coordinatesText('北纬33', '104.9')).toBe('')
    expect(coordinatesText('91', '104.9')).toBe('')
  })

  it('a figure chosen goes last, chosen again it goes', () => {
    expect(toggleFigure(['a', 'b'], 'c')).toEqual(['a', 'b', 'c'])
    expect(toggleFigure(['a', 'b', 'c'], 'a')).toEqual(['b', 'c'])
  })

  it('sends a capacity or coordinate that is not a number as typed, so the server names the field', () => {
    const v = { ...sessionValues(session()), capacity: '三十', latitude: '北纬33' }
    expect(sessionBody(v)).toMatchObject({ capacity: '三十', latitude: '北纬33' })
  })
})
