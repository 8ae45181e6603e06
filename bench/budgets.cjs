// Pure budget rules: measurements in, one line per figure out, each with its value and limit.
const limits = require('./budgets.json')

const kb = (n) => `${(n / 1024).toFixed(1)} KB`

/**
 * @param {{ main: {bytes:number}, empty: {bytes:number}, subpackages: {name:string,bytes:number}[],
 *   firstRenders: {route:string,bytes:number,nodes:number}[],
 *   typing: {measured:boolean,maxCallsPerKey?:number,maxBytesPerKey?:number} }} m
 */
function evaluateBudgets(m, l = limits) {
  const rows = []
  const ratio = m.main.bytes / m.empty.bytes
  rows.push({
    figure: 'weapp main package',
    value: `${kb(m.main.bytes)} = ${ratio.toFixed(2)}× empty app (${kb(m.empty.bytes)})`,
    limit: `≤ ${l.mainPackageRatio}× (goal ${l.mainPackageRatioGoal}×)`,
    ok: ratio <= l.mainPackageRatio,
  })
  for (const s of m.subpackages) {
    rows.push({
      figure: `subpackage ${s.name}`,
      value: kb(s.bytes),
      limit: `≤ ${kb(l.subpackageBytes)}`,
      ok: s.bytes <= l.subpackageBytes,
    })
  }
  for (const p of m.firstRenders) {
    rows.push({
      figure: `first render setData ${p.route}`,
      value: `${kb(p.bytes)}, ${p.nodes} nodes`,
      limit: `≤ ${kb(l.firstRenderBytes)}, < ${l.firstRenderNodesBelow} nodes`,
      ok: p.bytes <= l.firstRenderBytes && p.nodes < l.firstRenderNodesBelow,
    })
  }
  if (m.typing.measured) {
    rows.push({
      figure: 'setData per keystroke (mobile field)',
      value: `${m.typing.maxCallsPerKey} call(s), ${m.typing.maxBytesPerKey} B at most`,
      limit: `≤ ${l.keystrokeCalls} call of ≤ ${l.keystrokeBytes} B`,
      ok: m.typing.maxCallsPerKey <= l.keystrokeCalls && m.typing.maxBytesPerKey <= l.keystrokeBytes,
    })
  }
  return rows
}

module.exports = { evaluateBudgets, limits }
