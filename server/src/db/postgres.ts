// A real PostgreSQL server through pg's connection pool: the same SQL as PGlite.
import pg from 'pg'
import { backupPostgres } from '../backup'
import type { Db, Params } from './db'

export async function openPostgres(connectionString: string, max = 10): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max })
  // An idle client's network error must not crash the process; the next query reports it.
  pool.on('error', () => undefined)
  await pool.query('SELECT 1')
  return {
    kind: 'postgres',
    async query<T>(sql: string, params: Params = []) {
      return (await pool.query(sql, [...params])).rows as T[]
    },
    async transaction(fn) {
      const client = await pool.connect()
      try {
        await client.query('BEGIN')
        const result = await fn({
          query: async <T>(sql: string, params: Params = []) => (await client.query(sql, [...params])).rows as T[],
        })
        await client.query('COMMIT')
        return result
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined)
        throw e
      } finally {
        client.release()
      }
    },
    async exec(sql) {
      await pool.query(sql)
    },
    close: () => pool.end(),
    backup: (file) => backupPostgres(connectionString, file),
  }
}
