import {
  cardRegionCodes,
  decodeCardCursor,
  encodeCardCursor,
  filterCards,
  filterProblem,
  pageCards,
  provincesOf,
  toggleFilter,
} from '@/domain/filters'
import { buildCatalog } from '@/domain/catalog'
import { createMockApi } from '@/services/mock/mock-api'
import type { FederationFile, Topic, YearEndCard } from '@/domain/types'
import { contentFiles } from '../support/content-files'
import { memoryStore } from '../support/memory-store'

const api = createMockApi({ files: contentFiles, store: memoryStore() })
// Expected counts are read from the files themselves, so adding a federation keeps them true.
const FILES = contentFiles.map((f) => f.data as FederationFile)
const provinceCode = (f: FederationFile) => `${f.federation.region.code.slice(0, 2)}0000`
const count = (province?: string, topic?: Topic) =>
  FILES.filter((f) => (!province || provinceCode(f) === province) && (!topic || f.topics.includes(topic))).length
const allCards = async () => (await api.listCards()).cards

let base: YearEndCard
beforeAll(async () => {
  ;[base] = await allCards()
})

/** `n` cards over a few years and places, in no order. */
function manyCards(n: number): YearEndCard[] {
  return Array.from({ length: n }, (_, i) => ({
    ...base,
    federationId: `gen-${(i * 7919) % n}`,
    year: 2019 + (i % 3),
    region: { province: '某省', code: ['510100', '430200', '621202', '130000'][i % 4] },
  }))
}

describe('feed filters', () => {
  it('lists provinces once each, by code with the name the data gives', async () => {
    const provinces = provincesOf(await allCards())
    expect(provinces.map((p) => p.code).sort()).toEqual([...new Set(FILES.map(provinceCode))].sort())
    expect(provinces).toEqual(
      expect.arrayContaining([
        { code: '510000', name: '四川' },
        { code: '440000', name: '广东' },
        { code: '620000', name: '甘肃' },
      ]),
    )
    expect(buildCatalog(contentFiles).files).toHaveLength((await allCards()).length)
  })

  it.each([
    [{}, count()],
    [{ province: '440000' }, count('440000')],
    [{ topic: '乡村振兴' as const }, count(undefined, '乡村振兴')],
    [{ province: '440000', topic: '乡村振兴' as const }, count('440000', '乡村振兴')],
    [{ province: '440000', topic: '健康' as const }, count('440000', '健康')],
    [{ province: '990000' }, 0],
  ])('%j matches %i cards', async (filter, n) => {
    expect(filterCards(await allCards(), filter)).toHaveLength(n)
  })

  it('has data where the filters above choose something and leave something out', () => {
    expect(count('440000')).toBeGreaterThan(0)
    expect(count('440000')).toBeLessThan(count())
    expect(count(undefined, '乡村振兴')).toBeGreaterThan(count('440000', '乡村振兴'))
    expect(count('440000', '健康')).toBeLessThan(count('440000'))
  })

  it('filters by city and county codes, and searches name and place', async () => {
    const ids = async (filter: object) => filterCards(await allCards(), filter).map((c) => c.federationId)
    expect(await ids({ city: '621200' })).toEqual(['wudu-2020'])
    expect(await ids({ county: '621202' })).toEqual(['wudu-2020'])
    expect(await ids({ city: '510100' })).toEqual(['chengdu-2020'])
    expect(await ids({ q: ' 成都 ' })).toEqual(['chengdu-2020'])
    expect(await ids({ q: '惠州市妇联' })).toEqual(['huizhou-2020'])
    expect(await ids({ q: '河北' })).toEqual(['hebei-2021'])
    expect(await ids({ q: '没有这个地方' })).toEqual([])
  })

  it('keeps to 有可报名 with open, on any other filter too', async () => {
    // One more federation with nothing taking sign-ups now.
    const closed: YearEndCard = { ...base, federationId: 'closed-1', name: '某县妇联', openProgramCount: 0 }
    const cards = [...(await allCards()), closed]
    const open = cards.filter((c) => c.openProgramCount > 0).map((c) => c.federationId)
    expect(open.length).toBeGreaterThan(0)
    expect(filterCards(cards, { open: '1' }).map((c) => c.federationId)).toEqual(open)
    expect(filterCards(cards, { q: '某县' })).toEqual([closed])
    expect(filterCards(cards, { open: '1', q: '某县' })).toEqual([])
    expect((await api.listCards({ open: '1' })).cards.every((c) => c.openProgramCount > 0)).toBe(true)
    await expect(api.listCards({ open: 'yes' as '1' })).rejects.toMatchObject({ field: 'open' })
  })

  it('reads each level from a code', () => {
    expect(cardRegionCodes('130000')).toEqual({ province: '130000' })
    expect(cardRegionCodes('510100')).toEqual({ province: '510000', city: '510100' })
    expect(cardRegionCodes('621202')).toEqual({ province: '620000', city: '621200', county: '621202' })
  })

  it('toggles a value on and off and keeps the other key', () => {
    const a = toggleFilter({}, 'province', '430000')
    expect(a).toEqual({ province: '430000' })
    const b = toggleFilter(a, 'topic', '健康')
    expect(b).toEqual({ province: '430000', topic: '健康' })
    expect(toggleFilter(b, 'province', '430000')).toEqual({ topic: '健康' })
    expect(toggleFilter(b, 'topic', undefined)).toEqual({ province: '430000' })
  })
})

describe('feed pages', () => {
  it('covers every card exactly once, newest year first, then region code, then id', () => {
    const cards = manyCards(100)
    const seen: YearEndCard[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const page = pageCards(cards, {}, cursor)
      expect(page.cards.length).toBeLessThanOrEqual(12)
      seen.push(...page.cards)
      cursor = page.next
      pages++
    } while (cursor)
    expect(pages).toBe(9)
    expect(seen.map((c) => c.federationId).sort()).toEqual(cards.map((c) => c.federationId).sort())
    const keys = seen.map((c) => [3000 - c.year, c.region.code, c.federationId].join('|'))
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)))
    expect(seen[0].year).toBe(2021)
  })

  it('gives no next cursor when the last page is exactly full', () => {
    const page = pageCards(manyCards(12), {})
    expect([page.cards.length, page.next]).toEqual([12, null])
  })

  it('keeps the filter across pages', () => {
    const cards = manyCards(60)
    const first = pageCards(cards, { county: '621202' })
    const second = pageCards(cards, { county: '621202' }, first.next)
    expect([first.cards.length, second.cards.length, second.next]).toEqual([12, 3, null])
    expect([...first.cards, ...second.cards].every((c) => c.region.code === '621202')).toBe(true)
  })

  it('makes cursors only it reads back, and names what is wrong with a request', () => {
    const key = { year: 2020, regionCode: '510100', id: 'chengdu-2020' }
    expect(decodeCardCursor(encodeCardCursor(key))).toEqual(key)
    expect(decodeCardCursor('c1~2020~5101~chengdu-2020')).toBeUndefined()
    expect(decodeCardCursor("c1~2020~510100~x' OR 1=1")).toBeUndefined()
    expect(filterProblem({ province: '510000', city: '510100', county: '621202', q: '成都', topic: '健康' })).toBe(
      undefined,
    )
    expect(filterProblem({ province: '510100' })).toEqual({
      field: 'province',
      message: '地区代码“510100”不对：请重新选择地区',
    })
    expect(filterProblem({ city: '510000' })?.field).toBe('city')
    expect(filterProblem({ county: '510100' })?.field).toBe('county')
    expect(filterProblem({ topic: '没有' as Topic })?.field).toBe('topic')
    expect(filterProblem({ q: '字'.repeat(31) })?.field).toBe('q')
    expect(filterProblem({ open: '1' })).toBeUndefined()
    expect(filterProblem({ open: 'true' as '1' })?.field).toBe('open')
    expect(filterProblem({}, 'abc')).toEqual({ field: 'cursor', message: '翻页位置不对，请从头再看' })
  })
})
