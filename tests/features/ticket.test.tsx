/** @jest-environment jsdom */
// Her e-ticket on the detail and success pages: QR and code for a confirmed server sign-up, a line
// for a waitlisted one, nothing when cancelled; kept for offline use; the calendar, map and phone
// actions; and the built-in data, which issues no tickets, shows none.
import { act, fireEvent, render, screen } from '@testing-library/react'
import { __reset, calls, router } from '../support/taro'
import { ApiError, type Signup } from '@/services/api'

/** What the fake server's 我的报名 answers; `fail` makes the next calls fail with that error. */
const mockServer: { mine: Signup[]; fail?: ApiError } = { mine: [] }

jest.mock('@/services', () => ({
  api: {
    listMySignups: async () => {
      if (mockServer.fail) throw mockServer.fail
      return mockServer.mine.map((s) => ({ ...s }))
    },
  },
}))
jest.mock('@/config/env', () => ({
  env: { ...jest.requireActual<typeof import('@/config/env')>('@/config/env').env, apiBase: 'https://jg.example' },
}))
const mockVisit = {
  mapAvailable: true,
  addToCalendar: jest.fn(async (_e: unknown) => 'added'),
  openMap: jest.fn(async (_p: unknown) => true),
  callPhone: jest.fn(async (_n: string) => undefined),
  copyText: jest.fn(async (_t: string) => true),
}
jest.mock('@/platform/visit', () => ({
  addToCalendar: (e: unknown) => mockVisit.addToCalendar(e),
  openMap: (p: unknown) => mockVisit.openMap(p),
  callPhone: (n: string) => mockVisit.callPhone(n),
  copyText: (t: string) => mockVisit.copyText(t),
  canOpenMap: () => mockVisit.mapAvailable,
}))

import SignupDetailPage from '@/subpackages/signup/detail/index'
import SignupDonePage from '@/subpackages/signup/done/index'
import { TICKETS_KEY } from '@/features/signup/ticket-cache'
import { ticketQrDataUrl, TICKET_QR_CELL, TICKET_QR_MARGIN } from '@/features/signup/ticket-qr'
import { storage } from '@/platform'
import qrcode from 'qrcode-generator'

const confirmed: Signup = {
  id: 'su-100',
  programId: 'wd-housekeeping',
  programTitle: '家政技能培训',
  federationName: '武都区妇联',
  sessionId: 'ss-1',
  sessionTitle: '第一期',
  sessionStart: '2026-12-05T14:00:00+08:00',
  sessionEnd: '2026-12-05T16:00:00+08:00',
  online: false,
  place: '武都区妇女儿童活动中心三楼',
  latitude: 33.3917,
  longitude: 104.9298,
  contactPhone: '0939-1234567',
  status: 'confirmed',
  demo: false,
  name: '王芳',
  mobile: '13800138000',
  createdAt: '2026-11-23T09:00:00+08:00',
  ticket: { token: 't1.su-100.AAAAAAAAAAAAAAAAAAAAAA', code: 'K7M9QX' },
}
const waitlisted: Signup = {
  ...confirmed,
  id: 'su-101',
  status: 'waitlisted',
  waitlistPosition: 2,
  ticket: undefined,
}
const cancelled: Signup = { ...confirmed, id: 'su-102', status: 'cancelled', ticket: undefined }

const open = async (Page: () => JSX.Element, id: string) => {
  router.params = { id }
  render(<Page />)
  await screen.findByText('报名人')
}
const tap = (label: string) => act(async () => void fireEvent.click(screen.getByLabelText(label)))

beforeEach(() => {
  __reset()
  mockServer.mine = [confirmed, waitlisted, cancelled]
  delete mockServer.fail
  mockVisit.mapAvailable = true
  for (const f of [mockVisit.addToCalendar, mockVisit.openMap, mockVisit.callPhone, mockVisit.copyText]) f.mockClear()
})

describe('the e-ticket', () => {
  it('shows a confirmed sign-up’s QR, code, name, masked mobile, session, time and place', async () => {
    await open(SignupDetailPage, 'su-100')
    expect(screen.getByLabelText('电子票二维码')).toBeTruthy()
    expect(screen.getByText('K7M 9QX')).toBeTruthy()
    expect(screen.getByLabelText('入场码 K 7 M 9 Q X')).toBeTruthy()
    const ticket = screen.getByLabelText('电子票')
    expect(ticket.textContent).toContain('王芳（138****8000）')
    expect(ticket.textContent).not.toContain('13800138000')
    expect(ticket.textContent).toContain('第一期')
    expect(ticket.textContent).toContain('12月5日 周六 14:00')
    expect(ticket.textContent).toContain('武都区妇女儿童活动中心三楼')
    expect(screen.queryByText('离线显示，可以直接出示')).toBeNull()
  })

  it('is on the success page too', async () => {
    await open(SignupDonePage, 'su-100')
    expect(screen.getByLabelText('电子票二维码')).toBeTruthy()
    expect(screen.getByText('K7M 9QX')).toBeTruthy()
  })

  it('is not there while waitlisted: a line says it comes on promotion', async () => {
    await open(SignupDetailPage, 'su-101')
    expect(screen.getByText('候补中，转正后这里会出现电子票')).toBeTruthy()
    expect(screen.queryByLabelText('电子票二维码')).toBeNull()
    expect(screen.queryByText(/入场码/)).toBeNull()
  })

  it('is gone once cancelled, and so are the actions', async () => {
    await open(SignupDetailPage, 'su-102')
    expect(screen.queryByLabelText('电子票二维码')).toBeNull()
    expect(screen.queryByText('候补中，转正后这里会出现电子票')).toBeNull()
    expect(screen.queryByLabelText('添加到日历')).toBeNull()
    expect(screen.queryByText('打电话')).toBeNull()
  })

  it('stays viewable offline from the last answer, and only with the mobile masked', async () => {
    await open(SignupDetailPage, 'su-100')
    const kept = storage.get(TICKETS_KEY) ?? ''
    expect(kept).toContain('K7M9QX')
    expect(kept).not.toContain('13800138000')
    // Only confirmed sign-ups with a ticket are kept.
    expect(kept).not.toContain('su-101')
    document.body.innerHTML = ''

    mockServer.fail = new ApiError('network', '网络不通，请检查网络后重试')
    await open(SignupDetailPage, 'su-100')
    expect(screen.getByText('离线显示，可以直接出示')).toBeTruthy()
    expect(screen.getByLabelText('电子票二维码')).toBeTruthy()
    expect(screen.getByText('K7M 9QX')).toBeTruthy()
    expect(screen.getByLabelText('电子票').textContent).toContain('王芳（138****8000）')
  })

  it('offline, a sign-up with no kept ticket still says the network failed', async () => {
    await open(SignupDetailPage, 'su-100')
    document.body.innerHTML = ''
    mockServer.fail = new ApiError('network', '网络不通，请检查网络后重试')
    router.params = { id: 'su-101' }
    render(<SignupDetailPage />)
    expect(await screen.findByText('网络不通，请检查网络后重试')).toBeTruthy()
  })

  it('a later answer without the ticket (cancelled elsewhere) drops the kept copy', async () => {
    await open(SignupDetailPage, 'su-100')
    expect(storage.get(TICKETS_KEY)).toContain('K7M9QX')
    document.body.innerHTML = ''
    mockServer.mine = [{ ...confirmed, status: 'cancelled', ticket: undefined }]
    await open(SignupDetailPage, 'su-100')
    expect(storage.get(TICKETS_KEY)).toBeNull()
  })

  it('draws the token as a QR image with its quiet zone', () => {
    const src = ticketQrDataUrl(confirmed.ticket!.token)!
    expect(src.startsWith('data:image/gif;base64,')).toBe(true)
    const gif = Buffer.from(src.split(',')[1], 'base64')
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF87a')
    const qr = qrcode(0, 'M')
    qr.addData(confirmed.ticket!.token, 'Byte')
    qr.make()
    const side = (qr.getModuleCount() + 2 * TICKET_QR_MARGIN) * TICKET_QR_CELL
    expect([gif.readUInt16LE(6), gif.readUInt16LE(8)]).toEqual([side, side])
    // Another token, another picture; none for an empty one.
    expect(ticketQrDataUrl('t1.su-101.BBBBBBBBBBBBBBBBBBBBBB')).not.toBe(src)
    expect(ticketQrDataUrl('')).toBeNull()
    // Small enough for the page's first setData (16 KB).
    expect(src.length).toBeLessThan(6000)
  })
})

describe('the visit actions', () => {
  it('添加到日历 hands the session to the platform, with its end, place and the code', async () => {
    await open(SignupDetailPage, 'su-100')
    await tap('添加到日历')
    expect(mockVisit.addToCalendar).toHaveBeenCalledTimes(1)
    expect(mockVisit.addToCalendar.mock.calls[0][0]).toEqual({
      uid: 'su-100@jinguo-nianzhong-pandian',
      title: '家政技能培训（第一期）',
      start: '2026-12-05T14:00:00+08:00',
      end: '2026-12-05T16:00:00+08:00',
      location: '武都区妇女儿童活动中心三楼',
      description: '主办：武都区妇联\n入场码：K7M 9QX\n联系电话：0939-1234567',
    })
    expect(calls.toasts).toEqual(['已添加到手机日历，开始前 15 分钟提醒'])
  })

  it('导航 opens the map at the session’s point', async () => {
    await open(SignupDetailPage, 'su-100')
    await tap('导航到武都区妇女儿童活动中心三楼')
    expect(mockVisit.openMap).toHaveBeenCalledWith({
      latitude: 33.3917,
      longitude: 104.9298,
      name: '武都区妇女儿童活动中心三楼',
    })
    expect(screen.queryByText('复制地址')).toBeNull()
  })

  it('without a map (H5) or without a point, offers 复制地址 instead', async () => {
    mockVisit.mapAvailable = false
    await open(SignupDetailPage, 'su-100')
    expect(screen.queryByText('导航')).toBeNull()
    await tap('复制地址：武都区妇女儿童活动中心三楼')
    expect(mockVisit.copyText).toHaveBeenCalledWith('武都区妇女儿童活动中心三楼')
    expect(calls.toasts).toEqual(['地址已复制，可以粘贴到地图里'])
    document.body.innerHTML = ''

    mockVisit.mapAvailable = true
    mockServer.mine = [{ ...confirmed, latitude: undefined, longitude: undefined }]
    await open(SignupDetailPage, 'su-100')
    expect(screen.queryByText('导航')).toBeNull()
    expect(screen.getByText('复制地址')).toBeTruthy()
  })

  it('打电话 calls the session’s contact phone, and is absent without one', async () => {
    await open(SignupDetailPage, 'su-100')
    await tap('打电话给主办方 0939-1234567')
    expect(mockVisit.callPhone).toHaveBeenCalledWith('0939-1234567')
    document.body.innerHTML = ''

    mockServer.mine = [{ ...confirmed, contactPhone: undefined }]
    await open(SignupDetailPage, 'su-100')
    expect(screen.queryByText('打电话')).toBeNull()
  })

  it('a waitlisted sign-up has no calendar entry yet, but can call and find the place', async () => {
    await open(SignupDetailPage, 'su-101')
    expect(screen.queryByLabelText('添加到日历')).toBeNull()
    expect(screen.getByText('导航')).toBeTruthy()
    expect(screen.getByText('打电话')).toBeTruthy()
  })
})
