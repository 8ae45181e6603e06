// CI gate: checks the deterministic budgets against the current weapp and H5 builds and the empty
// app's weapp build. Needs dist/weapp (npm run build:weapp), dist/h5 (npm run build:h5) and
// bench/empty-app/dist/weapp (npm run build:empty). Every measurement budgets.json requires must be
// taken; one that is missing fails the check like one over its limit.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { EMPTY_APP, ROOT, firstRenders, h5Budget, ticketRender, typeMobile, weappPackages } from './measure.mjs'

const { evaluateBudgets, limits } = createRequire(import.meta.url)('./budgets.cjs')

const appDist = join(ROOT, 'dist', 'weapp')
const h5Dist = join(ROOT, 'dist', 'h5')
const emptyDist = join(EMPTY_APP, 'dist', 'weapp')
for (const [file, cmd] of [
  [join(appDist, 'app.json'), 'npm run build:weapp'],
  [join(h5Dist, 'index.html'), 'npm run build:h5'],
  [join(emptyDist, 'app.json'), 'npm run build:empty'],
]) {
  if (!existsSync(file)) {
    console.error(`missing ${file}: run ${cmd} first`)
    process.exit(2)
  }
}

const [main, ...subpackages] = weappPackages(appDist)
const [empty] = weappPackages(emptyDist)
const rows = evaluateBudgets({
  main,
  empty,
  subpackages,
  firstRenders: await firstRenders(appDist),
  typing: await typeMobile(appDist, limits.required.typing),
  ticket: await ticketRender(appDist, limits.required.ticket),
  h5: h5Budget(h5Dist, limits.required.h5Path),
})

for (const r of rows) console.log(`${r.ok ? '✓' : '✗'} ${r.figure}: ${r.value} (limit ${r.limit})`)
const failed = rows.filter((r) => !r.ok)
console.log(`\nbudgets: ${rows.length - failed.length} passed, ${failed.length} failed`)
if (failed.length) {
  console.error(
    `\nOver budget or not measured:\n${failed.map((r) => `  ${r.figure} is ${r.value}; the limit is ${r.limit}`).join('\n')}`,
  )
  process.exit(1)
}
