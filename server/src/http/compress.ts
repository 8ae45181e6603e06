// Compressed answers: br or gzip, as the client accepts, for bodies worth compressing.
import compress from '@fastify/compress'
import type { FastifyInstance } from 'fastify'

/** Below this many bytes the headers and the CPU cost more than the bytes saved. */
export const COMPRESS_THRESHOLD = 1024

export async function compressAnswers(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD,
    // Requests stay uncompressed JSON: a compressed body would slip past the body size limit's intent.
    globalDecompression: false,
  })
}
