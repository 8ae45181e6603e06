import { filterCards, provincesOf, toggleFilter } from '@/domain/filters'
import { buildCatalog } from '@/domain/catalog'
import { createMockApi } from '@/services/mock/mock-api'
import type { FederationFile, Topic } from '@/domain/types'
import { contentFiles } from '../support/content-files'
import { memoryStore } from '../support/memory-store'

const api = createMockApi({ files: contentFiles, store: memoryStore() })
// Expected counts are read from the files themselves, so adding a federation keeps them true.
const FILES = contentFiles.map((f) => f.data as FederationFile)
const count = (province?: string, topic?: Topic) =>
  FILES.filter((f) => (!province || f.federation.region.province === province) && (!topic || f.topics.includes(topic)))
    .length

describe('feed filters', () => {
  it('lists provinces once each', async () => {
    const cards = await api.listCards()
    const provinces = provincesOf(cards)
    expect(provinces.sort()).toEqual([...new Set(FILES.map((f) => f.federation.region.province))].sort())
    expect(provinces).toEqual(expect.arrayContaining(['四川', '广东', '河北', '湖南', '甘肃']))
    expect(buildCatalog(contentFiles).files).toHaveLength(cards.length)
  })

  it.each([
    [{}, count()],
    [{ province: '广东' }, count('广东')],
    [{ topic: '乡村振兴' as const }, count(undefined, '乡村振兴')],
    [{ province: '广东', topic: '乡村振兴' as const }, count('广东', '乡村振兴')],
    [{ province: '广东', topic: '健康' as const }, count('广东', '健康')],
    [{ province: '没有这个省' }, 0],
  ])('%j matches %i cards', async (filter, n) => {
    expect(filterCards(await api.listCards(), filter)).toHaveLength(n)
  })

  it('has data where the filters above choose something and leave something out', () => {
    expect(count('广东')).toBeGreaterThan(0)
    expect(count('广东')).toBeLessThan(count())
    expect(count(undefined, '乡村振兴')).toBeGreaterThan(count('广东', '乡村振兴'))
    expect(count('广东', '健康')).toBeLessThan(count('广东'))
  })

  it('toggles a value on and off and keeps the other key', () => {
    const a = toggleFilter({}, 'province', '湖南')
    expect(a).toEqual({ province: '湖南' })
    const b = toggleFilter(a, 'topic', '健康')
    expect(b).toEqual({ province: '湖南', topic: '健康' })
    expect(toggleFilter(b, 'province', '湖南')).toEqual({ topic: '健康' })
    expect(toggleFilter(b, 'topic', undefined)).toEqual({ province: '湖南' })
  })
})
