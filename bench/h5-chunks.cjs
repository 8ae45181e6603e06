// Which JS files an H5 build has and which of them each route loads, read from the build itself
// (index.html, the route table in the app chunk, the ids each chunk file registers). Pure file reads.
const { existsSync, readdirSync, readFileSync } = require('node:fs')
const { join, relative, sep } = require('node:path')
const { gzipSync } = require('node:zlib')

const gz = (buf) => gzipSync(buf, { level: 9 }).length

/** Every JS file of an H5 build (js/, chunk/…), raw and gzip bytes, largest first. */
function h5Scripts(distDir) {
  const walk = (dir) =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
    )
  return walk(distDir)
    .map((full) => {
      const buf = readFileSync(full)
      return { file: relative(distDir, full).split(sep).join('/'), bytes: buf.length, gzip: gz(buf) }
    })
    .sort((a, b) => b.bytes - a.bytes)
}

/**
 * Which files each H5 route loads, read from the build itself: the scripts index.html starts with,
 * and for each route the chunks its loader in the app chunk asks webpack for
 * (`"path":"pages/feed/index","load":function load(…){return[Promise.all([s.e(783),s.e(742)…`).
 * Chunk files are matched to ids by the ids each one registers (`.push([[783],…`).
 */
function h5RouteChunks(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8')
  const entry = [...html.matchAll(/<script[^>]+src="\/?([^"]+\.js)"/g)].map((m) => m[1])
  const fileOfChunk = new Map()
  for (const { file } of h5Scripts(distDir)) {
    const head = readFileSync(join(distDir, file), 'utf8').slice(0, 400)
    const ids = head.match(/\.push\(\[\[([^\]]*)\]/)?.[1] ?? ''
    for (const id of ids.split(',').filter(Boolean)) fileOfChunk.set(id.replace(/"/g, ''), file)
  }
  // A chunk of styles alone (mini-css-extract) has a css/<id>.<hash>.css and no JS file: it loads no JS.
  const cssOnly = new Set(
    (existsSync(join(distDir, 'css')) ? readdirSync(join(distDir, 'css'), { withFileTypes: true }) : [])
      .map((e) => /^([\w-]+)\.[0-9a-f]+\.css$/.exec(e.name)?.[1])
      .filter((id) => id !== undefined && !fileOfChunk.has(id)),
  )
  const app = entry.map((file) => readFileSync(join(distDir, file), 'utf8')).join('\n')
  const routes = new Map()
  for (const m of app.matchAll(/"path":"([^"]+)","load":function(?: \w+)?\([^)]*\)\{return\[(.*?)\.then\(/g)) {
    const ids = [...m[2].matchAll(/\.e\("?([\w-]+)"?\)/g)].map((e) => e[1]).filter((id) => !cssOnly.has(id))
    const files = ids.map((id) => fileOfChunk.get(id))
    if (!ids.length || files.includes(undefined)) {
      throw new Error(`cannot tell which files ${m[1]} loads (chunks ${ids.join(', ') || 'none'})`)
    }
    routes.set(m[1], files)
  }
  return { entry, routes }
}

/**
 * The JS a member loads walking `path` (routes, in order) from a cold start: the entry scripts and
 * every chunk each route asks for, each file counted once. A route the build does not have is
 * listed in `missing`, never silently left out.
 */
function h5PathScripts(distDir, path) {
  const { entry, routes } = h5RouteChunks(distDir)
  const missing = path.filter((route) => !routes.has(route))
  const files = [...new Set([...entry, ...path.flatMap((route) => routes.get(route) ?? [])])]
  const size = new Map(h5Scripts(distDir).map((s) => [s.file, s]))
  return {
    routes: path,
    missing,
    files,
    bytes: files.reduce((a, f) => a + size.get(f).bytes, 0),
    gzip: files.reduce((a, f) => a + size.get(f).gzip, 0),
  }
}

/** index.html's bytes, and whether it carries the feed's prerendered first screen (scripts/first-screen.mjs). */
function h5Html(distDir) {
  const buf = readFileSync(join(distDir, 'index.html'))
  return { bytes: buf.length, gzip: gz(buf), firstScreen: buf.includes('<div id="first-screen"') }
}

/**
 * What the H5 budgets gate: the JS on the member's path (`path`, routes in order), the largest chunk,
 * and index.html with its first screen.
 */
function h5Budget(distDir, path) {
  return { path: h5PathScripts(distDir, path), largest: h5Scripts(distDir)[0], html: h5Html(distDir) }
}

module.exports = { h5Scripts, h5RouteChunks, h5PathScripts, h5Html, h5Budget }
