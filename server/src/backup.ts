// Backups a federation can make and restore without stopping the server: the running server
// makes them (on a schedule and when asked over a local socket), old ones are deleted on time.
import { execFile } from 'node:child_process'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { createConnection, createServer, type Server } from 'node:net'
import { basename, join } from 'node:path'
import { promisify } from 'node:util'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { LOCK_FILE, lockDataDir } from './data-dir-lock'
import { RETENTION_DAYS } from './signups'

const run = promisify(execFile)

export interface BackupSettings {
  /** Where backup files go. */
  dir: string
  /**
   * Days a backup is kept. Personal data deleted from the database lives on in older backups
   * until they go, so this is short and bounded (see config.ts).
   */
  keepDays: number
  /** Hours between scheduled backups; 0 turns the schedule off. */
  everyHours: number
}

const NAME = /^jg-(\d{8})-(\d{6})(?:-\d+)?\.(pglite\.tar\.gz|pgdump)$/

/** jg-20261129-083000.pglite.tar.gz: sorts by time, and the kind says how to restore it. */
export function backupFileName(now: Date, kind: 'pglite' | 'postgres'): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  return `jg-${stamp}.${kind === 'pglite' ? 'pglite.tar.gz' : 'pgdump'}`
}

function takenAt(file: string): Date | undefined {
  const m = NAME.exec(basename(file))
  if (!m) return undefined
  const [d, t] = [m[1], m[2]]
  return new Date(
    `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4, 6)}Z`,
  )
}

/** The backups in `dir`, oldest first. Files of any other name are not ours and are left alone. */
export function listBackups(dir: string): { file: string; takenAt: Date; bytes: number }[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .map((name) => ({ name, at: takenAt(name) }))
    .filter((f): f is { name: string; at: Date } => f.at !== undefined)
    .map(({ name, at }) => ({ file: join(dir, name), takenAt: at, bytes: statSync(join(dir, name)).size }))
    .sort((a, b) => a.takenAt.getTime() - b.takenAt.getTime())
}

/** Deletes backups older than `keepDays`; returns what it deleted. */
export function rotateBackups(dir: string, keepDays: number, now: Date): string[] {
  const limit = now.getTime() - keepDays * 24 * 60 * 60 * 1000
  const gone: string[] = []
  for (const b of listBackups(dir)) {
    if (b.takenAt.getTime() < limit) {
      unlinkSync(b.file)
      gone.push(b.file)
    }
  }
  return gone
}

/** Where a backup of this kind goes; a second one in the same second gets a suffix. */
function freshPath(dir: string, now: Date, kind: 'pglite' | 'postgres'): string {
  mkdirSync(dir, { recursive: true })
  const name = backupFileName(now, kind)
  let file = join(dir, name)
  for (let i = 2; existsSync(file); i++) file = join(dir, name.replace(/^(jg-\d{8}-\d{6})/, `$1-${i}`))
  return file
}

/** Writes to a temporary name first, so a kill mid-write never leaves a file that looks whole. */
async function writeAtomically(file: string, write: (tmp: string) => Promise<void>) {
  const tmp = `${file}.partial`
  try {
    await write(tmp)
    renameSync(tmp, file)
  } finally {
    rmSync(tmp, { force: true })
  }
}

/** A PGlite backup: the running instance's own dump of its data directory (tar, gzip). */
export async function backupPglite(pg: PGlite, file: string) {
  const blob = await pg.dumpDataDir('gzip')
  await writeAtomically(file, async (tmp) => writeFileSync(tmp, Buffer.from(await blob.arrayBuffer())))
}

/** A PostgreSQL backup through Debian's pg_dump, in its custom format (pg_restore reads it). */
export async function backupPostgres(connectionString: string, file: string) {
  await writeAtomically(file, async (tmp) => {
    await run('pg_dump', ['--format=custom', '--no-owner', `--file=${tmp}`, connectionString]).catch((e: Error) => {
      throw new Error(`pg_dump 没能完成备份：${e.message}`)
    })
  })
}

export interface Backupable {
  readonly kind: 'pglite' | 'postgres'
  backup(file: string): Promise<void>
}

/** One backup now, then rotation. */
export async function makeBackup(db: Backupable, settings: Pick<BackupSettings, 'dir' | 'keepDays'>, now: Date) {
  const file = freshPath(settings.dir, now, db.kind)
  await db.backup(file)
  const deleted = rotateBackups(settings.dir, settings.keepDays, now)
  return { file, deleted }
}

/**
 * Puts a PGlite backup back into `dataDir`. The current directory is kept beside it
 * (`<dataDir>.before-restore-<stamp>`), never deleted, so a wrong restore can be undone.
 */
export async function restorePglite(file: string, dataDir: string, now: Date): Promise<string | undefined> {
  // Refused while a server holds the directory; held by this process until the restore is done.
  lockDataDir(dataDir).release()
  let kept: string | undefined
  if (existsSync(dataDir) && readdirSync(dataDir).some((name) => name !== LOCK_FILE)) {
    kept = `${dataDir}.before-restore-${backupFileName(now, 'pglite').slice(3, 18)}`
    renameSync(dataDir, kept)
  }
  const lock = lockDataDir(dataDir)
  try {
    const pg = new PGlite(dataDir, { loadDataDir: new Blob([readFileSync(file)]), extensions: { pg_trgm } })
    await pg.waitReady
    await pg.query('SELECT 1')
    await pg.close()
  } finally {
    // The backup carries the lock of the server that made it: that server does not own this copy.
    rmSync(lock.file, { force: true })
    lock.release()
  }
  return kept
}

/** Puts a pg_dump backup back into the database (objects are dropped and recreated). */
export async function restorePostgres(file: string, connectionString: string) {
  await run('pg_restore', [
    '--clean',
    '--if-exists',
    '--no-owner',
    '--single-transaction',
    `--dbname=${connectionString}`,
    file,
  ]).catch((e: Error) => {
    throw new Error(`pg_restore 没能恢复：${e.message}`)
  })
}

/**
 * The running server's local door for `npm run backup`: a Unix socket beside the data, which only
 * the same machine's users with access to that folder can open. One line in, one JSON line out.
 */
export function openAdminSocket(path: string, backup: () => Promise<{ file: string }>): Promise<Server> {
  if (existsSync(path)) unlinkSync(path) // left by a killed server; the data-directory lock says we own it
  const server = createServer((socket) => {
    socket.setEncoding('utf8')
    socket.once('data', (line) => {
      if (String(line).trim() !== 'backup') return void socket.end(`${JSON.stringify({ error: '不认识的命令' })}\n`)
      backup().then(
        (r) => socket.end(`${JSON.stringify({ file: r.file })}\n`),
        (e: Error) => socket.end(`${JSON.stringify({ error: e.message })}\n`),
      )
    })
  })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(path, () => resolve(server))
  })
}

/** Asks a running server for a backup; undefined when no server listens on `path`. */
export function askServerForBackup(path: string, timeoutMs = 120_000): Promise<{ file: string } | undefined> {
  return new Promise((resolve, reject) => {
    if (!existsSync(path)) return resolve(undefined)
    const socket = createConnection(path)
    let answer = ''
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error('服务器没有在规定时间内完成备份'))
    }, timeoutMs)
    socket.setEncoding('utf8')
    socket.on('connect', () => socket.write('backup\n'))
    socket.on('data', (d) => (answer += d))
    socket.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      // A socket file with nobody behind it: the server that made it is gone.
      if (e.code === 'ECONNREFUSED' || e.code === 'ENOENT') resolve(undefined)
      else reject(e)
    })
    socket.on('end', () => {
      clearTimeout(timer)
      try {
        const parsed = JSON.parse(answer) as { file?: string; error?: string }
        if (parsed.file) resolve({ file: parsed.file })
        else reject(new Error(parsed.error ?? '服务器没有说明原因'))
      } catch {
        reject(new Error('服务器的回答无法读懂'))
      }
    })
  })
}

/** The running server's admin socket, beside its PGlite data directory. */
export const adminSocketPath = (dataDir: string) => `${dataDir.replace(/\/+$/, '')}.admin.sock`

/**
 * Milliseconds until the next scheduled backup: one interval after the newest backup, so a
 * server that restarts more often than it backs up still makes its daily one.
 */
export function nextBackupDelay(settings: Pick<BackupSettings, 'dir' | 'everyHours'>, now: Date): number {
  const newest = listBackups(settings.dir).at(-1)
  const every = settings.everyHours * 60 * 60 * 1000
  if (!newest) return 0
  return Math.min(every, Math.max(0, newest.takenAt.getTime() + every - now.getTime()))
}

/**
 * Days after its session that a sign-up is deleted from the database: early enough that, with a
 * daily purge and backups kept `keepDays`, no copy anywhere outlives the RETENTION_DAYS promised.
 */
export const purgeAfterDays = (keepDays: number) => RETENTION_DAYS - keepDays - 1
