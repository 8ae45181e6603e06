// Content in server mode: the database is its source of truth. Published federations and their
// sessions are read into an in-memory catalog, which re-reads itself when the content_version row
// moves (a change made by this server or another one); mock/ is only ever imported into an empty
// database (seedContent).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildCatalog, findProgram, type Catalog, type RawFile } from '../../src/domain/catalog'
import { materializeSession } from '../../src/domain/sessions'
import type { FederationFile, Program, Session } from '../../src/domain/types'
import { inBeijing, toIso } from '../../src/utils/date'
import { indexCard } from './card-index'
import type { Db, Queryable } from './db/db'

export const MOCK_DIR = join(__dirname, '..', '..', 'mock')

/** Every *.json in a folder, in name order, labelled `label/name.json` for data-problem messages. */
export function readJsonDir(dir: string, label: string): RawFile[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => ({ file: `${label}/${f}`, data: JSON.parse(readFileSync(join(dir, f), 'utf8')) as unknown }))
}

/** A session's row, as every reader selects it. */
export interface SessionRow {
  id: string
  program_id: string
  title: string
  starts_at: Date | string
  ends_at: Date | string
  deadline_at: Date | string
  opens_at: Date | string | null
  online: boolean
  place: string | null
  capacity: number
  taken: number
  status: 'open' | 'cancelled'
  cancel_reason: string | null
  demo: boolean
}

export const iso = (t: Date | string) => toIso(inBeijing(t))

/** The session as the Api shows it; `taken` is the demo seats only, the caller adds the sign-ups. */
export function sessionFromRow(row: SessionRow): Session {
  return {
    id: row.id,
    programId: row.program_id,
    title: row.title,
    start: iso(row.starts_at),
    end: iso(row.ends_at),
    deadline: iso(row.deadline_at),
    ...(row.opens_at ? { opensAt: iso(row.opens_at) } : {}),
    online: row.online,
    ...(row.place ? { place: row.place } : {}),
    capacity: Number(row.capacity),
    taken: Number(row.taken),
    demo: row.demo,
    ...(row.status === 'cancelled' ? { cancelled: { reason: row.cancel_reason ?? '' } } : {}),
  }
}

const byStart = (a: Session, b: Session) => Date.parse(a.start) - Date.parse(b.start) || a.id.localeCompare(b.id)

/** Marks published content as changed: every server re-reads its catalog within a second. */
export async function bumpContentVersion(tx: Queryable): Promise<void> {
  await tx.query('UPDATE content_version SET version = version + 1 WHERE id = 1')
}

async function contentVersion(q: Queryable): Promise<string> {
  const [row] = await q.query<{ version: string | number }>('SELECT version FROM content_version WHERE id = 1')
  return String(row?.version ?? '0')
}

export interface SeedResult {
  /** Federations written. */
  written: string[]
  /** Files left out, with why: "file: field message". */
  problems: string[]
}

export class NotEmptyError extends Error {
  constructor(count: number) {
    super(
      `数据库里已经有 ${count} 个妇联的内容，不能再导入示例数据：导入只用于空数据库，以免覆盖已经发布或修改过的内容和报名。`,
    )
    this.name = 'NotEmptyError'
  }
}

/**
 * Imports content files into an EMPTY database (no federations), published, with each session
 * template dated from `now`'s Beijing day once and for all. A database with any federation is
 * refused (NotEmptyError): what is there is never overwritten.
 */
export async function seedContent(db: Db, raw: RawFile[], now: Date): Promise<SeedResult> {
  const catalog = buildCatalog(raw)
  const result: SeedResult = { written: [], problems: catalog.problems.map((p) => p.message) }
  await db.transaction(
    async (tx) => {
      // Two servers starting on one empty database: the second waits, then finds it seeded.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [727002])
      const [{ n }] = await tx.query<{ n: string | number }>('SELECT count(*) AS n FROM federations')
      if (Number(n) > 0) throw new NotEmptyError(Number(n))
      for (const file of catalog.files) {
        const f = file.federation
        await tx.query(
          `INSERT INTO federations (id, name, doc, content_hash, region_code, level, published, published_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, true, $7, $7)`,
          [
            f.id,
            f.name,
            JSON.stringify(file),
            createHash('sha256').update(JSON.stringify(file)).digest('hex'),
            f.region.code,
            f.level,
            now,
          ],
        )
        for (const p of file.programs) {
          await tx.query('INSERT INTO programs (id, federation_id, title) VALUES ($1, $2, $3)', [p.id, f.id, p.title])
          // Version 1 of its form: every sign-up records the version it was made with.
          if (p.signup) {
            await tx.query('INSERT INTO form_versions (program_id, version, fields) VALUES ($1, 1, $2)', [
              p.id,
              JSON.stringify(p.signup.form),
            ])
          }
          for (const t of p.signup?.sessions ?? []) {
            const s = materializeSession(p.id, t, now, p.signup?.demo === true)
            await tx.query(
              `INSERT INTO sessions (id, program_id, capacity, taken, title, starts_at, ends_at, deadline_at, opens_at,
                 online, place, demo)
               VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
              [
                s.id,
                p.id,
                s.capacity,
                s.taken,
                s.title,
                s.start,
                s.end,
                s.deadline,
                s.opensAt ?? null,
                s.online,
                s.place ?? null,
                s.demo,
              ],
            )
          }
        }
        await indexCard(tx, f.id)
        result.written.push(f.id)
      }
      await bumpContentVersion(tx)
    },
    { maintenance: true },
  )
  return result
}

/** Whether the database holds no federation at all (a fresh one, or one never seeded). */
export async function isEmpty(db: Queryable): Promise<boolean> {
  const [{ n }] = await db.query<{ n: string | number }>('SELECT count(*) AS n FROM federations')
  return Number(n) === 0
}

interface Snapshot {
  version: string
  catalog: Catalog
  sessions: Map<string, Session[]>
}

async function readSnapshot(db: Db): Promise<Snapshot> {
  // Read in one transaction, so the version belongs to the rows read with it.
  return db.transaction(async (tx) => {
    const version = await contentVersion(tx)
    const rows = await tx.query<{ id: string; doc: unknown }>(
      'SELECT id, doc FROM federations WHERE published AND doc IS NOT NULL ORDER BY id',
    )
    const catalog = buildCatalog(
      rows.map((r) => ({ file: `federations/${r.id}`, data: typeof r.doc === 'string' ? JSON.parse(r.doc) : r.doc })),
      { datedSessions: true },
    )
    const sessionRows = await tx.query<SessionRow>(
      `SELECT s.* FROM sessions s JOIN programs p ON p.id = s.program_id
       JOIN federations f ON f.id = p.federation_id WHERE f.published`,
    )
    const sessions = new Map<string, Session[]>()
    for (const row of sessionRows) {
      const list = sessions.get(row.program_id) ?? []
      list.push(sessionFromRow(row))
      sessions.set(row.program_id, list)
    }
    for (const list of sessions.values()) list.sort(byStart)
    return { version, catalog, sessions }
  })
}

/** The published catalog as the database holds it now. */
export async function readCatalog(db: Db): Promise<Content> {
  return new Content(db, await readSnapshot(db))
}

export class Content {
  constructor(
    private readonly db: Db,
    private snapshot: Snapshot,
  ) {}

  get catalog(): Catalog {
    return this.snapshot.catalog
  }

  /**
   * Which content this server shows: it changes when a changed catalog is read (a publish here, or
   * elsewhere within a second). Pages kept in memory are read again when it does.
   */
  get version(): string {
    return this.snapshot.version
  }

  get files(): FederationFile[] {
    return this.snapshot.catalog.files
  }

  federation(id: string): FederationFile | undefined {
    return this.files.find((f) => f.federation.id === id)
  }

  program(id: string): { file: FederationFile; program: Program } | undefined {
    return findProgram(this.files, id)
  }

  /**
   * The program's sessions as last read, `taken` being the demo seats only: enough to tell whether
   * it takes sign-ups (a full session still takes waitlist entries). Program pages read live rows.
   */
  sessionsFor = (program: Program): Session[] => this.snapshot.sessions.get(program.id) ?? []

  /** Re-reads the catalog if the content changed since the last read; true when it did. */
  async refresh(): Promise<boolean> {
    if ((await contentVersion(this.db)) === this.snapshot.version) return false
    this.snapshot = await readSnapshot(this.db)
    return true
  }

  /**
   * Checks for changes every `everyMs` (one row read by primary key), so a change made by another
   * server shows here within a second. Returns the function that stops it. Unref'd.
   */
  watch(everyMs: number, onError: (e: unknown) => void): () => void {
    let running = false
    // A busy database fails many checks in a row: the first one is reported, not each.
    let failing = false
    const timer = setInterval(() => {
      if (running) return
      running = true
      this.refresh()
        .then(
          () => (failing = false),
          (e: unknown) => {
            if (!failing) onError(e)
            failing = true
          },
        )
        .finally(() => (running = false))
    }, everyMs)
    timer.unref()
    return () => clearInterval(timer)
  }
}
