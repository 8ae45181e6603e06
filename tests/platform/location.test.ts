// The map and "where am I" behind the platform module: no map without the build's key on H5, the
// browser's WGS-84 turned into GCJ-02, WeChat's GCJ-02 kept, and each failure told apart.
const mockTaro = { chooseLocation: jest.fn(), getLocation: jest.fn() }
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: mockTaro }))

type LocationModule = typeof import('@/platform/location')
const g = globalThis as { LOCATION_APIKEY?: string }

/** The module as a build for `env` loads it (isWeapp is read once, at load). */
function load(env: 'h5' | 'weapp'): LocationModule {
  const before = process.env.TARO_ENV
  process.env.TARO_ENV = env
  let mod: LocationModule | undefined
  jest.isolateModules(() => {
    mod = jest.requireActual<LocationModule>('@/platform/location')
  })
  process.env.TARO_ENV = before
  return mod!
}

afterEach(() => {
  delete g.LOCATION_APIKEY
  mockTaro.chooseLocation.mockReset()
  mockTaro.getLocation.mockReset()
})

describe('chooseLocation', () => {
  it('on H5 without a map key offers no map and never opens one', async () => {
    const h5 = load('h5')
    expect(h5.canChooseLocation()).toBe(false)
    expect(await h5.chooseLocation()).toEqual({ ok: false, reason: 'unavailable' })
    expect(mockTaro.chooseLocation).not.toHaveBeenCalled()
  })

  it('with the key, gives the picked place with its name and address, coordinates to six decimals', async () => {
    g.LOCATION_APIKEY = 'KEY'
    const h5 = load('h5')
    expect(h5.canChooseLocation()).toBe(true)
    mockTaro.chooseLocation.mockResolvedValue({
      name: ' 武都区妇女儿童活动中心 ',
      address: '甘肃省陇南市武都区钟楼路',
      latitude: 33.391234567,
      longitude: 104.9212345,
    })
    expect(await h5.chooseLocation()).toEqual({
      ok: true,
      value: {
        name: '武都区妇女儿童活动中心',
        address: '甘肃省陇南市武都区钟楼路',
        latitude: 33.391235,
        longitude: 104.921235,
      },
    })
  })

  it.each([
    [{ errMsg: 'cancel' }, 'cancelled'],
    [{ errMsg: 'chooseLocation:fail cancel' }, 'cancelled'],
    [{}, 'cancelled'],
    [{ errMsg: 'chooseLocation:fail auth deny' }, 'denied'],
    [new Error('网络错误'), 'unavailable'],
  ])('a failure %p is %s', async (failure, reason) => {
    g.LOCATION_APIKEY = 'KEY'
    mockTaro.chooseLocation.mockRejectedValue(failure)
    expect(await load('h5').chooseLocation()).toEqual({ ok: false, reason })
  })

  it('on weapp the map is WeChat’s own and needs no key', () => {
    expect(load('weapp').canChooseLocation()).toBe(true)
  })
})

describe('currentLocation', () => {
  it('on H5 asks the browser (WGS-84, with a time limit) and gives GCJ-02', async () => {
    mockTaro.getLocation.mockResolvedValue({ latitude: 31.1774276, longitude: 121.5272106 })
    expect(await load('h5').currentLocation()).toEqual({
      ok: true,
      value: { latitude: 31.175304, longitude: 121.531542 },
    })
    expect(mockTaro.getLocation).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'wgs84', highAccuracyExpireTime: 10000 }),
    )
  })

  it('on weapp asks WeChat for GCJ-02 and keeps it', async () => {
    mockTaro.getLocation.mockResolvedValue({ latitude: 33.39, longitude: 104.92 })
    expect(await load('weapp').currentLocation()).toEqual({ ok: true, value: { latitude: 33.39, longitude: 104.92 } })
    expect(mockTaro.getLocation).toHaveBeenCalledWith(expect.objectContaining({ type: 'gcj02' }))
  })

  it.each([
    [{ errMsg: 'User denied Geolocation' }, 'denied'],
    [{ errMsg: 'getLocation:fail auth deny' }, 'denied'],
    [{ errMsg: 'getLocation:fail:system permission denied' }, 'denied'],
    [{ errMsg: 'Timeout expired' }, 'unavailable'],
    [{ errMsg: 'The current browser does not support this feature' }, 'unavailable'],
  ])('a failure %p is %s', async (failure, reason) => {
    mockTaro.getLocation.mockRejectedValue(failure)
    expect(await load('h5').currentLocation()).toEqual({ ok: false, reason })
  })

  it('an answer that is not a place is unavailable', async () => {
    mockTaro.getLocation.mockResolvedValue({ latitude: Number.NaN, longitude: 104.92 })
    expect(await load('h5').currentLocation()).toEqual({ ok: false, reason: 'unavailable' })
  })
})
