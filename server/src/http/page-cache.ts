// Repeated public pages made cheap: a page's JSON, strong ETag and br/gzip bytes made once per process, kept briefly.
import { brotliCompressSync, gzipSync } from 'node:zlib'
import negotiate from '@fastify/accept-negotiator'
import type { FastifyReply, FastifyRequest } from 'fastify'
import { etagOf, matches } from './caching'
import { BROTLI_OPTIONS, COMPRESS_THRESHOLD } from './compress'

export type Encoding = 'br' | 'gzip'

/** A page as it is sent: the exact JSON bytes, their tag, and each encoding once a client has asked for it. */
export interface CachedPage {
  readonly body: Buffer
  readonly etag: string
  readonly encoded: Partial<Record<Encoding, Buffer>>
}

interface Entry {
  /** The content version when the page was read: another one means a publish (here or elsewhere) since. */
  version: string
  /** The app clock's time when the page was read, in ms. */
  at: number
  /** And the elapsed-time clock's. */
  since: number
  page: Promise<CachedPage>
  /** The page once read. */
  read?: CachedPage
  /** Bytes held for it once read (body, encodings and key), counted against the cache's bound. */
  bytes: number
}

export interface PageCacheLimits {
  /** Pages kept at most: a crawler asking many distinct pages only pushes older ones out. */
  maxEntries: number
  /** Bytes kept at most, bodies and encodings together. */
  maxBytes: number
  /**
   * A page is read again after this long, whatever the version says (dates move, sessions close,
   * another server's change may not have been seen yet): by the app clock, which may be moved, and
   * by elapsed time, so a clock standing still (or set back) keeps no page longer.
   */
  maxAgeMs: number
}

export class PageCache {
  // Map keeps insertion order: a hit is moved to the end, so the first key is the least recently used.
  private readonly entries = new Map<string, Entry>()
  private held = 0

  constructor(
    private readonly limits: PageCacheLimits,
    private readonly elapsed: () => number = () => performance.now(),
  ) {}

  /** Pages and bytes kept now. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.held }
  }

  /**
   * The page for `key` read at `version` less than maxAgeMs ago (`nowMs` by the app clock), or read
   * now with `read` (its JSON). Requests for one key while it is being read share that one read.
   */
  page(
    key: string,
    version: string,
    nowMs: number,
    read: () => Promise<string | Buffer | ArrayBuffer>,
  ): Promise<CachedPage> {
    const found = this.entries.get(key)
    const since = this.elapsed()
    const young = (e: Entry) =>
      nowMs >= e.at && nowMs - e.at < this.limits.maxAgeMs && since - e.since < this.limits.maxAgeMs
    if (found && found.version === version && young(found)) {
      this.entries.delete(key)
      this.entries.set(key, found)
      return found.page
    }
    if (found) this.drop(key, found)
    const entry: Entry = { version, at: nowMs, since, bytes: 0, page: Promise.resolve(undefined as never) }
    entry.page = read().then(
      (json) => {
        const body = typeof json === 'string' ? Buffer.from(json) : Buffer.from(json as ArrayBuffer)
        const page: CachedPage = { body, etag: etagOf(body), encoded: {} }
        entry.read = page
        this.grow(key, entry, body.length + key.length * 2)
        return page
      },
      (e: unknown) => {
        // A failed read is not kept: the next request tries again.
        if (this.entries.get(key) === entry) this.entries.delete(key)
        throw e
      },
    )
    this.entries.set(key, entry)
    this.trim()
    return entry.page
  }

  /** The page's bytes in `encoding`, compressed the first time it is asked for. */
  encode(key: string, page: CachedPage, encoding: Encoding): Buffer {
    const done = page.encoded[encoding]
    if (done) return done
    const bytes = encoding === 'br' ? brotliCompressSync(page.body, BROTLI_OPTIONS) : gzipSync(page.body)
    ;(page.encoded as Record<Encoding, Buffer>)[encoding] = bytes
    const entry = this.entries.get(key)
    // Held only while this very page is still the one kept under its key.
    if (entry?.read === page) this.grow(key, entry, bytes.length)
    return bytes
  }

  private grow(key: string, entry: Entry, bytes: number): void {
    // Pushed out (or replaced) while it was being read: nothing of it is held.
    if (this.entries.get(key) !== entry) return
    entry.bytes += bytes
    this.held += bytes
    this.trim()
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key)
    this.held -= entry.bytes
  }

  private trim(): void {
    for (const [key, entry] of this.entries) {
      if (this.entries.size <= this.limits.maxEntries && this.held <= this.limits.maxBytes) return
      this.drop(key, entry)
    }
  }
}

/**
 * The encoding the compression plugin would choose for this request (same negotiation, same
 * threshold), or undefined for the plain bytes.
 */
export function encodingFor(req: FastifyRequest, length: number): Encoding | undefined {
  const header = req.headers['accept-encoding']
  if (length < COMPRESS_THRESHOLD || header === undefined || req.headers['x-no-compression'] !== undefined) {
    return undefined
  }
  // As the plugin reads it: `*` and x-gzip mean gzip.
  return negotiate(header.toLowerCase().replace(/\*|x-gzip/gu, 'gzip'), ['br', 'gzip'] as Encoding[]) ?? undefined
}

/**
 * Sends a kept page: its tag (cacheRules answers 304 on it without hashing again) and the bytes the
 * client accepts, already made. A set Content-Encoding tells the compression plugin to leave them be.
 */
export function sendPage(
  cache: PageCache,
  key: string,
  page: CachedPage,
  req: FastifyRequest,
  reply: FastifyReply,
): FastifyReply {
  reply.header('etag', page.etag)
  reply.type('application/json; charset=utf-8')
  const encoding = matches(req.headers['if-none-match'], page.etag) ? undefined : encodingFor(req, page.body.length)
  if (!encoding) return reply.send(page.body)
  // As the plugin sets it.
  const vary = reply.getHeader('vary')
  const varies = vary === undefined ? [] : Array.isArray(vary) ? vary : [String(vary)]
  if (!varies.some((v) => v.includes('accept-encoding')))
    reply.header('vary', [...varies, 'accept-encoding'].join(', '))
  reply.header('content-encoding', encoding)
  return reply.send(cache.encode(key, page, encoding))
}
