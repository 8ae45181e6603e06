// Federation cover images: an upload checked by its bytes, decoded for real and made again by the
// server (metadata such as GPS dropped, turned upright, cropped to the sizes the app shows), then
// stored in the database with the card's reference, in one transaction that moves its revision.
import { createHash } from 'node:crypto'
import sharp, { type Metadata, type Sharp } from 'sharp'
import { COVER, COVER_MESSAGES, coverTypeOf, type CoverRef } from '../../src/domain/cover'
import type { Actor } from './audit'
import { audit } from './audit'
import { indexCard } from './card-index'
import { bumpContentVersion } from './content'
import type { Db, Queryable } from './db/db'
import { HttpError, notFound } from './errors'

// One decode at a time per process and no cache of decoded images: a 5 MB photo opens into tens
// of MB, and the server also answers sign-ups.
sharp.concurrency(1)
sharp.cache(false)

/** The two images made from one upload. */
export interface MadeCover {
  ref: CoverRef
  large: Buffer
  small: Buffer
}

const unprocessable = (message: string) => new HttpError(422, 'invalid', message)

/** JPEG qualities tried in turn until the large image fits COVER.maxLargeBytes. */
const QUALITIES = [78, 70, 62, 54, 46]

async function encode(image: Sharp, size: { width: number; height: number }, maxBytes: number) {
  // Centre crop to the exact size the app lays out, so nothing moves when the image arrives.
  const resized = image.clone().resize(size.width, size.height, { fit: 'cover', position: 'attention' })
  let out = Buffer.alloc(0)
  for (const quality of QUALITIES) {
    out = await resized.clone().jpeg({ quality, progressive: true, mozjpeg: true }).toBuffer()
    if (out.length <= maxBytes) break
  }
  return out
}

/**
 * Makes the cover from the uploaded bytes, or refuses them: 415 when they are no JPEG, PNG or
 * WebP (by their first bytes), 422 when they do not decode, are too many pixels or too small.
 */
export async function makeCover(bytes: Buffer): Promise<MadeCover> {
  if (bytes.length > COVER.maxUploadBytes) throw new HttpError(413, 'too_large', COVER_MESSAGES.tooLarge)
  const type = coverTypeOf(bytes)
  if (!type) throw new HttpError(415, 'unsupported_media_type', COVER_MESSAGES.notImage)
  const input = sharp(bytes, { limitInputPixels: COVER.maxInputPixels, failOn: 'error', animated: false })
  let meta: Metadata
  try {
    meta = await input.metadata()
  } catch {
    throw unprocessable(COVER_MESSAGES.broken)
  }
  // The bytes say one thing and the decoder another (a PNG header on something else): refused.
  if (meta.format !== type) throw unprocessable(COVER_MESSAGES.broken)
  const width = meta.autoOrient?.width ?? meta.width ?? 0
  const height = meta.autoOrient?.height ?? meta.height ?? 0
  if (width * height > COVER.maxInputPixels) throw unprocessable(COVER_MESSAGES.tooManyPixels)
  if (width < COVER.minWidth || height < COVER.minHeight) throw unprocessable(COVER_MESSAGES.tooSmall)
  try {
    // Turned upright by its EXIF orientation; the output keeps no metadata at all (no GPS, no
    // camera, no orientation left to apply twice).
    const upright = input.clone().autoOrient().flatten({ background: '#ffffff' })
    const large = await encode(upright, COVER.large, COVER.maxLargeBytes)
    const small = await encode(upright, COVER.small, COVER.maxLargeBytes / 3)
    const hash = createHash('sha256').update(large).digest('hex').slice(0, 24)
    return { ref: { hash, ...COVER.large }, large, small }
  } catch (e) {
    if (e instanceof HttpError) throw e
    // A file that decodes its header but not its pixels (truncated, corrupt).
    throw unprocessable(COVER_MESSAGES.broken)
  }
}

export class Covers {
  constructor(private readonly db: Db) {}

  /**
   * Counts one upload for the federation in cover_uploads, on the database's clock and shared by
   * every instance; a 429 past COVER.uploadsPerHour. Counted before the image is decoded, so
   * refused files count too: a script cannot spend the server's CPU any more than its disk.
   */
  async countUpload(federationId: string): Promise<void> {
    const wait = await this.db.transaction(async (tx) => {
      // One federation's uploads are counted one after the other.
      await lockFederation(tx, federationId)
      await tx.query(
        `DELETE FROM cover_uploads WHERE federation_id = $1 AND at <= statement_timestamp() - interval '1 hour'`,
        [federationId],
      )
      const [row] = await tx.query<{ n: string | number; wait_s: string | number | null }>(
        `SELECT count(*) AS n,
           ceil(extract(epoch FROM min(at) + interval '1 hour' - statement_timestamp())) AS wait_s
         FROM cover_uploads WHERE federation_id = $1`,
        [federationId],
      )
      if (Number(row.n) >= COVER.uploadsPerHour) return Math.max(1, Number(row.wait_s ?? 60))
      await tx.query('INSERT INTO cover_uploads (federation_id, at) VALUES ($1, statement_timestamp())', [federationId])
      return 0
    })
    if (wait > 0) throw new HttpError(429, 'rate_limited', COVER_MESSAGES.tooOften, undefined, undefined, wait)
  }

  /** The federation's cover now, or null. */
  async current(federationId: string): Promise<CoverRef | null> {
    const [row] = await this.db.query<{ hash: string; width: number; height: number }>(
      'SELECT hash, width, height FROM federation_covers WHERE federation_id = $1',
      [federationId],
    )
    return row ? { hash: row.hash, width: Number(row.width), height: Number(row.height) } : null
  }

  /** Replaces the federation's cover: the image and the card's reference, together or not at all. */
  async save(actor: Actor, made: MadeCover): Promise<CoverRef> {
    const id = actor.federationId
    await this.db.transaction(async (tx) => {
      await lockFederation(tx, id)
      await tx.query(
        `INSERT INTO federation_covers (federation_id, hash, width, height, large, small, uploaded_by, uploaded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (federation_id) DO UPDATE SET hash = excluded.hash, width = excluded.width,
           height = excluded.height, large = excluded.large, small = excluded.small,
           uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at`,
        [id, made.ref.hash, made.ref.width, made.ref.height, made.large, made.small, actor.accountId, actor.at],
      )
      await setReference(tx, id, made.ref)
      await audit(tx, actor, 'cover_upload', id, { hash: made.ref.hash, bytes: made.large.length })
    })
    return made.ref
  }

  /** Removes the federation's cover; true when there was one. */
  async remove(actor: Actor): Promise<boolean> {
    const id = actor.federationId
    return this.db.transaction(async (tx) => {
      await lockFederation(tx, id)
      const gone = await tx.query<{ hash: string }>(
        'DELETE FROM federation_covers WHERE federation_id = $1 RETURNING hash',
        [id],
      )
      if (!gone.length) return false
      await setReference(tx, id, null)
      await audit(tx, actor, 'cover_delete', id, { hash: gone[0].hash })
      return true
    })
  }

  /** A served image's bytes by hash, or a Chinese 404. */
  async image(hash: string, size: 'large' | 'small'): Promise<Buffer> {
    const [row] = await this.db.query<{ bytes: Uint8Array }>(
      `SELECT ${size === 'small' ? 'small' : 'large'} AS bytes FROM federation_covers WHERE hash = $1 LIMIT 1`,
      [hash],
    )
    if (!row) throw notFound(COVER_MESSAGES.notFound)
    return Buffer.from(row.bytes)
  }
}

async function lockFederation(tx: Queryable, id: string): Promise<void> {
  const [row] = await tx.query('SELECT id FROM federations WHERE id = $1 FOR NO KEY UPDATE', [id])
  if (!row) throw notFound('没有找到你所在的妇联')
}

/**
 * The card's reference, its feed row, and content_version: the revision trigger (migration 018)
 * moves with the reference, so every server serves the new cover within a second.
 */
async function setReference(tx: Queryable, id: string, ref: CoverRef | null): Promise<void> {
  await tx.query('UPDATE federations SET cover = $2::jsonb WHERE id = $1', [id, ref ? JSON.stringify(ref) : null])
  await indexCard(tx, id)
  await bumpContentVersion(tx)
}
