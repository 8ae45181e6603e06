// Request limits beyond the validator, and the path-parameter helpers every route uses.
import type { FastifyRequest } from 'fastify'
import { notFound } from '../errors'

/** A sign-up is small, so anything big is refused early. */
export const LIMITS = {
  bodyBytes: 16 * 1024,
  idLength: 64,
  answerKeys: 30,
  keyLength: 40,
  textLength: 500,
  listItems: 20,
  itemLength: 100,
  /** Longer URLs get a 414; the app's longest is far shorter. */
  urlBytes: 4096,
  /** Longer path parameters get a Chinese 414 from the router; shorter unknown ids a 404 from the route. */
  paramLength: 500,
}

export function param(req: FastifyRequest, key: string, what: string): string {
  const value = (req.params as Record<string, string | undefined>)[key] ?? ''
  if (!value || value.length > LIMITS.idLength) throw notFound(what)
  return value
}
