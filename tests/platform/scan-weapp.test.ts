// The door's scanner in the mini-program: WeChat's scanner, camera only and QR only, hands its one
// code over in the shape the H5 camera gives; closing it is not a failure, a refusal is `denied`.
import Taro from '@tarojs/taro'
import { startTicketScanner } from '@/platform/scan.weapp'

jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { scanCode: jest.fn() } }))
const mockTaro = Taro as unknown as { scanCode: jest.Mock }

afterEach(() => mockTaro.scanCode.mockReset())

describe('ticket scanner (weapp)', () => {
  it('opens WeChat’s scanner from the camera for QR codes only and passes the code on', async () => {
    const token = 't1.sg_8f3k2m9q.Vb3x9Kq2LmN4pR7sT1uW0y'
    mockTaro.scanCode.mockResolvedValue({ result: token, scanType: 'QR_CODE', errMsg: 'scanCode:ok' })
    const onText = jest.fn()
    const started = await startTicketScanner('checkin-camera', onText)
    expect(mockTaro.scanCode).toHaveBeenCalledTimes(1)
    expect(mockTaro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
    expect(onText).toHaveBeenCalledTimes(1)
    expect(onText).toHaveBeenCalledWith(token)
    // The H5 shape: started, with a stop; not live, because WeChat's scanner has closed already.
    expect(started).toEqual({ ok: true, live: false, stop: expect.any(Function) })
    if (started.ok) expect(() => started.stop()).not.toThrow()
  })

  it('a code with no text passes nothing on', async () => {
    mockTaro.scanCode.mockResolvedValue({ result: '', errMsg: 'scanCode:ok' })
    const onText = jest.fn()
    expect(await startTicketScanner('checkin-camera', onText)).toMatchObject({ ok: true, live: false })
    expect(onText).not.toHaveBeenCalled()
  })

  it('closing the scanner is not an error: nothing is read and nothing is reported', async () => {
    mockTaro.scanCode.mockRejectedValue({ errMsg: 'scanCode:fail cancel' })
    const onText = jest.fn()
    expect(await startTicketScanner('checkin-camera', onText)).toEqual({
      ok: true,
      live: false,
      stop: expect.any(Function),
    })
    expect(onText).not.toHaveBeenCalled()
  })

  it('a refused camera is denied; any other failure unavailable', async () => {
    const onText = jest.fn()
    mockTaro.scanCode.mockRejectedValue({ errMsg: 'scanCode:fail auth deny' })
    expect(await startTicketScanner('checkin-camera', onText)).toEqual({ ok: false, reason: 'denied' })
    mockTaro.scanCode.mockRejectedValue({ errMsg: 'scanCode:fail system permission denied' })
    expect(await startTicketScanner('checkin-camera', onText)).toEqual({ ok: false, reason: 'denied' })
    mockTaro.scanCode.mockRejectedValue({ errMsg: 'scanCode:fail' })
    expect(await startTicketScanner('checkin-camera', onText)).toEqual({ ok: false, reason: 'unavailable' })
    mockTaro.scanCode.mockRejectedValue(new Error('boom'))
    expect(await startTicketScanner('checkin-camera', onText)).toEqual({ ok: false, reason: 'unavailable' })
    expect(onText).not.toHaveBeenCalled()
  })
})
