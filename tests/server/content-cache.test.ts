// Published content read on demand: a change made elsewhere shows within the check's window, only
// the federation that changed is read again, the cache stays within its limits, and what is not
// public (unknown, unpublished, broken) is a 404 in Chinese.
import { MOCK_DIR, openContent, readJsonDir } from '../../server/src/content'
import type { Db, Params } from '../../server/src/db/db'
import { asDevice, backends, startSecondInstance, startTestServer, type TestServer } from './support'

/** The Db with every document read counted, by federation id. */
function countingReads(db: Db): { db: Db; reads: Map<string, number> } {
  const reads = new Map<string, number>()
  const query = <T>(sql: string, params?: Params): Promise<T[]> => {
    if (/doc::text AS doc/.test(sql)) {
      const id = String(params?.[0])
      reads.set(id, (reads.get(id) ?? 0) + 1)
    }
    return db.query<T>(sql, params)
  }
  return { db: { ...db, query }, reads }
}

/** As another server would change a federation: straight in the database, then the version bumped. */
async function editSummary(db: Db, id: string, summary: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`UPDATE federations SET doc = jsonb_set(doc, '{summary}', to_jsonb($2::text)) WHERE id = $1`, [
      id,
      summary,
    ])
    await tx.query('UPDATE content_version SET version = version + 1 WHERE id = 1')
  })
}

describe.each(backends())('content on demand (%s)', (backend) => {
  let server: TestServer
  beforeAll(async () => {
    server = await startTestServer(backend)
  }, 120_000)
  afterAll(async () => server?.close())

  const get = (url: string) => server.inject(asDevice('d-content-cache', 'GET', url))
  const body = (r: { body: string }) => JSON.parse(r.body)

  it('shows a change made by another server within a second, and says so to its listeners', async () => {
    expect(body(await get('/api/reports/wudu-2020')).card.summary).not.toBe('另一台服务器改的导语')
    let changes = 0
    const stop = server.content.onChange(() => changes++)
    const versionBefore = server.content.version
    try {
      await editSummary(server.db, 'wudu-2020', '另一台服务器改的导语')
      const start = Date.now()
      let summary = ''
      while (summary !== '另一台服务器改的导语' && Date.now() - start < 3000) {
        await new Promise((r) => setTimeout(r, 50))
        summary = body(await get('/api/reports/wudu-2020')).card.summary
      }
      expect(summary).toBe('另一台服务器改的导语')
      expect(Date.now() - start).toBeLessThan(1000)
      expect(changes).toBeGreaterThan(0)
      expect(Number(server.content.version)).toBeGreaterThan(Number(versionBefore))
    } finally {
      stop()
    }
  })

  if (backend === 'postgres') {
    it('a second instance holding the report shows the change made on the first within a second', async () => {
      const second = await startSecondInstance(server)
      try {
        const report = async () =>
          JSON.parse((await second.inject(asDevice('d2', 'GET', '/api/reports/zhuzhou-2020'))).body)
        expect((await report()).card.summary).not.toBe('第一台服务器改的导语')
        await editSummary(server.db, 'zhuzhou-2020', '第一台服务器改的导语')
        const start = Date.now()
        while ((await report()).card.summary !== '第一台服务器改的导语' && Date.now() - start < 3000) {
          await new Promise((r) => setTimeout(r, 50))
        }
        expect((await report()).card.summary).toBe('第一台服务器改的导语')
        expect(Date.now() - start).toBeLessThan(1000)
      } finally {
        await second.close()
      }
    })
  }

  it('reads again only the federation that changed', async () => {
    const { db, reads } = countingReads(server.db)
    const content = await openContent(db)
    expect((await content.federation('zhuzhou-2020'))?.federation.id).toBe('zhuzhou-2020')
    expect((await content.program('wd-housekeeping'))?.file.federation.id).toBe('wudu-2020')
    expect((await content.federation('chengdu-2020'))?.federation.id).toBe('chengdu-2020')
    // Asked again: served from memory.
    await content.federation('zhuzhou-2020')
    await content.program('wd-housekeeping')
    expect(Object.fromEntries(reads)).toEqual({ 'zhuzhou-2020': 1, 'wudu-2020': 1, 'chengdu-2020': 1 })

    await editSummary(server.db, 'chengdu-2020', '成都改过的导语')
    expect(await content.refresh()).toBe(true)
    // Nothing moved since: no second look.
    expect(await content.refresh()).toBe(false)
    expect((await content.federation('chengdu-2020'))?.summary).toBe('成都改过的导语')
    await content.federation('zhuzhou-2020')
    await content.program('wd-housekeeping')
    expect(Object.fromEntries(reads)).toEqual({ 'zhuzhou-2020': 1, 'wudu-2020': 1, 'chengdu-2020': 2 })

    // A change to sessions alone moves the version but no federation's revision: nothing is re-read.
    await server.db.query('UPDATE content_version SET version = version + 1 WHERE id = 1')
    expect(await content.refresh()).toBe(true)
    await content.federation('chengdu-2020')
    await content.federation('zhuzhou-2020')
    expect(Object.fromEntries(reads)).toEqual({ 'zhuzhou-2020': 1, 'wudu-2020': 1, 'chengdu-2020': 2 })
  })

  it('keeps no more federations, nor bytes, than its limits', async () => {
    const { db, reads } = countingReads(server.db)
    const ids = ['chengdu-2020', 'hebei-2021', 'huizhou-2020', 'wudu-2020', 'zhuzhou-2020']
    const byCount = await openContent(db, { maxFederations: 2, maxBytes: 10 * 1024 * 1024 })
    for (const id of ids) expect((await byCount.federation(id))?.federation.id).toBe(id)
    expect(byCount.cached.federations).toBe(2)
    // The least recently asked for went first: the last two are still held, the first is read again.
    await byCount.federation('zhuzhou-2020')
    await byCount.federation('wudu-2020')
    expect(reads.get('wudu-2020')).toBe(1)
    await byCount.federation('chengdu-2020')
    expect(reads.get('chengdu-2020')).toBe(2)

    const [{ largest }] = await server.db.query<{ largest: number }>(
      'SELECT max(octet_length(doc::text))::int AS largest FROM federations',
    )
    const byBytes = await openContent(db, { maxFederations: 100, maxBytes: largest + 1 })
    for (const id of ids) await byBytes.federation(id)
    expect(byBytes.cached.federations).toBe(1)
    expect(byBytes.cached.bytes).toBeLessThanOrEqual(largest + 1)
  })

  it('answers unknown, unpublished and broken federations with a 404 in Chinese, the others as before', async () => {
    const notFound = async (url: string, message: string) => {
      const r = await get(url)
      expect([url, r.statusCode, body(r).error.message]).toEqual([url, 404, message])
    }
    await notFound('/api/reports/nowhere', '没有找到这个妇联的年终盘点，可能已下线')
    await notFound('/api/programs/nothing', '没有找到这个项目，可能已下线')

    // A document the checks refuse (a figure without its value) is left out, as the catalog leaves a broken file out.
    await server.db.transaction(async (tx) => {
      await tx.query(`UPDATE federations SET doc = doc #- '{figures,0,value}' WHERE id = 'huizhou-2020'`)
      await tx.query(`UPDATE federations SET published = false WHERE id = 'hebei-2021'`)
      await tx.query('UPDATE content_version SET version = version + 1 WHERE id = 1')
    })
    await server.content.refresh()
    await notFound('/api/reports/huizhou-2020', '没有找到这个妇联的年终盘点，可能已下线')
    await notFound('/api/reports/hebei-2021', '没有找到这个妇联的年终盘点，可能已下线')
    const [hebeiProgram] = await server.db.query<{ id: string }>(
      `SELECT id FROM programs WHERE federation_id = 'hebei-2021' LIMIT 1`,
    )
    await notFound(`/api/programs/${hebeiProgram.id}`, '没有找到这个项目，可能已下线')
    expect((await get('/api/reports/zhuzhou-2020')).statusCode).toBe(200)
    // Published ones, broken or not: the count is not worth parsing 3,000 documents for.
    expect(body(await get('/api/health')).federations).toBe(readJsonDir(MOCK_DIR, 'mock').length - 1)

    await server.db.transaction(async (tx) => {
      await tx.query(`UPDATE federations SET published = true WHERE id = 'hebei-2021'`)
      await tx.query('UPDATE content_version SET version = version + 1 WHERE id = 1')
    })
    await server.content.refresh()
    expect((await get('/api/reports/hebei-2021')).statusCode).toBe(200)
    expect((await get(`/api/programs/${hebeiProgram.id}`)).statusCode).toBe(200)
  })
})
