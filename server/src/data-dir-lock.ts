// One owner per embedded data directory: PGlite serves a single process, and two processes on one
// directory destroy it. The owner writes its pid into `server.lock` inside the directory, as
// PostgreSQL does with postmaster.pid; a lock whose process is gone (a crash, SIGKILL) is taken over.
//
// Liveness is judged by the pid, not by a timestamp the owner keeps fresh: PGlite runs queries
// synchronously on the main thread, so a busy owner could miss a refresh and look dead.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs'
import { hostname } from 'node:os'
import { join, resolve } from 'node:path'

export const LOCK_FILE = 'server.lock'

interface Holder {
  pid: number
  host: string
}

export interface DataDirLock {
  file: string
  release(): void
}

function readHolder(file: string): Holder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>
    return typeof parsed.pid === 'number' ? { pid: parsed.pid, host: String(parsed.host ?? '') } : undefined
  } catch {
    return undefined
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    // EPERM: the process exists but belongs to another user.
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Whether the lock's holder still runs. Our own pid is a previous life of this container or machine. */
function holds(holder: Holder): boolean {
  if (holder.host !== hostname()) return true
  return holder.pid !== process.pid && alive(holder.pid)
}

function refusal(dir: string, holder: Holder): Error {
  const where = holder.host === hostname() ? '' : `（在机器 ${holder.host} 上）`
  return new Error(
    `数据目录 ${dir} 正被另一个服务器进程使用（进程号 ${holder.pid}${where}）。` +
      '内置数据库（PGlite）只能由一个进程打开；要同时运行多个实例，请改用 PostgreSQL（设置 DATABASE_URL）。' +
      `如果确定那个进程已经不在了，删除 ${join(dir, LOCK_FILE)} 后再启动。`,
  )
}

/** Creates the lock file only if none exists; false when one does. */
function create(file: string): boolean {
  let fd: number
  try {
    fd = openSync(file, 'wx')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw e
  }
  try {
    writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname(), since: new Date().toISOString() }))
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * Moves a dead holder's lock aside. Renaming is atomic, so of two processes taking over at once
 * only one moves the dead lock; the other may move the winner's new lock and puts it back.
 */
function takeOver(file: string, dead: Holder | undefined): void {
  const aside = `${file}.${process.pid}.stale`
  try {
    renameSync(file, aside)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return
    throw e
  }
  const moved = readHolder(aside)
  if (moved && (moved.pid !== dead?.pid || moved.host !== dead?.host)) {
    try {
      linkSync(aside, file)
    } catch {
      // Someone locked in between: theirs stands, and the next look finds it.
    }
  }
  unlinkSync(aside)
}

/** Takes the directory for this process, or throws a Chinese message naming the directory and the holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  const dir = resolve(dataDir)
  mkdirSync(dir, { recursive: true })
  const file = join(dir, LOCK_FILE)
  for (let attempt = 0; attempt < 5; attempt++) {
    if (create(file)) {
      let released = false
      const release = () => {
        if (released) return
        released = true
        process.off('exit', release)
        const holder = readHolder(file)
        if (holder?.pid === process.pid && holder.host === hostname()) unlinkSync(file)
      }
      process.on('exit', release)
      return { file, release }
    }
    const holder = readHolder(file)
    if (holder && holds(holder)) throw refusal(dir, holder)
    // No readable holder: another process may be between creating and writing the file, so look
    // again shortly; still unreadable later, it was left half-written by a crash.
    if (!holder && attempt === 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
    else takeOver(file, holder)
  }
  throw new Error(`数据目录 ${dir} 的锁文件 ${file} 一直没能取得，请检查目录的权限后再启动`)
}
