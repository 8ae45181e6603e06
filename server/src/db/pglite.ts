// Embedded Postgres: a data folder on disk (or memory for tests), one connection, nothing to install.
import { mkdirSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { backupPglite } from '../backup'
import type { Db, Params } from './db'

export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir && !dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true })
  const pg = new PGlite(dataDir)
  await pg.waitReady
  return {
    kind: 'pglite',
    async query<T>(sql: string, params: Params = []) {
      return (await pg.query<T>(sql, [...params])).rows
    },
    transaction(fn) {
      // PGlite runs one transaction at a time on its single connection: others wait their turn.
      return pg.transaction((tx) =>
        fn({ query: async <T>(sql: string, params: Params = []) => (await tx.query<T>(sql, [...params])).rows }),
      )
    },
    async exec(sql) {
      await pg.exec(sql)
    },
    close: () => pg.close(),
    backup: (file) => backupPglite(pg, file),
  }
}
