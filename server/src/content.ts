// Content: the mock/ JSON files are loaded into the database on start (idempotently: a file
// whose content has not changed is left alone), then read back into an in-memory catalog.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildCatalog, findProgram, type Catalog, type RawFile } from '../../src/domain/catalog'
import type { FederationFile, Program } from '../../src/domain/types'
import type { Db } from './db/db'

export const MOCK_DIR = join(__dirname, '..', '..', 'mock')

/** Every *.json in a folder, in name order, labelled `label/name.json` for data-problem messages. */
export function readJsonDir(dir: string, label: string): RawFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${label}/${f}`, data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown }))
}

export interface LoadResult {
  /** Files whose rows were written (new or changed). */
  written: string[]
  unchanged: string[]
  /** Files left out, with why: "file: field message". */
  problems: string[]
}

const hashOf = (file: FederationFile) => createHash('sha256').update(JSON.stringify(file)).digest('hex')

/** Writes valid files into federations/programs/sessions. Rows are updated, never deleted: sign-ups point at them. */
export async function loadContent(db: Db, raw: RawFile[]): Promise<LoadResult> {
  const catalog = buildCatalog(raw)
  const result: LoadResult = { written: [], unchanged: [], problems: catalog.problems.map((p) => p.message) }
  await db.transaction(
    async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [727002])
      for (const file of catalog.files) {
        const f = file.federation
        const hash = hashOf(file)
        const known = await tx.query<{ content_hash: string }>('SELECT content_hash FROM federations WHERE id = $1', [
          f.id,
        ])
        if (known[0]?.content_hash === hash) {
          result.unchanged.push(f.id)
          continue
        }
        await tx.query(
          `INSERT INTO federations (id, name, doc, content_hash) VALUES ($1, $2, $3, $4)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, doc = EXCLUDED.doc,
           content_hash = EXCLUDED.content_hash, loaded_at = now()`,
          [f.id, f.name, JSON.stringify(file), hash],
        )
        for (const p of file.programs) {
          await tx.query(
            `INSERT INTO programs (id, federation_id, title) VALUES ($1, $2, $3)
           ON CONFLICT (id) DO UPDATE SET federation_id = EXCLUDED.federation_id, title = EXCLUDED.title`,
            [p.id, f.id, p.title],
          )
          for (const s of p.signup?.sessions ?? []) {
            await tx.query(
              `INSERT INTO sessions (id, program_id, capacity, taken) VALUES ($1, $2, $3, $4)
             ON CONFLICT (id) DO UPDATE SET program_id = EXCLUDED.program_id, capacity = EXCLUDED.capacity,
               taken = EXCLUDED.taken`,
              [s.id, p.id, s.capacity, s.taken],
            )
          }
        }
        result.written.push(f.id)
      }
    },
    { maintenance: true },
  )
  return result
}

/** The catalog as the database holds it now. */
export async function readCatalog(db: Db): Promise<Content> {
  const rows = await db.query<{ id: string; doc: unknown }>('SELECT id, doc FROM federations ORDER BY id')
  return new Content(
    buildCatalog(
      rows.map((r) => ({ file: `federations/${r.id}`, data: typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc })),
    ),
  )
}

export class Content {
  constructor(readonly catalog: Catalog) {}

  get files(): FederationFile[] {
    return this.catalog.files
  }

  federation(id: string): FederationFile | undefined {
    return this.catalog.files.find((f) => f.federation.id === id)
  }

  program(id: string): { file: FederationFile; program: Program } | undefined {
    return findProgram(this.catalog.files, id)
  }
}
