/** @jest-environment jsdom */
// Getting to a session through the platform module: weapp's phone calendar, map, dialer and
// clipboard; on H5 the .ics download, the tel: dialer and the browser's clipboard.
const mockTaro = {
  addPhoneCalendar: jest.fn(),
  openLocation: jest.fn(),
  makePhoneCall: jest.fn(),
  setClipboardData: jest.fn(),
}
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: mockTaro }))

import type { CalendarEvent } from '@/domain/calendar'

type VisitModule = typeof import('@/platform/visit')

/** The module as a build for `env` loads it (isWeapp is read once, at load). */
function load(env: 'h5' | 'weapp'): VisitModule {
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = env
  let mod: VisitModule | undefined
  jest.isolateModules(() => {
    mod = jest.requireActual<VisitModule>('@/platform/visit')
  })
  process.env.TARO_ENV = before
  return mod!
}

const event: CalendarEvent = {
  uid: 'su-1@jinguo',
  title: '家政培训（第一期）',
  start: '2026-12-05T14:00:00+08:00',
  end: '2026-12-05T16:00:00+08:00',
  location: '武都区妇女儿童活动中心三楼',
}

afterEach(() => {
  for (const f of Object.values(mockTaro)) f.mockReset()
})

describe('weapp', () => {
  const weapp = load('weapp')

  it('adds the session to the phone calendar with a 15-minute alarm', async () => {
    mockTaro.addPhoneCalendar.mockResolvedValue({ errMsg: 'addPhoneCalendar:ok' })
    expect(await weapp.addToCalendar(event)).toBe('added')
    expect(mockTaro.addPhoneCalendar).toHaveBeenCalledWith(
      expect.objectContaining({
        title: '家政培训（第一期）',
        startTime: Date.parse('2026-12-05T06:00:00Z') / 1000,
        endTime: Date.parse('2026-12-05T08:00:00Z') / 1000,
        alarmOffset: 900,
      }),
    )
    mockTaro.addPhoneCalendar.mockRejectedValue({ errMsg: 'addPhoneCalendar:fail cancel' })
    expect(await weapp.addToCalendar(event)).toBe('cancelled')
    mockTaro.addPhoneCalendar.mockRejectedValue({ errMsg: 'addPhoneCalendar:fail auth deny' })
    expect(await weapp.addToCalendar(event)).toBe('failed')
  })

  it('opens the map at the point, dials, and copies', async () => {
    expect(weapp.canOpenMap()).toBe(true)
    mockTaro.openLocation.mockResolvedValue({})
    expect(await weapp.openMap({ latitude: 33.39, longitude: 104.93, name: '活动中心' })).toBe(true)
    expect(mockTaro.openLocation).toHaveBeenCalledWith(
      expect.objectContaining({ latitude: 33.39, longitude: 104.93, name: '活动中心' }),
    )
    mockTaro.openLocation.mockRejectedValue({ errMsg: 'openLocation:fail' })
    expect(await weapp.openMap({ latitude: 33.39, longitude: 104.93, name: '活动中心' })).toBe(false)
    mockTaro.makePhoneCall.mockRejectedValue({ errMsg: 'makePhoneCall:fail cancel' })
    await expect(weapp.callPhone('0939-1234567')).resolves.toBeUndefined()
    expect(mockTaro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0939-1234567' })
    mockTaro.setClipboardData.mockResolvedValue({})
    expect(await weapp.copyText('地址')).toBe(true)
    expect(mockTaro.setClipboardData).toHaveBeenCalledWith({ data: '地址' })
  })
})

describe('H5', () => {
  const h5 = load('h5')

  it('downloads an .ics file named after the session, and never calls the weapp API', async () => {
    const blobs: Blob[] = []
    const clicked: Array<{ href: string; download: string }> = []
    URL.createObjectURL = jest.fn((b: Blob) => (blobs.push(b), 'blob:ics-1'))
    URL.revokeObjectURL = jest.fn()
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push({ href: this.href, download: this.download })
    })
    expect(await h5.addToCalendar(event)).toBe('downloaded')
    click.mockRestore()
    expect(mockTaro.addPhoneCalendar).not.toHaveBeenCalled()
    expect(clicked).toEqual([{ href: 'blob:ics-1', download: '家政培训（第一期）.ics' }])
    expect(blobs[0].type).toBe('text/calendar;charset=utf-8')
    // jsdom's Blob has no text(); FileReader reads it as a browser would.
    const text = await new Promise<string>((resolve) => {
      const reader = new FileReader()
      reader.onload = () => resolve(String(reader.result))
      reader.readAsText(blobs[0])
    })
    expect(text).toContain('DTSTART:20261205T060000Z')
    expect(text).toContain('LOCATION:武都区妇女儿童活动中心三楼')
  })

  it('has no map to open, and copies with the browser’s clipboard', async () => {
    expect(h5.canOpenMap()).toBe(false)
    const writeText = jest.fn(async () => undefined)
    Object.assign(navigator, { clipboard: { writeText } })
    expect(await h5.copyText('武都区妇女儿童活动中心三楼')).toBe(true)
    expect(writeText).toHaveBeenCalledWith('武都区妇女儿童活动中心三楼')
    writeText.mockRejectedValueOnce(new Error('denied'))
    expect(await h5.copyText('x')).toBe(false)
    expect(mockTaro.setClipboardData).not.toHaveBeenCalled()
  })
})
