// Starts `server/src/main.ts` as its own node process (tsx as a loader, so a signal reaches the
// server itself) and waits for /api/health. Used by the restart test, the browser journey
// against the server and the load benchmark.
const { spawn } = require('node:child_process')
const { createServer } = require('node:net')
const { join } = require('node:path')

const ROOT = join(__dirname, '..')

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => resolve(address.port))
    })
  })
}

/**
 * @param {Record<string, string>} env extra environment (PGLITE_DIR, DATABASE_URL, …)
 * @param {{ port?: number, timeoutMs?: number }} options
 * @returns {Promise<{ origin: string, child: import('node:child_process').ChildProcess, stop(signal?: NodeJS.Signals): Promise<void> }>}
 */
async function startApiProcess(env = {}, { port, timeoutMs = 60_000 } = {}) {
  const p = port ?? (await freePort())
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(p), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d) => (stderr += String(d)))
  const origin = `http://127.0.0.1:${p}`
  const stop = (signal = 'SIGTERM') =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill(signal)
    })
  const until = Date.now() + timeoutMs
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`API server exited: ${stderr}`)
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { origin, child, stop }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  await stop('SIGKILL')
  throw new Error(`API server did not become healthy in ${timeoutMs} ms: ${stderr}`)
}

module.exports = { startApiProcess, freePort }
