// GET /api/cards at more than one page: every card exactly once in the feed's order, each filter
// and the search as the built-in data answers them, and bad input refused in Chinese.
import { contentFiles } from '@/services/mock/content-files'
import { createMockApi } from '@/services/mock/mock-api'
import type { CardFilter, CardPage } from '@/domain/filters'
import type { FederationFile } from '@/domain/types'
import { isProgramOpen } from '@/domain/sessions'
import type { RawFile } from '@/domain/catalog'
import { memoryStore } from '../support/memory-store'
import { backends, NOW, startTestServer, type TestServer } from './support'

const PLACES = [
  { province: '四川', city: '成都', district: '锦江区', code: '510104' },
  { province: '四川', city: '成都', code: '510100' },
  { province: '湖北', district: '仙桃市', code: '429004' },
  { province: '北京', district: '东城区', code: '110101' },
  { province: '甘肃', city: '陇南', district: '武都区', code: '621202' },
  { province: '河北', code: '130000' },
]

/** 45 more federations over six places and four years, made from the 成都 file without its programs. */
function moreFiles(): RawFile[] {
  const chengdu = contentFiles.find((f) => f.file.endsWith('chengdu-2020.json'))?.data as FederationFile
  return Array.from({ length: 45 }, (_, i) => {
    const file: FederationFile = structuredClone({ ...chengdu, programs: [] })
    file.federation = {
      ...file.federation,
      id: `page-test-${i}`,
      name: `第${i}号测试妇联`,
      region: PLACES[i % PLACES.length],
      year: 2019 + (i % 4),
    }
    return { file: `generated/page-test-${i}.json`, data: file }
  })
}

const FILES = [...contentFiles, ...moreFiles()]
const json = (r: { body: string }) => JSON.parse(r.body)

describe.each(backends())('card pages (%s)', (backend) => {
  let server: TestServer
  const mock = createMockApi({ files: FILES, store: memoryStore(), now: () => NOW })

  beforeAll(async () => {
    server = await startTestServer(backend, { files: FILES })
  }, 120_000)
  afterAll(async () => server?.close())

  const page = async (filter: CardFilter & { cursor?: string; limit?: string }) => {
    const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v) as Array<[string, string]>)
    const r = await server.inject({ method: 'GET', url: `/api/cards?${query}` })
    expect([r.statusCode, r.body.slice(0, 200)]).toEqual([200, expect.any(String)])
    return json(r) as CardPage
  }

  /**
   * Every page in turn, each checked against the built-in data's page for the same request (but
   * for full place names: only the server has the national division table).
   */
  async function walk(filter: CardFilter, parity = true) {
    const ids: string[] = []
    let cursor: string | null = null
    do {
      const got: CardPage = await page({ ...filter, ...(cursor ? { cursor } : {}) })
      if (parity) expect(got).toEqual(await mock.listCards(filter, cursor))
      ids.push(...got.cards.map((c) => c.federationId))
      cursor = got.next
    } while (cursor)
    return ids
  }

  it('covers every card exactly once, 12 a page, newest year first, then region code, then id', async () => {
    const ids = await walk({})
    expect(ids).toHaveLength(FILES.length)
    expect(new Set(ids).size).toBe(FILES.length)
    const first = await page({})
    expect(first.cards).toHaveLength(12)
    expect(first.cards[0].year).toBe(2022)
    // Each card names the hero its file chose, for the feed to set it large.
    const heroOf = new Map(FILES.map((f) => [(f.data as FederationFile).federation.id, f.data as FederationFile]))
    expect(first.cards.map((c) => c.heroFigureId)).toEqual(
      first.cards.map((c) => heroOf.get(c.federationId)?.heroFigureId),
    )
    expect(first.cards.filter((c) => c.heroFigureId === 'cd-topic-reads').length).toBeGreaterThan(6)
    const report = json(await server.inject({ method: 'GET', url: '/api/reports/hebei-2021' }))
    expect(report.card.heroFigureId).toBe('hb-talks')
    // The page boundary: the next page starts right after the last card of this one.
    const second = await page({ cursor: first.next as string })
    expect(second.cards[0].federationId).toBe(ids[12])
  })

  it('takes 10 to 20 a page', async () => {
    const ten = await page({ limit: '10' })
    const twenty = await page({ limit: '20' })
    expect([ten.cards.length, twenty.cards.length]).toEqual([10, 20])
    expect(twenty.cards.slice(0, 10)).toEqual(ten.cards)
    const after = await page({ limit: '10', cursor: ten.next as string })
    expect(after.cards).toEqual(twenty.cards.slice(10, 20))
  })

  it.each([
    ['province', { province: '510000' }, (f: FederationFile) => f.federation.region.code.startsWith('51')],
    ['city', { city: '510100' }, (f: FederationFile) => f.federation.region.code.startsWith('5101')],
    ['county', { county: '510104' }, (f: FederationFile) => f.federation.region.code === '510104'],
    ['county under its province', { county: '429004' }, (f: FederationFile) => f.federation.region.code === '429004'],
    ['topic', { topic: '健康' as const }, (f: FederationFile) => f.topics.includes('健康')],
    ['search on a place', { q: '锦江' }, (f: FederationFile) => f.federation.region.district === '锦江区'],
    ['search on a name', { q: '第1号测试' }, (f: FederationFile) => f.federation.name.startsWith('第1号测试')],
    ['search on a full place name', { q: '甘肃省' }, (f: FederationFile) => f.federation.region.province === '甘肃'],
    ['有可报名', { open: '1' as const }, (f: FederationFile) => f.programs.some((p) => isProgramOpen(p, NOW))],
    [
      '有可报名 and a topic',
      { open: '1' as const, topic: '健康' as const },
      (f: FederationFile) => f.topics.includes('健康') && f.programs.some((p) => isProgramOpen(p, NOW)),
    ],
  ])('filters by %s', async (name, filter, matches) => {
    const ids = await walk(filter, name !== 'search on a full place name')
    const expected = FILES.map((f) => f.data as FederationFile).filter(matches)
    expect(expected.length).toBeGreaterThan(0)
    expect(ids.sort()).toEqual(expected.map((f) => f.federation.id).sort())
  })

  it('answers nothing found with an empty last page', async () => {
    expect(await page({ q: '没有这个地方' })).toEqual({ cards: [], next: null })
    expect(await page({ province: '990000' })).toEqual({ cards: [], next: null })
  })

  it.each([
    ['cursor=abc', 'cursor', '翻页位置不对，请从头再看'],
    ["cursor=c1~2020~510100~x'--", 'cursor', '翻页位置不对，请从头再看'],
    [`province=${encodeURIComponent('四川')}`, 'province', '地区代码“四川”不对：请重新选择地区'],
    ['province=510100', 'province', '地区代码“510100”不对：请重新选择地区'],
    ['city=510000', 'city', '地区代码“510000”不对：请重新选择地区'],
    ['county=510100', 'county', '地区代码“510100”不对：请重新选择地区'],
    ['limit=9', 'limit', '每页 10 到 20 张'],
    ['limit=50', 'limit', '每页 10 到 20 张'],
    [`q=${'字'.repeat(31)}`, 'q', '搜索的字太多了，请少于 30 个字'],
    ['open=yes', 'open', '“有可报名的培训”的筛选写法不对：请重新选择'],
  ])('refuses %s with a Chinese 400', async (query, field, message) => {
    const r = await server.inject({ method: 'GET', url: `/api/cards?${query}` })
    expect([r.statusCode, json(r).error]).toEqual([400, { code: 'invalid', field, message }])
  })
})
