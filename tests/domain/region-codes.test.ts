import { divisions } from '@/domain/divisions'
import { codeLevel, provinceCodeOf, resolveRegion } from '@/domain/region-codes'
import type { FederationFile, Region } from '@/domain/types'
import { contentFiles } from '../support/content-files'

const resolve = (region: Region) => resolveRegion(region, divisions())
const shipped = (id: string) =>
  (contentFiles.map((f) => f.data as FederationFile).find((f) => f.federation.id === id) as FederationFile).federation
    .region

describe('region codes of the five shipped federations', () => {
  it.each([
    ['chengdu-2020', { province: '510000', city: '510100', place: '四川省 成都市' }],
    ['wudu-2020', { province: '620000', city: '621200', county: '621202', place: '甘肃省 陇南市 武都区' }],
    // The article names no city: the card is placed in the province only.
    ['hebei-2021', { province: '130000', place: '河北省' }],
    ['zhuzhou-2020', { province: '430000', city: '430200', place: '湖南省 株洲市' }],
    ['huizhou-2020', { province: '440000', city: '441300', place: '广东省 惠州市' }],
  ])('%s', (id, codes) => {
    expect(resolve(shipped(id))).toEqual(codes)
  })

  it('every shipped federation resolves', () => {
    for (const f of contentFiles.map((c) => c.data as FederationFile)) {
      expect(resolve(f.federation.region)).not.toHaveProperty('problem')
    }
  })
})

describe('resolveRegion', () => {
  it('gives a county directly under its province no city (仙桃市, 北京的东城区)', () => {
    expect(resolve({ province: '湖北', code: '429004' })).toEqual({
      province: '420000',
      county: '429004',
      place: '湖北省 仙桃市',
    })
    expect(resolve({ province: '北京', district: '东城区', code: '110101' })).toEqual({
      province: '110000',
      county: '110101',
      place: '北京市 东城区',
    })
  })

  it('says what does not fit', () => {
    expect(resolve({ province: '四川', code: '5101' })).toEqual({ problem: '地区代码“5101”应为 6 位数字' })
    expect(resolve({ province: '四川', code: '990000' })).toEqual({ problem: '地区代码“990000”不在全国行政区划里' })
    expect(resolve({ province: '四川', code: '519900' })).toEqual({ problem: '地区代码“519900”不在全国行政区划里' })
    expect(resolve({ province: '湖南', city: '成都', code: '510100' })).toEqual({
      problem: '地区代码“510100”属于四川省，与“湖南”不符',
    })
    expect(resolve({ province: '四川', city: '绵阳', code: '510100' })).toEqual({
      problem: '地区代码“510100”属于成都市，与“绵阳”不符',
    })
    expect(resolve({ province: '甘肃', city: '陇南', district: '文县', code: '621202' })).toEqual({
      problem: '地区代码“621202”是武都区，与“文县”不符',
    })
  })

  it('tells the level of a filter code', () => {
    expect([codeLevel('510000'), codeLevel('510100'), codeLevel('621202')]).toEqual(['province', 'city', 'county'])
    expect(provinceCodeOf('621202')).toBe('620000')
  })
})
