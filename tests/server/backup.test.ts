// Backups: the running server makes one when asked (PGlite) or pg_dump does (PostgreSQL); a
// restore brings back exactly what the backup held; old backups are deleted on time.
import { execFile } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import sharp from 'sharp'
import { backupFileName, listBackups, nextBackupDelay, purgeAfterDays, rotateBackups } from '../../server/src/backup'
import { RETENTION_DAYS } from '../../server/src/signups'
import { MAX_BACKUP_KEEP_DAYS, readConfig } from '../../server/src/config'
import {
  asDevice,
  asStaff,
  backends,
  freshDatabase,
  housekeepingBody,
  organizerToken,
  person,
  send,
  bookedRequest,
} from './support'

import { startApiProcess } from '../../scripts/api-process.cjs'

const ROOT = join(__dirname, '..', '..')
const run = promisify(execFile)

/** `npm run backup` / `npm run restore -- file`, as an operator types them, with these settings. */
async function admin(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'server/src/admin.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    })
    return { code: 0, out: r.stdout + r.stderr }
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string }
    return { code: err.code, out: err.stdout + err.stderr }
  }
}

/** 武都's cover: uploaded as her 管理员 would, its reference and image bytes. */
async function uploadCover(origin: string) {
  const token = await organizerToken({ inject: (o) => send(origin, o) }, 'wudu-2020')
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#d35400' } })
    .jpeg()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'cover.jpg')
  const res = await fetch(`${origin}/api/workspace/cover`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}` },
    body: form,
  })
  expect(res.status).toBe(200)
  const { cover } = (await res.json()) as { cover: { hash: string } }
  return {
    token,
    cover,
    image: (await send(origin, asDevice('d-backup', 'GET', `/api/covers/${cover.hash}.jpg`))).rawPayload,
  }
}

const reportCover = async (origin: string) =>
  JSON.parse((await send(origin, asDevice('d-backup', 'GET', '/api/reports/wudu-2020'))).body).card.cover

const mine = async (origin: string, device: string) =>
  JSON.parse((await send(origin, asDevice(device, 'GET', '/api/signups/mine'))).body).map(
    (s: { id: string; status: string }) => `${s.id}:${s.status}`,
  )

describe.each(backends())('backup and restore (%s)', (backend) => {
  it('brings back what the backup held, taken while the server was running', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jg-backup-'))
    const database = await freshDatabase(backend)
    const env = {
      PGLITE_DIR: join(dir, 'pglite'),
      BACKUP_DIR: join(dir, 'backups'),
      DATABASE_URL: database.url ?? '',
      RATE_LIMIT_PER_MINUTE: '0',
    }
    const devices = [0, 1, 2, 3].map((i) => `d-backup-${i}`)
    try {
      const server = await startApiProcess(env)
      const before: string[][] = []
      let cover: Awaited<ReturnType<typeof uploadCover>> | undefined
      try {
        cover = await uploadCover(server.origin)
        for (const [i, device] of devices.slice(0, 3).entries()) {
          const r = await send(server.origin, await bookedRequest(server, device, housekeepingBody(person(i))))
          expect(r.statusCode).toBe(201)
        }
        for (const device of devices) before.push(await mine(server.origin, device))

        const made = await admin(env, 'backup')
        expect(made.out).toContain('备份完成')
        expect(made.code).toBe(0)
        if (backend === 'pglite') {
          // The server holds the directory, so it made the dump, and a restore is refused meanwhile.
          const refused = await admin(env, 'restore', listBackups(env.BACKUP_DIR)[0].file)
          expect(refused.code).not.toBe(0)
          expect(refused.out).toContain('请先停止服务器')
        }

        // After the backup: the cover removed, one more person, and one of the first cancels.
        expect((await send(server.origin, asStaff(cover.token, 'DELETE', '/api/workspace/cover'))).statusCode).toBe(200)
        expect(await reportCover(server.origin)).toBeUndefined()
        expect(
          (await send(server.origin, await bookedRequest(server, devices[3], housekeepingBody(person(3))))).statusCode,
        ).toBe(201)
        const cancel = before[0][0].split(':')[0]
        expect(
          (await send(server.origin, asDevice(devices[0], 'POST', `/api/signups/${cancel}/cancel`))).statusCode,
        ).toBe(200)
      } finally {
        await server.stop('SIGTERM')
      }

      const [backup] = listBackups(env.BACKUP_DIR)
      const restored = await admin(env, 'restore', backup.file)
      expect(restored.out).toContain('已')
      expect(restored.code).toBe(0)

      const again = await startApiProcess(env)
      try {
        const after: string[][] = []
        for (const device of devices) after.push(await mine(again.origin, device))
        expect(after).toEqual(before)
        expect(after[3]).toEqual([])
        // The cover is in the database, hence in the backup: the same reference and the same bytes.
        expect(await reportCover(again.origin)).toEqual(cover?.cover)
        const image = await send(again.origin, asDevice('d-backup', 'GET', `/api/covers/${cover?.cover.hash}.jpg`))
        expect(image.statusCode).toBe(200)
        expect(image.rawPayload.equals(cover?.image ?? Buffer.alloc(0))).toBe(true)
      } finally {
        await again.stop('SIGTERM')
      }
    } finally {
      await database.drop()
      rmSync(dir, { recursive: true, force: true })
    }
  }, 180_000)
})

describe('backup without a running server (PGlite)', () => {
  it('dumps the directory itself, and refuses a directory that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jg-backup-'))
    const env = { PGLITE_DIR: join(dir, 'pglite'), BACKUP_DIR: join(dir, 'backups'), DATABASE_URL: '' }
    try {
      const missing = await admin(env, 'backup')
      expect(missing.code).not.toBe(0)
      expect(missing.out).toContain('不存在')

      const server = await startApiProcess({ ...env, RATE_LIMIT_PER_MINUTE: '0' })
      await server.stop('SIGTERM')
      const made = await admin(env, 'backup')
      expect(made.code).toBe(0)
      expect(listBackups(env.BACKUP_DIR)).toHaveLength(1)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})

describe('backup files', () => {
  const now = new Date('2026-11-23T02:00:00Z')

  it('are named by the time they were taken, and say how to restore them', () => {
    expect(backupFileName(now, 'pglite')).toBe('jg-20261123-020000.pglite.tar.gz')
    expect(backupFileName(now, 'postgres')).toBe('jg-20261123-020000.pgdump')
  })

  it('older than the kept days are deleted; newer ones and files that are not backups stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jg-rotate-'))
    try {
      mkdirSync(dir, { recursive: true })
      const day = 24 * 60 * 60 * 1000
      const at = (daysAgo: number) => backupFileName(new Date(now.getTime() - daysAgo * day), 'pglite')
      for (const name of [at(8), at(7.5), at(6.9), at(0), 'notes.txt']) writeFileSync(join(dir, name), 'x')
      const deleted = rotateBackups(dir, 7, now)
      expect(deleted.map((f) => f.slice(dir.length + 1)).sort()).toEqual([at(7.5), at(8)].sort())
      expect(readdirSync(dir).sort()).toEqual([at(0), at(6.9), 'notes.txt'].sort())
      expect(existsSync(join(dir, 'notes.txt'))).toBe(true)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('are kept 7 days by default, and never longer than 30', () => {
    expect(readConfig({}).backups.keepDays).toBe(7)
    expect(readConfig({ BACKUP_KEEP_DAYS: '30' }).backups.keepDays).toBe(30)
    expect(() => readConfig({ BACKUP_KEEP_DAYS: '31' })).toThrow('BACKUP_KEEP_DAYS')
  })
})

describe('the backup schedule', () => {
  const now = new Date('2026-11-23T02:00:00Z')
  const hour = 60 * 60 * 1000

  it('comes one interval after the newest backup, so frequent restarts do not skip it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jg-schedule-'))
    try {
      expect(nextBackupDelay({ dir, everyHours: 24 }, now)).toBe(0)
      writeFileSync(join(dir, backupFileName(new Date(now.getTime() - 5 * hour), 'pglite')), 'x')
      expect(nextBackupDelay({ dir, everyHours: 24 }, now)).toBe(19 * hour)
      writeFileSync(join(dir, backupFileName(new Date(now.getTime() - 30 * hour), 'pglite')), 'x')
      expect(nextBackupDelay({ dir, everyHours: 24 }, now)).toBe(19 * hour)
      expect(nextBackupDelay({ dir, everyHours: 2 }, now)).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('the privacy promise with backups', () => {
  it.each(Array.from({ length: MAX_BACKUP_KEEP_DAYS }, (_, i) => i + 1))(
    'kept %i days, a sign-up leaves the database early enough that no backup holds it past 90 days',
    (keepDays) => {
      // Purged at most a day late (the purge runs daily), then alive in backups for keepDays.
      expect(purgeAfterDays(keepDays) + 1 + keepDays).toBeLessThanOrEqual(RETENTION_DAYS)
      expect(purgeAfterDays(keepDays)).toBeGreaterThan(RETENTION_DAYS / 2)
    },
  )
})
