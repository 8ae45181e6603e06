// The server at national scale: a PostgreSQL database filled by `npm run seed:scale` (3,000
// federations, 30,000 programs, 100,000 sessions, 1,000,000 sign-ups), then the server as it is
// measured against it over loopback: start time, the feed's bytes and throughput, a report's and a
// program's bytes, sign-ups spread over 200 sessions and on the one hot session, 我的报名 of a phone
// with 50 sign-ups, the roster CSV of a program with 5,000, and the server's RSS at the end.
// Seeding takes minutes, so `npm run bench` runs it only with BENCH_SCALE=1.
// Standalone: node bench/scale.mjs; BENCH_DATABASE_URL (or TEST_DATABASE_URL) names the server a
// throw-away database is made on; BENCH_SCALE_DATABASE_URL reuses a database seeded before.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { Agent, request } from 'node:http'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { tsImport } from 'tsx/esm/api'
import { BOOKER_SECRET, bookerToken, fireWith, leanClient, person } from './load.mjs'

const require = createRequire(import.meta.url)
const { startApiProcess } = require('../scripts/api-process.cjs')
const { createDatabase } = require('../scripts/pg-database.cjs')
const pg = require('pg')
const ROOT = fileURLToPath(new URL('..', import.meta.url))

const { BUSY_CLIENT, sampleAnswers } = await tsImport('../server/src/cli/scale.ts', import.meta.url)

/** `npm run seed:scale` into the database at `url`; its seconds as it reports them, and the wall time. */
function seed(url) {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/admin.ts', 'seed-scale'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += String(d)))
    child.stderr.on('data', (d) => (out += String(d)))
    child.once('exit', (code) =>
      code === 0 ? resolve(Math.round((performance.now() - t) / 100) / 10) : reject(new Error(`seed:scale: ${out}`)),
    )
  })
}

/** One GET, its bytes as they came over the wire (no decompression), and the encoding the server chose. */
function raw(origin, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const t = performance.now()
    const req = request(`${origin}${path}`, { headers }, (res) => {
      const chunks = []
      res.on('data', (c) => chunks.push(c))
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        resolve({
          status: res.statusCode,
          bytes: body.length,
          encoding: res.headers['content-encoding'] ?? 'identity',
          ms: Math.round((performance.now() - t) * 10) / 10,
          body,
        })
      })
    })
    req.on('error', reject)
    req.end()
  })
}

/** Bytes without and with `accept-encoding: gzip`, and what gzip would make of the plain body. */
async function bytesOf(origin, path) {
  let plain = await raw(origin, path, { 'accept-encoding': 'identity' })
  // Right after a load run the server may still shed requests (503 while its event loop catches up).
  for (let wait = 0; plain.status === 503 && wait < 60; wait++) {
    await new Promise((r) => setTimeout(r, 1000))
    plain = await raw(origin, path, { 'accept-encoding': 'identity' })
  }
  if (plain.status !== 200) throw new Error(`${path}: ${plain.status} ${plain.body.toString().slice(0, 200)}`)
  const gzip = await raw(origin, path, { 'accept-encoding': 'gzip' })
  return {
    bytes: plain.bytes,
    gzipAsked: gzip.bytes,
    served: gzip.encoding,
    gzipPossible: gzipSync(plain.body).length,
    ms: plain.ms,
    body: plain.body,
  }
}

const rssMb = (pid) => {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'))
  return line ? Math.round(Number(line.replace(/\D/g, '')) / 1024) : undefined
}

const json = async (res) => {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`)
  return res.json()
}

/** The sign-up of person n on session s: its headers and body, whichever client sends it. */
function signupOf(s, n) {
  const who = { name: person(n).name, mobile: `188${String(n).padStart(8, '0')}` }
  return {
    headers: {
      'content-type': 'application/json',
      'x-device-id': `d-scale-bench-${n}`,
      'idempotency-key': `scale-bench-${n}`,
      'x-booker-token': bookerToken(n),
    },
    body: JSON.stringify({
      programId: s.programId,
      sessionId: s.id,
      consent: true,
      answers: { ...s.answers, ...who, session: s.id },
    }),
  }
}

/**
 * POSTs over node:http on one keep-alive Agent, answering what fireWith reads (status, text()):
 * fetch costs about a millisecond of CPU per request here, on the same two cores as the server and
 * PostgreSQL, so a run measured with it measures its client too.
 */
function leanPoster(concurrency) {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency })
  const post = (url, headers, body) =>
    new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', agent, headers }, (res) => {
        const chunks = []
        res.on('data', (c) => chunks.push(c))
        res.on('error', reject)
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString()
          resolve({ status: res.statusCode, text: async () => text })
        })
      })
      req.on('error', reject)
      req.end(body)
    })
  return { post, close: () => agent.destroy() }
}

/**
 * Sign-ups from `from` on, request i going to sessions[i % sessions.length], sent by `client`:
 * 'fetch' or a leanPoster.
 */
function signups(origin, sessions, from, requests, concurrency, client = 'fetch') {
  return fireWith(
    (i) => {
      const { headers, body } = signupOf(sessions[i % sessions.length], from + i)
      if (client === 'fetch') return fetch(`${origin}/api/signups`, { method: 'POST', headers, body })
      return client.post(`${origin}/api/signups`, headers, body)
    },
    requests,
    concurrency,
    120_000,
  )
}

/** CPU seconds (user + system) a process has used, from /proc; undefined where it cannot be read. */
function cpuSeconds(pid) {
  try {
    // The fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100
  } catch {
    return undefined
  }
}

/**
 * Runs `run` and says what CPU it cost per request: the server's process, the PostgreSQL backends
 * serving this database (when PostgreSQL runs on this machine and its /proc can be read) and this
 * client. On a shared machine the rate moves with the load; the CPU per request much less.
 */
async function withCpu(client, serverPid, run) {
  const backends = async () =>
    (
      await client.query(
        'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
      )
    ).rows.map((r) => r.pid)
  const before = new Map((await backends()).map((pid) => [pid, cpuSeconds(pid)]))
  const server = cpuSeconds(serverPid)
  const self = process.cpuUsage()
  const result = await run()
  const own = process.cpuUsage(self)
  const serverMs = cpuSeconds(serverPid) - server
  let postgres = 0
  let readable = true
  // A backend opened during the run counts from zero; one closed during it is lost (the pool keeps them open).
  for (const pid of new Set([...before.keys(), ...(await backends())])) {
    const now = cpuSeconds(pid)
    if (now === undefined) readable = false
    else postgres += now - (before.get(pid) ?? 0)
  }
  const per = (seconds) => Math.round((seconds * 1000 * 100) / result.sent) / 100
  return {
    ...result,
    cpuMs: {
      server: per(serverMs),
      ...(readable ? { postgres: per(postgres) } : {}),
      client: per((own.user + own.system) / 1e6),
    },
  }
}

const round = (x) => Math.round(x)
/** Each figure as it is measured, so a run that fails later still shows what it got. */
const note = (line) => process.stderr.write(`  scale: ${line}\n`)

const summary = (r) => ({
  perSecond: round(r.perSecond),
  p50Ms: r.p50Ms,
  p95Ms: r.p95Ms,
  sent: r.sent,
  statuses: r.statuses,
})
const sized = (b) => Object.fromEntries(Object.entries(b).filter(([k]) => k !== 'body'))

/** The first feed page's bytes, and its throughput with fetch, with the lean client, and that client's ceiling. */
async function measureFeed(origin, concurrency) {
  const cards = await bytesOf(origin, '/api/cards')
  const cardsParsed = JSON.parse(cards.body.toString())
  const cardCount = Array.isArray(cardsParsed) ? cardsParsed.length : (cardsParsed.cards?.length ?? '?')
  note(`cards: ${cards.bytes} B (${cardCount} cards), gzip asked ${cards.gzipAsked} B (${cards.served})`)
  const cardsLoad = await fireWith(() => fetch(`${origin}/api/cards`), 2000, concurrency, 30_000)
  note(
    `cards at ${concurrency}, fetch: ${round(cardsLoad.perSecond)}/s p95 ${cardsLoad.p95Ms} ms ${JSON.stringify(cardsLoad.statuses)}`,
  )
  // fetch's own CPU is a good part of a cheap answer's cost on a small machine: the same server
  // again with a lean client, as a phone's gzip-accepting GET, and that client against the server's
  // cheapest answer (an unknown path's 404: no database, no page) for the most it can measure here.
  const lean = leanClient(concurrency)
  const gzip = { 'accept-encoding': 'gzip' }
  const cardsLean = await fireWith(() => lean.get(`${origin}/api/cards`, gzip), 6000, concurrency, 30_000)
  const ceiling = await fireWith(() => lean.get(`${origin}/api/no-such-path`, gzip), 6000, concurrency, 30_000)
  lean.close()
  note(
    `cards at ${concurrency}, node:http: ${round(cardsLean.perSecond)}/s p95 ${cardsLean.p95Ms} ms; ` +
      `its ceiling (404): ${round(ceiling.perSecond)}/s p95 ${ceiling.p95Ms} ms (load ${loadavg()[0].toFixed(1)})`,
  )
  return {
    cards: { ...sized(cards), count: cardCount, ...summary(cardsLoad) },
    cardsLean: summary(cardsLean),
    ceiling: summary(ceiling),
  }
}

/**
 * Seeds (or reuses) a national-scale database, starts the server on it and measures. Returns the
 * figures; the database made here is dropped afterwards. With `parts` 'cards' (BENCH_SCALE_PARTS=cards)
 * it stops after the feed's runs: no sign-ups are written, so a reused database can be measured
 * again for a before/after. With 'signups' it measures the sign-up runs alone (they write, so a
 * reused database is made again from its template between two such runs).
 */
export async function measureScale({
  postgresUrl,
  reuseUrl = '',
  concurrency = 20,
  requests = 2000,
  parts = 'all',
} = {}) {
  // The machine may be shared: its load says how much of it the measurement had.
  const loadAtStart = loadavg()[0].toFixed(1)
  const made = reuseUrl ? null : await createDatabase(postgresUrl, 'jg_scale')
  const url = reuseUrl || made.url
  const client = new pg.Client({ connectionString: url })
  let api
  try {
    const seedSeconds = reuseUrl ? 'reused' : await seed(url)
    await client.connect()
    const [counts] = (
      await client.query(
        `SELECT (SELECT count(*) FROM federations)::int AS federations, (SELECT count(*) FROM programs)::int AS programs,
           (SELECT count(*) FROM sessions)::int AS sessions, (SELECT count(*) FROM signups)::int AS signups`,
      )
    ).rows
    const t0 = performance.now()
    api = await startApiProcess(
      {
        DATABASE_URL: url,
        RATE_LIMIT_PER_MINUTE: '0',
        BOOKER_SECRET,
        LOG_LEVEL: 'warn',
        SEED_EMPTY_DATABASE: 'false',
      },
      { timeoutMs: 15 * 60_000 },
    )
    const startSeconds = Math.round((performance.now() - t0) / 100) / 10
    const rssAfterStartMb = rssMb(api.child.pid)
    note(`server started in ${startSeconds} s, RSS ${rssAfterStartMb} MB`)
    const origin = api.origin

    // The busiest session (the roster), and the 200 open sessions of 武都's housekeeping copies.
    const [hot] = (
      await client.query(
        `SELECT s.id, s.program_id, p.federation_id FROM sessions s JOIN programs p ON p.id = s.program_id
         ORDER BY s.confirmed_count + s.waitlisted_count + s.cancelled_count DESC LIMIT 1`,
      )
    ).rows
    const formOf = async (programId) =>
      (await client.query('SELECT fields FROM form_versions WHERE program_id = $1', [programId])).rows[0].fields
    const town = { name: '城关镇' }
    const spread = (
      await client.query(
        `SELECT s.id, s.program_id FROM sessions s
         WHERE s.program_id LIKE 'wd-housekeeping-%' AND s.deadline_at > now() + interval '1 day'
         ORDER BY s.id LIMIT 200`,
      )
    ).rows
    const spreadSessions = []
    for (const s of spread) {
      spreadSessions.push({
        id: s.id,
        programId: s.program_id,
        answers: sampleAnswers(await formOf(s.program_id), town),
      })
    }
    const hotSessions = [
      { id: hot.id, programId: hot.program_id, answers: sampleAnswers(await formOf(hot.program_id), town) },
    ]

    const feed = parts === 'signups' ? {} : await measureFeed(origin, concurrency)
    // What every run reports; the RSS is read when it is called (at the end of the run).
    const measured = () => ({
      database: reuseUrl ? 'PostgreSQL, reused' : 'PostgreSQL, seeded here',
      machine: `${cpus().length} cores, load average ${loadAtStart} at the start`,
      ...counts,
      seedSeconds,
      startSeconds,
      rssAfterStartMb,
      rssAfterBenchMb: rssMb(api.child.pid),
      concurrency,
      ...feed,
    })
    if (parts === 'cards') return measured()
    // Each run: 100 sign-ups to warm up, then `requests` measured with the lean client (and what
    // they cost in CPU), then as many again with fetch, each sign-up a new person.
    let from = 0
    const signupRuns = async (sessions) => {
      const lean = leanPoster(concurrency)
      await signups(origin, sessions, from, 100, concurrency, lean)
      const run = await withCpu(client, api.child.pid, () =>
        signups(origin, sessions, from + 100, requests, concurrency, lean),
      )
      lean.close()
      const withFetch = await withCpu(client, api.child.pid, () =>
        signups(origin, sessions, from + 100 + requests, requests, concurrency),
      )
      from += 100 + 2 * requests
      return {
        ...summary(run),
        cpuMs: run.cpuMs,
        fetch: { ...summary(withFetch), cpuMs: withFetch.cpuMs },
        load: loadavg()[0].toFixed(1),
      }
    }
    const signupLines = (what, r) =>
      note(
        `${what}: node:http ${r.perSecond}/s p95 ${r.p95Ms} ms ${JSON.stringify(r.statuses)}, CPU per sign-up ` +
          `${JSON.stringify(r.cpuMs)} ms; fetch ${r.fetch.perSecond}/s p95 ${r.fetch.p95Ms} ms, ` +
          `${JSON.stringify(r.fetch.cpuMs)} ms (load ${r.load})`,
      )
    if (parts === 'signups') {
      const spreadRun = await signupRuns(spreadSessions)
      signupLines('spread sign-ups', spreadRun)
      const hotRun = await signupRuns(hotSessions)
      signupLines('hot sign-ups', hotRun)
      return {
        ...measured(),
        signupsSpread: { sessions: spreadSessions.length, ...spreadRun },
        signupsHot: { session: hot.id, ...hotRun },
      }
    }
    const report = await bytesOf(origin, `/api/reports/${hot.federation_id}`)
    const program = await bytesOf(origin, `/api/programs/${hot.program_id}`)

    // The roster before the sign-up runs add to the hot session: the seeded sign-ups only.
    const { token } = await json(
      await fetch(`${origin}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: `${hot.federation_id}-admin`, password: `jg-dev-${hot.federation_id}` }),
      }),
    )
    const rosterTimes = []
    let roster
    for (let i = 0; i < 5; i++) {
      roster = await raw(origin, `/api/organizer/programs/${hot.program_id}/roster.csv`, {
        authorization: `Bearer ${token}`,
        'accept-encoding': 'identity',
      })
      if (roster.status !== 200) throw new Error(`roster.csv: ${roster.status}`)
      rosterTimes.push(roster.ms)
    }
    rosterTimes.sort((a, b) => a - b)
    const spreadRun = await signupRuns(spreadSessions)
    signupLines('spread sign-ups', spreadRun)
    const hotRun = await signupRuns(hotSessions)
    signupLines('hot sign-ups', hotRun)

    const mine = await fireWith(
      () => fetch(`${origin}/api/signups/mine`, { headers: { 'x-device-id': BUSY_CLIENT } }),
      200,
      1,
      60_000,
    )
    const mineCount = (
      await json(await fetch(`${origin}/api/signups/mine`, { headers: { 'x-device-id': BUSY_CLIENT } }))
    ).length

    return {
      ...measured(),
      report: { id: hot.federation_id, ...sized(report) },
      program: { id: hot.program_id, ...sized(program) },
      signupsSpread: { sessions: spreadSessions.length, ...spreadRun },
      signupsHot: { session: hot.id, ...hotRun },
      mine: { signups: mineCount, ...summary(mine) },
      roster: {
        program: hot.program_id,
        rows: roster.body.toString().trim().split('\n').length - 1,
        bytes: roster.bytes,
        medianMs: rosterTimes[2],
        maxMs: rosterTimes[4],
      },
    }
  } finally {
    await api?.stop()
    await client.end().catch(() => undefined)
    await made?.drop()
  }
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
const wire = (b) =>
  `${kb(b.bytes)}; asked for gzip: ${kb(b.gzipAsked)} (${b.served === 'gzip' ? 'gzip' : 'not compressed'}); gzip could be ${kb(b.gzipPossible)}`
const load = (x) =>
  `${x.perSecond}/s, p50 ${x.p50Ms} ms, p95 ${x.p95Ms} ms (${x.sent} sent, ${JSON.stringify(x.statuses)})`

const cpu = (c) =>
  `CPU per sign-up: server ${c.server} ms${c.postgres === undefined ? '' : `, PostgreSQL ${c.postgres} ms`}, client ${c.client} ms`
const signupLoad = (x) =>
  `${load(x)}; ${cpu(x.cpuMs)}; the same with fetch: ${x.fetch.perSecond}/s, p95 ${x.fetch.p95Ms} ms, ` +
  `${cpu(x.fetch.cpuMs)} (load ${x.load})`

/** The rows of the table `npm run bench` prints, and this file standalone. */
export function scaleRows(r) {
  const head = [
    ['machine', r.machine],
    ['data', `${r.federations} federations, ${r.programs} programs, ${r.sessions} sessions, ${r.signups} sign-ups`],
    ['seed:scale', r.seedSeconds === 'reused' ? 'reused a seeded database' : `${r.seedSeconds} s`],
    ['server start (spawn → /api/health ok)', `${r.startSeconds} s`],
    ['RSS after start / after the bench', `${r.rssAfterStartMb} MB / ${r.rssAfterBenchMb} MB`],
  ]
  const feed = r.cards
    ? [
        [`GET /api/cards (${r.cards.count} cards)`, wire(r.cards)],
        [`GET /api/cards, concurrency ${r.concurrency} (fetch)`, load(r.cards)],
        [`GET /api/cards, concurrency ${r.concurrency} (node:http keep-alive, gzip)`, load(r.cardsLean)],
        [`the same client on an unknown path's 404 (this machine's ceiling)`, load(r.ceiling)],
      ]
    : [['(sign-ups only)', 'BENCH_SCALE_PARTS=signups: the feed was not measured']]
  if (!r.signupsSpread) {
    return [...head, ...feed, ['(cards only)', 'BENCH_SCALE_PARTS=cards: nothing after the feed was measured']]
  }
  return [...head, ...feed, ...(r.report ? pages(r) : []), ...signupRows(r), ...(r.report ? lists(r) : [])]
}

const pages = (r) => [
  [`GET /api/reports/${r.report.id}`, wire(r.report)],
  [`GET /api/programs/${r.program.id}`, wire(r.program)],
]

const signupRows = (r) => [
  [
    `sign-ups over ${r.signupsSpread.sessions} sessions, concurrency ${r.concurrency} (node:http keep-alive)`,
    signupLoad(r.signupsSpread),
  ],
  [`sign-ups on the hot session ${r.signupsHot.session} (node:http keep-alive)`, signupLoad(r.signupsHot)],
]

const lists = (r) => [
  [`我的报名 of a phone with ${r.mine.signups} sign-ups, one at a time`, load(r.mine)],
  [
    `roster CSV of ${r.roster.program} (${r.roster.rows} rows)`,
    `median ${r.roster.medianMs} ms, max ${r.roster.maxMs} ms of 5; ${kb(r.roster.bytes)}`,
  ],
]

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || ''
  const reuseUrl = process.env.BENCH_SCALE_DATABASE_URL || ''
  if (!postgresUrl && !reuseUrl) {
    console.error(
      '需要 PostgreSQL：设置 BENCH_DATABASE_URL（或 BENCH_SCALE_DATABASE_URL 指向已经 seed:scale 过的数据库）',
    )
    process.exit(1)
  }
  const r = await measureScale({ postgresUrl, reuseUrl, parts: process.env.BENCH_SCALE_PARTS || 'all' })
  for (const [what, value] of scaleRows(r)) console.log(`${what}: ${value}`)
}
