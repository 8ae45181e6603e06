// Migrations apply once; migration 005 keeps every sign-up and dates every session; the content
// is imported only into an empty database.
import { materializeSession } from '@/domain/sessions'
import type { FederationFile } from '@/domain/types'
import { iso, MOCK_DIR, openContent, readJsonDir, seedContent } from '../../server/src/content'
import { migrate, readMigrations, splitStatements } from '../../server/src/db/migrate'
import { backends, freshDatabase, loadLegacyContent, NOW } from './support'

const mock = () => readJsonDir(MOCK_DIR, 'mock')

describe.each(backends())('database setup (%s)', (backend) => {
  it('applies each migration once', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      expect(await migrate(db)).toEqual(readMigrations().map((m) => m.name))
      expect(await migrate(db)).toEqual([])
    } finally {
      await db.close()
      await database.drop()
    }
  })

  it('two servers starting at once on an empty database migrate it once, and neither fails', async () => {
    const database = await freshDatabase(backend)
    // PGlite in memory cannot be shared: there the two runs share one database handle.
    const a = await database.open()
    const b = backend === 'postgres' ? await database.open() : a
    try {
      const [first, second] = await Promise.all([migrate(a), migrate(b)])
      expect([...first, ...second].sort()).toEqual(readMigrations().map((m) => m.name))
      const rows = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations')
      expect(rows[0].n).toBe(readMigrations().length)
    } finally {
      if (b !== a) await b.close()
      await a.close()
      await database.drop()
    }
  })

  it('migration 005 keeps every sign-up and dates every session from the day it runs', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      await migrate(
        db,
        readMigrations().filter((m) => m.version <= 3),
      )
      await loadLegacyContent(db, mock())
      // A session no file lists any more, with a sign-up; and one with none.
      await db.query(`INSERT INTO sessions (id, program_id, capacity) VALUES ('wd-gone', 'wd-housekeeping', 10)`)
      await db.query(`INSERT INTO sessions (id, program_id, capacity) VALUES ('wd-empty', 'wd-housekeeping', 10)`)
      // 90 sign-ups made under the old server, each with the copy of the session it showed then.
      await db.query(
        `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
           program_title, federation_name, session_title, session_start, online, place, name_key)
         SELECT 'old-' || g, 'c-' || g, 'k-' || g, (ARRAY['wd-hk-1', 'wd-hk-2', 'wd-gone'])[g % 3 + 1],
           'wd-housekeeping', (ARRAY['confirmed', 'waitlisted', 'cancelled'])[g % 3 + 1], 'n' || g, 'm' || g, '{}',
           '家政培训', '武都区妇联', '旧场次', '2026-12-01T09:00:00+08:00', false, '旧地点', 'n' || g
         FROM generate_series(1, 90) AS g`,
      )
      const before = await db.query<{ id: string; status: string; name: string; session_id: string }>(
        'SELECT id, status, name, session_id FROM signups ORDER BY id',
      )

      const [{ at }] = await db.query<{ at: Date }>('SELECT now() AS at')
      expect(await migrate(db)).toEqual(
        readMigrations()
          .filter((m) => m.version > 3)
          .map((m) => m.name),
      )
      const [{ after }] = await db.query<{ after: Date }>('SELECT now() AS after')

      expect(
        await db.query<{ id: string; status: string; name: string; session_id: string }>(
          'SELECT id, status, name, session_id FROM signups ORDER BY id',
        ),
      ).toEqual(before)
      expect(before).toHaveLength(90)

      const sessions = await db.query<{
        id: string
        title: string
        starts_at: Date
        ends_at: Date
        deadline_at: Date
        opens_at: Date | null
        place: string | null
        status: string
        demo: boolean
      }>('SELECT * FROM sessions ORDER BY id')
      const byId = new Map(sessions.map((s) => [s.id, s]))
      // Dated from the Beijing day the database's clock gave (read around the migration, so a
      // migration across midnight still matches one of the two days).
      const wudu = mock().find((f) => f.file.endsWith('wudu-2020.json'))!.data as FederationFile
      const housekeeping = wudu.programs.find((p) => p.id === 'wd-housekeeping')!
      for (const t of housekeeping.signup!.sessions) {
        const row = byId.get(t.id)!
        const expected = [at, after].map((d) => materializeSession('wd-housekeeping', t, new Date(d)))
        const got = {
          title: row.title,
          start: iso(row.starts_at),
          end: iso(row.ends_at),
          deadline: iso(row.deadline_at),
          opensAt: row.opens_at ? iso(row.opens_at) : undefined,
          place: row.place ?? undefined,
        }
        expect(
          expected.map(({ title, start, end, deadline, opensAt, place }) => ({
            title,
            start,
            end,
            deadline,
            opensAt,
            place,
          })),
        ).toContainEqual(got)
        expect([row.status, row.demo]).toEqual(['open', true])
      }
      expect(byId.get('wd-hk-2')!.opens_at).not.toBeNull()
      // Kept for its sign-ups, dated as they saw it, and closed; the empty one is gone.
      expect(byId.get('wd-gone')).toMatchObject({ title: '旧场次', place: '旧地点', status: 'cancelled' })
      expect(iso(byId.get('wd-gone')!.starts_at)).toBe('2026-12-01T09:00:00+08:00')
      expect(byId.has('wd-empty')).toBe(false)

      // Copies that differ from the new dates say her session changed; the kept one's match its copy.
      const versions = await db.query<{ session_id: string; changed: boolean }>(
        `SELECT DISTINCT g.session_id, g.session_version <> s.version AS changed
         FROM signups g JOIN sessions s ON s.id = g.session_id ORDER BY g.session_id`,
      )
      expect(versions).toEqual([
        { session_id: 'wd-gone', changed: false },
        { session_id: 'wd-hk-1', changed: true },
        { session_id: 'wd-hk-2', changed: true },
      ])

      const feds = await db.query<{ published: boolean; region_code: string; level: string }>(
        `SELECT published, region_code, level FROM federations WHERE id = 'wudu-2020'`,
      )
      expect(feds).toEqual([{ published: true, region_code: wudu.federation.region.code, level: '区县级' }])
      const content = await openContent(db)
      expect(content.federationCount).toBe(mock().length)
      for (const { data } of mock()) {
        const f = data as FederationFile
        expect((await content.federation(f.federation.id))?.federation.name).toBe(f.federation.name)
      }
    } finally {
      await db.close()
      await database.drop()
    }
  })

  it('seeds an empty database with absolute dates, and refuses one that has content', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      await migrate(db)
      const result = await seedContent(db, mock(), NOW)
      expect(result.written).toHaveLength(mock().length)
      const [row] = await db.query<{ starts_at: Date }>(`SELECT starts_at FROM sessions WHERE id = 'wd-hk-1'`)
      // wd-hk-1 starts 8 days after NOW's Beijing day, at 09:00.
      expect(iso(row.starts_at)).toBe('2026-12-01T09:00:00+08:00')

      await db.query(`UPDATE federations SET name = '已修改' WHERE id = 'wudu-2020'`)
      await expect(seedContent(db, mock(), NOW)).rejects.toThrow(
        `数据库里已经有 ${mock().length} 个妇联的内容，不能再导入示例数据`,
      )
      const [kept] = await db.query<{ name: string }>(`SELECT name FROM federations WHERE id = 'wudu-2020'`)
      expect(kept.name).toBe('已修改')
    } finally {
      await db.close()
      await database.drop()
    }
  })
})

describe('content problems', () => {
  it('leaves a broken file out of the seed and names it', async () => {
    const database = await freshDatabase('pglite')
    const db = await database.open()
    await migrate(db)
    const shipped = mock()
    const files = [...shipped, { file: 'mock/broken.json', data: { federation: {} } }]
    const result = await seedContent(db, files, NOW)
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
    // A function's body stays one statement, its own `;` at line ends and all.
    const body = 'BEGIN\n  x := 1;\n  RETURN x;\nEND'
    expect(
      splitStatements(`CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n${body}\n$$;\nSELECT f();\n`),
    ).toEqual([`CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$\n${body}\n$$`, 'SELECT f()'])
  })
})
