// The server as an operator installs it: the committed tree (git archive HEAD) in a new folder,
// `npm ci --omit=dev --workspace server` (the server's own dependencies, no devDependencies, no
// Taro), then the server started in server/ with NODE_ENV=production and settings made up here. Passes
// when /api/health answers and SIGTERM stops it cleanly. CI runs it; so can anyone.
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const { freePort } = require('./api-process.cjs')
const ROOT = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'jg-production-'))
const fail = (message) => {
  console.error(`生产安装检查失败：${message}`)
  process.exitCode = 1
}

try {
  execFileSync('sh', ['-c', `git -C "${ROOT}" archive HEAD | tar -x -C "${dir}"`], { stdio: 'inherit' })
  const t0 = performance.now()
  execFileSync('npm', ['ci', '--omit=dev', '--workspace', 'server', '--no-audit', '--no-fund'], {
    cwd: dir,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  console.log(`npm ci --omit=dev --workspace server: ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  // The proof that nothing from devDependencies is needed: none of them is there.
  for (const dev of ['typescript', '@tarojs/cli', 'jest']) {
    if (existsSync(join(dir, 'node_modules', dev))) throw new Error(`生产安装里不该有开发依赖 ${dev}`)
  }

  const port = await freePort()
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PGLITE_DIR: join(dir, 'data', 'pglite'),
    BACKUP_DIR: join(dir, 'data', 'backups'),
    CLIENT_ID_SECRET: randomBytes(32).toString('hex'),
    WECHAT_APPID: 'wx0000000000000000',
    WECHAT_SECRET: randomBytes(16).toString('hex'),
    BOOKER_SECRET: randomBytes(32).toString('hex'),
    // No subscribe-message sender reaches WeChat yet: production must say so.
    WECHAT_NOTICES: 'off',
    // Production refuses the development SMS stand-in; the gateway is never called by this check.
    SMS_PROVIDER: 'webhook',
    SMS_WEBHOOK_URL: 'https://sms-gateway.invalid/send',
    SMS_WEBHOOK_TOKEN: randomBytes(32).toString('hex'),
  }
  // node itself, as a service manager runs it: `npm start` does not pass SIGTERM on to the server.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: join(dir, 'server'),
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  })
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  const until = Date.now() + 60_000
  let health
  while (Date.now() < until && child.exitCode === null) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`)
      health = { status: res.status, body: await res.json() }
      break
    } catch {
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  if (!health) fail('服务器没有在 60 秒内应答 /api/health')
  else if (health.status !== 200 || health.body.ok !== true) fail(`/api/health 应答 ${JSON.stringify(health)}`)
  else console.log(`production server answered /api/health: ${JSON.stringify(health.body)}`)
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000)
  const end = await exited
  clearTimeout(timer)
  if (end.signal === 'SIGKILL') fail('SIGTERM 之后 15 秒还没有退出')
  else console.log(`stopped on SIGTERM (exit ${end.code ?? end.signal})`)
} catch (error) {
  fail(error instanceof Error ? error.message : String(error))
} finally {
  rmSync(dir, { recursive: true, force: true })
}
