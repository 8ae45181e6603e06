// JSON schemas of every route's request and response. Fastify validates requests with them and
// serializes responses with them (fast-json-stringify drops any property a schema leaves out), so
// each response schema is checked at compile time against the TypeScript type the app reads.
import { SUBSCRIBE_TOPICS } from '../../src/domain/subscriptions'
import { FIELD_TYPES, FIGURE_SCOPES, LEVELS, TOPICS } from '../../src/domain/types'
import type { FederationReport, ProgramDetail, Signup } from '../../src/services/api'
import type { OrganizerOverview, Roster, RosterRow } from '../../src/services/organizer'
import type { CheckedIn } from '../../src/domain/tickets'
import type { YearEndCard } from '../../src/domain/types'
import type { OpenSession } from '../../src/domain/open-sessions'
import type { ErrorCode } from './errors'
import { LIMITS } from './http/limits'

// ---- Building blocks -------------------------------------------------------------------------

// Exported with the shapes below that other schema files (routes/*-schemas.ts) answer too.
export const str = { type: 'string' } as const
export const int = { type: 'integer' } as const
const num = { type: 'number' } as const
export const bool = { type: 'boolean' } as const
export const strings = { type: 'array', items: str } as const

export const topic = { type: 'string', enum: TOPICS } as const

/** Why a session was cancelled (server mode). */
const cancellation = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  properties: { reason: str },
} as const

/**
 * A figure as the report and program pages show it (ShownFigure): without the article's words. Also a
 * figure of the published card that a program may show as 往期成果.
 */
export const shownFigure = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'label', 'value', 'unit', 'scope'],
  properties: {
    id: str,
    label: str,
    value: str,
    unit: str,
    scope: { type: 'string', enum: FIGURE_SCOPES },
    scopeLabel: str,
  },
} as const

/** A figure with the sentence of the article it stands in. */
const figure = {
  ...shownFigure,
  required: [...shownFigure.required, 'quote'],
  properties: { ...shownFigure.properties, quote: str },
} as const

const region = {
  type: 'object',
  additionalProperties: false,
  required: ['province', 'code'],
  properties: { province: str, city: str, district: str, code: str },
} as const

const source = {
  type: 'object',
  additionalProperties: false,
  required: ['publisher', 'headline', 'date'],
  properties: { publisher: str, headline: str, date: str, note: str },
} as const

export const formField = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'type', 'label', 'required'],
  properties: {
    id: str,
    type: { type: 'string', enum: FIELD_TYPES },
    label: str,
    required: bool,
    format: { type: 'string', enum: ['name'] },
    placeholder: str,
    hint: str,
    options: strings,
    minLength: num,
    maxLength: num,
    min: num,
    max: num,
  },
} as const

/** A program as its page and its sign-up form show it (ProgramInDetail). */
const programInDetail = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'topic', 'summary', 'audience'],
  properties: {
    id: str,
    title: str,
    topic,
    summary: str,
    audience: str,
    signup: {
      type: 'object',
      additionalProperties: false,
      required: ['demo', 'form'],
      properties: {
        demo: bool,
        form: { type: 'array', items: formField },
      },
    },
  },
} as const

/** A program's row in a report (ProgramListing). */
const programListing = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'title', 'topic', 'summary'],
  properties: {
    id: str,
    title: str,
    topic,
    summary: str,
    signup: { type: 'object', additionalProperties: false, required: ['demo'], properties: { demo: bool } },
  },
} as const

const session = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'programId', 'title', 'start', 'end', 'deadline', 'online', 'capacity', 'taken', 'demo'],
  properties: {
    id: str,
    programId: str,
    title: str,
    start: str,
    end: str,
    deadline: str,
    opensAt: str,
    online: bool,
    place: str,
    capacity: num,
    taken: num,
    demo: bool,
    cancelled: cancellation,
  },
} as const

/** A federation's cover image: where it is served (by hash) and its size, nothing more. */
export const coverRef = {
  type: 'object',
  additionalProperties: false,
  required: ['hash', 'width', 'height'],
  properties: { hash: str, width: int, height: int },
} as const

const card = {
  type: 'object',
  additionalProperties: false,
  required: [
    'federationId',
    'name',
    'region',
    'level',
    'year',
    'color',
    'summary',
    'topics',
    'headlineFigures',
    'source',
    'programCount',
    'openProgramCount',
    'demoSessions',
  ],
  properties: {
    federationId: str,
    name: str,
    region,
    level: { type: 'string', enum: LEVELS },
    year: num,
    color: str,
    summary: str,
    topics: { type: 'array', items: topic },
    headlineFigures: { type: 'array', items: figure },
    heroFigureId: str,
    source,
    programCount: int,
    cover: coverRef,
    openProgramCount: int,
    demoSessions: bool,
  },
} as const

const status = { type: 'string', enum: ['confirmed', 'waitlisted', 'cancelled'] } as const

// ---- Responses -------------------------------------------------------------------------------

/** The codes the server answers with (errors.ts): the app's own, and those only HTTP itself gives. */
const errorCode = {
  type: 'string',
  enum: [
    'not_found',
    'closed',
    'duplicate',
    'invalid',
    'unauthorized',
    'forbidden',
    'too_large',
    'rate_limited',
    'busy',
    'verify_required',
    'limit',
    'unknown',
    'method_not_allowed',
    'uri_too_long',
    'unsupported_media_type',
    'headers_too_large',
    'unavailable',
    'request_timeout',
    'stale',
  ],
} as const

/** Every refusal: `{ error: { code, message, field?, problems? } }` (errors.ts). */
export const errorResponse = {
  type: 'object',
  additionalProperties: false,
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      additionalProperties: false,
      required: ['code', 'message'],
      properties: {
        code: errorCode,
        message: str,
        field: str,
        problems: {
          type: 'array',
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['field', 'message'],
            properties: { field: str, message: str },
          },
        },
      },
    },
  },
} as const

export const cardList = { type: 'array', items: card } as const
export const cardPage = {
  type: 'object',
  additionalProperties: false,
  required: ['cards', 'next'],
  properties: { cards: cardList, next: { type: ['string', 'null'] } },
} as const

/** A row of the 可报名 list (GET /api/sessions/open): only what it shows. */
const openSession = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'programId',
    'programTitle',
    'federationId',
    'federationName',
    'topic',
    'title',
    'start',
    'end',
    'deadline',
    'online',
    'seatsLeft',
    'waitlist',
    'demo',
  ],
  properties: {
    id: str,
    programId: str,
    programTitle: str,
    federationId: str,
    federationName: str,
    topic,
    title: str,
    start: str,
    end: str,
    deadline: str,
    online: bool,
    place: str,
    seatsLeft: int,
    waitlist: bool,
    demo: bool,
  },
} as const

export const openSessionPage = {
  type: 'object',
  additionalProperties: false,
  required: ['sessions', 'next'],
  properties: { sessions: { type: 'array', items: openSession }, next: { type: ['string', 'null'] } },
} as const

export const federationReport = {
  type: 'object',
  additionalProperties: false,
  required: ['card', 'sections', 'programs'],
  properties: {
    card: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'region', 'level', 'year', 'color', 'summary', 'headlineFigures', 'source'],
      properties: {
        name: str,
        region: {
          type: 'object',
          additionalProperties: false,
          required: ['province'],
          properties: { province: str, city: str, district: str },
        },
        level: { type: 'string', enum: LEVELS },
        year: num,
        color: str,
        summary: str,
        headlineFigures: { type: 'array', items: shownFigure },
        heroFigureId: str,
        topics: { type: 'array', items: topic },
        source,
        cover: coverRef,
      },
    },
    sections: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'topic', 'text', 'figures'],
        properties: {
          id: str,
          title: str,
          topic,
          text: str,
          figures: { type: 'array', items: shownFigure },
        },
      },
    },
    programs: { type: 'array', items: programListing },
  },
} as const

export const programDetail = {
  type: 'object',
  additionalProperties: false,
  required: ['program', 'federation', 'color', 'figures', 'sessions'],
  properties: {
    program: programInDetail,
    federation: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'name', 'year'],
      properties: { id: str, name: str, year: num },
    },
    color: str,
    figures: { type: 'array', items: shownFigure },
    sessions: { type: 'array', items: session },
  },
} as const

export const signup = {
  type: 'object',
  additionalProperties: false,
  required: [
    'id',
    'programId',
    'programTitle',
    'federationName',
    'sessionId',
    'sessionTitle',
    'sessionStart',
    'online',
    'status',
    'demo',
    'name',
    'mobile',
    'createdAt',
  ],
  properties: {
    id: str,
    programId: str,
    programTitle: str,
    federationName: str,
    sessionId: str,
    sessionTitle: str,
    sessionStart: str,
    sessionEnd: str,
    online: bool,
    place: str,
    latitude: num,
    longitude: num,
    contactPhone: str,
    status,
    demo: bool,
    waitlistPosition: int,
    sessionChanged: { type: 'boolean', enum: [true] },
    sessionCancelled: cancellation,
    holdUntil: str,
    holdExpired: { type: 'boolean', enum: [true] },
    promoted: { type: 'boolean', enum: [true] },
    name: str,
    mobile: str,
    createdAt: str,
  },
} as const

export const signupList = { type: 'array', items: signup } as const

/** Her own sign-ups: a confirmed one carries its e-ticket (QR token and the code to read out). */
export const mySignup = {
  ...signup,
  properties: {
    ...signup.properties,
    ticket: {
      type: 'object',
      additionalProperties: false,
      required: ['token', 'code'],
      properties: { token: str, code: str },
    },
  },
} as const

export const mySignupList = { type: 'array', items: mySignup } as const

export const health = {
  type: 'object',
  additionalProperties: false,
  required: ['ok', 'database', 'federations'],
  properties: {
    ok: { type: 'boolean', const: true },
    database: { type: 'string', enum: ['pglite', 'postgres'] },
    federations: int,
    /** Reachable, but its one connection stayed taken (PGlite). */
    busy: { type: 'boolean', const: true },
  },
} as const

/** The client id for the openid, and the booker token WeChat's proof of her earns (kind `wx`). */
export const login = {
  type: 'object',
  additionalProperties: false,
  required: ['clientId', 'bookerToken', 'expiresAt'],
  properties: { clientId: str, bookerToken: str, expiresAt: str },
} as const

export const verifySent = {
  type: 'object',
  additionalProperties: false,
  required: ['sent', 'resendAfterSeconds', 'expiresInSeconds'],
  properties: { sent: { type: 'boolean', const: true }, resendAfterSeconds: int, expiresInSeconds: int },
} as const

export const verifyChecked = {
  type: 'object',
  additionalProperties: false,
  required: ['bookerToken', 'expiresAt', 'mobile'],
  properties: { bookerToken: str, expiresAt: str, mobile: str },
} as const

/** Development only: the stand-in's last message to a mobile. */
export const devSms = {
  type: 'object',
  additionalProperties: false,
  required: ['mobile', 'code', 'sentAt'],
  properties: { mobile: str, code: str, sentAt: str },
} as const

export const federationName = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name'],
  properties: { id: str, name: str },
} as const

export const organizerOverview = {
  type: 'object',
  additionalProperties: false,
  required: ['federation', 'programs'],
  properties: {
    federation: federationName,
    programs: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'title', 'sessions', 'confirmed', 'waitlisted', 'cancelled'],
        properties: {
          id: str,
          title: str,
          sessions: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['id', 'title', 'start', 'capacity', 'taken'],
              properties: { id: str, title: str, start: str, capacity: num, taken: num },
            },
          },
          confirmed: int,
          waitlisted: int,
          cancelled: int,
        },
      },
    },
  },
} as const

export const roster = {
  type: 'object',
  additionalProperties: false,
  required: ['federation', 'program', 'rows'],
  properties: {
    federation: federationName,
    program: {
      type: 'object',
      additionalProperties: false,
      required: ['id', 'title'],
      properties: { id: str, title: str },
    },
    rows: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'sessionId', 'sessionTitle', 'sessionStart', 'status', 'name', 'mobile', 'createdAt', 'extra'],
        properties: {
          id: str,
          sessionId: str,
          sessionTitle: str,
          sessionStart: str,
          status,
          waitlistPosition: int,
          name: str,
          mobile: str,
          createdAt: str,
          /** 签到时间 and 签到人: set once she is checked in at the door. */
          checkedInAt: str,
          checkedInBy: str,
          extra: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['label', 'value'],
              properties: { label: str, value: str },
            },
          },
        },
      },
    },
  },
} as const

/** The roster as a spreadsheet: UTF-8 text with a BOM, sent as it is (no JSON serialization). */
export const rosterCsv = { type: 'string', description: 'text/csv; charset=utf-8' } as const

/** The federation's cover as the workspace reads, uploads and removes it. */
export const coverAnswer = {
  type: 'object',
  additionalProperties: false,
  required: ['cover'],
  properties: { cover: { anyOf: [coverRef, { type: 'null' }] } },
} as const

/** A cover image's bytes (routes/covers.ts). */
export const coverImage = { type: 'string', description: 'image/jpeg' } as const

export const coverFileParam = {
  type: 'object',
  required: ['file'],
  // Any length up to the router's: an unknown name is a Chinese 404 from the route.
  properties: { file: str },
} as const

// ---- Requests --------------------------------------------------------------------------------
// The routes' own checks (routes/*.ts) run first and give the Chinese message for each field, in
// the order she would fix them; these schemas accept everything those checks accept.

export const idParam = {
  type: 'object',
  required: ['id'],
  // Any length: up to the router's limit an unknown id is a Chinese 404 from the route, not a 400.
  properties: { id: str },
} as const

const deviceHeaders = {
  type: 'object',
  required: ['x-device-id'],
  properties: { 'x-device-id': { type: 'string', pattern: '^\\s*[A-Za-z0-9_-]{8,80}\\s*$' } },
} as const

const regionCode = { type: 'string', pattern: '^(\\d{6})?$' } as const

/** What both public lists take: region codes and a topic (empty means no filter, as in a link without one). */
const listFilters = {
  province: regionCode,
  city: regionCode,
  county: regionCode,
  topic: { type: 'string', enum: ['', ...TOPICS] },
} as const

/** Their paging: the cursor, and a page size the route checks against its own bounds, with its own message. */
const listPaging = {
  cursor: { type: 'string', maxLength: 120 },
  limit: { type: 'string', pattern: '^\\d{1,3}$' },
} as const

const cardsQuery = {
  type: 'object',
  properties: {
    ...listFilters,
    q: { type: 'string', maxLength: 100 },
    // 1: only federations with a program taking sign-ups now; empty: all.
    open: { type: 'string', enum: ['', '1'] },
    ...listPaging,
  },
} as const

const openSessionsQuery = {
  type: 'object',
  properties: { ...listFilters, ...listPaging },
} as const

const answerValue = {
  anyOf: [
    { type: 'string', maxLength: LIMITS.textLength },
    { type: 'number' },
    { type: 'boolean' },
    { type: 'array', maxItems: LIMITS.listItems, items: { type: 'string', maxLength: LIMITS.itemLength } },
  ],
} as const

const signupBody = {
  type: 'object',
  required: ['programId', 'sessionId', 'answers', 'consent'],
  properties: {
    programId: { type: 'string', minLength: 1, maxLength: LIMITS.idLength },
    sessionId: { type: 'string', minLength: 1, maxLength: LIMITS.idLength },
    answers: {
      type: 'object',
      maxProperties: LIMITS.answerKeys,
      propertyNames: { maxLength: LIMITS.keyLength },
      additionalProperties: answerValue,
    },
    /** 同意《隐私说明》: no sign-up is stored without it. */
    consent: { const: true },
    /** Mini-program only: the subscribe-message templates she accepted in the one tap before sending. */
    subscribed: {
      type: 'array',
      maxItems: SUBSCRIBE_TOPICS.length,
      uniqueItems: true,
      items: { type: 'string', enum: SUBSCRIBE_TOPICS },
    },
  },
} as const

const organizerHeaders = {
  type: 'object',
  // Checked by the route (a 401 in Chinese when missing or wrong), not here.
  properties: { authorization: { type: 'string' } },
} as const

/** Success status and schema, and the error shape for every 4xx and 5xx the route can give. */
export const answers = <S extends Record<number, unknown>>(success: S) =>
  ({ ...success, '4xx': errorResponse, '5xx': errorResponse }) as S & {
    '4xx': typeof errorResponse
    '5xx': typeof errorResponse
  }

/** Every route's schema, by route; routes/*.ts pass them to Fastify. */
export const ROUTE_SCHEMAS = {
  health: { response: answers({ 200: health }) },
  cards: { querystring: cardsQuery, response: answers({ 200: cardPage }) },
  openSessions: { querystring: openSessionsQuery, response: answers({ 200: openSessionPage }) },
  report: { params: idParam, response: answers({ 200: federationReport }) },
  program: { params: idParam, response: answers({ 200: programDetail }) },
  submitSignup: {
    headers: {
      type: 'object',
      required: ['x-device-id', 'idempotency-key', 'x-booker-token'],
      properties: {
        ...deviceHeaders.properties,
        'idempotency-key': { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,100}$' },
        // Checked by the route (401 verify_required when missing, forged or expired), not here.
        'x-booker-token': { type: 'string' },
      },
    },
    body: signupBody,
    // 201 for a new sign-up, 200 when the same key brings back the one already made.
    response: answers({ 200: signup, 201: signup }),
  },
  mySignups: { headers: deviceHeaders, response: answers({ 200: mySignupList }) },
  cancelSignup: { headers: deviceHeaders, params: idParam, response: answers({ 200: signup }) },
  confirmSignup: { headers: deviceHeaders, params: idParam, response: answers({ 200: signup }) },
  deleteMySignups: {
    headers: deviceHeaders,
    response: answers({ 204: { type: 'null', description: 'No content' } }),
  },
  login: {
    body: {
      type: 'object',
      required: ['code'],
      properties: { code: { type: 'string', minLength: 1, maxLength: 128 } },
    },
    response: answers({ 200: login }),
  },
  verifySend: {
    body: { type: 'object', required: ['mobile'], properties: { mobile: { type: 'string', maxLength: 40 } } },
    response: answers({ 200: verifySent }),
  },
  verifyCheck: {
    body: {
      type: 'object',
      required: ['mobile', 'code'],
      properties: { mobile: { type: 'string', maxLength: 40 }, code: { type: 'string', maxLength: 20 } },
    },
    response: answers({ 200: verifyChecked }),
  },
  devSmsLatest: {
    querystring: { type: 'object', required: ['mobile'], properties: { mobile: { type: 'string', maxLength: 40 } } },
    response: answers({ 200: devSms }),
  },
  organizerOverview: { headers: organizerHeaders, response: answers({ 200: organizerOverview }) },
  roster: { headers: organizerHeaders, params: idParam, response: answers({ 200: roster }) },
  rosterCsv: { headers: organizerHeaders, params: idParam, response: answers({ 200: rosterCsv }) },
} as const

// ---- The schemas against the app's types -----------------------------------------------------

/** The roster as the server answers it: each row with her check-in at the door, once there is one. */
export type CheckinRoster = Omit<Roster, 'rows'> & { rows: Array<RosterRow & CheckedIn> }

/** The TypeScript type a JSON schema (as written above) describes. */
export type FromSchema<S> = S extends { const: infer C }
  ? C
  : S extends { enum: ReadonlyArray<infer E> }
    ? E
    : S extends { type: 'string' }
      ? string
      : S extends { type: 'number' | 'integer' }
        ? number
        : S extends { type: 'boolean' }
          ? boolean
          : S extends { type: 'null' }
            ? null
            : S extends { type: 'array'; items: infer I }
              ? Array<FromSchema<I>>
              : S extends { type: 'object'; properties: infer P }
                ? ObjectOf<P, S extends { required: ReadonlyArray<infer R> } ? R : never>
                : unknown

type ObjectOf<P, R> = Flat<
  { -readonly [K in keyof P & R]: FromSchema<P[K]> } & { -readonly [K in Exclude<keyof P, R>]?: FromSchema<P[K]> }
>
type Flat<T> =
  T extends ReadonlyArray<infer U> ? Array<Flat<U>> : T extends object ? { -readonly [K in keyof T]: Flat<T[K]> } : T
/** True only when both types have the same properties, each equally optional, all the way down. */
export type Same<A, B> = (<T>() => T extends Flat<A> ? 1 : 2) extends <T>() => T extends Flat<B> ? 1 : 2 ? true : false

// A field added to one of these types and not to its schema would be dropped from every response
// without a word: these lines stop the compile instead.
const matches: {
  card: Same<FromSchema<typeof card>, YearEndCard>
  openSession: Same<FromSchema<typeof openSession>, OpenSession>
  report: Same<FromSchema<typeof federationReport>, FederationReport>
  program: Same<FromSchema<typeof programDetail>, ProgramDetail>
  signup: Same<FromSchema<typeof signup>, Omit<Signup, 'ticket'>>
  overview: Same<FromSchema<typeof organizerOverview>, OrganizerOverview>
  mySignup: Same<FromSchema<typeof mySignup>, Signup>
  roster: Same<FromSchema<typeof roster>, CheckinRoster>
  errorCode: Same<FromSchema<typeof errorCode>, ErrorCode>
} = {
  card: true,
  openSession: true,
  report: true,
  program: true,
  signup: true,
  mySignup: true,
  overview: true,
  roster: true,
  errorCode: true,
}
void matches
