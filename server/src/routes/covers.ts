// Cover images: her federation's cover uploaded, read and removed in the workspace (editors and
// 管理员, always the signed-in organizer's own federation), and the images served to anyone by hash.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { COVER, COVER_MESSAGES, parseCoverFile } from '../../../src/domain/cover'
import type { Accounts } from '../accounts'
import { organizerOf, requireRole } from '../auth'
import { Covers, makeCover } from '../covers'
import type { Content } from '../content'
import type { Db } from '../db/db'
import { HttpError, notFound } from '../errors'
import { matches } from '../http/caching'
import { answers, coverAnswer, coverFileParam, coverImage } from '../schemas'

export interface CoverDeps {
  db: Db
  content: Content
  accounts: Accounts
  now: () => Date
}

/** Room for the multipart framing around the file itself. */
const FRAMING_BYTES = 16 * 1024

const tooLarge = () => new HttpError(413, 'too_large', COVER_MESSAGES.tooLarge)

/** The one file of a multipart upload, read whole up to the limit; the Chinese refusals otherwise. */
async function uploadedBytes(req: FastifyRequest): Promise<Buffer> {
  // A declared body far over the limit is refused before a byte of it is read.
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > COVER.maxUploadBytes + FRAMING_BYTES) throw tooLarge()
  if (!req.isMultipart()) throw new HttpError(415, 'unsupported_media_type', COVER_MESSAGES.noFile)
  try {
    const part = await req.file({
      limits: { fileSize: COVER.maxUploadBytes, files: 1, fields: 4, parts: 5, fieldSize: 1024 },
    })
    if (!part) throw new HttpError(400, 'invalid', COVER_MESSAGES.noFile)
    const bytes = await part.toBuffer()
    // Cut at the limit: the part says so even where the plugin does not throw.
    if (part.file.truncated || bytes.length > COVER.maxUploadBytes) throw tooLarge()
    return bytes
  } catch (e) {
    if (e instanceof HttpError) throw e
    const code = (e as { code?: string }).code
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge()
    // Several files, too many fields, a body cut short: no single photo to take.
    throw new HttpError(400, 'invalid', COVER_MESSAGES.noFile)
  }
}

/** A year, the longest a cache is asked to keep anything: the address changes with the image. */
const IMMUTABLE = 'public, max-age=31536000, immutable'

export async function coverRoutes(app: FastifyInstance, { db, content, accounts, now }: CoverDeps) {
  const covers = new Covers(db)
  const reader = requireRole(accounts, 'viewer')
  const editor = requireRole(accounts, 'editor')
  // Only this plugin's routes take multipart bodies; everywhere else stays JSON only.
  await app.register(multipart, { throwFileSizeLimit: true })

  // This server shows the change at once; the others within a second (content.watch). A failed
  // re-read is left to that watch: the change itself is committed.
  const showNow = () => content.refresh().catch(() => undefined)
  const actor = (req: FastifyRequest) => {
    const who = organizerOf(req)
    return { federationId: who.federation.id, accountId: who.id, at: now() }
  }

  app.get(
    '/api/workspace/cover',
    { preHandler: reader, schema: { response: answers({ 200: coverAnswer }) } },
    async (req) => ({ cover: await covers.current(organizerOf(req).federation.id) }),
  )

  // PUT as the API names it; POST too, because WeChat's uploadFile can only POST.
  app.route({
    method: ['PUT', 'POST'],
    url: '/api/workspace/cover',
    preHandler: editor,
    schema: { response: answers({ 200: coverAnswer }) },
    handler: async (req) => {
      const who = actor(req)
      await covers.countUpload(who.federationId)
      const bytes = await uploadedBytes(req)
      const made = await makeCover(bytes)
      const cover = await covers.save(who, made)
      await showNow()
      return { cover }
    },
  })

  app.delete(
    '/api/workspace/cover',
    { preHandler: editor, schema: { response: answers({ 200: coverAnswer }) } },
    async (req) => {
      if (await covers.remove(actor(req))) await showNow()
      return { cover: null }
    },
  )

  app.get<{ Params: { file: string } }>(
    '/api/covers/:file',
    {
      schema: { params: coverFileParam, response: answers({ 200: coverImage }) },
      // After the app's cache rules (which keep unlisted routes private): this answer is the same
      // for everyone and never changes at its address.
      onSend: async (_req, reply: FastifyReply, payload) => {
        if (reply.statusCode === 200 || reply.statusCode === 304) {
          reply.header('cache-control', IMMUTABLE)
          const tag = reply.getHeader('x-cover-etag')
          if (typeof tag === 'string') reply.header('etag', tag)
        }
        reply.removeHeader('x-cover-etag')
        return payload
      },
    },
    async (req, reply) => {
      const found = parseCoverFile(req.params.file)
      if (!found) throw notFound(COVER_MESSAGES.notFound)
      const tag = `"${found.hash}${found.size === 'small' ? '-s' : ''}"`
      const bytes = await covers.image(found.hash, found.size)
      reply.header('x-cover-etag', tag)
      if (matches(req.headers['if-none-match'], tag)) return reply.code(304).send()
      return reply.type('image/jpeg').send(bytes)
    },
  )
}
