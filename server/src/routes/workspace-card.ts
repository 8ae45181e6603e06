// The card workspace: her federation's year-end card drafted as she types, checked against its
// source text on the server (the dictionary is too big for the app), published, taken down, and
// earlier versions published again; plus the public source text a report links to. The federation
// is always the signed-in organizer's own.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { fieldName, type CardDraft } from '../../../src/domain/card-draft'
import { checkFigureAgainstText, numberCandidates, suggestScope } from '../../../src/domain/provenance'
import type { Accounts } from '../accounts'
import type { Actor } from '../audit'
import { organizerOf, requireRole } from '../auth'
import { CARD_LIMITS, type Cards } from '../cards'
import { invalid, notFound, type HttpError } from '../errors'
import { checkFirst } from '../http/checks'
import { param } from '../http/limits'
import { answers } from '../schemas'
import * as S from './workspace-card-schemas'

export interface WorkspaceCardDeps {
  cards: Cards
  accounts: Accounts
  now: () => Date
}

const characters = (s: string) => [...s].length

/** The part of a JSON schema that bounds sizes. */
interface Bounds {
  type?: string | readonly string[]
  maxLength?: number
  maxItems?: number
  items?: Bounds
  properties?: Record<string, Bounds>
}

/**
 * The first value over its schema's bound, as a Chinese 400 naming the field as the editor shows it
 * (`name`): the schema stays the one definition of the limits, and its own refusal would only give
 * the field's code name. Wrong types are left to the schema.
 */
function overBound(
  schema: Bounds,
  value: unknown,
  path: string,
  name: (path: string) => string,
): HttpError | undefined {
  if (typeof value === 'string' && schema.maxLength !== undefined && characters(value) > schema.maxLength) {
    return invalid(`${name(path)}：最多 ${schema.maxLength} 字，现在有 ${characters(value)} 字`, path)
  }
  if (Array.isArray(value)) {
    if (schema.maxItems !== undefined && value.length > schema.maxItems) {
      return invalid(`${name(path)}：最多 ${schema.maxItems} 个，现在有 ${value.length} 个`, path)
    }
    for (const [i, item] of value.entries()) {
      const e = schema.items && overBound(schema.items, item, `${path}[${i}]`, name)
      if (e) return e
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(schema.properties ?? {})) {
      const e = overBound(inner, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, name)
      if (e) return e
    }
  }
  return undefined
}

/** A draft over the limits, in Chinese, before the schema's own refusal. */
function checkDraftSize(req: FastifyRequest): void {
  const draft = (req.body as { draft?: Partial<Record<keyof CardDraft, unknown>> } | undefined)?.draft
  if (!draft || typeof draft !== 'object') return
  if (typeof draft.sourceText === 'string' && characters(draft.sourceText) > CARD_LIMITS.sourceText) {
    throw invalid(
      `原文最多 ${CARD_LIMITS.sourceText} 字，现在有 ${characters(draft.sourceText)} 字：请只保留这份总结本身`,
      'sourceText',
    )
  }
  if (Array.isArray(draft.figures) && draft.figures.length > CARD_LIMITS.figures) {
    throw invalid(`一张卡片最多 ${CARD_LIMITS.figures} 个数字，现在有 ${draft.figures.length} 个`, 'figures')
  }
  if (Array.isArray(draft.sections) && draft.sections.length > CARD_LIMITS.sections) {
    throw invalid(`报告最多分 ${CARD_LIMITS.sections} 个部分，现在有 ${draft.sections.length} 个`, 'sections')
  }
  const e = overBound(S.cardDraft, draft, '', fieldName)
  if (e) throw e
}

const PROVENANCE_FIELDS: Record<string, string> = { text: '原文', value: '数值', unit: '单位', quote: '原文摘句' }

/** A pasted text (or a typed figure) over the limit, in Chinese. */
const checkProvenanceSize = (schema: Bounds) => (req: FastifyRequest) => {
  const e = overBound(schema, req.body, '', (field) => PROVENANCE_FIELDS[field] ?? field)
  if (e) throw e
}

export async function workspaceCardRoutes(app: FastifyInstance, { cards, accounts, now }: WorkspaceCardDeps) {
  const reader = requireRole(accounts, 'viewer')
  const editor = requireRole(accounts, 'editor')
  const actor = (req: FastifyRequest) => {
    const who = organizerOf(req)
    return { federationId: who.federation.id, accountId: who.id, at: now() } satisfies Actor
  }
  const federationId = (req: FastifyRequest) => organizerOf(req).federation.id

  app.get(
    '/api/workspace/card',
    { preHandler: reader, schema: { response: answers({ 200: S.cardState }) } },
    async (req) => cards.card(federationId(req), now()),
  )

  app.put<{ Body: { draft: CardDraft; revision: number } }>(
    '/api/workspace/card/draft',
    {
      preHandler: editor,
      preValidation: checkFirst(checkDraftSize),
      bodyLimit: CARD_LIMITS.bodyBytes,
      schema: { body: S.saveBody, response: answers({ 200: S.saved }) },
    },
    async (req) => cards.saveDraft(actor(req), req.body.draft, req.body.revision),
  )

  app.post<{ Body: { revision: number } }>(
    '/api/workspace/card/publish',
    { preHandler: editor, schema: { body: S.revisionBody, response: answers({ 200: S.published }) } },
    async (req) => cards.publish(actor(req), req.body.revision),
  )

  app.post(
    '/api/workspace/card/unpublish',
    { preHandler: editor, schema: { response: answers({ 200: S.unpublished }) } },
    async (req) => cards.unpublish(actor(req)),
  )

  app.get(
    '/api/workspace/card/versions',
    { preHandler: reader, schema: { response: answers({ 200: S.versionList }) } },
    async (req) => cards.versions(federationId(req)),
  )

  app.post<{ Params: { version: string } }>(
    '/api/workspace/card/versions/:version/restore',
    { preHandler: editor, schema: { params: S.versionParam, response: answers({ 200: S.published }) } },
    async (req) => {
      const raw = req.params.version
      if (!/^[1-9][0-9]{0,8}$/.test(raw)) throw notFound('没有这一版，请刷新版本列表后再试')
      return cards.restore(actor(req), Number(raw))
    },
  )

  app.post<{ Body: { text: string } }>(
    '/api/workspace/provenance/candidates',
    {
      preHandler: editor,
      preValidation: checkFirst(checkProvenanceSize(S.candidatesBody)),
      bodyLimit: CARD_LIMITS.bodyBytes,
      schema: { body: S.candidatesBody, response: answers({ 200: S.candidates }) },
    },
    async (req) => ({ candidates: numberCandidates(req.body.text) }),
  )

  // A question, not a change: 200 whether the figure stands in the text or not.
  app.post<{ Body: { text: string; value: string; unit: string; quote?: string } }>(
    '/api/workspace/provenance/check',
    {
      preHandler: editor,
      preValidation: checkFirst(checkProvenanceSize(S.checkBody)),
      bodyLimit: CARD_LIMITS.bodyBytes,
      schema: { body: S.checkBody, response: answers({ 200: S.checkAnswer }) },
    },
    async (req) => {
      const { text, value, unit, quote } = req.body
      const found = checkFigureAgainstText(text, { value, unit, quote })
      if (!found.ok) return { ok: false, message: found.message }
      return {
        ok: true,
        value: found.value,
        unit: found.unit,
        quote: found.quote,
        scope: suggestScope(found.quote, { value: found.value, unit: found.unit }),
      }
    },
  )

  app.get(
    '/api/reports/:id/source',
    { schema: { params: S.sourceParam, response: answers({ 200: S.sourceText }) } },
    async (req) => {
      const what = '没有找到这份年终盘点的原文，可能已下线'
      const found = await cards.sourceText(param(req, 'id', what))
      if (!found) throw notFound(what)
      return found
    },
  )
}
