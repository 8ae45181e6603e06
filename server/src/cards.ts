// The card workspace's storage: a federation's card draft saved as she types, publishing it as a
// new kept version, taking the card off the public feed, and publishing an earlier version again.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkDraft, draftToFederationFile, federationFileToDraft, type CardDraft } from '../../src/domain/card-draft'
import type { FederationFile, Level } from '../../src/domain/types'
import { audit, type Actor } from './audit'
import { indexCard } from './card-index'
import { bumpContentVersion, iso, MOCK_DIR, type Content } from './content'
import type { Db, Queryable } from './db/db'
import { HttpError, invalid, notFound } from './errors'
import type { WorkspaceCard } from '../../src/services/workspace'

/** What one draft may hold: a year-end summary is a few thousand characters and a dozen figures. */
export const CARD_LIMITS = {
  sourceText: 50_000,
  figures: 60,
  sections: 30,
  /** Request bodies of the draft and provenance routes (the server's default is 16 KB). */
  bodyBytes: 1024 * 1024,
}

/**
 * Saves come with every pause in typing: the audit log gets at most one 'card_draft' row per
 * account in this long, so it shows who worked on the draft without a row per keystroke.
 */
export const DRAFT_AUDIT_EVERY_MS = 10 * 60_000

export const STALE_MESSAGE = '这份草稿已在别处修改，请刷新后再改'
const stale = () => new HttpError(409, 'stale', STALE_MESSAGE)

/** A theme colour for a card begun from nothing; she picks her own. */
const STARTING_COLOR = '#C62828'

/** What the workspace answers for the card: the app's own type (src/services/workspace.ts). */
export type CardState = WorkspaceCard

export interface CardVersion {
  version: number
  publishedAt: string
  publishedBy?: { id: number; displayName: string }
  restoredFrom?: number
}

export interface Published {
  version: number
  publishedAt: string
}

interface FederationRow {
  id: string
  name: string
  doc: unknown
  source_text: string | null
  region_code: string | null
  level: string | null
  published: boolean
  published_at: Date | string | null
}

interface DraftRow {
  draft: unknown
  source_text: string
  revision: number | string
  updated_at: Date | string
  updated_by: number | string | null
  display_name: string | null
}

const FEDERATION_COLUMNS = 'id, name, doc, source_text, region_code, level, published, published_at'

/** jsonb comes back parsed from pg and PGlite alike, but a text copy is read too. */
const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

/**
 * The article a card seeded from mock/ was checked against (mock/<id>.txt): those cards were
 * published before the workspace stored source texts.
 */
function bundledSourceText(id: string): string | undefined {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return undefined
  const file = join(MOCK_DIR, `${id}.txt`)
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

/** The text the federation's published card was checked against, if it has one. */
const publishedSourceText = (f: FederationRow): string | undefined =>
  f.source_text ?? (f.doc ? bundledSourceText(f.id) : undefined)

/** The programs of the published card: a card publish never changes them (they are edited elsewhere). */
const currentPrograms = (f: FederationRow) => (f.doc ? fromJson<FederationFile>(f.doc).programs : [])

/** The year a card begun today reviews: the current year in Beijing. */
const beijingYear = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).getUTCFullYear()

/** The draft before anything was saved: the published card, or an empty one with what the federation row knows. */
function startingDraft(f: FederationRow, at: Date): CardDraft {
  if (f.doc) return federationFileToDraft(fromJson<FederationFile>(f.doc), publishedSourceText(f) ?? '')
  return {
    id: f.id,
    name: f.name,
    region: { province: '', code: f.region_code ?? '' },
    level: (f.level ?? '') as Level,
    year: beijingYear(at),
    color: STARTING_COLOR,
    summary: '',
    topics: [],
    source: { publisher: '', headline: '', date: '' },
    sections: [],
    figures: [],
    headlineFigureIds: [],
    programs: [],
    sourceText: '',
  }
}

const draftOf = (row: DraftRow): CardDraft => ({
  ...fromJson<Omit<CardDraft, 'sourceText'>>(row.draft),
  sourceText: row.source_text,
})

async function federationRow(q: Queryable, id: string, lock: boolean): Promise<FederationRow> {
  // NO KEY UPDATE: writers of one card wait for each other, while rows that merely refer to the
  // federation (sign-ups, audit rows) are written on.
  const [row] = await q.query<FederationRow>(
    `SELECT ${FEDERATION_COLUMNS} FROM federations WHERE id = $1${lock ? ' FOR NO KEY UPDATE' : ''}`,
    [id],
  )
  if (!row) throw notFound('没有找到你所在的妇联')
  return row
}

async function draftRow(q: Queryable, federationId: string): Promise<DraftRow | undefined> {
  const [row] = await q.query<DraftRow>(
    `SELECT d.draft, d.source_text, d.revision, d.updated_at, d.updated_by, a.display_name
       FROM card_drafts d LEFT JOIN accounts a ON a.id = d.updated_by
      WHERE d.federation_id = $1`,
    [federationId],
  )
  return row
}

async function writeDraft(tx: Queryable, actor: Actor, draft: CardDraft, revision: number): Promise<void> {
  const { sourceText, ...rest } = draft
  await tx.query(
    `INSERT INTO card_drafts (federation_id, draft, source_text, revision, updated_by, updated_at)
     VALUES ($1, $2::jsonb, $3, $4, $5, $6)
     ON CONFLICT (federation_id) DO UPDATE SET draft = excluded.draft, source_text = excluded.source_text,
       revision = excluded.revision, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
    [actor.federationId, JSON.stringify(rest), sourceText, revision, actor.accountId, actor.at],
  )
}

/** Publishes `doc` as the federation's next version, in the caller's transaction. */
async function publishDoc(
  tx: Queryable,
  actor: Actor,
  doc: FederationFile,
  sourceText: string,
  restoredFrom: number | null,
  draftRevision: number,
): Promise<Published> {
  const id = actor.federationId
  const [{ last }] = await tx.query<{ last: number | string }>(
    'SELECT coalesce(max(version), 0) AS last FROM card_versions WHERE federation_id = $1',
    [id],
  )
  const version = Number(last) + 1
  const json = JSON.stringify(doc)
  await tx.query(
    `INSERT INTO card_versions (federation_id, version, doc, source_text, published_by, published_at, restored_from,
       draft_revision)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7, $8)`,
    [id, version, json, sourceText, actor.accountId, actor.at, restoredFrom, draftRevision],
  )
  await tx.query(
    `UPDATE federations SET doc = $2::jsonb, content_hash = $3, name = $4, region_code = $5, level = $6,
       source_text = $7, published = true, published_at = $8
     WHERE id = $1`,
    [
      id,
      json,
      createHash('sha256').update(json).digest('hex'),
      doc.federation.name,
      doc.federation.region.code,
      doc.federation.level,
      sourceText,
      actor.at,
    ],
  )
  // The feed's row in the same transaction: every server's next page shows the card.
  await indexCard(tx, id)
  await bumpContentVersion(tx)
  await audit(tx, actor, restoredFrom === null ? 'card_publish' : 'card_restore', id, {
    version,
    ...(restoredFrom === null ? {} : { restoredFrom }),
  })
  return { version, publishedAt: iso(actor.at) }
}

export class Cards {
  constructor(
    private readonly db: Db,
    private readonly content: Content,
  ) {}

  /** The federation's draft as the editor opens it, with where its card stands. */
  async card(federationId: string, at: Date): Promise<CardState> {
    return this.db.transaction(async (tx) => {
      const f = await federationRow(tx, federationId, false)
      const saved = await draftRow(tx, federationId)
      const [{ last }] = await tx.query<{ last: number | string | null }>(
        'SELECT max(version) AS last FROM card_versions WHERE federation_id = $1',
        [federationId],
      )
      return {
        federation: { id: f.id, name: f.name },
        draft: saved ? draftOf(saved) : startingDraft(f, at),
        revision: saved ? Number(saved.revision) : 0,
        published: f.published,
        ...(f.published && f.published_at ? { publishedAt: iso(f.published_at) } : {}),
        ...(f.published && last !== null ? { publishedVersion: Number(last) } : {}),
        ...(saved ? { updatedAt: iso(saved.updated_at) } : {}),
        ...(saved?.updated_by != null
          ? { updatedBy: { id: Number(saved.updated_by), displayName: saved.display_name ?? '' } }
          : {}),
      }
    })
  }

  /**
   * Saves the draft over revision `revision` (0 before the first save); a save made from an older
   * copy is refused with 409. A draft with problems is saved all the same: it is a draft.
   */
  async saveDraft(actor: Actor & { accountId: number }, draft: CardDraft, revision: number) {
    return this.db.transaction(async (tx) => {
      const f = await federationRow(tx, actor.federationId, true)
      if (draft.id !== f.id) throw invalid(`卡片编号应为“${f.id}”：这里只能编辑你所在妇联的年终盘点`, 'id')
      const saved = await draftRow(tx, f.id)
      if (revision !== (saved ? Number(saved.revision) : 0)) throw stale()
      await writeDraft(tx, actor, draft, revision + 1)
      const [recent] = await tx.query(
        `SELECT 1 FROM audit_log
          WHERE federation_id = $1 AND account_id = $2 AND action = 'card_draft' AND at > $3 LIMIT 1`,
        [f.id, actor.accountId, new Date(actor.at.getTime() - DRAFT_AUDIT_EVERY_MS)],
      )
      if (!recent) await audit(tx, actor, 'card_draft', f.id, { revision: revision + 1 })
      return { revision: revision + 1, savedAt: iso(actor.at) }
    })
  }

  /**
   * Publishes the draft at `revision` when checkDraft finds nothing to fix, with the programs of the
   * card now published; the public feed shows it within a second (on this server at once).
   */
  async publish(actor: Actor, revision: number): Promise<Published> {
    const published = await this.db.transaction(async (tx) => {
      const f = await federationRow(tx, actor.federationId, true)
      const saved = await draftRow(tx, f.id)
      if (revision !== (saved ? Number(saved.revision) : 0)) throw stale()
      // A second click on 发布 (or a second tab) publishing the same revision gets the version made.
      const [last] = await tx.query<{ version: number | string; published_at: Date | string; draft_revision: unknown }>(
        `SELECT version, published_at, draft_revision FROM card_versions
          WHERE federation_id = $1 ORDER BY version DESC LIMIT 1`,
        [f.id],
      )
      if (f.published && last && last.draft_revision !== null && Number(last.draft_revision) === revision) {
        return { version: Number(last.version), publishedAt: iso(last.published_at) }
      }
      const draft = { ...(saved ? draftOf(saved) : startingDraft(f, actor.at)), programs: currentPrograms(f) }
      const problems = checkDraft(draft)
      if (draft.id !== f.id) problems.unshift({ field: 'id', message: `卡片编号：应为“${f.id}”` })
      if (problems.length) {
        throw new HttpError(400, 'invalid', `还有 ${problems.length} 处要改，改好才能发布`, problems[0].field, problems)
      }
      return publishDoc(tx, actor, draftToFederationFile(draft), draft.sourceText, null, revision)
    })
    await this.showNow()
    return published
  }

  /** Takes the card off the public feed and its report; sign-ups and the draft stay as they are. */
  async unpublish(actor: Actor): Promise<{ published: false }> {
    const changed = await this.db.transaction(async (tx) => {
      const f = await federationRow(tx, actor.federationId, true)
      if (!f.published) return false
      await tx.query('UPDATE federations SET published = false WHERE id = $1', [f.id])
      await indexCard(tx, f.id)
      await bumpContentVersion(tx)
      await audit(tx, actor, 'card_unpublish', f.id, {})
      return true
    })
    if (changed) await this.showNow()
    return { published: false }
  }

  /** Every published version, newest first, with who published it. */
  async versions(federationId: string): Promise<CardVersion[]> {
    const rows = await this.db.query<{
      version: number | string
      published_at: Date | string
      published_by: number | string | null
      display_name: string | null
      restored_from: number | string | null
    }>(
      `SELECT v.version, v.published_at, v.published_by, a.display_name, v.restored_from
         FROM card_versions v LEFT JOIN accounts a ON a.id = v.published_by
        WHERE v.federation_id = $1
        ORDER BY v.version DESC`,
      [federationId],
    )
    return rows.map((r) => ({
      version: Number(r.version),
      publishedAt: iso(r.published_at),
      ...(r.published_by !== null
        ? { publishedBy: { id: Number(r.published_by), displayName: r.display_name ?? '' } }
        : {}),
      ...(r.restored_from !== null ? { restoredFrom: Number(r.restored_from) } : {}),
    }))
  }

  /**
   * Publishes version `version` again as a new version (with the programs of the card now
   * published), and makes it the draft, so the editor shows what is public.
   */
  async restore(actor: Actor, version: number): Promise<Published> {
    const published = await this.db.transaction(async (tx) => {
      const f = await federationRow(tx, actor.federationId, true)
      const [kept] = await tx.query<{ doc: unknown; source_text: string }>(
        'SELECT doc, source_text FROM card_versions WHERE federation_id = $1 AND version = $2',
        [f.id, version],
      )
      if (!kept) throw notFound(`没有第 ${version} 版，请刷新版本列表后再试`)
      const doc = { ...fromJson<FederationFile>(kept.doc), programs: currentPrograms(f) }
      const draft = federationFileToDraft(doc, kept.source_text)
      // Today's programs may show figures that version did not have: checked like any publish.
      const problems = checkDraft(draft)
      if (problems.length) {
        throw new HttpError(
          400,
          'invalid',
          `第 ${version} 版和现在的项目对不上，还有 ${problems.length} 处要改：请在草稿里改好再发布`,
          problems[0].field,
          problems,
        )
      }
      const saved = await draftRow(tx, f.id)
      const revision = (saved ? Number(saved.revision) : 0) + 1
      await writeDraft(tx, actor, draft, revision)
      return publishDoc(tx, actor, doc, kept.source_text, version, revision)
    })
    await this.showNow()
    return published
  }

  /** The text a published card's figures were checked against, for its report's source line. */
  async sourceText(federationId: string): Promise<{ federationId: string; name: string; text: string } | undefined> {
    const [f] = await this.db.query<FederationRow>(
      `SELECT ${FEDERATION_COLUMNS} FROM federations WHERE id = $1 AND published AND doc IS NOT NULL`,
      [federationId],
    )
    const text = f ? publishedSourceText(f) : undefined
    return f && text !== undefined ? { federationId: f.id, name: f.name, text } : undefined
  }

  /**
   * This server shows the change at once; the others re-read within a second (content.watch). A
   * failed re-read is left to that watch: the change itself is committed.
   */
  private async showNow(): Promise<void> {
    await this.content.refresh().catch(() => undefined)
  }
}
