// Pure budget rules: measurements in, one line per figure out, each with its value and limit.
// Every measurement listed in budgets.json's `required` must be there: one the harness could not
// take (a page gone from the build, a field it could not type into) fails, it is never skipped.
const limits = require('./budgets.json')

const kb = (n) => `${(n / 1024).toFixed(1)} KB`
const missing = (figure, why) => ({ figure, value: `not measured: ${why}`, limit: 'must be measured', ok: false })

/**
 * @param {{ main: {bytes:number}, empty: {bytes:number}, subpackages: {name:string,bytes:number}[],
 *   firstRenders: {route:string,bytes?:number,nodes?:number,error?:string}[],
 *   typing: {measured:boolean,reason?:string,maxCallsPerKey?:number,maxBytesPerKey?:number},
 *   ticket: {measured:boolean,reason?:string,bytes?:number,calls?:number,nodes?:number},
 *   h5?: { path: {routes:string[],missing:string[],files:string[],bytes:number,gzip:number},
 *     largest: {file:string,bytes:number,gzip:number}, html?: {bytes:number,gzip:number,firstScreen:boolean} } }} m
 */
function evaluateBudgets(m, l = limits) {
  const need = l.required
  const rows = []
  const ratio = m.main.bytes / m.empty.bytes
  rows.push({
    figure: 'weapp main package',
    value: `${kb(m.main.bytes)} = ${ratio.toFixed(2)}× empty app (${kb(m.empty.bytes)})`,
    limit: `≤ ${l.mainPackageRatio}× (goal ${l.mainPackageRatioGoal}×)`,
    ok: ratio <= l.mainPackageRatio,
  })
  for (const name of need.subpackages) {
    if (!m.subpackages.some((s) => s.name === name)) rows.push(missing(`subpackage ${name}`, 'not in app.json'))
  }
  for (const s of m.subpackages) {
    rows.push({
      figure: `subpackage ${s.name}`,
      value: kb(s.bytes),
      limit: `≤ ${kb(l.subpackageBytes)}`,
      ok: s.bytes <= l.subpackageBytes,
    })
  }
  for (const route of need.firstRenders) {
    if (!m.firstRenders.some((p) => p.route === route)) {
      rows.push(missing(`first render setData ${route}`, 'not in app.json'))
    }
  }
  for (const p of m.firstRenders) {
    const bytes = firstRenderLimit(p.route, l)
    if (p.error) {
      rows.push(missing(`first render setData ${p.route}`, p.error))
      continue
    }
    rows.push({
      figure: `first render setData ${p.route}`,
      value: `${kb(p.bytes)}, ${p.nodes} nodes`,
      limit: `≤ ${kb(bytes)}, < ${l.firstRenderNodesBelow} nodes`,
      ok: p.bytes <= bytes && p.nodes < l.firstRenderNodesBelow,
    })
  }
  const typingFigure = `setData per keystroke (mobile field, ${need.typing})`
  if (!m.typing?.measured) {
    rows.push(missing(typingFigure, m.typing?.reason ?? 'no typing measurement'))
  } else {
    rows.push({
      figure: typingFigure,
      value: `${m.typing.maxCallsPerKey} call(s), ${m.typing.maxBytesPerKey} B at most`,
      limit: `≤ ${l.keystrokeCalls} call of ≤ ${l.keystrokeBytes} B`,
      ok: m.typing.maxCallsPerKey <= l.keystrokeCalls && m.typing.maxBytesPerKey <= l.keystrokeBytes,
    })
  }
  const ticketFigure = `first render setData with an e-ticket (${need.ticket})`
  if (!m.ticket?.measured) {
    rows.push(missing(ticketFigure, m.ticket?.reason ?? 'no e-ticket measurement'))
  } else {
    rows.push({
      figure: ticketFigure,
      value: `${kb(m.ticket.bytes)} in ${m.ticket.calls} call(s), ${m.ticket.nodes} nodes`,
      limit: `≤ ${kb(l.ticketRenderBytes)}, < ${l.firstRenderNodesBelow} nodes`,
      ok: m.ticket.bytes <= l.ticketRenderBytes && m.ticket.nodes < l.firstRenderNodesBelow,
    })
  }
  rows.push(...h5Rows(m.h5, l))
  return rows
}

/** A page's first-render setData limit: its own in firstRenderBytesByPage (tighter), else the common one. */
function firstRenderLimit(route, l) {
  return l.firstRenderBytesByPage?.[route] ?? l.firstRenderBytes
}

/** H5: the JS a member loads from the feed to the sign-up form, index.html, and the largest single chunk. */
function h5Rows(h5, l) {
  const route = l.required.h5Path.map((r) => r.replace(/\/index$/, '')).join(' → ')
  const pathFigure = `H5 JS on the path ${route}`
  const rows = []
  if (!h5?.path) rows.push(missing(pathFigure, 'no H5 build measured'))
  else if (h5.path.missing.length) rows.push(missing(pathFigure, `no route ${h5.path.missing.join(', ')} in the build`))
  else {
    rows.push({
      figure: pathFigure,
      value: `${kb(h5.path.bytes)} (gzip ${kb(h5.path.gzip)}) in ${h5.path.files.length} files`,
      limit: `≤ ${kb(l.h5PathBytes)} (gzip ≤ ${kb(l.h5PathGzipBytes)})`,
      ok: h5.path.bytes <= l.h5PathBytes && h5.path.gzip <= l.h5PathGzipBytes,
    })
  }
  // The feed drawn before the scripts arrive: it must be there, and small enough not to slow the
  // first paint it is for.
  const htmlFigure = 'H5 index.html with the first screen (gzip)'
  if (!h5?.html) rows.push(missing(htmlFigure, 'no H5 build measured'))
  else if (!h5.html.firstScreen)
    rows.push(missing(htmlFigure, 'index.html has no first screen (npm run build:h5 draws it)'))
  else {
    rows.push({
      figure: htmlFigure,
      value: `${kb(h5.html.gzip)} (${kb(h5.html.bytes)} raw)`,
      limit: `≤ ${kb(l.h5HtmlGzipBytes)}`,
      ok: h5.html.gzip <= l.h5HtmlGzipBytes,
    })
  }
  if (!h5?.largest) rows.push(missing('H5 largest JS chunk', 'no H5 build measured'))
  else {
    rows.push({
      figure: 'H5 largest JS chunk',
      value: `${kb(h5.largest.bytes)} (${h5.largest.file})`,
      limit: `≤ ${kb(l.h5ChunkBytes)}`,
      ok: h5.largest.bytes <= l.h5ChunkBytes,
    })
  }
  return rows
}

module.exports = { evaluateBudgets, firstRenderLimit, limits }
