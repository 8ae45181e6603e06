// Test servers: PGlite in memory by default; also a real PostgreSQL when TEST_DATABASE_URL is
// set (CI starts Debian's server and sets it). Each server gets a database of its own.
import { request } from 'node:http'
import { createDatabase } from '../../scripts/pg-database.cjs'
import { buildCatalog, type RawFile } from '@/domain/catalog'
import type { FederationFile } from '@/domain/types'
import { readConfig, type ServerConfig } from '../../server/src/config'
import { MOCK_DIR, readJsonDir } from '../../server/src/content'
import type { Db } from '../../server/src/db/db'
import type { DbLimits } from '../../server/src/db/limits'
import { openPglite } from '../../server/src/db/pglite'
import { openPostgres } from '../../server/src/db/postgres'
import { createServer, type Started } from '../../server/src/server'

export type Backend = 'pglite' | 'postgres'

// Every suite importing this opens databases: starting PGlite, migrating and loading the content take
// more than jest's default 5 s when the machine is busy, so a test fails on time alone.
jest.setTimeout(30_000)

const PG_URL = process.env.TEST_DATABASE_URL?.trim() ?? ''

/** PGlite always; PostgreSQL too when TEST_DATABASE_URL is set. In CI it must be. */
export function backends(): Backend[] {
  if (process.env.CI && !PG_URL) throw new Error('CI 必须设置 TEST_DATABASE_URL，才能对真实 PostgreSQL 运行测试')
  return PG_URL ? ['pglite', 'postgres'] : ['pglite']
}

/**
 * Waits long enough for a busy shared machine: these tests check answers and order, not time.
 * The tests of the limits themselves (limits.test.ts) pass short ones.
 */
export const PATIENT_LIMITS: DbLimits = {
  lockTimeoutMs: 30_000,
  statementTimeoutMs: 60_000,
  idleInTransactionMs: 60_000,
  acquireTimeoutMs: 30_000,
}

/** A fresh, empty database; `drop` removes it (PostgreSQL) after closing. */
export async function freshDatabase(
  backend: Backend,
  limits: DbLimits = PATIENT_LIMITS,
): Promise<{ url?: string; open(): Promise<Db>; drop(): Promise<void> }> {
  if (backend === 'pglite') return { open: () => openPglite(undefined, limits), drop: async () => undefined }
  const { url, drop } = await createDatabase(PG_URL, 'jg_test')
  return { url, open: () => openPostgres(url, limits), drop }
}

/** A fixed Beijing morning: the demo sessions are dated from it. */
export const NOW = new Date('2026-11-23T10:00:00+08:00')

/**
 * scrypt at 2^12 (4 MB) instead of 2^15: every test server seeds five accounts and most tests log
 * in; the hashes say their own cost, so the code paths are the same (accounts.test.ts checks 2^15).
 */
export const TEST_COST = { logN: 12, r: 8, p: 1 }

export function testConfig(over: Partial<ServerConfig> = {}): ServerConfig {
  const config = readConfig({})
  return {
    ...config,
    accounts: { ...config.accounts, cost: TEST_COST },
    rateLimitPerMinute: 0,
    // Every test server is asked for codes from 127.0.0.1 alone; the per-address test sets its own.
    sms: { ...config.sms, perAddressPerDay: 100_000 },
    // Jest's own work can stall the loop in a test process; the shedding test turns it on.
    maxEventLoopDelayMs: 0,
    ...over,
  }
}

/** The mock content, with wd-hk-1 (武都 母婴护理班) given `capacity` seats and none taken. */
export function contentWithSeats(capacity: number): RawFile[] {
  return readJsonDir(MOCK_DIR, 'mock').map((raw) => {
    const data = structuredClone(raw.data) as FederationFile
    for (const p of data.programs) {
      for (const s of p.signup?.sessions ?? []) {
        if (s.id === 'wd-hk-1') Object.assign(s, { capacity, taken: 0 })
      }
    }
    return { ...raw, data }
  })
}

/**
 * Content written as the server wrote it before migration 005 (one row per federation with its
 * document, sessions with seats only): for tests of the migrations that meet such a database.
 */
export async function loadLegacyContent(db: Db, raw: RawFile[]): Promise<void> {
  for (const file of buildCatalog(raw).files) {
    const f = file.federation
    await db.query('INSERT INTO federations (id, name, doc, content_hash) VALUES ($1, $2, $3, $4)', [
      f.id,
      f.name,
      JSON.stringify(file),
      `legacy-${f.id}`,
    ])
    for (const p of file.programs) {
      await db.query('INSERT INTO programs (id, federation_id, title) VALUES ($1, $2, $3)', [p.id, f.id, p.title])
      for (const s of p.signup?.sessions ?? []) {
        await db.query('INSERT INTO sessions (id, program_id, capacity, taken) VALUES ($1, $2, $3, $4)', [
          s.id,
          p.id,
          s.capacity,
          s.taken,
        ])
      }
    }
  }
}

/** A request as the tests write it; sent over real HTTP to the listening server. */
export interface InjectOptions {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS'
  url: string
  headers?: Record<string, string>
  /** An object is sent as JSON; a string as it is. */
  payload?: unknown
}

export interface Reply {
  statusCode: number
  headers: Record<string, string>
  body: string
  rawPayload: Buffer
}

export interface TestServer extends Started {
  /** http://127.0.0.1:PORT */
  origin: string
  /** The PostgreSQL database's URL; undefined on PGlite. */
  url?: string
  inject(options: InjectOptions): Promise<Reply>
}

// Over loopback with fetch, not Fastify's inject: its helper loads an ES-only module that jest cannot require.
export async function send(origin: string, { method, url, headers = {}, payload }: InjectOptions): Promise<Reply> {
  const json = payload !== undefined && typeof payload !== 'string'
  const res = await fetch(`${origin}${url}`, {
    method,
    headers: json && !headers['content-type'] ? { ...headers, 'content-type': 'application/json' } : headers,
    body: payload === undefined ? undefined : json ? JSON.stringify(payload) : (payload as string),
  })
  return replyOf(res)
}

/** A fetch response as a Reply: its status, headers, body as text (BOM kept) and bytes. */
export async function replyOf(res: Response): Promise<Reply> {
  const rawPayload = Buffer.from(await res.arrayBuffer())
  return {
    statusCode: res.status,
    headers: Object.fromEntries(res.headers.entries()),
    // As fetch's text() would, less the BOM it strips: tests look for it.
    body: rawPayload.toString('utf8'),
    rawPayload,
  }
}

/** A GET over plain node:http, which (unlike fetch) leaves the body as it came. */
export function rawGet(
  origin: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

export async function startTestServer(
  backend: Backend,
  options: {
    files?: RawFile[]
    config?: Partial<ServerConfig>
    logger?: Started['app']['log'] | object | false
    /** The server's clock; NOW when absent. */
    now?: () => Date
    limits?: DbLimits
  } = {},
): Promise<TestServer> {
  const database = await freshDatabase(backend, options.limits)
  const db = await database.open()
  const started = await createServer(testConfig(options.config), {
    db,
    files: options.files,
    now: options.now ?? (() => NOW),
    logger: (options.logger ?? false) as false,
    // Tests run the notice jobs themselves, at the moments they choose.
    noticeTimer: false,
  })
  await started.app.listen({ port: 0, host: '127.0.0.1' })
  const address = started.app.server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return {
    ...started,
    origin,
    url: database.url,
    inject: (o) => send(origin, o),
    async close() {
      await started.close()
      await database.drop()
    },
  }
}

/**
 * A second server instance on the PostgreSQL database of `first` (its own pool, its own app), as
 * another machine behind the same load balancer would be. Closing it leaves the database.
 */
export async function startSecondInstance(
  first: TestServer,
  options: { config?: Partial<ServerConfig>; now?: () => Date } = {},
): Promise<TestServer> {
  if (!first.url) throw new Error('两个实例共用的是 PostgreSQL：请设置 TEST_DATABASE_URL')
  const started = await createServer(testConfig(options.config), {
    db: await openPostgres(first.url, PATIENT_LIMITS),
    now: options.now ?? (() => NOW),
    logger: false,
    noticeTimer: false,
  })
  await started.app.listen({ port: 0, host: '127.0.0.1' })
  const address = started.app.server.address()
  const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
  return { ...started, origin, url: first.url, inject: (o) => send(origin, o) }
}

/** 100 different valid people: two-character names and distinct mobiles. */
export function person(i: number): { name: string; mobile: string } {
  const surnames = '王李张刘陈杨赵黄周吴'
  const given = '芳娜丽敏静秀英华兰霞'
  return { name: `${surnames[i % 10]}${given[Math.floor(i / 10) % 10]}`, mobile: `138${String(i).padStart(8, '0')}` }
}

/** A valid 武都 家政 sign-up for a session of wd-housekeeping. */
export function housekeepingBody(who: { name: string; mobile: string }, sessionId = 'wd-hk-1') {
  return {
    programId: 'wd-housekeeping',
    sessionId,
    consent: true,
    answers: { ...who, town: '东江镇', session: sessionId, job: '在本地就业', childcare: false },
  }
}

let keys = 0
export const newKey = () => `test-key-${Date.now().toString(36)}-${++keys}`

/** A sign-up as the app submits it; without `bookerToken` it lacks the verified booker (a 401). */
export function submitRequest(device: string, body: unknown, key = newKey(), bookerToken?: string): InjectOptions {
  return {
    method: 'POST',
    url: '/api/signups',
    headers: {
      'x-device-id': device,
      'idempotency-key': key,
      ...(bookerToken ? { 'x-booker-token': bookerToken } : {}),
    },
    payload: body,
  }
}

/** The development SMS stand-in's last code to `mobile` on this server (GET /api/dev/sms/latest). */
export async function devCode(server: { origin: string }, mobile: string): Promise<string> {
  const r = await send(server.origin, { method: 'GET', url: `/api/dev/sms/latest?mobile=${mobile}` })
  if (r.statusCode !== 200) throw new Error(`dev sms ${mobile}: ${r.statusCode} ${r.body}`)
  return (JSON.parse(r.body) as { code: string }).code
}

/** Asks for a code and checks it, as a phone does: the booker token, or throws with the server's answer. */
export async function verifyMobile(server: { origin: string }, mobile: string): Promise<string> {
  const sent = await send(server.origin, { method: 'POST', url: '/api/verify/send', payload: { mobile } })
  if (sent.statusCode !== 200) throw new Error(`verify/send ${mobile}: ${sent.statusCode} ${sent.body}`)
  const code = await devCode(server, mobile)
  const checked = await send(server.origin, { method: 'POST', url: '/api/verify/check', payload: { mobile, code } })
  if (checked.statusCode !== 200) throw new Error(`verify/check ${mobile}: ${checked.statusCode} ${checked.body}`)
  return (JSON.parse(checked.body) as { bookerToken: string }).bookerToken
}

/** Tokens by server and mobile: each mobile is verified once per server (a code a minute at most). */
const tokens = new Map<string, Promise<string>>()

/** A booker token for `mobile` on this server, verified through /api/verify once and then kept. */
export function bookerToken(server: { origin: string }, mobile: string): Promise<string> {
  const key = `${server.origin} ${mobile}`
  let token = tokens.get(key)
  if (!token) {
    token = verifyMobile(server, mobile)
    tokens.set(key, token)
    token.catch(() => tokens.delete(key))
  }
  return token
}

export const bookerHeaders = async (server: { origin: string }, mobile: string) => ({
  'x-booker-token': await bookerToken(server, mobile),
})

/** A verified booker for crowd number `i`: ten people each, her limit per session (BOOKER_PER_SESSION). */
export const tenPerBooker = (i: number) => `137${String(Math.floor(i / 10)).padStart(8, '0')}`

/** Who books when a test does not say: a mobile that is no one's in person(). */
export const FALLBACK_BOOKER = '13900139999'

/**
 * A sign-up booked by a verified booker: `bookerMobile`, or else she books herself (her own
 * mobile, when the body carries a valid one).
 */
export async function bookedRequest(
  server: { origin: string },
  device: string,
  body: unknown,
  key = newKey(),
  bookerMobile?: string,
): Promise<InjectOptions> {
  const own = String((body as { answers?: { mobile?: unknown } } | undefined)?.answers?.mobile ?? '')
    .replace(/[\s-]/g, '')
    .replace(/^\+86/, '')
  const booker = bookerMobile ?? (/^1[3-9]\d{9}$/.test(own) ? own : FALLBACK_BOOKER)
  return submitRequest(device, body, key, await bookerToken(server, booker))
}

export const asDevice = (device: string, method: InjectOptions['method'], url: string): InjectOptions => ({
  method,
  url,
  headers: { 'x-device-id': device },
})

/** A staff member's request: her bearer token (none when empty), and a JSON body when given. */
export const asStaff = (
  token: string,
  method: InjectOptions['method'] | 'PUT',
  url: string,
  payload?: unknown,
): InjectOptions => ({
  method: method as InjectOptions['method'],
  url,
  headers: token ? { authorization: `Bearer ${token}` } : {},
  ...(payload === undefined ? {} : { payload: payload as InjectOptions['payload'] }),
})

export const asOrganizer = (token: string, url: string): InjectOptions => asStaff(token, 'GET', url)

/** The development 管理员 every federation gets at start (README): its login and password. */
export const devAdmin = (federationId: string) => ({
  login: `${federationId}-admin`,
  password: `jg-dev-${federationId}`,
})

/** Logs in over HTTP and returns the session token; throws with the server's answer otherwise. */
export async function loginToken(
  server: Pick<TestServer, 'inject'>,
  credentials: { login: string; password: string },
): Promise<string> {
  const res = await server.inject({ method: 'POST', url: '/api/auth/login', payload: credentials })
  if (res.statusCode !== 200) throw new Error(`login ${credentials.login}: ${res.statusCode} ${res.body}`)
  return (JSON.parse(res.body) as { token: string }).token
}

/** A session of the federation's development 管理员. */
export const organizerToken = (server: Pick<TestServer, 'inject'>, federationId: string) =>
  loginToken(server, devAdmin(federationId))

/** Sessions whose kept counts differ from their rows: always empty when every change kept them. */
export const COUNT_DRIFT_SQL = `SELECT s.id, s.confirmed_count, s.waitlisted_count, s.cancelled_count,
    count(g.id) FILTER (WHERE g.status = 'confirmed') AS confirmed,
    count(g.id) FILTER (WHERE g.status = 'waitlisted') AS waitlisted,
    count(g.id) FILTER (WHERE g.status = 'cancelled') AS cancelled
  FROM sessions s LEFT JOIN signups g ON g.session_id = s.id
  GROUP BY s.id
  HAVING s.confirmed_count <> count(g.id) FILTER (WHERE g.status = 'confirmed')
      OR s.waitlisted_count <> count(g.id) FILTER (WHERE g.status = 'waitlisted')
      OR s.cancelled_count <> count(g.id) FILTER (WHERE g.status = 'cancelled')`

export const countDrift = (db: Pick<Db, 'query'>) => db.query<Record<string, unknown>>(COUNT_DRIFT_SQL)

/** The phone `who` books from in book(): one of her own, so 我的报名 lists only hers. */
export const bookingDevice = (who: { mobile: string }) => `book-${who.mobile}`

/**
 * She signs up for a session of 武都 家政 (wd-housekeeping, or `body.programId`) from her own phone.
 * New tests make their sign-ups through this one function, so whatever the sign-up request comes
 * to need (a header, a field) is added here once.
 */
export async function book(
  server: Pick<TestServer, 'inject' | 'origin'>,
  sessionId: string,
  who: { name: string; mobile: string },
  options: { device?: string; body?: object; key?: string } = {},
): Promise<Reply> {
  const body = { ...housekeepingBody(who, sessionId), ...options.body }
  // She books herself, with her own verified mobile.
  return server.inject(await bookedRequest(server, options.device ?? bookingDevice(who), body, options.key))
}
