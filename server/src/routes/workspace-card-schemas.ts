// JSON schemas of the card workspace routes (workspace-card.ts): the draft as saved and answered,
// publishing, versions, the provenance questions and the public source text.
import { CARD_LIMITS } from '../cards'
import { bool, federationName, idParam, int, str } from '../schemas'

const text = (maxLength: number) => ({ type: 'string', maxLength }) as const
const list = <T>(items: T, maxItems: number) => ({ type: 'array', items, maxItems }) as const

/**
 * A CardDraft (src/domain/card-draft.ts). A draft in progress may break the data rules (checkDraft
 * says which at publish), so values are only bounded here, not judged: a topic or level not chosen
 * yet still saves.
 */
const draftFigure = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'value', 'unit', 'scope', 'quote'],
  properties: {
    id: text(64),
    label: text(100),
    value: text(40),
    unit: text(20),
    scope: text(20),
    scopeLabel: text(100),
    quote: text(2000),
    section: text(64),
  },
} as const

const draftSection = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'topic', 'text', 'order'],
  properties: {
    id: text(64),
    title: text(100),
    topic: text(20),
    text: text(5000),
    order: list(text(64), CARD_LIMITS.figures),
  },
} as const

export const cardDraft = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'name',
    'region',
    'level',
    'year',
    'color',
    'summary',
    'topics',
    'source',
    'sections',
    'figures',
    'headlineFigureIds',
    'programs',
    'sourceText',
  ],
  properties: {
    id: text(64),
    name: text(100),
    region: {
      type: 'object',
      additionalProperties: false,
      required: ['province', 'code'],
      properties: { province: text(40), city: text(40), district: text(40), code: text(12) },
    },
    level: text(20),
    year: int,
    note: text(500),
    color: text(20),
    summary: text(2000),
    topics: list(text(20), 10),
    source: {
      type: 'object',
      additionalProperties: false,
      required: ['publisher', 'headline', 'date'],
      properties: { publisher: text(200), headline: text(300), date: text(20), note: text(500) },
    },
    sections: list(draftSection, CARD_LIMITS.sections),
    figures: list(draftFigure, CARD_LIMITS.figures),
    headlineFigureIds: list(text(64), 10),
    heroFigureId: text(64),
    // Kept as they are and never published from here: programs are edited elsewhere.
    programs: list({ type: 'object', additionalProperties: true }, 50),
    sourceText: text(CARD_LIMITS.sourceText),
  },
} as const

const person = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'displayName'],
  properties: { id: int, displayName: str },
} as const

export const cardState = {
  type: 'object',
  additionalProperties: false,
  required: ['federation', 'draft', 'revision', 'published'],
  properties: {
    federation: federationName,
    draft: cardDraft,
    revision: int,
    published: bool,
    publishedAt: str,
    publishedVersion: int,
    updatedAt: str,
    updatedBy: person,
  },
} as const

export const revisionBody = {
  type: 'object',
  required: ['revision'],
  properties: { revision: { type: 'integer', minimum: 0 } },
} as const

export const saveBody = {
  type: 'object',
  required: ['draft', 'revision'],
  properties: { draft: cardDraft, revision: { type: 'integer', minimum: 0 } },
} as const

export const saved = {
  type: 'object',
  additionalProperties: false,
  required: ['revision', 'savedAt'],
  properties: { revision: int, savedAt: str },
} as const

export const published = {
  type: 'object',
  additionalProperties: false,
  required: ['version', 'publishedAt'],
  properties: { version: int, publishedAt: str },
} as const

export const unpublished = {
  type: 'object',
  additionalProperties: false,
  required: ['published'],
  properties: { published: { const: false } },
} as const

export const versionList = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['version', 'publishedAt'],
    properties: { version: int, publishedAt: str, publishedBy: person, restoredFrom: int },
  },
} as const

export const versionParam = {
  type: 'object',
  required: ['version'],
  // Any length: the route answers a Chinese 404 for what is not a version number.
  properties: { version: str },
} as const

export const candidatesBody = {
  type: 'object',
  required: ['text'],
  properties: { text: text(CARD_LIMITS.sourceText) },
} as const

export const candidates = {
  type: 'object',
  additionalProperties: false,
  required: ['candidates'],
  properties: {
    candidates: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['value', 'unit', 'qualifiers', 'start', 'end', 'written', 'sentence'],
        properties: {
          value: str,
          unit: str,
          qualifiers: { type: 'array', items: str },
          start: int,
          end: int,
          written: str,
          sentence: str,
        },
      },
    },
  },
} as const

export const checkBody = {
  type: 'object',
  required: ['text', 'value', 'unit'],
  properties: { text: text(CARD_LIMITS.sourceText), value: text(40), unit: text(20), quote: text(2000) },
} as const

export const checkAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['ok'],
  properties: {
    ok: bool,
    // The figure as the data keeps it ("58.1" + "万户" typed gives "58.1万" + "户").
    value: str,
    unit: str,
    quote: str,
    scope: {
      type: 'object',
      additionalProperties: false,
      required: ['scope'],
      properties: { scope: str, scopeLabel: str },
    },
    message: str,
  },
} as const

/** The federation whose source text is asked for: any length, as every public id (a Chinese 404 from the route). */
export const sourceParam = idParam

export const sourceText = {
  type: 'object',
  additionalProperties: false,
  required: ['federationId', 'name', 'text'],
  properties: { federationId: str, name: str, text: str },
} as const
