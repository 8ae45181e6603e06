// Random ids come from Web Crypto or wx.getRandomValues, never Math.random.
import Taro from '@tarojs/taro'
import { __reset, __setStorageFull } from '../support/taro'

const load = () => require('@/platform/random') as typeof import('@/platform/random')
const loadHttp = () => require('@/platform/http') as typeof import('@/platform/http')
const webCrypto = Object.getOwnPropertyDescriptor(globalThis, 'crypto')!
// The stand-in as the freshly loaded platform modules see it (modules are reset for each test).
let standIn: { getRandomValues?: unknown }

let mathRandom: jest.SpyInstance
beforeEach(() => {
  __reset()
  jest.resetModules()
  standIn = (require('@tarojs/taro') as { default: { getRandomValues?: unknown } }).default
  mathRandom = jest.spyOn(Math, 'random')
})
afterEach(() => {
  Object.defineProperty(globalThis, 'crypto', webCrypto)
  delete standIn.getRandomValues
  expect(mathRandom).not.toHaveBeenCalled()
  mathRandom.mockRestore()
})

/** Takes Web Crypto away, as in WeChat's JS engine. */
const withoutWebCrypto = () => Object.defineProperty(globalThis, 'crypto', { value: undefined, configurable: true })

describe('randomId', () => {
  it('uses Web Crypto where there is one (browsers, H5)', async () => {
    const spy = jest.spyOn(globalThis.crypto, 'getRandomValues')
    const ids = await Promise.all(Array.from({ length: 50 }, () => load().randomId()))
    expect(spy).toHaveBeenCalledTimes(50)
    expect(ids.every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true)
    expect(new Set(ids).size).toBe(50)
    spy.mockRestore()
  })

  it('uses wx.getRandomValues in weapp', async () => {
    withoutWebCrypto()
    const asked: number[] = []
    standIn.getRandomValues = ({ length, success }: { length: number; success: (r: object) => void }) => {
      asked.push(length)
      success({ randomValues: new Uint8Array(length).fill(0xab).buffer })
    }
    expect(await load().randomId()).toBe('ab'.repeat(16))
    expect(asked).toEqual([16])
  })

  it('falls back to a unique, marked id when neither exists, and logs a failing wx call', async () => {
    withoutWebCrypto()
    const { randomId } = load()
    const a = await randomId()
    standIn.getRandomValues = ({ fail }: { fail: (e: unknown) => void }) => fail({ errMsg: 'getRandomValues:fail' })
    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const b = await randomId()
    expect(errors).toHaveBeenCalledWith('[随机数] wx.getRandomValues 失败', { errMsg: 'getRandomValues:fail' })
    errors.mockRestore()
    expect(a).toMatch(/^u[0-9a-z]+-1$/)
    expect(b).toMatch(/^u[0-9a-z]+-2$/)
    // The server takes idempotency keys of 8–100 of these characters.
    expect(`k-${a}`).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/)
  })
})

describe('deviceId (H5)', () => {
  it('is random, kept on the phone, and the same for calls made before it was stored', async () => {
    const { deviceId } = loadHttp()
    const [a, b] = await Promise.all([deviceId(), deviceId()])
    expect(a).toMatch(/^d-[0-9a-f]{32}$/)
    expect(b).toBe(a)
    expect(Taro.getStorageSync('jg.device')).toBe(a)
    jest.resetModules()
    expect(await loadHttp().deviceId()).toBe(a)
  })

  it('lives for the session when storage is full', async () => {
    __setStorageFull(true)
    const { deviceId } = loadHttp()
    const a = await deviceId()
    expect(await deviceId()).toBe(a)
    expect(Taro.getStorageSync('jg.device')).toBe('')
  })
})
