// A route's own checks of what was sent, run before Fastify validates the request against the
// route's schema: theirs are the Chinese messages, in the order she would fix the fields.
import type { FastifyRequest } from 'fastify'

/** A preValidation hook running `check`; it throws the Chinese 400 (or 401) for the first bad field. */
export const checkFirst =
  (check: (req: FastifyRequest) => unknown) =>
  async (req: FastifyRequest): Promise<void> => {
    check(req)
  }
