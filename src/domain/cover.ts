// A federation's cover image in server mode: the small reference a card carries, where its bytes
// are served, what an upload may be, and the words shown about it. Shared by the app and the server.
import type { CoverRef } from './cover-ref'

export { coverCredit, coverPath, coverUrl, type CoverRef } from './cover-ref'

/** The image sizes the server makes from an upload, and the limits on what is uploaded. */
export const COVER = {
  /** The report header and the poster: a 375 pt wide screen at 2× (16:9 is too tall under a title on a phone). */
  large: { width: 750, height: 420 },
  /** The feed card's small picture: about 110 pt wide at 3×. */
  small: { width: 330, height: 185 },
  /** Bytes accepted in: a phone photo, not a camera's RAW file. */
  maxUploadBytes: 5 * 1024 * 1024,
  /** Anything smaller would be blown up into a blur. */
  minWidth: 300,
  minHeight: 168,
  /** Pixels decoded at most (sharp's limitInputPixels): a 24-megapixel photo passes, a decompression bomb does not. */
  maxInputPixels: 40_000_000,
  /** What the large image may weigh, for a weak 3G connection; the encoder steps quality down until it fits. */
  maxLargeBytes: 60 * 1024,
  /** Uploads per federation per hour, counted in the database by every server instance. */
  uploadsPerHour: 20,
} as const

export type CoverType = 'jpeg' | 'png' | 'webp'

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) =>
  bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b)

/**
 * The image type by its first bytes, never by its name or the header a client sent (both can be
 * forged); undefined for anything else (an SVG, a PDF, a renamed text).
 */
export function coverTypeOf(bytes: Uint8Array): CoverType | undefined {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'webp'
  return undefined
}

const HASH = /^[0-9a-f]{24}$/

/** Whether `value` is a cover reference the app can show (a forged or broken one is left out). */
export function isCoverRef(value: unknown): value is CoverRef {
  const v = value as Partial<CoverRef> | null | undefined
  return (
    !!v &&
    typeof v.hash === 'string' &&
    HASH.test(v.hash) &&
    Number.isInteger(v.width) &&
    Number.isInteger(v.height) &&
    (v.width as number) > 0 &&
    (v.height as number) > 0
  )
}

/**
 * The document with the federation's cover attached (the server keeps the reference beside the
 * document, in federations.cover, as JSON or text), when `cover` is a sound one.
 */
export function withCover<F extends { cover?: CoverRef }>(file: F, cover: unknown): F
export function withCover<F extends { cover?: CoverRef }>(file: F | undefined, cover: unknown): F | undefined
export function withCover<F extends { cover?: CoverRef }>(file: F | undefined, cover: unknown): F | undefined {
  let ref = cover
  if (typeof cover === 'string') {
    try {
      ref = JSON.parse(cover) as unknown
    } catch {
      return file
    }
  }
  return file && isCoverRef(ref) ? { ...file, cover: { hash: ref.hash, width: ref.width, height: ref.height } } : file
}

/** A served file name back to its hash and size; undefined for anything else. */
export function parseCoverFile(file: string): { hash: string; size: 'large' | 'small' } | undefined {
  const m = /^([0-9a-f]{24})(-s)?\.jpg$/.exec(file)
  return m ? { hash: m[1], size: m[2] ? 'small' : 'large' } : undefined
}

/** Why a chosen file cannot be sent, before spending her data on it; undefined when it may be. */
export function coverFileProblem(size: number): string | undefined {
  if (size <= 0) return '这张图片是空的，请换一张'
  if (size > COVER.maxUploadBytes) return `图片不能超过 ${COVER.maxUploadBytes / 1024 / 1024} MB，请换一张或先裁小一些`
  return undefined
}

/** The refusals the server gives, in the words the editor shows. */
export const COVER_MESSAGES = {
  notImage: '只能上传 JPG、PNG 或 WebP 格式的照片',
  tooLarge: `图片不能超过 ${COVER.maxUploadBytes / 1024 / 1024} MB，请换一张或先裁小一些`,
  broken: '这张图片打不开，可能已损坏，请换一张',
  tooManyPixels: '这张图片的像素太多了，请换一张普通的照片',
  tooSmall: `图片太小了，至少要 ${COVER.minWidth}×${COVER.minHeight} 像素`,
  noFile: '请选择一张图片上传',
  tooOften: `封面图片每小时最多上传 ${COVER.uploadsPerHour} 次，请稍后再试`,
  notFound: '没有找到这张封面图片，可能已更换或删除',
  needsServer: '封面图片需要连接服务器后才能上传',
} as const
