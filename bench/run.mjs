// npm run bench: builds the app and the empty Taro app, then measures package sizes, H5 bytes
// (initial, total, on the member's path), setData traffic and Lighthouse mobile. Prints a table
// and writes bench/results/latest.json.
// Flags: --no-build (use existing dist folders), --no-lighthouse, --no-load, --runs N (Lighthouse runs, default 3),
// --lighthouse-only (Lighthouse on the existing dist/h5 of both apps, nothing else: no weapp build needed).
// The load figure (sign-ups/s against the API server) adds PostgreSQL when BENCH_DATABASE_URL is set.
// BENCH_SCALE=1 adds the server at national scale (bench/scale.mjs: seeding alone takes minutes).
import { execSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { CHROMIUM_FLAGS, CHROMIUM_PATH, launchChromium } from '../tests/e2e/browser.mjs'
import { serve } from '../tests/e2e/serve.mjs'
import { measureLoad } from './load.mjs'
import { measureScale, scaleRows } from './scale.mjs'
import {
  EMPTY_APP,
  ROOT,
  firstRenders,
  h5Budget,
  h5Initial,
  h5Scripts,
  pageQuery,
  tapFeedCard,
  ticketRender,
  typeMobile,
  weappPackages,
} from './measure.mjs'

const require = createRequire(import.meta.url)
const { evaluateBudgets, limits } = require('./budgets.cjs')

const args = process.argv.slice(2)
const flag = (name) => args.includes(name)
const runs = Number(args[args.indexOf('--runs') + 1]) || 3

const build = (cwd, type, env = {}, label = cwd === ROOT ? 'app' : 'empty app') => {
  process.stdout.write(`building ${type} in ${label}… `)
  const t = Date.now()
  // The app's H5 build is its npm script: Taro's build, then the prerendered first screen.
  execSync(cwd === ROOT && type === 'h5' ? 'npm run build:h5' : `npx taro build --type ${type}`, {
    cwd,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', ...env },
  })
  console.log(`${((Date.now() - t) / 1000).toFixed(1)} s`)
}

// The weapp as shipped with a server: the built-in content and the mock stay out of the package.
const SERVER_BUILD = {
  OUTPUT_ROOT: 'dist/weapp-server',
  TARO_APP_API_BASE: 'http://127.0.0.1:8787',
  TARO_APP_OPERATOR: '巾帼年终盘点（测量用构建）',
  TARO_APP_OPERATOR_CONTACT: 'bench@example.invalid',
}
if (!flag('--no-build') && !flag('--lighthouse-only')) {
  for (const type of ['weapp', 'h5']) {
    build(ROOT, type)
    build(EMPTY_APP, type)
  }
  build(ROOT, 'weapp', SERVER_BUILD, 'app pointed at a server')
}

const kb = (n) => (n / 1024).toFixed(1)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const app = { weapp: join(ROOT, 'dist', 'weapp'), h5: join(ROOT, 'dist', 'h5') }
const empty = { weapp: join(EMPTY_APP, 'dist', 'weapp'), h5: join(EMPTY_APP, 'dist', 'h5') }

if (flag('--lighthouse-only')) {
  process.stdout.write(`lighthouse mobile, ${runs} runs each… `)
  const l = { app: await lighthouseMedian(app.h5), empty: await lighthouseMedian(empty.h5) }
  console.log(
    `done (load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')})`,
  )
  console.log(`\nLighthouse mobile (median of ${runs}): score, LCP ms, TBT ms, FCP ms`)
  for (const [name, r] of [
    ['app', l.app],
    ['empty app', l.empty],
  ])
    console.log(
      `${name}: ${r.score}, ${r.lcpMs}, ${r.tbtMs}, ${r.fcpMs} (runs: ${r.samples.map((x) => x.score).join(' ')})`,
    )
  process.exit(0)
}

const [main, ...subpackages] = weappPackages(app.weapp)
const [emptyMain] = weappPackages(empty.weapp)
const [serverMain, ...serverSubpackages] = weappPackages(join(ROOT, SERVER_BUILD.OUTPUT_ROOT))
const memberPath = limits.required.h5Path
const sum = (files) => ({
  files: files.length,
  bytes: files.reduce((a, f) => a + f.bytes, 0),
  gzip: files.reduce((a, f) => a + f.gzip, 0),
})
/** H5 JS of one build: what index.html starts, every chunk, the largest, and the JS on `path`. */
const h5Figures = (distDir, path) => {
  const scripts = h5Scripts(distDir)
  return { initial: h5Initial(distDir), total: sum(scripts), ...h5Budget(distDir, path) }
}
const results = {
  date: new Date().toISOString(),
  weapp: {
    main,
    subpackages,
    empty: emptyMain,
    ratio: main.bytes / emptyMain.bytes,
    gzipRatio: main.gzip / emptyMain.gzip,
    withServer: { main: serverMain, subpackages: serverSubpackages, ratio: serverMain.bytes / emptyMain.bytes },
  },
  // The empty app's "path" is its one page: the least a Taro H5 app loads to show anything.
  h5: { app: h5Figures(app.h5, memberPath), empty: h5Figures(empty.h5, ['pages/index/index']) },
  setData: {
    firstRenders: await firstRenders(app.weapp),
    tapFeedCard: await tapFeedCard(app.weapp),
    typeMobile: await typeMobile(app.weapp, limits.required.typing),
    ticket: await ticketRender(app.weapp, limits.required.ticket),
  },
}

async function lighthouseMedian(distDir) {
  const { default: lighthouse } = await import('lighthouse')
  const chromeLauncher = await import('chrome-launcher')
  const server = await serve(distDir, 0, { gzip: true })
  const samples = []
  try {
    for (let i = 0; i < runs; i++) {
      const chrome = await chromeLauncher.launch({
        chromePath: CHROMIUM_PATH,
        chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
      })
      try {
        const { lhr } = await lighthouse(`${server.url}/`, {
          port: chrome.port,
          output: 'json',
          logLevel: 'error',
          onlyCategories: ['performance'],
        })
        samples.push({
          score: Math.round(lhr.categories.performance.score * 100),
          lcp: lhr.audits['largest-contentful-paint'].numericValue,
          tbt: lhr.audits['total-blocking-time'].numericValue,
          fcp: lhr.audits['first-contentful-paint'].numericValue,
        })
      } finally {
        await chrome.kill()
      }
    }
  } finally {
    await server.close()
  }
  return {
    runs: samples.length,
    score: median(samples.map((s) => s.score)),
    lcpMs: Math.round(median(samples.map((s) => s.lcp))),
    tbtMs: Math.round(median(samples.map((s) => s.tbt))),
    fcpMs: Math.round(median(samples.map((s) => s.fcp))),
    samples,
  }
}

/** Poster draw time in headless Chromium: each federation's poster, opened cold, 3 times. */
async function posterDrawTimes(distDir) {
  const { readdirSync, readFileSync } = await import('node:fs')
  const ids = readdirSync(join(ROOT, 'mock'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(ROOT, 'mock', f), 'utf8')).federation.id)
  const server = await serve(distDir)
  const browser = await launchChromium()
  const samples = []
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 })
    for (let run = 0; run < 3; run++) {
      for (const id of ids) {
        await page.goto('about:blank')
        await page.goto(`${server.url}/#/subpackages/share/poster/index?id=${id}`)
        const ms = await page.waitForFunction(() => performance.getEntriesByName('poster-draw')[0]?.duration, null, {
          timeout: 20000,
        })
        samples.push(await ms.jsonValue())
      }
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return {
    samples: samples.length,
    medianMs: Math.round(median(samples) * 10) / 10,
    maxMs: Math.round(Math.max(...samples) * 10) / 10,
  }
}

/**
 * Walks the member's path in headless Chromium (deep links from bench/page-queries.json, one page
 * load, then hash changes as the app's own navigation does) and lists the JS files it fetched: the
 * check that the path figure read from the build is the one a browser really loads.
 */
async function h5PathInBrowser(distDir, path) {
  const server = await serve(distDir)
  const browser = await launchChromium()
  const fetched = new Set()
  try {
    const page = await browser.newPage({ viewport: { width: 375, height: 812 } })
    page.on('response', (r) => {
      const { pathname } = new URL(r.url())
      if (pathname.endsWith('.js')) fetched.add(pathname.replace(/^\//, ''))
    })
    for (const [i, route] of path.entries()) {
      const hash = `#/${route}?${new URLSearchParams(pageQuery(route))}`
      if (i === 0) await page.goto(`${server.url}/${hash}`)
      else await page.evaluate((h) => (location.hash = h), hash)
      await page.waitForSelector(`.taro_page_show[id^="/${route}?"]`, { timeout: 20000 })
      // Anything a page fetches right after it shows counts too.
      await page.waitForTimeout(500)
    }
  } finally {
    await browser.close()
    await server.close()
  }
  return [...fetched].sort()
}

{
  const fromBuild = [...results.h5.app.path.files].sort()
  const inBrowser = await h5PathInBrowser(app.h5, memberPath)
  results.h5.app.path.browser = {
    files: inBrowser,
    onlyInBrowser: inBrowser.filter((f) => !fromBuild.includes(f)),
    onlyInBuild: fromBuild.filter((f) => !inBrowser.includes(f)),
  }
}

results.poster = await posterDrawTimes(app.h5)

if (!flag('--no-lighthouse')) {
  process.stdout.write(`lighthouse mobile, ${runs} runs each… `)
  results.lighthouse = { app: await lighthouseMedian(app.h5), empty: await lighthouseMedian(empty.h5) }
  console.log('done')
}

if (!flag('--no-load')) {
  process.stdout.write(
    'API load (2,000 sign-ups, concurrency 20, loopback; PostgreSQL with 0, 50,000, 1,000,000 earlier)… ',
  )
  results.load = await measureLoad({ requests: 2000, concurrency: 20 })
  console.log('done')
}

const scaleUrl = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || ''
if (process.env.BENCH_SCALE !== '1') {
  results.scale = { skipped: 'opt-in: BENCH_SCALE=1 (seeding 1,000,000 sign-ups takes minutes)' }
} else if (!scaleUrl && !process.env.BENCH_SCALE_DATABASE_URL) {
  results.scale = { skipped: 'BENCH_SCALE=1 needs BENCH_DATABASE_URL (PostgreSQL)' }
} else {
  process.stdout.write('national scale on PostgreSQL (seed:scale, then the server against it)… ')
  results.scale = await measureScale({ postgresUrl: scaleUrl, reuseUrl: process.env.BENCH_SCALE_DATABASE_URL || '' })
  console.log('done')
}

results.budgets = evaluateBudgets({
  main,
  empty: emptyMain,
  subpackages,
  firstRenders: results.setData.firstRenders,
  typing: results.setData.typeMobile,
  ticket: results.setData.ticket,
  h5: results.h5.app,
})

// ---- print ----
const table = (title, head, rows) => {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)))
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`
  console.log(`\n${title}\n${line(head)}\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
  for (const r of rows) console.log(line(r))
}

const w = results.weapp
table(
  'weapp package (KB)',
  ['package', 'bytes', 'gzip', 'vs empty app'],
  [
    ['main', kb(w.main.bytes), kb(w.main.gzip), `${w.ratio.toFixed(2)}× (gzip ${w.gzipRatio.toFixed(2)}×)`],
    ...w.subpackages.map((s) => [s.name, kb(s.bytes), kb(s.gzip), '']),
    [
      'main, built for a server',
      kb(w.withServer.main.bytes),
      kb(w.withServer.main.gzip),
      `${w.withServer.ratio.toFixed(2)}×`,
    ],
    ...w.withServer.subpackages.map((s) => [`${s.name}, built for a server`, kb(s.bytes), kb(s.gzip), '']),
    ['empty app main', kb(w.empty.bytes), kb(w.empty.gzip), '1.00×'],
  ],
)
const h = results.h5
table(
  'H5 JS (KB)',
  [
    'build',
    'index.html starts',
    'gzip',
    'every chunk',
    'gzip',
    'largest chunk',
    'member path',
    'gzip',
    'CSS',
    'CSS gzip',
  ],
  [
    ['app', h.app, `${memberPath.length} pages`],
    ['empty app', h.empty, '1 page'],
  ].map(([name, b, pages]) => [
    name,
    kb(b.initial.js.bytes),
    kb(b.initial.js.gzip),
    `${kb(b.total.bytes)} (${b.total.files} files)`,
    kb(b.total.gzip),
    `${kb(b.largest.bytes)} ${b.largest.file}`,
    `${kb(b.path.bytes)} (${pages}, ${b.path.files.length} files)`,
    kb(b.path.gzip),
    kb(b.initial.css.bytes),
    kb(b.initial.css.gzip),
  ]),
)
const walked = h.app.path.browser
const agrees = !walked.onlyInBrowser.length && !walked.onlyInBuild.length
console.log(
  agrees
    ? `member path in Chromium: the same ${walked.files.length} JS files the build lists`
    : `member path in Chromium DIFFERS from the build: only in the browser ${walked.onlyInBrowser.join(', ') || '—'}; only in the build ${walked.onlyInBuild.join(', ') || '—'}`,
)
if (!agrees) process.exitCode = 1
const s = results.setData
const tap = s.tapFeedCard
const typing = s.typeMobile
table(
  'weapp setData',
  ['interaction', 'calls', 'bytes', 'nodes'],
  [
    ...s.firstRenders.map((p) => [`first render ${p.route}`, p.calls, p.bytes, p.nodes]),
    tap.measured
      ? [`tap a feed card (→ ${tap.navigatedTo ?? 'no navigation'})`, tap.calls, tap.bytes, tap.nodes]
      : ['tap a feed card', '—', tap.reason, ''],
    typing.measured
      ? ['type 11-digit mobile (max per key)', typing.maxCallsPerKey, typing.maxBytesPerKey, '']
      : ['type 11-digit mobile', '—', typing.reason, ''],
    s.ticket.measured
      ? [`first render ${s.ticket.route} with an e-ticket`, s.ticket.calls, s.ticket.bytes, s.ticket.nodes]
      : ['first render with an e-ticket', '—', s.ticket.reason, ''],
  ],
)
if (results.load) {
  table(
    'API under load (2,000 new people for one session, then program pages; loopback, concurrency 20)',
    [
      'database',
      'earlier sign-ups',
      'sign-ups/s',
      'of empty',
      'p50 ms',
      'p95 ms',
      'program page/s',
      'unrelated page/s',
      'answers',
    ],
    results.load.runs.map((r) => [
      r.backend,
      r.history,
      r.perSecond,
      r.ofEmpty ? `${r.ofEmpty}%` : '—',
      r.p50Ms,
      r.p95Ms,
      r.programPerSecond,
      r.unrelatedPerSecond,
      JSON.stringify(r.statuses),
    ]),
  )
  table(
    'Check-ins at the door (1,000 people booked onto one session, each checked in once by her QR token; concurrency 20)',
    ['database', 'check-ins/s', 'p95 ms', 'answers'],
    results.load.runs
      .filter((r) => r.checkins !== undefined)
      .map((r) => [r.backend, r.checkinsPerSecond, r.checkinP95Ms, JSON.stringify(r.checkinStatuses)]),
  )
  if (results.load.postgres !== 'measured') console.log(`postgres: ${results.load.postgres}`)
}
if (results.scale.skipped) console.log(`\nnational scale: not measured (${results.scale.skipped})`)
else table(`National scale (${results.scale.database}; loopback)`, ['figure', 'value'], scaleRows(results.scale))
if (results.lighthouse) {
  const l = results.lighthouse
  table(
    `Lighthouse mobile (median of ${runs})`,
    ['build', 'score', 'LCP ms', 'TBT ms', 'FCP ms'],
    [
      ['app', l.app.score, l.app.lcpMs, l.app.tbtMs, l.app.fcpMs],
      ['empty app', l.empty.score, l.empty.lcpMs, l.empty.tbtMs, l.empty.fcpMs],
    ],
  )
}
table(
  'budgets',
  ['figure', 'value', 'limit', ''],
  results.budgets.map((r) => [r.figure, r.value, r.limit, r.ok ? 'ok' : 'OVER']),
)

table(
  'poster draw, headless Chromium (pixel ratio 2, 1200×1920 px)',
  ['samples', 'median ms', 'max ms'],
  [[results.poster.samples, results.poster.medianMs, results.poster.maxMs]],
)

const outDir = join(ROOT, 'bench', 'results')
mkdirSync(outDir, { recursive: true })
writeFileSync(join(outDir, 'latest.json'), JSON.stringify(results, null, 2))
console.log('\nwritten: bench/results/latest.json')
