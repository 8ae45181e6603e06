// Feed pages kept in memory: a kept page is the same bytes as a fresh one, a change (published here,
// elsewhere, or a day gone by) shows within the page's age, 304s still answer, and the cache stays
// within its bounds however many distinct pages are asked for.
import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { CardPage } from '@/domain/filters'
import { indexCard } from '../../server/src/card-index'
import { bumpContentVersion } from '../../server/src/content'
import { PageCache } from '../../server/src/http/page-cache'
import { CARD_PAGE_CACHE } from '../../server/src/routes/public'
import { backends, NOW, startTestServer, type TestServer } from './support'

jest.setTimeout(60_000)

type Raw = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

/** A GET over plain node:http, which (unlike fetch) leaves the body as it came. */
function rawGet(origin: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
    })
    req.on('error', reject)
    req.end()
  })
}

/** An answer less its date and the connection's own headers. */
const headersAndBody = (r: Raw) => {
  const { date, connection, 'keep-alive': keepAlive, ...headers } = r.headers
  void date
  void connection
  void keepAlive
  return { status: r.status, headers, body: r.body }
}

const decoded = (r: Raw): CardPage => {
  const encoding = r.headers['content-encoding']
  const json = encoding === 'br' ? brotliDecompressSync(r.body) : encoding === 'gzip' ? gunzipSync(r.body) : r.body
  return JSON.parse(json.toString('utf8')) as CardPage
}

const SECOND = 1000
const DAY = 24 * 60 * 60 * SECOND

describe('PageCache', () => {
  const json = (n: number) => async () => JSON.stringify({ n, pad: 'x'.repeat(n) })

  it('keeps a page for its version and less than its age, by the app clock and by elapsed time', async () => {
    let elapsed = 0
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1_000_000, maxAgeMs: SECOND }, () => elapsed)
    const read = jest.fn(json(1))
    const first = await cache.page('a', 'v1', 0, read)
    elapsed = 999
    expect(await cache.page('a', 'v1', 999, read)).toBe(first)
    expect(read).toHaveBeenCalledTimes(1)
    // A second old by the app clock: read again.
    const aged = await cache.page('a', 'v1', 1000, read)
    expect(aged).not.toBe(first)
    expect(read).toHaveBeenCalledTimes(2)
    // Another content version: read again at once.
    await cache.page('a', 'v2', 1001, read)
    expect(read).toHaveBeenCalledTimes(3)
    // A clock set back is no reason to keep a page longer.
    await cache.page('a', 'v2', 500, read)
    expect(read).toHaveBeenCalledTimes(4)
    // Nor one standing still: a second gone by is a second, whatever the app clock says.
    elapsed += 999
    await cache.page('a', 'v2', 500, read)
    expect(read).toHaveBeenCalledTimes(4)
    elapsed += 1
    await cache.page('a', 'v2', 500, read)
    expect(read).toHaveBeenCalledTimes(5)
    expect(first.etag).toMatch(/^"[\w-]{27}"$/)
    expect(JSON.parse(first.body.toString())).toEqual({ n: 1, pad: 'x' })
  })

  it('shares one read among the requests that wait for it, and keeps no failed read', async () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1_000_000, maxAgeMs: SECOND })
    let finish: (json: string) => void = () => undefined
    const read = jest.fn(() => new Promise<string>((resolve) => (finish = resolve)))
    const both = Promise.all([cache.page('a', 'v1', 0, read), cache.page('a', 'v1', 10, read)])
    finish('{"a":1}')
    const [one, two] = await both
    expect(one).toBe(two)
    expect(read).toHaveBeenCalledTimes(1)

    const failing = jest.fn(async () => {
      throw new Error('数据库暂时不可用')
    })
    await expect(cache.page('b', 'v1', 0, failing)).rejects.toThrow('数据库暂时不可用')
    expect(await cache.page('b', 'v1', 1, json(2))).toMatchObject({ etag: expect.any(String) })
  })

  it('holds at most its entries and its bytes, encodings counted, the least recently used going first', async () => {
    const cache = new PageCache({ maxEntries: 5, maxBytes: 6_000, maxAgeMs: SECOND })
    for (let i = 0; i < 200; i++) {
      const key = `q${i}`
      const page = await cache.page(key, 'v1', 0, json(1500 + i))
      cache.encode(key, page, 'gzip')
      cache.encode(key, page, 'br')
      expect(cache.size.entries).toBeLessThanOrEqual(5)
      expect(cache.size.bytes).toBeLessThanOrEqual(6_000)
    }
    // Each page is 1.5 KB and more, and a little for its encodings: a few fit, not five.
    expect(cache.size.entries).toBeGreaterThan(1)
    expect(cache.size.entries).toBeLessThan(5)
    // The newest is kept; the oldest went long ago.
    const newest = jest.fn(json(0))
    await cache.page('q199', 'v1', 0, newest)
    expect(newest).not.toHaveBeenCalled()
    const oldest = jest.fn(json(0))
    await cache.page('q0', 'v1', 0, oldest)
    expect(oldest).toHaveBeenCalled()

    // A page asked for again is the last to go.
    const three = new PageCache({ maxEntries: 3, maxBytes: 1_000_000, maxAgeMs: SECOND })
    for (const key of ['a', 'b', 'c', 'a', 'd']) await three.page(key, 'v1', 0, json(1))
    const reads = jest.fn(json(1))
    for (const key of ['a', 'c', 'd']) await three.page(key, 'v1', 0, reads)
    expect(reads).not.toHaveBeenCalled()
    await three.page('b', 'v1', 0, reads)
    expect(reads).toHaveBeenCalledTimes(1)
  })

  it('keeps no page bigger than all its bytes', async () => {
    const cache = new PageCache({ maxEntries: 5, maxBytes: 1000, maxAgeMs: SECOND })
    const page = await cache.page('big', 'v1', 0, json(5000))
    expect(page.body.length).toBeGreaterThan(5000)
    expect(cache.size).toEqual({ entries: 0, bytes: 0 })
  })

  it('compresses each encoding once', async () => {
    const cache = new PageCache({ maxEntries: 5, maxBytes: 1_000_000, maxAgeMs: SECOND })
    const page = await cache.page('a', 'v1', 0, json(4000))
    const br = cache.encode('a', page, 'br')
    expect(cache.encode('a', page, 'br')).toBe(br)
    expect(brotliDecompressSync(br)).toEqual(page.body)
    expect(gunzipSync(cache.encode('a', page, 'gzip'))).toEqual(page.body)
    expect(cache.size.bytes).toBeGreaterThan(page.body.length + br.length)
  })
})

describe.each(backends())('kept feed pages (%s)', (backend) => {
  let server: TestServer
  // The server's one clock, moved by the tests.
  let at = NOW.getTime()

  beforeAll(async () => {
    server = await startTestServer(backend, { now: () => new Date(at) })
  }, 120_000)
  afterAll(async () => server?.close())
  // Each test starts with every kept page older than its age.
  beforeEach(() => (at += 2 * SECOND))

  /** Card index reads while `run` runs. */
  async function indexReads(run: () => Promise<void>): Promise<number> {
    const query = server.db.query
    let reads = 0
    server.db.query = ((...args: Parameters<typeof query>) => {
      if (args[0].includes('card_index')) reads++
      return query.apply(server.db, args)
    }) as typeof query
    try {
      await run()
    } finally {
      server.db.query = query
    }
    return reads
  }

  /**
   * A page read afresh and the same page asked for again at once, answered from memory (no read of
   * the index): tried again in the rare case the machine took more than the page's age in between.
   */
  async function freshAndKept(path: string, headers: Record<string, string>): Promise<[Raw, Raw]> {
    for (let attempt = 0; ; attempt++) {
      at += 2 * SECOND
      let fresh: Raw | undefined
      let kept: Raw | undefined
      const reads = await indexReads(async () => {
        fresh = await rawGet(server.origin, path, headers)
        kept = await rawGet(server.origin, path, headers)
      })
      if ((reads > 0 && reads < 3 && fresh && kept) || attempt === 4) {
        // Both reads (the cards, then their open programs) were for the first answer only.
        expect(reads).toBeLessThanOrEqual(2)
        return [fresh as Raw, kept as Raw]
      }
    }
  }

  it.each([
    ['br', 'br'],
    ['gzip', 'gzip'],
    ['identity', undefined],
  ])('answers a kept page (%s) with the very bytes and headers of a fresh one', async (accept, encoding) => {
    const [fresh, again] = await freshAndKept('/api/cards?limit=15', { 'accept-encoding': accept })
    expect(fresh.status).toBe(200)
    expect(fresh.headers['content-encoding']).toBe(encoding)
    expect(fresh.headers).toMatchObject({
      etag: expect.stringMatching(/^"/),
      'cache-control': 'no-cache',
      'content-type': 'application/json; charset=utf-8',
    })
    if (encoding) expect(fresh.headers.vary).toContain('accept-encoding')
    expect(headersAndBody(again)).toEqual(headersAndBody(fresh))
    expect(decoded(fresh).cards.length).toBeGreaterThan(0)
  })

  it('reads a page again once it is half a second old by the app clock, and at once for a new content version', async () => {
    const first = decoded(await rawGet(server.origin, '/api/cards'))
    const gone = first.cards[0].federationId
    // Written straight to the index, as a publish on another server would, without telling this one.
    await server.db.query('DELETE FROM card_index WHERE federation_id = $1', [gone])
    at += CARD_PAGE_CACHE.maxAgeMs
    expect(decoded(await rawGet(server.origin, '/api/cards')).cards.map((c) => c.federationId)).not.toContain(gone)

    // Back, with the content version moved: once this server has seen the new version (its check
    // runs every 500 ms, done here by hand), the next page shows it, the app clock standing still.
    await server.db.transaction(async (tx) => {
      await indexCard(tx, gone)
      await bumpContentVersion(tx)
    })
    await server.content.refresh()
    expect(decoded(await rawGet(server.origin, '/api/cards')).cards[0].federationId).toBe(gone)
  })

  it('counts open programs at the clock: a date months on is read again, not kept', async () => {
    const today = decoded(await rawGet(server.origin, '/api/cards'))
    expect(today.cards.some((c) => c.openProgramCount > 0)).toBe(true)
    at += 400 * DAY
    const later = decoded(await rawGet(server.origin, '/api/cards'))
    expect(later.cards.map((c) => c.federationId)).toEqual(today.cards.map((c) => c.federationId))
    expect(later.cards.every((c) => c.openProgramCount === 0)).toBe(true)
    at -= 400 * DAY
  })

  it('answers 304 to the tag of a kept page, whatever encoding is asked for', async () => {
    const first = await rawGet(server.origin, '/api/cards?limit=12', { 'accept-encoding': 'gzip' })
    const tag = first.headers.etag as string
    for (const accept of ['br', 'gzip', 'identity']) {
      const again = await rawGet(server.origin, '/api/cards?limit=12', {
        'accept-encoding': accept,
        'if-none-match': `W/"nope", ${tag}`,
      })
      expect(again.status).toBe(304)
      expect(again.body.length).toBe(0)
      expect(again.headers).toMatchObject({ etag: tag, 'cache-control': 'no-cache' })
      expect(again.headers['content-encoding']).toBeUndefined()
    }
    // Another page (the default size is 12: the same cards, another request) is its own tag.
    const other = await rawGet(server.origin, '/api/cards', { 'if-none-match': tag })
    expect(other.status).toBe(304)
    const stale = await rawGet(server.origin, '/api/cards', { 'if-none-match': '"old"' })
    expect(stale.status).toBe(200)
  })

  it('still refuses a bad page request in Chinese, never from a kept page', async () => {
    await rawGet(server.origin, '/api/cards?limit=12')
    const r = await rawGet(server.origin, '/api/cards?limit=99')
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body.toString())).toEqual({
      error: { code: 'invalid', field: 'limit', message: '每页 10 到 20 张' },
    })
  })
})
