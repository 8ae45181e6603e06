// Content in server mode: the database is its source of truth. Published federations are read on
// demand into a bounded cache, which drops just the federations that changed when the
// content_version row moves (a change made by this server or another one); mock/ is only ever
// imported into an empty database (seedContent).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildCatalog, type RawFile } from '../../src/domain/catalog'
import { withCover } from '../../src/domain/cover'
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

/** Marks published content as changed: every server drops what changed within a second. */
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

/** How much of the published content one server keeps parsed in memory (see Content). */
export interface ContentLimits {
  /** Federations kept, least recently asked for dropped first. */
  maxFederations: number
  /** Their documents' JSON, in UTF-8 bytes, all together. */
  maxBytes: number
}

/**
 * A sixth of the national scale's 3,000 federations: the ones people open. Measured there, a
 * document is about 15 KB of JSON and takes about 16 KB of heap parsed, so a full cache is ~8 MB.
 */
export const CONTENT_LIMITS: ContentLimits = { maxFederations: 500, maxBytes: 8 * 1024 * 1024 }

/** Program ids whose federation is known (a program never moves to another federation). */
const PROGRAM_OWNERS_KEPT = 5000

interface Cached {
  /** Undefined: the row exists but is not public (unpublished, no document, or refused by the checks). */
  file: FederationFile | undefined
  /** federations.revision when read: moved by the database whenever the document or published changes. */
  revision: string
  bytes: number
}

/** A federation's published document as the checks see it; undefined when they refuse it, as the catalog leaves a broken file out. */
function checkedFile(id: string, text: string): FederationFile | undefined {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return undefined
  }
  const [file] = buildCatalog([{ file: `federations/${id}`, data }], { datedSessions: true }).files
  return file?.federation.id === id ? file : undefined
}

/** The published content, opened on the database: its version and how many federations are public. */
export async function openContent(db: Db, limits: ContentLimits = CONTENT_LIMITS): Promise<Content> {
  const content = new Content(db, limits)
  await content.refresh()
  return content
}

/**
 * Published federations, read from the database on demand and kept in a bounded cache. When
 * content_version moves (a change made here or on another server), only the cached federations
 * whose revision moved are dropped: a publish makes no server re-read the others.
 */
export class Content {
  private seen: number | undefined
  private count = 0
  private readonly cache = new Map<string, Cached>()
  private bytes = 0
  private readonly loading = new Map<string, Promise<FederationFile | undefined>>()
  private readonly owners = new Map<string, string>()
  /** Moves as soon as a change is seen, before anything is dropped: a read that overlapped it is not kept. */
  private generation = 0
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly db: Db,
    private readonly limits: ContentLimits = CONTENT_LIMITS,
  ) {}

  /** content_version as last seen: it moves with every change to published content or sessions. */
  get version(): string {
    return String(this.seen ?? 0)
  }

  /** Published federations with a document, as counted when the version last moved. */
  get federationCount(): number {
    return this.count
  }

  /** What the cache holds now. */
  get cached(): { federations: number; bytes: number } {
    return { federations: this.cache.size, bytes: this.bytes }
  }

  /** Calls `listener` after each change seen (version moved); returns the function that stops it. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** The published federation, checked as the catalog checks a file; undefined when there is none. */
  async federation(id: string): Promise<FederationFile | undefined> {
    const hit = this.cache.get(id)
    if (hit) {
      // Least recently asked for goes first: a hit moves to the end.
      this.cache.delete(id)
      this.cache.set(id, hit)
      return hit.file
    }
    const pending = this.loading.get(id)
    if (pending) return pending
    const load = this.load(id).finally(() => {
      if (this.loading.get(id) === load) this.loading.delete(id)
    })
    this.loading.set(id, load)
    return load
  }

  /** The program with its federation, found through the programs table; undefined when not published. */
  async program(id: string): Promise<{ file: FederationFile; program: Program } | undefined> {
    let owner = this.owners.get(id)
    if (owner === undefined) {
      const [row] = await this.db.query<{ federation_id: string }>('SELECT federation_id FROM programs WHERE id = $1', [
        id,
      ])
      if (!row) return undefined
      owner = row.federation_id
      if (this.owners.size >= PROGRAM_OWNERS_KEPT) this.owners.delete(this.owners.keys().next().value as string)
      this.owners.set(id, owner)
    }
    const file = await this.federation(owner)
    const program = file?.programs.find((p) => p.id === id)
    return file && program ? { file, program } : undefined
  }

  private async load(id: string): Promise<FederationFile | undefined> {
    const generation = this.generation
    const [row] = await this.db.query<{
      doc: string | null
      published: boolean
      revision: string | number
      cover: unknown
    }>('SELECT doc::text AS doc, published, revision, cover FROM federations WHERE id = $1', [id])
    // An id no federation has is not kept: made-up ids would push real ones out.
    if (!row) return undefined
    const file = withCover(row.published && row.doc !== null ? checkedFile(id, row.doc) : undefined, row.cover)
    // A change seen while reading may be newer than what was read: serve it once, keep nothing.
    if (generation === this.generation)
      this.keep(id, { file, revision: String(row.revision), bytes: row.doc === null ? 0 : Buffer.byteLength(row.doc) })
    return file
  }

  private keep(id: string, entry: Cached): void {
    this.drop(id)
    this.cache.set(id, entry)
    this.bytes += entry.bytes
    while (this.cache.size > this.limits.maxFederations || (this.bytes > this.limits.maxBytes && this.cache.size > 1)) {
      this.drop(this.cache.keys().next().value as string)
    }
  }

  private drop(id: string): void {
    const entry = this.cache.get(id)
    if (!entry) return
    this.cache.delete(id)
    this.bytes -= entry.bytes
  }

  /**
   * If content_version moved since the last look: drops the cached federations whose revision moved
   * (one read of their revisions by primary key) and recounts the public ones. True when it moved.
   */
  async refresh(): Promise<boolean> {
    const version = Number(await contentVersion(this.db))
    if (this.seen !== undefined && version <= this.seen) return false
    this.generation += 1
    this.loading.clear()
    const held = [...this.cache.entries()].map(([id, e]) => ({ id, revision: e.revision }))
    if (held.length) {
      const rows = await this.db.query<{ id: string; revision: string | number }>(
        `SELECT f.id, f.revision FROM jsonb_array_elements_text($1::jsonb) AS c(id) JOIN federations f ON f.id = c.id`,
        [JSON.stringify(held.map((h) => h.id))],
      )
      const now = new Map(rows.map((r) => [r.id, String(r.revision)]))
      for (const h of held) {
        if (now.get(h.id) !== h.revision && this.cache.get(h.id)?.revision === h.revision) this.drop(h.id)
      }
    }
    const [{ n }] = await this.db.query<{ n: string | number }>(
      'SELECT count(*) AS n FROM federations WHERE published AND doc IS NOT NULL',
    )
    if (this.seen !== undefined && version <= this.seen) return false
    this.seen = version
    this.count = Number(n)
    for (const listener of this.listeners) listener()
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
