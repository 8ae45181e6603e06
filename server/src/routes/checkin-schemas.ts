// JSON schemas of the check-in routes (checkin.ts), each checked at compile time against the type
// tickets.ts answers with.
import { CHECKIN_RESULTS } from '../../../src/domain/tickets'
import type { FromSchema, Same } from '../schemas'
import type { CheckinAnswer, CheckinCounts, CheckinSearchRow } from '../tickets'

const str = { type: 'string' } as const
const int = { type: 'integer' } as const
const status = { type: 'string', enum: ['confirmed', 'waitlisted', 'cancelled'] } as const

export const checkinBody = {
  type: 'object',
  // Which of token and code, and the Chinese message for a missing one, are the route's to say.
  properties: {
    sessionId: { type: 'string', maxLength: 500 },
    token: { type: 'string', maxLength: 500 },
    code: { type: 'string', maxLength: 500 },
  },
} as const

export const checkinAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['result', 'signup'],
  properties: {
    result: { type: 'string', enum: CHECKIN_RESULTS },
    signup: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'mobile', 'sessionTitle'],
      properties: { id: str, name: str, mobile: str, sessionTitle: str },
    },
    checkedInAt: str,
    checkedInBy: str,
  },
} as const

export const checkinCounts = {
  type: 'object',
  additionalProperties: false,
  required: ['confirmed', 'checkedIn', 'absent'],
  properties: { confirmed: int, checkedIn: int, absent: int },
} as const

const searchRow = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'mobile', 'status'],
  properties: { id: str, name: str, mobile: str, status, code: str, checkedInAt: str, checkedInBy: str },
} as const

export const checkinSearch = {
  type: 'object',
  additionalProperties: false,
  required: ['counts', 'rows'],
  properties: { counts: checkinCounts, rows: { type: 'array', items: searchRow } },
} as const

export const checkinQuery = {
  type: 'object',
  properties: { q: { type: 'string', maxLength: 50 } },
} as const

// A field added to an answer and not to its schema would be dropped without a word: stop the compile instead.
const matches: {
  answer: Same<FromSchema<typeof checkinAnswer>, CheckinAnswer>
  counts: Same<FromSchema<typeof checkinCounts>, CheckinCounts>
  row: Same<FromSchema<typeof searchRow>, CheckinSearchRow>
} = { answer: true, counts: true, row: true }
void matches
