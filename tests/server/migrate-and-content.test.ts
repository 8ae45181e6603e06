// Migrations apply once; the content load is idempotent and picks up a changed file.
import type { FederationFile } from '@/domain/types'
import { loadContent, MOCK_DIR, readCatalog, readJsonDir } from '../../server/src/content'
import { migrate, readMigrations, splitStatements } from '../../server/src/db/migrate'
import { backends, freshDatabase } from './support'

describe.each(backends())('database setup (%s)', (backend) => {
  it('applies each migration once, and loads the content idempotently', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      expect(await migrate(db)).toEqual(readMigrations().map((m) => m.name))
      expect(await migrate(db)).toEqual([])

      const files = readJsonDir(MOCK_DIR, 'mock')
      const first = await loadContent(db, files)
      expect(first.written).toHaveLength(files.length)
      const count = async () =>
        (
          await db.query<{ n: string }>(
            'SELECT (SELECT count(*) FROM federations) + (SELECT count(*) FROM sessions) AS n',
          )
        )[0].n
      const before = await count()
      const again = await loadContent(db, files)
      expect([again.written, again.unchanged.length, await count()]).toEqual([[], files.length, before])

      const changed = files.map((f) => {
        const data = structuredClone(f.data) as FederationFile
        if (data.federation.id === 'wudu-2020') data.summary = '修改后的导语'
        return { ...f, data }
      })
      expect((await loadContent(db, changed)).written).toEqual(['wudu-2020'])
      const content = await readCatalog(db)
      expect(content.federation('wudu-2020')?.summary).toBe('修改后的导语')
      expect(content.files).toHaveLength(files.length)
    } finally {
      await db.close()
      await database.drop()
    }
  })
})

describe('content problems', () => {
  it('leaves a broken file out and names it', async () => {
    const database = await freshDatabase('pglite')
    const db = await database.open()
    await migrate(db)
    const shipped = readJsonDir(MOCK_DIR, 'mock')
    const files = [...shipped, { file: 'mock/broken.json', data: { federation: {} } }]
    const result = await loadContent(db, files)
    expect(result.written).toHaveLength(shipped.length)
    expect(result.problems.join('\n')).toContain('mock/broken.json')
    await db.close()
  })
})

describe('migration files', () => {
  it('are numbered in order, each number once, and split into statements', () => {
    const list = readMigrations()
    expect(list[0].version).toBe(1)
    list.slice(1).forEach((m, i) => expect(m.version).toBeGreaterThan(list[i].version))
    expect(splitStatements('-- note;\nCREATE TABLE a (x int);\nCREATE INDEX b ON a (x);\n')).toEqual([
      'CREATE TABLE a (x int)',
      'CREATE INDEX b ON a (x)',
    ])
  })
})
