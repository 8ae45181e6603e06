// Kill the server hard (SIGKILL, no shutdown) right after it answers, start it again on the
// same data: every sign-up and cancellation it had confirmed is still there.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  asDevice,
  asOrganizer,
  backends,
  freshDatabase,
  housekeepingBody,
  person,
  send,
  submitRequest,
  TOKENS,
} from './support'

const ROOT = join(__dirname, '..', '..')

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

async function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; origin: string }> {
  const port = await freePort()
  // node itself runs the server (tsx as a loader), so SIGKILL hits the server, not a wrapper.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (d) => (stderr += String(d)))
  const origin = `http://127.0.0.1:${port}`
  const until = Date.now() + 60_000
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`)
    try {
      if ((await fetch(`${origin}/api/health`)).ok) return { child, origin }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200))
  }
  child.kill('SIGKILL')
  throw new Error(`server did not become healthy: ${stderr}`)
}

const killHard = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGKILL')
  })

describe.each(backends())('restart after a hard kill (%s)', (backend) => {
  it('loses nothing the server had answered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jg-restart-'))
    const database = await freshDatabase(backend)
    const env = {
      PGLITE_DIR: dataDir,
      DATABASE_URL: database.url ?? '',
      RATE_LIMIT_PER_MINUTE: '0',
      ORGANIZER_TOKENS: JSON.stringify(TOKENS),
    }
    try {
      const first = await startProcess(env)
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        const r = await send(first.origin, submitRequest(`d-restart-${i}`, housekeepingBody(person(i))))
        expect(r.statusCode).toBe(201)
        ids.push(JSON.parse(r.body).id)
      }
      const cancelled = await send(first.origin, asDevice('d-restart-4', 'POST', `/api/signups/${ids[4]}/cancel`))
      expect(cancelled.statusCode).toBe(200)
      await killHard(first.child)

      const second = await startProcess(env)
      try {
        for (let i = 0; i < 5; i++) {
          const mine = JSON.parse(
            (await send(second.origin, asDevice(`d-restart-${i}`, 'GET', '/api/signups/mine'))).body,
          )
          expect(mine.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
            [ids[i], i === 4 ? 'cancelled' : 'confirmed'],
          ])
        }
        const roster = JSON.parse(
          (
            await send(
              second.origin,
              asOrganizer(TOKENS['wudu-2020'], '/api/organizer/programs/wd-housekeeping/roster'),
            )
          ).body,
        )
        expect(roster.rows.map((r: { id: string }) => r.id)).toEqual(ids)
      } finally {
        await killHard(second.child)
      }
    } finally {
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 150_000)
})
