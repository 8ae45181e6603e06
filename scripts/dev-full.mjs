// npm run dev:full — the API server (PGlite in .data/) and the H5 app pointed at it, together.
// Ctrl+C stops both; if either stops on its own, the other is stopped too.
import { spawn } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const port = process.env.PORT || '8787'
const api = `http://127.0.0.1:${port}`

const children = []
const run = (name, args, env) => {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, ...env }, stdio: 'inherit' })
  child.on('exit', (code, signal) => {
    console.log(`\n[dev:full] ${name} 已停止（${signal ?? code}），一并停止其他进程`)
    stopAll(code ?? 1)
  })
  children.push(child)
  return child
}

let stopping = false
function stopAll(code) {
  if (stopping) return
  stopping = true
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM')
  setTimeout(() => process.exit(code), 500)
}
process.on('SIGINT', () => stopAll(0))
process.on('SIGTERM', () => stopAll(0))

run('server', ['--import', 'tsx', 'server/src/main.ts'], { PORT: port })

// The H5 build starts once the API answers, so the first page load finds it.
const deadline = Date.now() + 60_000
while (Date.now() < deadline && !stopping) {
  try {
    if ((await fetch(`${api}/api/health`)).ok) break
  } catch {
    // not up yet
  }
  await new Promise((r) => setTimeout(r, 300))
}
if (!stopping) {
  console.log(`\n[dev:full] 服务器已就绪：${api}/api/health`)
  console.log(
    '[dev:full] 网页：http://localhost:10086（组织者页面：我的报名 → 组织者入口；开发账号见 README“连接报名服务器”）\n',
  )
  run('h5', [join(root, 'node_modules', '@tarojs', 'cli', 'bin', 'taro'), 'build', '--type', 'h5', '--watch'], {
    TARO_APP_API_BASE: api,
  })
}
