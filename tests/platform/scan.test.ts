/** @jest-environment jsdom */
// The door's camera on H5: a ticket's QR (as qrcode-generator draws it) reads back as its token; a
// refused camera is `denied`, a missing one `unavailable`; a started camera shows its picture in
// the page and lets go of it when stopped.
import { qrModules } from '@/features/share/qr'
import { readQr, startTicketScanner } from '@/platform/scan'

/** The QR drawn as a camera frame: 4 pixels a module, a quiet zone of 4 modules, black on white. */
function frame(text: string) {
  const modules = qrModules(text)
  if (!modules) throw new Error('no QR')
  const scale = 4
  const size = (modules.length + 8) * scale
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return
      for (let y = 0; y < scale; y++)
        for (let x = 0; x < scale; x++) {
          const i = (((r + 4) * scale + y) * size + (c + 4) * scale + x) * 4
          data[i] = data[i + 1] = data[i + 2] = 0
        }
    }),
  )
  return { data, width: size, height: size }
}

function withCamera(getUserMedia: (() => Promise<MediaStream>) | undefined) {
  Object.defineProperty(navigator, 'mediaDevices', {
    configurable: true,
    value: getUserMedia ? { getUserMedia } : undefined,
  })
}

afterEach(() => withCamera(undefined))

describe('ticket scanner (H5)', () => {
  it('reads a ticket token back from a frame, dark on light or light on dark, and nothing from a blank one', () => {
    const token = 't1.sg_8f3k2m9q.Vb3x9Kq2LmN4pR7sT1uW0y'
    expect(readQr(frame(token))).toBe(token)
    // Light on dark, as a phone in the dark theme may show it.
    const inverted = frame(token)
    for (let i = 0; i < inverted.data.length; i += 4)
      inverted.data[i] = inverted.data[i + 1] = inverted.data[i + 2] = 255 - inverted.data[i]
    expect(readQr(inverted)).toBe(token)
    const blank = frame('x')
    blank.data.fill(255)
    expect(readQr(blank)).toBeUndefined()
  })

  it('a refused camera is denied, no camera or no camera API unavailable; nothing is read', async () => {
    const onText = jest.fn()
    withCamera(undefined)
    expect(await startTicketScanner('host', onText)).toEqual({ ok: false, reason: 'unavailable' })
    withCamera(() => Promise.reject(new DOMException('Permission denied', 'NotAllowedError')))
    expect(await startTicketScanner('host', onText)).toEqual({ ok: false, reason: 'denied' })
    withCamera(() => Promise.reject(new DOMException('Requested device not found', 'NotFoundError')))
    expect(await startTicketScanner('host', onText)).toEqual({ ok: false, reason: 'unavailable' })
    expect(onText).not.toHaveBeenCalled()
  })

  it('shows the camera’s picture in the host and lets go of the camera when stopped', async () => {
    const track = { stop: jest.fn() }
    const stream = { getTracks: () => [track] } as unknown as MediaStream
    withCamera(() => Promise.resolve(stream))
    const play = jest.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined)
    // Nor a canvas: no frame is read here (readQr is tested above).
    const canvas = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
    // jsdom has no media stream to play: keep srcObject as a plain property.
    Object.defineProperty(HTMLMediaElement.prototype, 'srcObject', { configurable: true, writable: true, value: null })
    document.body.innerHTML = '<div id="host"></div>'
    try {
      const started = await startTicketScanner('host', jest.fn())
      expect(started.ok).toBe(true)
      const video = document.querySelector('#host video') as HTMLVideoElement
      expect(video.getAttribute('playsinline')).toBe('true')
      expect(video.srcObject).toBe(stream)
      if (started.ok) started.stop()
      expect(track.stop).toHaveBeenCalled()
      expect(document.querySelector('#host video')).toBeNull()
    } finally {
      play.mockRestore()
      canvas.mockRestore()
    }
  })
})
