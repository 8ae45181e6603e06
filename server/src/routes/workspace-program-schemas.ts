// JSON schemas of the workspace's program routes (workspace-programs.ts): what they answer.
import { FIGURE_SCOPES } from '../../../src/domain/types'
import { bool, federationName, formField, int, str, strings, topic } from '../schemas'

const strOrNull = { type: ['string', 'null'] } as const
const numOrNull = { type: ['number', 'null'] } as const

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
    'holdHours',
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
    holdHours: { type: ['integer', 'null'] },
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
    topic,
    summary: str,
    audience: str,
    figureIds: strings,
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
    federation: federationName,
    figures: { type: 'array', items: cardFigure },
    programs: { type: 'array', items: workspaceProgram },
  },
} as const
