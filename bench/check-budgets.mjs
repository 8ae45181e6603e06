// CI gate: checks the deterministic budgets against the current weapp build and the empty app's.
// Needs dist/weapp (npm run build:weapp) and bench/empty-app/dist/weapp (npm run build:empty).
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { EMPTY_APP, ROOT, firstRenders, typeMobile, weappPackages } from './measure.mjs'

const { evaluateBudgets } = createRequire(import.meta.url)('./budgets.cjs')

const appDist = join(ROOT, 'dist', 'weapp')
const emptyDist = join(EMPTY_APP, 'dist', 'weapp')
for (const [dir, cmd] of [
  [appDist, 'npm run build:weapp'],
  [emptyDist, 'npm run build:empty'],
]) {
  if (!existsSync(join(dir, 'app.json'))) {
    console.error(`missing ${dir}: run ${cmd} first`)
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
  typing: await typeMobile(appDist),
})

for (const r of rows) console.log(`${r.ok ? '✓' : '✗'} ${r.figure}: ${r.value} (limit ${r.limit})`)
const failed = rows.filter((r) => !r.ok)
console.log(`\nbudgets: ${rows.length - failed.length} passed, ${failed.length} failed`)
if (failed.length) {
  console.error(
    `\nOver budget:\n${failed.map((r) => `  ${r.figure} is ${r.value}; the limit is ${r.limit}`).join('\n')}`,
  )
  process.exit(1)
}
