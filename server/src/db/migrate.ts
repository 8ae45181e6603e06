// Versioned migrations: server/migrations/NNN_name.sql, applied once each, in order, each in
// its own transaction, recorded in schema_migrations. A lock keeps two servers from racing.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './db'

/** Arbitrary constant: the lock that keeps two servers from migrating at once. */
const MIGRATION_LOCK = 727001

export const MIGRATIONS_DIR = join(__dirname, '..', '..', 'migrations')

export interface Migration {
  version: number
  name: string
  sql: string
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const list = readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
  // Numbers only go up: two files with one number are refused; a gap is allowed, so a number can be
  // kept for a change made at the same time on another line of work.
  list.forEach((m, i) => {
    if (i > 0 && m.version <= list[i - 1].version) throw new Error(`迁移文件编号重复：${m.name} 和 ${list[i - 1].name}`)
  })
  return list
}

/** Applies the migrations not yet applied; returns the names it applied. */
export async function migrate(db: Db, migrations = readMigrations()): Promise<string[]> {
  // Under the lock too: two servers starting at once on an empty database would both create the
  // table, and one would fail on PostgreSQL's catalog (a duplicate pg_type row).
  await db.transaction(
    async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
      await tx.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
    },
    { maintenance: true },
  )
  const applied: string[] = []
  for (const m of migrations) {
    const done = await db.transaction(
      async (tx) => {
        // Held until this transaction ends.
        await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
        const rows = await tx.query<{ version: number }>('SELECT version FROM schema_migrations WHERE version = $1', [
          m.version,
        ])
        if (rows.length) return false
        for (const statement of splitStatements(m.sql)) await tx.query(statement)
        await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
        return true
      },
      { maintenance: true },
    )
    if (done) applied.push(m.name)
  }
  return applied
}

/**
 * Splits a migration file on `;` at line ends; migration files keep to one statement per `;`. A
 * `$$`-quoted body (a function's) is kept whole: its own statements end in `;` too.
 */
export function splitStatements(sql: string): string[] {
  const statements: string[] = []
  let current = ''
  sql
    .replace(/--[^\n]*/g, '')
    .split('$$')
    .forEach((part, i) => {
      if (i % 2 === 1) {
        current += `$$${part}$$`
        return
      }
      const [first, ...rest] = part.split(/;\s*(?:\n|$)/)
      current += first
      for (const piece of rest) {
        statements.push(current)
        current = piece
      }
    })
  statements.push(current)
  return statements.map((s) => s.trim()).filter(Boolean)
}
