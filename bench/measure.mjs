// What the bench and the CI budgets measure: weapp package bytes, H5 bytes (initial, total, on the
// member's path), and the setData traffic of the weapp logic layer run in Node. Deterministic: no
// timings here.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, relative, sep } from 'node:path'
import { gzipSync } from 'node:zlib'

const require = createRequire(import.meta.url)
const { loadWeapp, findNode } = require('./weapp-harness.cjs')
const h5 = require('./h5-chunks.cjs')

export const { h5Scripts, h5RouteChunks, h5PathScripts, h5Budget } = h5

export const ROOT = join(import.meta.dirname, '..')
export const EMPTY_APP = join(ROOT, 'bench', 'empty-app')

/** Files DevTools keeps for itself; they are not uploaded with the package. */
const NOT_SHIPPED = new Set(['project.config.json', 'project.private.config.json'])

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

const gz = (buf) => gzipSync(buf, { level: 9 }).length

/** Bytes and gzip bytes of the main package and of each subpackage, as app.json declares them. */
export function weappPackages(distDir) {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'))
  const subs = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/?$/, '/'))
  const packages = new Map([['main', { name: 'main', bytes: 0, gzip: 0, files: 0 }]])
  for (const s of subs) packages.set(s, { name: s.replace(/\/$/, ''), bytes: 0, gzip: 0, files: 0 })
  for (const file of walk(distDir)) {
    const rel = relative(distDir, file).split(sep).join('/')
    if (NOT_SHIPPED.has(rel)) continue
    const buf = readFileSync(file)
    const pkg = packages.get(subs.find((s) => rel.startsWith(s)) ?? 'main')
    pkg.bytes += buf.length
    pkg.gzip += gz(buf)
    pkg.files++
  }
  return [...packages.values()]
}

/** The JavaScript and CSS the H5 index.html loads before the app can render. */
export function h5Initial(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const js = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1])
  const css = [...html.matchAll(/<link[^>]+href="([^"]+\.css)"/g)].map((m) => m[1])
  const sum = (urls) =>
    urls.reduce(
      (acc, url) => {
        const buf = readFileSync(join(distDir, url.replace(/^\//, '')))
        return { bytes: acc.bytes + buf.length, gzip: acc.gzip + gz(buf), files: acc.files + 1 }
      },
      { bytes: 0, gzip: 0, files: 0 },
    )
  return { js: sum(js), css: sum(css) }
}

/** Every page route in app.json, main package first. */
export function weappRoutes(distDir) {
  const app = JSON.parse(readFileSync(join(distDir, 'app.json'), 'utf8'))
  const subs = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

/** Queries a page needs to open with real content (deep-link pages take an id). */
export function pageQuery(route) {
  const file = join(ROOT, 'bench', 'page-queries.json')
  const queries = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {}
  return queries[route] ?? {}
}

const summarize = (calls) => ({
  calls: calls.length,
  bytes: calls.reduce((a, c) => a + c.bytes, 0),
  maxCallBytes: calls.reduce((a, c) => Math.max(a, c.bytes), 0),
  nodes: calls.reduce((a, c) => a + c.nodes, 0),
})

/**
 * setData traffic of each page's first render, until it shows its content (see settlePage in
 * weapp-harness.cjs). A page that throws or never renders is listed with its `error`.
 */
export async function firstRenders(distDir) {
  const out = []
  for (const route of weappRoutes(distDir)) {
    const w = loadWeapp(distDir)
    try {
      const { calls } = await w.openPage(route, pageQuery(route))
      out.push({ route, ...summarize(calls) })
    } catch (e) {
      out.push({ route, error: e instanceof Error ? e.message : String(e) })
    }
  }
  return out
}

const sidOf = (node) => node.sid ?? node.uid

/** One tap on the first feed card: the traffic it causes on the feed page. */
export async function tapFeedCard(distDir) {
  const w = loadWeapp(distDir)
  const { inst } = await w.openPage('pages/feed/index')
  const [card] = findNode(inst.data, (n) => typeof n.cl === 'string' && /\bye-card\b/.test(n.cl))
  if (!card) return { measured: false, reason: 'no feed card found in the page data' }
  const target = { id: sidOf(card), dataset: { sid: sidOf(card) } }
  const calls = await w.fire(inst, 'eh', {
    type: 'tap',
    timeStamp: Date.now(),
    target,
    currentTarget: target,
    detail: {},
  })
  return { measured: true, ...summarize(calls), navigatedTo: w.navigations.at(-1) ?? null }
}

/**
 * Types an 11-digit mobile number, one key at a time, into the first mobile field of the
 * sign-up form `route` (its query from bench/page-queries.json).
 */
export async function typeMobile(distDir, route) {
  if (!weappRoutes(distDir).includes(route)) return { measured: false, reason: `no page ${route} in this build` }
  const w = loadWeapp(distDir)
  let inst
  try {
    ;({ inst } = await w.openPage(route, pageQuery(route)))
  } catch (e) {
    return { measured: false, reason: e instanceof Error ? e.message : String(e) }
  }
  const [input] = findNode(
    inst.data,
    (n) => n.nn !== undefined && /mobile/.test(String(n.cl ?? '') + String(n.id ?? '')),
  )
  if (!input) return { measured: false, reason: `no mobile input found on ${route}` }
  const target = { id: sidOf(input), dataset: { sid: sidOf(input) } }
  const digits = '13800138000'
  const perKey = []
  for (let i = 1; i <= digits.length; i++) {
    const value = digits.slice(0, i)
    // Each key's traffic ends when the field shows the digits typed so far.
    const shown = (data) => findNode(data, (n) => sidOf(n) === sidOf(input) && Object.values(n).includes(value)).length
    let calls
    try {
      calls = await w.fire(
        inst,
        'eh',
        { type: 'input', timeStamp: Date.now(), target, currentTarget: target, detail: { value, cursor: i } },
        shown,
      )
    } catch (e) {
      return { measured: false, reason: `key ${i} on ${route}: ${e instanceof Error ? e.message : String(e)}` }
    }
    perKey.push(summarize(calls))
  }
  return {
    measured: true,
    route,
    keystrokes: digits.length,
    maxCallsPerKey: Math.max(...perKey.map((k) => k.calls)),
    maxBytesPerKey: Math.max(...perKey.map((k) => k.bytes)),
    totalCalls: perKey.reduce((a, k) => a + k.calls, 0),
  }
}

/**
 * A confirmed sign-up as a server sends it in 我的报名: a real-length QR token (`t1.su_<uuid>.<mac>`),
 * its code, map point and phone, with long titles and place. The built-in build reads sign-ups from
 * storage and passes them on as stored, so seeding one shows the ticket exactly as a server's would.
 */
export const TICKET_SIGNUP = {
  id: 'su_3f6c2a9e-8b1d-4e7a-9c5f-2d4b6a8e0f13',
  programId: 'cd-live-commerce',
  programTitle: '巾帼电商直播带货培训（农村妇女专场）',
  federationName: '成都市妇女联合会',
  sessionId: 'cd-live-1',
  sessionTitle: '第一期：手机拍摄、直播间布置和产品讲解',
  sessionStart: '2026-12-05T14:00:00+08:00',
  sessionEnd: '2026-12-05T17:00:00+08:00',
  online: false,
  place: '成都市锦江区妇女儿童活动中心三楼多功能厅（地铁2号线东门大桥站B口步行5分钟）',
  latitude: 30.6502,
  longitude: 104.0839,
  contactPhone: '028-86651234',
  status: 'confirmed',
  demo: false,
  name: '欧阳秀英',
  mobile: '13800138000',
  createdAt: '2026-11-23T09:30:00+08:00',
  ticket: { token: 't1.su_3f6c2a9e-8b1d-4e7a-9c5f-2d4b6a8e0f13.Zm9yZ2VkLXRva2VuLW1hYw', code: 'K7M9QX' },
  idempotencyKey: 'bench-ticket',
  answers: {},
}

/** The detail page's first render showing that e-ticket (its QR image found in the page data). */
export async function ticketRender(distDir, route) {
  if (!weappRoutes(distDir).includes(route)) return { measured: false, reason: `no page ${route} in this build` }
  const storage = new Map([['jg.mock.signups', JSON.stringify([TICKET_SIGNUP])]])
  const w = loadWeapp(distDir, { storage })
  try {
    const { inst, calls } = await w.openPage(route, { id: TICKET_SIGNUP.id })
    const qr = findNode(inst.data, (n) => /\bticket__qr\b/.test(String(n.cl ?? '')))
    if (qr.length === 0) return { measured: false, reason: `${route} showed no e-ticket QR` }
    return { measured: true, route, ...summarize(calls) }
  } catch (e) {
    return { measured: false, reason: e instanceof Error ? e.message : String(e) }
  }
}
