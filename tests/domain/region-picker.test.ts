// The region picker's levels come from the national table: provinces, then cities and the
// counties under no city, then counties; a choice becomes the feed filter of every level to it.
import { divisions } from '@/domain/divisions'
import { matchesFilter } from '@/domain/filters'
import { parseChoice, regionFilter, regionLabel } from '@/domain/region-choice'
import { choiceOf, pathOf, pickerRows } from '@/domain/region-picker'
import type { YearEndCard } from '@/domain/types'

const table = divisions()
const names = (code?: string) => pickerRows(table, code).map((r) => r.name)
const row = (parent: string | undefined, name: string) => pickerRows(table, parent).find((r) => r.name === name)

describe('picker levels', () => {
  it('starts with every province in code order, each opening its cities', () => {
    const rows = pickerRows(table)
    expect(rows).toHaveLength(34)
    expect(rows[0]).toEqual({ code: '110000', name: '北京市', hasChildren: true })
    expect(rows.map((r) => r.code)).toEqual([...rows.map((r) => r.code)].sort())
    expect(names()).toEqual(expect.arrayContaining(['四川省', '甘肃省', '广东省', '台湾省', '香港特别行政区']))
  })

  it('lists a province’s cities, which open their counties', () => {
    expect(row('510000', '成都市')).toEqual({ code: '510100', name: '成都市', hasChildren: true })
    expect(names('510000')).not.toContain('北京市')
    expect(names('510100')).toEqual(expect.arrayContaining(['锦江区', '武侯区']))
    // The table's 市辖区 placeholder is no place she could live in.
    expect(names('510100')).not.toContain('市辖区')
    expect(row('510100', '武侯区')).toEqual({ code: '510107', name: '武侯区', hasChildren: false })
    expect(names('621200')).toContain('武都区')
  })

  it('lists counties under no city at the province level: 北京’s districts, 湖北’s 仙桃', () => {
    expect(row('110000', '东城区')).toEqual({ code: '110101', name: '东城区', hasChildren: false })
    expect(row('420000', '仙桃市')).toEqual({ code: '429004', name: '仙桃市', hasChildren: false })
    expect(row('420000', '武汉市')?.hasChildren).toBe(true)
    // The 直辖县级 group itself is no place to pick.
    expect(names('420000').some((n) => n.includes('直辖'))).toBe(false)
  })

  it('has nothing below a county', () => {
    expect(pickerRows(table, '510107')).toEqual([])
  })
})

describe('choices', () => {
  it('names the path from the province down', () => {
    expect(pathOf(table, '510107').map((d) => d.name)).toEqual(['四川省', '成都市', '武侯区'])
    expect(choiceOf(table, '430200')).toEqual({ code: '430200', names: '湖南省 株洲市' })
    expect(choiceOf(table, '110101')).toEqual({ code: '110101', names: '北京市 东城区' })
    expect(choiceOf(table, '429004')).toEqual({ code: '429004', names: '湖北省 仙桃市' })
    expect(choiceOf(table, '999999')).toBeUndefined()
    expect(choiceOf(table, '519900')).toBeUndefined()
  })

  it('filters by every level down to the choice, and by nothing for 全国', () => {
    expect(regionFilter(undefined)).toEqual({})
    expect(regionFilter(choiceOf(table, '510000'))).toEqual({ province: '510000' })
    expect(regionFilter(choiceOf(table, '510100'))).toEqual({ province: '510000', city: '510100' })
    expect(regionFilter(choiceOf(table, '621202'))).toEqual({ province: '620000', city: '621200', county: '621202' })
    expect(regionFilter(choiceOf(table, '110101'))).toEqual({ province: '110000', county: '110101' })
  })

  it('finds the card of the place picked, at each level', () => {
    const card = { region: { province: '甘肃', city: '陇南', district: '武都区', code: '621202' }, topics: [] }
    const match = (code: string) => matchesFilter(card as unknown as YearEndCard, regionFilter(choiceOf(table, code)))
    expect(['620000', '621200', '621202'].map(match)).toEqual([true, true, true])
    expect(['510000', '621100', '621221'].map(match)).toEqual([false, false, false])
  })

  it('labels the control with the nearest name, or 全国', () => {
    expect(regionLabel(undefined)).toBe('全国')
    expect(regionLabel({ code: '510100', names: '四川省 成都市' })).toBe('成都市')
    expect(regionLabel({ code: '510000', names: '四川省' })).toBe('四川省')
  })

  it('reads back only a well-formed stored choice', () => {
    expect(parseChoice(JSON.stringify({ code: '510100', names: '四川省 成都市' }))).toEqual({
      code: '510100',
      names: '四川省 成都市',
    })
    for (const raw of [
      null,
      '',
      'not json',
      '42',
      '{"code":"51"}',
      '{"code":"510100","names":""}',
      '{"code":"510100"}',
    ]) {
      expect(parseChoice(raw)).toBeUndefined()
    }
  })
})
