// Sign-ups per second at a fixed concurrency, over loopback only, against the API server on
// PGlite and (when a URL is given) on PostgreSQL. Every request is a different person for the
// same session, so each one waits for that session's row lock: the worst case for capacity.
// Standalone: node bench/load.mjs [--requests N] [--concurrency C]; BENCH_DATABASE_URL (or
// TEST_DATABASE_URL) adds the PostgreSQL run.
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const require = createRequire(import.meta.url)
const { startApiProcess } = require('../scripts/api-process.cjs')
const { createDatabase } = require('../scripts/pg-database.cjs')

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'
const GIVEN = '秀桂兰英芳玉珍华梅霞丽敏静燕红萍娟琴云凤'
/** The i-th of 8,000 different valid people. */
const person = (i) => ({
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

/** Sends `requests` sign-ups from `concurrency` loops; stops early after `maxMs`. */
async function fire(origin, from, requests, concurrency, maxMs) {
  let next = 0
  const latencies = []
  const statuses = {}
  const deadline = Date.now() + maxMs
  const worker = async () => {
    while (next < requests && Date.now() < deadline) {
      const i = from + next++
      const t = performance.now()
      const res = await fetch(`${origin}/api/signups`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-device-id': `d-bench-${i}`,
          'idempotency-key': `bench-key-${i}`,
        },
        body: body(i),
      })
      await res.arrayBuffer()
      latencies.push(performance.now() - t)
      statuses[res.status] = (statuses[res.status] ?? 0) + 1
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

/** One backend: a fresh database, 100 warm-up sign-ups, then the measured run. */
export async function loadRun(backend, { requests = 2000, concurrency = 20, postgresUrl = '' } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'jg-bench-'))
  const pgdb = backend === 'postgres' ? await createDatabase(postgresUrl, 'jg_bench') : null
  const api = await startApiProcess({
    PGLITE_DIR: dataDir,
    DATABASE_URL: pgdb?.url ?? '',
    RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'warn',
  })
  try {
    await fire(api.origin, 0, 100, concurrency, 60_000)
    const run = await fire(api.origin, 100, requests, concurrency, 120_000)
    return {
      backend,
      concurrency,
      ...run,
      perSecond: Math.round(run.perSecond),
      seconds: Math.round(run.seconds * 100) / 100,
    }
  } finally {
    await api.stop()
    await pgdb?.drop()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

export async function measureLoad(options = {}) {
  const postgresUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || ''
  const runs = [await loadRun('pglite', options)]
  if (postgresUrl) runs.push(await loadRun('postgres', { ...options, postgresUrl }))
  return { runs, postgres: postgresUrl ? 'measured' : 'skipped: set BENCH_DATABASE_URL to a PostgreSQL server' }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2)
  const num = (name, fallback) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
  const result = await measureLoad({ requests: num('--requests', 2000), concurrency: num('--concurrency', 20) })
  for (const r of result.runs) {
    console.log(
      `${r.backend}: ${r.perSecond} sign-ups/s at concurrency ${r.concurrency} (${r.sent} in ${r.seconds} s, p50 ${r.p50Ms} ms, p95 ${r.p95Ms} ms, statuses ${JSON.stringify(r.statuses)})`,
    )
  }
  if (result.postgres !== 'measured') console.log(`postgres: ${result.postgres}`)
}
