// One process per embedded data directory: a second server on the same PGLITE_DIR refuses to start
// and names the directory and the holder's pid; a lock left by a killed server does not block a restart.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { LOCK_FILE, lockDataDir } from '../../server/src/data-dir-lock'
import { housekeepingBody, person, send, bookedRequest } from './support'

import { startApiProcess } from '../../scripts/api-process.cjs'

const ROOT = join(__dirname, '..', '..')

/** Runs `npm run server`'s entry until it exits; its code and what it printed. */
function runUntilExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn', PORT: '0', HOST: '127.0.0.1', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += String(d)))
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

/** A pid that belonged to a process and no longer does. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(String(r.stdout))
}

describe('the embedded data directory has one owner', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'jg-lock-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a second server on the same directory, and a restart after SIGKILL starts', async () => {
    const env = {
      PGLITE_DIR: dir,
      DATABASE_URL: '',
      RATE_LIMIT_PER_MINUTE: '0',
    }
    const first = await startApiProcess(env)
    try {
      const second = await runUntilExit(env)
      expect(second.code).toBe(1)
      expect(second.stderr).toContain(dir)
      expect(second.stderr).toContain(`进程号 ${first.child.pid}`)
      expect(second.stderr).toContain('PostgreSQL')
      // The first one still serves and still holds the directory.
      const r = await send(first.origin, await bookedRequest(first, 'd-lock-1', housekeepingBody(person(1))))
      expect(r.statusCode).toBe(201)
      await first.stop('SIGKILL')

      // The killed server's lock is left behind, and does not stop the next one.
      expect(existsSync(join(dir, LOCK_FILE))).toBe(true)
      const third = await startApiProcess(env)
      try {
        const mine = await send(third.origin, {
          method: 'GET',
          url: '/api/signups/mine',
          headers: { 'x-device-id': 'd-lock-1' },
        })
        expect(JSON.parse(mine.body)).toHaveLength(1)
        expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(third.child.pid)
      } finally {
        await third.stop('SIGTERM')
      }
      // A clean stop removes the lock.
      expect(existsSync(join(dir, LOCK_FILE))).toBe(false)
    } finally {
      await first.stop('SIGKILL')
    }
  }, 120_000)

  it('takes over a lock whose process is gone and refuses one held by a live process', () => {
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname() }))
    const lock = lockDataDir(dir)
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid)
    lock.release()
    expect(existsSync(lock.file)).toBe(false)

    // The jest parent process is alive: its lock stands.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: process.ppid, host: hostname() }))
    expect(() => lockDataDir(dir)).toThrow(`进程号 ${process.ppid}`)
    // Another machine's process cannot be checked from here: refused too, naming that machine.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: 'other-host' }))
    expect(() => lockDataDir(dir)).toThrow('other-host')
  })

  it('takes over a half-written lock file left by a crash', () => {
    writeFileSync(join(dir, LOCK_FILE), '')
    const lock = lockDataDir(dir)
    expect(JSON.parse(readFileSync(lock.file, 'utf8')).pid).toBe(process.pid)
    lock.release()
  })
})
