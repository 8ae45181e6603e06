import { feedLinkQuery, readFeedLink } from '@/domain/feed-link'

const parse = (query: string) => Object.fromEntries(query.split('&').map((p) => p.split('=') as [string, string]))

describe('the feed link', () => {
  it('carries region, topic, search and 有可报名 there and back', () => {
    const link = {
      region: { code: '510104', names: '四川省 成都市 锦江区' },
      topic: '健康' as const,
      q: '锦江 妇联',
      open: '1' as const,
    }
    const query = feedLinkQuery(link)
    expect(query).toBe(
      'region=510104&place=%E5%9B%9B%E5%B7%9D%E7%9C%81%20%E6%88%90%E9%83%BD%E5%B8%82%20%E9%94%A6%E6%B1%9F%E5%8C%BA' +
        '&topic=%E5%81%A5%E5%BA%B7&q=%E9%94%A6%E6%B1%9F%20%E5%A6%87%E8%81%94&open=1',
    )
    expect(readFeedLink(parse(query))).toEqual(link)
    // A router that already decoded the values gives the same filters.
    expect(
      readFeedLink({ region: '510104', place: '四川省 成都市 锦江区', topic: '健康', q: '锦江 妇联', open: '1' }),
    ).toEqual(link)
  })

  it('is empty for 全国 without filters, and names no filter for a bare link', () => {
    expect(feedLinkQuery({})).toBe('')
    expect(readFeedLink({})).toBeUndefined()
    expect(readFeedLink({ scene: '1154', $taroTimestamp: '1' })).toBeUndefined()
  })

  it('keeps a search with % in it', () => {
    expect(readFeedLink(parse(feedLinkQuery({ q: '100%' })))).toEqual({ q: '100%' })
    expect(readFeedLink({ q: '100%' })).toEqual({ q: '100%' })
  })

  it.each([
    ['an unknown topic', { topic: '天气', open: '1' }, { open: '1' }],
    ['a region code without its names', { region: '510100', topic: '健康' }, { topic: '健康' }],
    ['a malformed region code', { region: '51', place: '四川省', open: '1' }, { open: '1' }],
    ['a search too long', { q: '字'.repeat(31), topic: '健康' }, { topic: '健康' }],
    ['open other than 1', { open: 'yes', q: '成都' }, { q: '成都' }],
  ])('ignores %s', (_name, params, expected) => {
    expect(readFeedLink(params)).toEqual(expected)
  })
})
