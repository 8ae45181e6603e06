// The card index (migration 012): one row per published card with what the feed's list needs,
// written in the transaction that publishes, and the paged, filtered reads of GET /api/cards.
import { withCover } from '../../src/domain/cover'
import { divisions } from '../../src/domain/divisions'
import {
  cardRegionCodes,
  decodeCardCursor,
  encodeCardCursor,
  normalizeQuery,
  type CardFilter,
  type CardPage,
} from '../../src/domain/filters'
import { resolveRegion } from '../../src/domain/region-codes'
import type { FederationFile, YearEndCard } from '../../src/domain/types'
import { toCard } from '../../src/domain/views'
import type { Db, Queryable } from './db/db'
import { indexPrograms } from './open-sessions'

/** The card less what depends on today: openProgramCount is counted at request time. */
type StoredCard = Omit<YearEndCard, 'openProgramCount'>

interface IndexRow {
  federation_id: string
  year: number
  region_code: string
  program_ids: string[] | string
  card: unknown
}

const fromJson = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

/** pg gives text[] as an array; a text copy ({a,b}) is read too. */
const textArray = (value: string[] | string): string[] =>
  Array.isArray(value)
    ? value
    : value
        .replace(/^\{|\}$/g, '')
        .split(',')
        .filter(Boolean)

/** What the index holds for one card: codes from the division table, or from the code's digits. */
export function indexEntry(file: FederationFile) {
  const f = file.federation
  const resolved = resolveRegion(f.region, divisions())
  // A code the table does not know (newer than the package): placed by its digits, named as written.
  const codes =
    'problem' in resolved
      ? { ...cardRegionCodes(f.region.code), place: [f.region.province, f.region.city, f.region.district].join(' ') }
      : resolved
  // Any date works: the open count is left out and worked out per request.
  const { openProgramCount: _today, ...card } = toCard(file, new Date(0))
  return {
    codes,
    search: `${f.name} ${codes.place}`.replace(/\s+/g, ' ').trim(),
    programIds: file.programs.map((p) => p.id),
    card: card satisfies StoredCard,
  }
}

/** Writes the federation's row from its published document, or drops it when it is not published. */
export async function indexCard(tx: Queryable, federationId: string): Promise<void> {
  const [row] = await tx.query<{ doc: unknown; published: boolean; cover: unknown }>(
    'SELECT doc, published, cover FROM federations WHERE id = $1',
    [federationId],
  )
  if (!row?.published || !row.doc) {
    await tx.query('DELETE FROM card_index WHERE federation_id = $1', [federationId])
    await indexPrograms(tx, federationId)
    return
  }
  // The feed card carries the cover's reference too (withCover), written again when it changes.
  const file = withCover(fromJson<FederationFile>(row.doc), row.cover)
  const { codes, search, programIds, card } = indexEntry(file)
  await tx.query(
    `INSERT INTO card_index (federation_id, year, region_code, province_code, city_code, county_code, topics, search,
       program_ids, card)
     VALUES ($1, $2, $3, $4, $5, $6, $7::text[], $8, $9::text[], $10::jsonb)
     ON CONFLICT (federation_id) DO UPDATE SET year = excluded.year, region_code = excluded.region_code,
       province_code = excluded.province_code, city_code = excluded.city_code, county_code = excluded.county_code,
       topics = excluded.topics, search = excluded.search, program_ids = excluded.program_ids, card = excluded.card`,
    [
      federationId,
      file.federation.year,
      file.federation.region.code,
      codes.province,
      codes.city ?? null,
      codes.county ?? null,
      pgArray(file.topics),
      search,
      pgArray(programIds),
      JSON.stringify(card),
    ],
  )
  // The 可报名 list's program rows follow the card's, in this transaction.
  await indexPrograms(tx, federationId)
}

/** A text[] literal: every element quoted, so commas and braces in one stay inside it. */
const pgArray = (items: string[]) => `{${items.map((s) => `"${s.replace(/["\\]/g, '\\$&')}"`).join(',')}}`

/**
 * Indexes every published card that has no row yet: the first start after migration 012, and any
 * database whose rows were cleared for a change of what a row holds. Returns how many it wrote.
 */
export async function fillMissingCardIndex(db: Db): Promise<number> {
  const missing = await db.query<{ id: string }>(
    `SELECT f.id FROM federations f LEFT JOIN card_index ci ON ci.federation_id = f.id
      WHERE f.published AND f.doc IS NOT NULL AND ci.federation_id IS NULL`,
  )
  for (let i = 0; i < missing.length; i += 200) {
    const batch = missing.slice(i, i + 200)
    await db.transaction(
      async (tx) => {
        for (const { id } of batch) await indexCard(tx, id)
      },
      { maintenance: true },
    )
  }
  return missing.length
}

/** LIKE's own characters in a search are searched for as they are. */
const likeEscape = (q: string) => q.replace(/[\\%_]/g, '\\$&')

/**
 * The page's SQL: every filter an indexed condition, the order that of card_index_order. `now` is
 * when 有可报名 (filter.open) is judged: a card with a program whose session takes sign-ups then.
 */
export function cardPageQuery(filter: CardFilter, cursor: string | null | undefined, size: number, now: Date) {
  const params: Array<string | number> = []
  const where: string[] = []
  const bind = (v: string | number) => `$${params.push(v)}`
  if (filter.province) where.push(`province_code = ${bind(filter.province)}`)
  if (filter.city) where.push(`city_code = ${bind(filter.city)}`)
  if (filter.county) where.push(`county_code = ${bind(filter.county)}`)
  if (filter.topic) where.push(`topics @> ARRAY[${bind(filter.topic)}]::text[]`)
  const q = normalizeQuery(filter.q)
  if (q) where.push(`search LIKE ${bind(`%${likeEscape(q)}%`)}`)
  if (filter.open) {
    // The rule of OPEN_PROGRAMS_SQL, per card: a session row found by its program's key.
    const at = bind(now.toISOString())
    where.push(
      `EXISTS (SELECT 1 FROM sessions s WHERE s.program_id = ANY(program_ids) AND s.status = 'open'
        AND s.deadline_at > ${at} AND s.starts_at > ${at} AND (s.opens_at IS NULL OR s.opens_at <= ${at}))`,
    )
  }
  const after = cursor ? decodeCardCursor(cursor) : undefined
  if (after) {
    where.push(
      `(-year, region_code, federation_id) > (${bind(-after.year)}, ${bind(after.regionCode)}, ${bind(after.id)})`,
    )
  }
  const sql = `SELECT federation_id, year, region_code, program_ids, card FROM card_index
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ORDER BY -year, region_code, federation_id LIMIT ${bind(size + 1)}`
  return { sql, params }
}

/** Programs among `programIds` with a session taking sign-ups or waitlist entries at `now` (isProgramOpen). */
export const OPEN_PROGRAMS_SQL = `SELECT DISTINCT program_id FROM sessions
  WHERE program_id = ANY($1::text[]) AND status = 'open' AND deadline_at > $2 AND starts_at > $2
    AND (opens_at IS NULL OR opens_at <= $2)`

/** One page of the feed as the index holds it now, with each card's open programs counted at `now`. */
export async function readCardPage(
  db: Queryable,
  filter: CardFilter,
  cursor: string | null | undefined,
  size: number,
  now: Date,
): Promise<CardPage> {
  const { sql, params } = cardPageQuery(filter, cursor, size, now)
  const rows = await db.query<IndexRow>(sql, params)
  const page = rows.slice(0, size)
  const programIds = page.flatMap((r) => textArray(r.program_ids))
  const open = new Set(
    programIds.length
      ? (await db.query<{ program_id: string }>(OPEN_PROGRAMS_SQL, [pgArray(programIds), now])).map((r) => r.program_id)
      : [],
  )
  const cards = page.map((r) => ({
    ...fromJson<StoredCard>(r.card),
    openProgramCount: textArray(r.program_ids).filter((id) => open.has(id)).length,
  }))
  const last = page[page.length - 1]
  return {
    cards,
    next:
      rows.length > size
        ? encodeCardCursor({ year: Number(last.year), regionCode: last.region_code, id: last.federation_id })
        : null,
  }
}
