// WGS-84 → GCJ-02 against the public eviltransform test vectors, and no offset outside China.
import { outOfChina, roundCoordinate, wgs84ToGcj02 } from '@/domain/coordinates'

describe('wgs84ToGcj02', () => {
  it.each([
    ['上海', 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215],
    ['深圳', 22.543847, 113.912316, 22.540796131694766, 113.9171764808363],
    ['北京', 39.911954, 116.377817, 39.91334545536069, 116.38404722455657],
  ])('%s matches the published vector', (_, lat, lng, gLat, gLng) => {
    const g = wgs84ToGcj02(lat, lng)
    expect(Math.abs(g.latitude - gLat)).toBeLessThan(1e-9)
    expect(Math.abs(g.longitude - gLng)).toBeLessThan(1e-9)
  })

  it.each([
    ['丹佛', 39.7392, -104.9903],
    ['布里斯班', -27.4698, 153.0251],
  ])('leaves %s, outside China, as it is', (_, lat, lng) => {
    expect(outOfChina(lat, lng)).toBe(true)
    expect(wgs84ToGcj02(lat, lng)).toEqual({ latitude: lat, longitude: lng })
  })

  it('rounds to six decimals', () => {
    expect(roundCoordinate(33.3912345678)).toBe(33.391235)
    expect(roundCoordinate(-104.9)).toBe(-104.9)
  })
})
