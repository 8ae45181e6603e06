// WeChat's own compiler and code-quality scan (miniprogram-ci), offline with the tourist appid.
// Fails with the check's own message when the compile or any check fails.
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const ci = require('miniprogram-ci')

async function main() {
  const dist = path.resolve(__dirname, '..', 'dist', 'weapp')
  if (!fs.existsSync(path.join(dist, 'app.json'))) throw new Error('missing dist/weapp: run npm run build:weapp first')
  // Upload needs a real key; compiling and checking do not, but the Project wants a key file.
  const key = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mpci-')), 'placeholder.key')
  fs.writeFileSync(key, '-----BEGIN RSA PRIVATE KEY-----\nplaceholder\n-----END RSA PRIVATE KEY-----\n')
  const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath: dist, privateKeyPath: key })
  project.attr = async () => ci.DefaultProjectAttr

  const compiled = await ci.getCompiledResult({ project, version: '0.0.0', setting: { es6: false, minify: true } })
  console.log(`✓ compile: ${Object.keys(compiled).length} files`)

  const results = await ci.checkCodeQuality(project)
  let failed = 0
  for (const r of results) {
    if (!r.success) failed++
    const detail = r.detail && Object.keys(r.detail).length ? ` ${JSON.stringify(r.detail)}` : ''
    console.log(`${r.success ? '✓' : '✗'} ${r.name}: ${r.text}${r.success ? '' : detail}`)
  }
  console.log(`\nwechat checks: ${results.length - failed} passed, ${failed} failed`)
  if (failed) process.exitCode = 1
}

main().then(
  // miniprogram-ci leaves a file watcher open; end explicitly.
  () => process.exit(process.exitCode ?? 0),
  (e) => {
    console.error(`✗ WeChat compile failed: ${e && e.message ? e.message : e}`)
    process.exit(1)
  },
)
