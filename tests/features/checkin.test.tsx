/** @jest-environment jsdom */
// 现场签到 against a fake check-in server and a fake camera: a typed code checks her in and the
// counts follow; each of the server's answers in words; a search by name or last 4 digits and a
// check-in from its row; a refused camera leaves the other two ways; the same QR seen twice within
// 3 s is sent once; 查看 checks in like any role; the counts refresh every 15 s.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { CheckinView } from '@/features/checkin/checkin-view'
import {
  CAMERA_DENIED,
  CAMERA_UNAVAILABLE,
  CODE_INVALID,
  COUNTS_EVERY_MS,
  NO_SESSION,
  useCheckin,
  type Scanner,
} from '@/features/checkin/use-checkin'
import { sessionStore } from '@/features/organizer/session'
import { ApiError } from '@/services/api'
import type { ScanStart } from '@/platform/scan'
import type { CheckinAnswer, CheckinApi, CheckinSearchRow, CheckinTicket } from '@/services/workspace'
import { setClock } from '@/shared/clock'
import { TEST_NOW } from '../support/clock'
import { memoryStore } from '../support/memory-store'

const TOKEN = 'T'.repeat(43)

interface Person extends CheckinSearchRow {
  sessionId: string
  token: string
}

const people = (): Person[] => [
  {
    id: 'g-1',
    sessionId: 's-1',
    token: 't1.g-1.a',
    name: '王秀兰',
    mobile: '138****8000',
    status: 'confirmed',
    code: 'K7MQ2P',
  },
  {
    id: 'g-2',
    sessionId: 's-1',
    token: 't1.g-2.b',
    name: '李娟',
    mobile: '139****1234',
    status: 'confirmed',
    code: 'ABC234',
    checkedInAt: '2026-11-23T10:02:00+08:00',
    checkedInBy: '李娜',
  },
  {
    id: 'g-3',
    sessionId: 's-1',
    token: 't1.g-3.c',
    name: '王芳',
    mobile: '137****5678',
    status: 'waitlisted',
    code: 'XYZ789',
  },
  {
    id: 'g-4',
    sessionId: 's-1',
    token: 't1.g-4.d',
    name: '张敏',
    mobile: '136****4321',
    status: 'cancelled',
    code: 'MNP345',
  },
  {
    id: 'g-5',
    sessionId: 's-2',
    token: 't1.g-5.e',
    name: '赵丽',
    mobile: '135****2468',
    status: 'confirmed',
    code: 'QRS678',
  },
]

/** A check-in server over the people above, answering as the real one does. */
function fakeApi() {
  const all = people()
  const calls: unknown[][] = []
  const counts = (sessionId: string) => {
    const confirmed = all.filter((p) => p.sessionId === sessionId && p.status === 'confirmed')
    const checkedIn = confirmed.filter((p) => p.checkedInAt).length
    return { confirmed: confirmed.length, checkedIn, absent: confirmed.length - checkedIn }
  }
  const row = ({ sessionId: _s, token: _t, ...r }: Person): CheckinSearchRow => r
  const api: CheckinApi = {
    async checkIn(token, sessionId, ticket: CheckinTicket) {
      calls.push(['checkIn', token, sessionId, ticket])
      const p = all.find((x) =>
        'code' in ticket ? x.sessionId === sessionId && x.code === ticket.code : x.token === ticket.token,
      )
      if (!p) throw new ApiError('not_found', '没有找到这张电子票')
      const answer = (result: CheckinAnswer['result']): CheckinAnswer => ({
        result,
        signup: { id: p.id, name: p.name, mobile: p.mobile, sessionTitle: '第一期' },
        ...(p.checkedInAt ? { checkedInAt: p.checkedInAt, checkedInBy: p.checkedInBy } : {}),
      })
      if (p.sessionId !== sessionId) return answer('wrong_session')
      if (p.status !== 'confirmed') return answer(p.status)
      if (p.checkedInAt) return answer('already')
      p.checkedInAt = '2026-11-23T10:00:00+08:00'
      p.checkedInBy = '王芳'
      return answer('checked_in')
    },
    async searchCheckin(token, sessionId, q) {
      calls.push(['searchCheckin', token, sessionId, q])
      const rows = all
        .filter((p) => p.sessionId === sessionId)
        .filter((p) => (/^\d{4}$/.test(q) ? p.mobile.endsWith(q) : p.name.includes(q)))
      return { counts: counts(sessionId), rows: rows.map(row) }
    },
    async checkinCounts(token, sessionId) {
      calls.push(['checkinCounts', token, sessionId])
      return counts(sessionId)
    },
  }
  return { api, calls, all }
}

/** A camera that starts as told and hands each "seen" QR text to the page. */
function fakeCamera(start: 'ok' | 'denied' | 'unavailable' = 'ok') {
  const camera = { see: (_text: string) => undefined as void, stopped: 0, started: 0 }
  const scanner: Scanner = async (_host, onText) => {
    camera.started++
    if (start !== 'ok') return { ok: false, reason: start }
    camera.see = onText
    return { ok: true, live: true, stop: () => void camera.stopped++ }
  }
  return { camera, scanner }
}

const account = (role: 'admin' | 'editor' | 'viewer') => ({
  id: 3,
  login: `wudu-${role}`,
  displayName: '王芳',
  role,
  federation: { id: 'wudu-2020', name: '武都区妇联' },
})

function setup(
  api: CheckinApi,
  {
    role = 'viewer',
    scanner = fakeCamera().scanner,
    sessionId = 's-1',
  }: {
    role?: 'admin' | 'editor' | 'viewer'
    scanner?: Scanner
    sessionId?: string
  } = {},
) {
  const store = sessionStore(memoryStore())
  store.write({ token: TOKEN, account: account(role) })
  function Page() {
    return <CheckinView c={useCheckin(sessionId, { api, session: store, scanner })} title="第一期" />
  }
  return render(<Page />)
}

const counts = () => screen.getByRole('status', { name: /^已报名/ })
/** The big answer to the last ticket (an alert, as a field's message also is). */
const answer = () => {
  const el = document.querySelector('.checkin__answer')
  if (!el) throw new Error('no answer shown')
  return el
}
const typeCode = (value: string) => fireEvent.change(screen.getByLabelText('入场码'), { target: { value } })
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }))

async function ready() {
  await waitFor(() => expect(counts()).toBeTruthy())
}

describe('现场签到', () => {
  it('a typed code, in lower case and with a space, checks her in: 签到成功 with her name, and the counts follow', async () => {
    const { api, calls } = fakeApi()
    setup(api)
    await ready()
    expect(counts().getAttribute('aria-label')).toBe('已报名2人，已签到1人，未到1人')
    typeCode('k7m q2p')
    expect((screen.getByLabelText('入场码') as HTMLInputElement).value).toBe('K7M Q2P')
    click('用入场码签到')
    await waitFor(() => expect(answer().textContent).toContain('✓ 签到成功'))
    expect(answer().textContent).toContain('王秀兰 138****8000')
    await waitFor(() => expect(counts().getAttribute('aria-label')).toBe('已报名2人，已签到2人，未到0人'))
    expect(calls.filter((c) => c[0] === 'checkIn')).toEqual([['checkIn', TOKEN, 's-1', { code: 'K7MQ2P' }]])
    // The field is cleared for the next person.
    expect((screen.getByLabelText('入场码') as HTMLInputElement).value).toBe('')
  })

  it('a code that cannot be one is refused on the phone, without asking the server', async () => {
    const { api, calls } = fakeApi()
    setup(api)
    await ready()
    typeCode('K7M0Q')
    click('用入场码签到')
    expect(await screen.findByText(CODE_INVALID)).toBeTruthy()
    expect(calls.filter((c) => c[0] === 'checkIn')).toEqual([])
  })

  it('already checked in says so, with the time and who checked her in', async () => {
    setup(fakeApi().api)
    await ready()
    typeCode('ABC234')
    click('用入场码签到')
    await waitFor(() => expect(answer().textContent).toContain('已经签到过了'))
    expect(answer().textContent).toContain('李娟 139****1234')
    expect(answer().textContent).toContain('（10:02，由 李娜）')
    expect(answer().className).toContain('checkin__answer--warn')
  })

  it.each([
    [{ token: 't1.g-5.e' }, '✕ 不是这个场次的票', '赵丽'],
    [{ code: 'MNP345' }, '✕ 这条报名已取消', '张敏'],
    [{ code: 'XYZ789' }, '✕ 还在候补，没有报上名', '王芳'],
    [{ code: 'HJK234' }, '✕ 没有找到这张电子票', undefined],
    [{ token: 't1.g-1.forged' }, '✕ 没有找到这张电子票', undefined],
  ])('%j: %s', async (ticket, words, name) => {
    const { api } = fakeApi()
    const { camera, scanner } = fakeCamera()
    setup(api, { scanner })
    await ready()
    if ('code' in ticket) {
      typeCode(ticket.code)
      click('用入场码签到')
    } else {
      click('打开摄像头扫码')
      await screen.findByRole('button', { name: '关闭摄像头' })
      act(() => camera.see(ticket.token))
    }
    await waitFor(() => expect(answer().textContent).toContain(words))
    if (name) expect(answer().textContent).toContain(name)
    expect(answer().className).toContain('checkin__answer--stop')
    expect(counts().getAttribute('aria-label')).toBe('已报名2人，已签到1人，未到1人')
  })

  it('finds her by name or the last 4 digits, shows each status, and checks her in from her row', async () => {
    const { api, calls } = fakeApi()
    setup(api)
    await ready()
    fireEvent.change(screen.getByLabelText('姓名或手机号后4位'), { target: { value: '王' } })
    click('搜索报名')
    const mine = await screen.findByRole('group', { name: '王秀兰 138****8000' })
    expect(within(mine).getByText('未签到')).toBeTruthy()
    const waiting = screen.getByRole('group', { name: '王芳 137****5678' })
    expect(within(waiting).getByText('候补，尚未转正')).toBeTruthy()
    // No 签到 button for one who cannot be checked in.
    expect(within(waiting).queryByRole('button')).toBeNull()

    fireEvent.change(screen.getByLabelText('姓名或手机号后4位'), { target: { value: '1234' } })
    click('搜索报名')
    const li = await screen.findByRole('group', { name: '李娟 139****1234' })
    expect(within(li).getByText('已签到 10:02，由 李娜')).toBeTruthy()
    expect(screen.queryByRole('group', { name: '王秀兰 138****8000' })).toBeNull()

    fireEvent.change(screen.getByLabelText('姓名或手机号后4位'), { target: { value: '秀兰' } })
    click('搜索报名')
    click(await screen.findByRole('button', { name: '给王秀兰签到' }).then((b) => b.getAttribute('aria-label') ?? ''))
    await waitFor(() => expect(answer().textContent).toContain('✓ 签到成功'))
    const row = await screen.findByRole('group', { name: '王秀兰 138****8000' })
    await waitFor(() => expect(within(row).getByText('已签到 10:00，由 王芳')).toBeTruthy())
    expect(within(row).queryByRole('button')).toBeNull()
    expect(calls.filter((c) => c[0] === 'checkIn')).toEqual([['checkIn', TOKEN, 's-1', { code: 'K7MQ2P' }]])
    expect(calls.filter((c) => c[0] === 'searchCheckin').map((c) => c[3])).toEqual(['王', '1234', '秀兰', '秀兰'])
  })

  it('an empty search asks for a name or 4 digits; nobody found says so', async () => {
    setup(fakeApi().api)
    await ready()
    click('搜索报名')
    expect(await screen.findByText('请输入姓名，或手机号后4位')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('姓名或手机号后4位'), { target: { value: '9999' } })
    click('搜索报名')
    expect(await screen.findByText('没有找到这个人的报名')).toBeTruthy()
  })

  it.each([
    ['denied', CAMERA_DENIED],
    ['unavailable', CAMERA_UNAVAILABLE],
  ] as const)('a camera %s is said plainly, and the code and search still work', async (how, words) => {
    const { camera, scanner } = fakeCamera(how)
    setup(fakeApi().api, { scanner })
    await ready()
    click('打开摄像头扫码')
    expect(await screen.findByText(words)).toBeTruthy()
    expect(camera.started).toBe(1)
    typeCode('K7MQ2P')
    click('用入场码签到')
    await waitFor(() => expect(answer().textContent).toContain('签到成功'))
    expect(screen.getByLabelText('姓名或手机号后4位')).toBeTruthy()
    click('再试一次打开摄像头')
    await waitFor(() => expect(camera.started).toBe(2))
  })

  it('a scanned QR checks her in; the same QR seen again within 3 s is not sent, after 3 s it is', async () => {
    let now = TEST_NOW.getTime()
    const restore = setClock(() => new Date(now))
    try {
      const { api, calls } = fakeApi()
      const { camera, scanner } = fakeCamera()
      setup(api, { scanner })
      await ready()
      click('打开摄像头扫码')
      await screen.findByRole('button', { name: '关闭摄像头' })
      act(() => camera.see('t1.g-1.a'))
      await waitFor(() => expect(answer().textContent).toContain('✓ 签到成功'))
      now += 1000
      act(() => camera.see('t1.g-1.a'))
      now += 1900
      act(() => camera.see('t1.g-1.a'))
      // Another ticket is never held back.
      act(() => camera.see('t1.g-2.b'))
      await waitFor(() => expect(answer().textContent).toContain('已经签到过了'))
      now += 3000
      act(() => camera.see('t1.g-2.b'))
      await waitFor(() => expect(calls.filter((c) => c[0] === 'checkIn')).toHaveLength(3))
      expect(calls.filter((c) => c[0] === 'checkIn').map((c) => c[3])).toEqual([
        { token: 't1.g-1.a' },
        { token: 't1.g-2.b' },
        { token: 't1.g-2.b' },
      ])
      click('关闭摄像头')
      expect(camera.stopped).toBe(1)
      expect(screen.getByRole('button', { name: '打开摄像头扫码' })).toBeTruthy()
    } finally {
      restore()
    }
  })

  it('a camera closed while it was still starting is let go once it starts', async () => {
    let started: (s: ScanStart) => void = () => undefined
    const stop = jest.fn()
    const scanner: Scanner = () => new Promise((resolve) => (started = resolve))
    setup(fakeApi().api, { scanner })
    await ready()
    click('打开摄像头扫码')
    click('关闭摄像头')
    await act(async () => started({ ok: true, live: true, stop }))
    expect(stop).toHaveBeenCalledTimes(1)
    expect(screen.getByRole('button', { name: '打开摄像头扫码' })).toBeTruthy()
  })

  it('WeChat’s scanner reads one code and closes by itself: the page offers to scan again', async () => {
    const { api, calls } = fakeApi()
    const scanner: Scanner = async (_host, onText) => {
      onText('t1.g-1.a')
      return { ok: true, live: false, stop: () => undefined }
    }
    setup(api, { scanner })
    await ready()
    click('打开摄像头扫码')
    await waitFor(() => expect(answer().textContent).toContain('✓ 签到成功'))
    expect(screen.getByRole('button', { name: '打开摄像头扫码' })).toBeTruthy()
    expect(calls.filter((c) => c[0] === 'checkIn').map((c) => c[3])).toEqual([{ token: 't1.g-1.a' }])
  })

  it.each(['viewer', 'editor', 'admin'] as const)('%s checks in', async (role) => {
    const { api, calls } = fakeApi()
    setup(api, { role })
    await ready()
    typeCode('K7MQ2P')
    click('用入场码签到')
    await waitFor(() => expect(answer().textContent).toContain('签到成功'))
    expect(calls.filter((c) => c[0] === 'checkIn')).toHaveLength(1)
  })

  it('refreshes the counts every 15 s, as others check people in at other doors', async () => {
    jest.useFakeTimers()
    try {
      const { api, all, calls } = fakeApi()
      setup(api)
      await act(async () => {
        await jest.advanceTimersByTimeAsync(0)
      })
      expect(counts().getAttribute('aria-label')).toBe('已报名2人，已签到1人，未到1人')
      all[0].checkedInAt = '2026-11-23T10:05:00+08:00'
      await act(async () => {
        await jest.advanceTimersByTimeAsync(COUNTS_EVERY_MS - 100)
      })
      expect(counts().getAttribute('aria-label')).toBe('已报名2人，已签到1人，未到1人')
      await act(async () => {
        await jest.advanceTimersByTimeAsync(100)
      })
      expect(counts().getAttribute('aria-label')).toBe('已报名2人，已签到2人，未到0人')
      expect(calls.filter((c) => c[0] === 'checkinCounts')).toHaveLength(2)
    } finally {
      jest.useRealTimers()
    }
  })

  it('a session of another federation shows the server’s 403 words; no session at all says where to start', async () => {
    const { api } = fakeApi()
    api.checkinCounts = async () => {
      throw new ApiError('forbidden', '这不是你所在妇联的场次')
    }
    const { unmount } = setup(api)
    expect(await screen.findByText('这不是你所在妇联的场次')).toBeTruthy()
    unmount()
    setup(fakeApi().api, { sessionId: '' })
    expect(await screen.findByText(NO_SESSION)).toBeTruthy()
  })
})
