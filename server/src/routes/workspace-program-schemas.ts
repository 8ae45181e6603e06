// JSON schemas of the workspace's program routes (workspace-programs.ts): what they answer.
import { FIELD_TYPES, FIGURE_SCOPES, TOPICS } from '../../../src/domain/types'

const str = { type: 'string' } as const
const strOrNull = { type: ['string', 'null'] } as const
const int = { type: 'integer' } as const
const bool = { type: 'boolean' } as const
const numOrNull = { type: ['number', 'null'] } as const

export const formField = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'label', 'required'],
  properties: {
    id: str,
    type: { type: 'string', enum: [...FIELD_TYPES] },
    label: str,
    required: bool,
    format: { type: 'string', enum: ['name'] },
    placeholder: str,
    hint: str,
    options: { type: 'array', items: str },
    minLength: int,
    maxLength: int,
    min: int,
    max: int,
  },
} as const

export const workspaceSession = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'programId',
    'title',
    'start',
    'end',
    'deadline',
    'opensAt',
    'online',
    'place',
    'joinInfo',
    'latitude',
    'longitude',
    'contactPhone',
    'capacity',
    'demoTaken',
    'confirmed',
    'waitlisted',
    'cancelledSignups',
    'status',
    'cancelReason',
    'version',
    'demo',
  ],
  properties: {
    id: str,
    programId: str,
    title: str,
    start: str,
    end: str,
    deadline: str,
    opensAt: strOrNull,
    online: bool,
    place: strOrNull,
    joinInfo: strOrNull,
    latitude: numOrNull,
    longitude: numOrNull,
    contactPhone: strOrNull,
    capacity: int,
    demoTaken: int,
    confirmed: int,
    waitlisted: int,
    cancelledSignups: int,
    status: { type: 'string', enum: ['open', 'cancelled'] },
    cancelReason: strOrNull,
    version: int,
    demo: bool,
  },
} as const

export const workspaceProgram = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'title',
    'topic',
    'summary',
    'audience',
    'figureIds',
    'takesSignups',
    'demo',
    'form',
    'formVersion',
    'counts',
    'sessions',
  ],
  properties: {
    id: str,
    title: str,
    topic: { type: 'string', enum: [...TOPICS] },
    summary: str,
    audience: str,
    figureIds: { type: 'array', items: str },
    takesSignups: bool,
    demo: bool,
    form: { type: 'array', items: formField },
    formVersion: { type: ['integer', 'null'] },
    counts: {
      type: 'object',
      additionalProperties: false,
      required: ['confirmed', 'waitlisted', 'cancelled'],
      properties: { confirmed: int, waitlisted: int, cancelled: int },
    },
    sessions: { type: 'array', items: workspaceSession },
  },
} as const

/** A figure of the published card that a program may show as 往期成果. */
export const cardFigure = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'value', 'unit', 'scope'],
  properties: {
    id: str,
    label: str,
    value: str,
    unit: str,
    scope: { type: 'string', enum: [...FIGURE_SCOPES] },
    scopeLabel: str,
  },
} as const

export const workspacePrograms = {
  type: 'object',
  additionalProperties: false,
  required: ['federation', 'figures', 'programs'],
  properties: {
    federation: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name'],
      properties: { id: str, name: str },
    },
    figures: { type: 'array', items: cardFigure },
    programs: { type: 'array', items: workspaceProgram },
  },
} as const
