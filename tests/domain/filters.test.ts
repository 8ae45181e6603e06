import { filterCards, provincesOf, toggleFilter } from '@/domain/filters'
import { buildCatalog } from '@/domain/catalog'
import { createMockApi } from '@/services/mock/mock-api'
import { contentFiles } from '../support/content-files'
import { memoryStore } from '../support/memory-store'

const api = createMockApi({ files: contentFiles, store: memoryStore() })

describe('feed filters', () => {
  it('lists provinces once each', async () => {
    const cards = await api.listCards()
    expect(provincesOf(cards).sort()).toEqual(['四川', '广东', '河北', '湖南', '甘肃'].sort())
    expect(buildCatalog(contentFiles).files).toHaveLength(cards.length)
  })

  it.each([
    [{}, 5],
    [{ province: '广东' }, 1],
    [{ topic: '乡村振兴' as const }, 4],
    [{ province: '广东', topic: '乡村振兴' as const }, 1],
    [{ province: '广东', topic: '健康' as const }, 0],
    [{ province: '西藏' }, 0],
  ])('%j matches %i cards', async (filter, n) => {
    expect(filterCards(await api.listCards(), filter)).toHaveLength(n)
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
