// Sign-ups per second at a fixed concurrency, over loopback only, against the API server on
// PGlite and (when a URL is given) on PostgreSQL. Every request is a different person for the
// same session, so each one waits for that session's row lock: the worst case for capacity.
// Program pages per second too: the program signed up for, and an unrelated one.
// On PostgreSQL the same server is measured on an empty database, then with 50,000 and with
// 1,000,000 earlier sign-ups in that program (written straight into the table with
// generate_series, not through the API): a sign-up's cost must not grow with history.
// Standalone: node bench/load.mjs [--requests N] [--concurrency C] [--history 0,50000,1000000];
// BENCH_DATABASE_URL (or TEST_DATABASE_URL) adds the PostgreSQL runs.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { tsImport } from 'tsx/esm/api'

const require = createRequire(import.meta.url)
const { startApiProcess } = require('../scripts/api-process.cjs')
const { createDatabase } = require('../scripts/pg-database.cjs')
const pg = require('pg')

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '秀桂兰英芳玉珍华梅霞丽敏静燕红萍娟琴云凤'
/** The i-th of 8,000 different valid people. */
export const person = (i) => ({
  name: `${SURNAMES[i % 20]}${GIVEN[Math.floor(i / 20) % 20]}${GIVEN[Math.floor(i / 400) % 20]}`,
  mobile: `186${String(i).padStart(8, '0')}`,
})

const body = (i) =>
  JSON.stringify({
    programId: 'wd-housekeeping',
    sessionId: 'wd-hk-1',
    consent: true,
    answers: { ...person(i), town: '东江镇', session: 'wd-hk-1', job: '在本地就业' },
  })

// A pre-verified population: the bench measures booking, not SMS. Its bookers' tokens are minted
// with the server's own signing function and the secret the bench starts the server with, ten
// people per booker (BOOKER_PER_SESSION), as if each had checked a code once.
export const BOOKER_SECRET = randomBytes(32).toString('hex')
const { bookerSubject, signBooker } = await tsImport('../server/src/booker.ts', import.meta.url)
const tokens = new Map()
export const bookerToken = (i) => {
  const mobile = `187${String(Math.floor(i / 10)).padStart(8, '0')}`
  if (!tokens.has(mobile)) {
    const subject = bookerSubject('mobile', mobile, BOOKER_SECRET)
    tokens.set(mobile, signBooker({ kind: 'mobile', subject }, BOOKER_SECRET, new Date(Date.now() + 86_400_000)).token)
  }
  return tokens.get(mobile)
}

// The e-tickets' QR tokens, signed as the server signs them (the bench starts it with this secret).
const TICKET_SECRET = randomBytes(32).toString('hex')
const { ticketToken } = await tsImport('../server/src/tickets.ts', import.meta.url)
const { RECOUNT_SESSIONS } = await tsImport('../server/src/sessions.ts', import.meta.url)

const signupRequest = (origin, i) =>
  fetch(`${origin}/api/signups`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-device-id': `d-bench-${i}`,
      'idempotency-key': `bench-key-${i}`,
      'x-booker-token': bookerToken(i),
    },
    body: body(i),
  })

/** Sends `requests` sign-ups from `concurrency` loops; stops early after `maxMs`. */
const fire = (origin, from, requests, concurrency, maxMs) =>
  fireWith((i) => signupRequest(origin, from + i), requests, concurrency, maxMs)

/**
 * GETs over node:http on one keep-alive Agent: a leaner client than fetch (no WHATWG streams, no
 * decompression), so a run of cheap answers measures the server more than its client. `get` answers
 * what fireWith reads (status, text()); the body is left as it came (gzip when asked for).
 */
export function leanClient(concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const get = (url, headers = {}) =>
    new Promise((resolve, reject) => {
      const req = request(url, { agent, headers }, (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const body = Buffer.concat(chunks)
          resolve({ status: res.statusCode, text: async () => body.toString() })
        })
      })
      req.on('error', reject)
      req.end()
    })
  return { get, close: () => agent.destroy() }
}

/** Sends `requests` of `send(i)` from `concurrency` loops; stops early after `maxMs`. */
export async function fireWith(send, requests, concurrency, maxMs) {
  let next = 0
  const latencies = []
  const statuses = {}
  const deadline = Date.now() + maxMs
  const worker = async () => {
    while (next < requests && Date.now() < deadline) {
      const i = next++
      const t = performance.now()
      const res = await send(i)
      const text = await res.text()
      latencies.push(performance.now() - t)
      // A 503 says why: the database wait ran out, or the event loop was overloaded.
      const key = res.status === 503 ? `503 ${JSON.parse(text).error?.message ?? ''}` : res.status
      statuses[key] = (statuses[key] ?? 0) + 1
    }
  }
  const t0 = performance.now()
  await Promise.all(Array.from({ length: concurrency }, worker))
  const seconds = (performance.now() - t0) / 1000
  latencies.sort((a, b) => a - b)
  const pct = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] * 10) / 10
  return {
    sent: latencies.length,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: pct(0.5),
    p95Ms: pct(0.95),
    statuses,
  }
}

const LOADED_PROGRAM = 'wd-housekeeping'
/** Another federation's program: its page must not slow down as wd-housekeeping fills up. */
const UNRELATED_PROGRAM = 'zz-legal-aid'

/**
 * Writes sign-ups into wd-housekeeping's two sessions until the table holds `total` rows:
 * four in five cancelled, one in five confirmed (a waitlist of a million is no one's history;
 * a waitlist place counts only the waitlist), then the sessions' counts and VACUUM ANALYZE.
 * Rows carry their name key ('历史' + n is already its own key), as every row written since
 * migration 003 does: without it, each server start would rewrite a million rows first.
 */
async function fillHistory(url, total) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const [{ n }] = (await client.query('SELECT count(*)::int AS n FROM signups')).rows
    if (total > n) {
      await client.query(
        `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
           program_title, federation_name, session_title, session_start, online, place, created_at, name_key,
           session_version)
         SELECT 'hist-' || g, 'hist-client-' || g, 'hist-key-' || g,
           CASE WHEN g % 2 = 0 THEN 'wd-hk-1' ELSE 'wd-hk-2' END, 'wd-housekeeping',
           CASE WHEN g % 5 = 0 THEN 'confirmed' ELSE 'cancelled' END,
           '历史' || g, '139' || lpad(g::text, 8, '0'),
           jsonb_build_object('town', '东江镇', 'job', '在本地就业'),
           '家政技能培训', '武都区妇联', '母婴护理班', '2026-12-01T09:00:00+08:00', false, '武都区妇联培训室',
           now() - interval '1 second' * g,
           '历史' || g, 1
         FROM generate_series($1::int, $2::int) AS g`,
        [n + 1, total],
      )
    }
    await client.query(RECOUNT_SESSIONS)
    // Vacuumed and analysed now, so autovacuum does not run during the measurement.
    await client.query('VACUUM (ANALYZE) signups')
    // The fill's WAL is written out now, not by a checkpoint in the middle of the measurement.
    await client.query('CHECKPOINT').catch((error) => console.warn(`CHECKPOINT 未执行（${error.message}）`))
  } finally {
    await client.end()
  }
}

/** Sign-ups, then program pages, against a running server; `from` keeps each run's people new. */
async function measure(origin, from, requests, concurrency) {
  await fire(origin, from, 100, concurrency, 60_000)
  const run = await fire(origin, from + 100, requests, concurrency, 120_000)
  const page = async (id) =>
    Math.round((await fireWith(() => fetch(`${origin}/api/programs/${id}`), 3000, concurrency, 30_000)).perSecond)
  return {
    ...run,
    perSecond: Math.round(run.perSecond),
    seconds: Math.round(run.seconds * 100) / 100,
    programPerSecond: await page(LOADED_PROGRAM),
    unrelatedPerSecond: await page(UNRELATED_PROGRAM),
  }
}

/** How many people the check-in measurement books onto its own session, and checks in. */
const CHECKINS = 1000

/**
 * Check-ins per second at the door: 武都's development 管理员 adds a session of CHECKINS seats,
 * that many people book it (not measured), then each is checked in once by her ticket's QR token
 * from `concurrency` staff phones at once (measured), as at a busy door.
 */
async function measureCheckins(origin, concurrency) {
  const json = async (res) => {
    if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const post = (path, body, headers = {}) =>
    fetch(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    })
  const { token } = await json(
    await post('/api/auth/login', { login: 'wudu-2020-admin', password: 'jg-dev-wudu-2020' }),
  )
  const staff = { authorization: `Bearer ${token}` }
  const day = new Date(Date.now() + 8 * 3600_000 + 7 * 86400_000).toISOString().slice(0, 10)
  const session = await json(
    await post(
      '/api/workspace/programs/wd-housekeeping/sessions',
      {
        title: '签到测量',
        startsAt: `${day} 09:00`,
        endsAt: `${day} 11:00`,
        deadlineAt: `${day} 08:00`,
        online: false,
        place: '武都区妇联培训室',
        capacity: CHECKINS,
      },
      staff,
    ),
  )
  // People the sign-up runs never use: their own numbers, far above theirs.
  const from = 5_000_000
  const ids = []
  const booked = await fireWith(
    async (i) => {
      const n = from + i
      const answers = { name: person(i).name, mobile: `185${String(n).padStart(8, '0')}` }
      const res = await fetch(`${origin}/api/signups`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-device-id': `d-checkin-${n}`,
          'idempotency-key': `checkin-key-${n}`,
          'x-booker-token': bookerToken(n),
        },
        body: JSON.stringify({
          programId: 'wd-housekeeping',
          sessionId: session.id,
          consent: true,
          answers: { ...answers, town: '东江镇', session: session.id, job: '在本地就业' },
        }),
      })
      if (res.status === 201) ids.push((await res.clone().json()).id)
      return res
    },
    CHECKINS,
    concurrency,
    120_000,
  )
  if (ids.length < CHECKINS) throw new Error(`check-in bench: booked ${ids.length}, ${JSON.stringify(booked.statuses)}`)
  const run = await fireWith(
    (i) => post('/api/workspace/checkin', { sessionId: session.id, token: ticketToken(TICKET_SECRET, ids[i]) }, staff),
    ids.length,
    concurrency,
    120_000,
  )
  return {
    checkins: run.sent,
    checkinsPerSecond: Math.round(run.perSecond),
    checkinP95Ms: run.p95Ms,
    checkinStatuses: run.statuses,
  }
}

/**
 * One backend: a fresh database; for each history size (PostgreSQL only; PGlite measures the
 * empty database), earlier sign-ups written in, 100 warm-up sign-ups, then the measured run.
 */
export async function loadRun(
  backend,
  { requests = 2000, concurrency = 20, postgresUrl = '', history = [0, 50_000, 1_000_000] } = {},
) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jg-bench-'))
  const pgdb = backend === 'postgres' ? await createDatabase(postgresUrl, 'jg_bench') : null
  const api = await startApiProcess({
    PGLITE_DIR: dataDir,
    DATABASE_URL: pgdb?.url ?? '',
    RATE_LIMIT_PER_MINUTE: '0',
    BOOKER_SECRET,
    TICKET_SECRET,
    LOG_LEVEL: 'warn',
    // The empty database gets the demo content, whatever NODE_ENV the bench runs under.
    SEED_EMPTY_DATABASE: 'true',
  })
  try {
    const runs = []
    for (const [k, size] of (pgdb ? history : [0]).entries()) {
      let fillSeconds = 0
      if (pgdb && size > 0) {
        const t = performance.now()
        await fillHistory(pgdb.url, size)
        fillSeconds = Math.round((performance.now() - t) / 100) / 10
      }
      const from = k * (requests + 100)
      const run = await measure(api.origin, from, requests, concurrency)
      // Beside the empty database of the same run: history must not cost (within 15%).
      const empty = runs.find((r) => r.history === 0)
      const ofEmpty = empty && size > 0 ? Math.round((run.perSecond / empty.perSecond) * 100) : undefined
      runs.push({ backend, history: size, fillSeconds, concurrency, ...run, ...(ofEmpty ? { ofEmpty } : {}) })
    }
    // Check-ins once per backend, on the database as the last run left it.
    Object.assign(runs[0], await measureCheckins(api.origin, concurrency))
    return runs
  } finally {
    await api.stop()
    await pgdb?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function measureLoad(options = {}) {
  const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || ''
  const runs = await loadRun('pglite', options)
  if (postgresUrl) runs.push(...(await loadRun('postgres', { ...options, postgresUrl })))
  return { runs, postgres: postgresUrl ? 'measured' : 'skipped: set BENCH_DATABASE_URL to a PostgreSQL server' }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const num = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
  const history = args.includes('--history') ? args[args.indexOf('--history') + 1].split(',').map(Number) : undefined
  const result = await measureLoad({
    requests: num('--requests', 2000),
    concurrency: num('--concurrency', 20),
    ...(history ? { history } : {}),
  })
  for (const r of result.runs) {
    if (r.checkins !== undefined)
      console.log(
        `${r.backend}: ${r.checkinsPerSecond} check-ins/s at concurrency ${r.concurrency} (${r.checkins} people, p95 ${r.checkinP95Ms} ms, statuses ${JSON.stringify(r.checkinStatuses)})`,
      )
    console.log(
      `${r.backend}, ${r.history} earlier sign-ups${r.fillSeconds ? ` (written in ${r.fillSeconds} s)` : ''}: ${r.perSecond} sign-ups/s${r.ofEmpty ? ` (${r.ofEmpty}% of empty)` : ''} at concurrency ${r.concurrency} (${r.sent} in ${r.seconds} s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, statuses ${JSON.stringify(r.statuses)}); program page ${r.programPerSecond}/s, unrelated program page ${r.unrelatedPerSecond}/s`,
    )
  }
  if (result.postgres !== 'measured') console.log(`postgres: ${result.postgres}`)
}
