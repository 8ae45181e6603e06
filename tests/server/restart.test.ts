// Kill the server hard (SIGKILL, no shutdown) right after it answers, start it again on the
// same data: every sign-up and cancellation it had confirmed is still there.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  asDevice,
  asOrganizer,
  organizerToken,
  backends,
  freshDatabase,
  housekeepingBody,
  person,
  send,
  bookedRequest,
} from './support'

import { startApiProcess } from '../../scripts/api-process.cjs'

describe.each(backends())('restart after a hard kill (%s)', (backend) => {
  it('loses nothing the server had answered', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jg-restart-'))
    const database = await freshDatabase(backend)
    const env = {
      PGLITE_DIR: dataDir,
      DATABASE_URL: database.url ?? '',
      RATE_LIMIT_PER_MINUTE: '0',
    }
    try {
      const first = await startApiProcess(env)
      const ids: string[] = []
      for (let i = 0; i < 5; i++) {
        const r = await send(first.origin, await bookedRequest(first, `d-restart-${i}`, housekeepingBody(person(i))))
        expect(r.statusCode).toBe(201)
        ids.push(JSON.parse(r.body).id)
      }
      const cancelled = await send(first.origin, asDevice('d-restart-4', 'POST', `/api/signups/${ids[4]}/cancel`))
      expect(cancelled.statusCode).toBe(200)
      await first.stop('SIGKILL')

      const second = await startApiProcess(env)
      try {
        for (let i = 0; i < 5; i++) {
          const mine = JSON.parse(
            (await send(second.origin, asDevice(`d-restart-${i}`, 'GET', '/api/signups/mine'))).body,
          )
          expect(mine.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
            [ids[i], i === 4 ? 'cancelled' : 'confirmed'],
          ])
        }
        const token = await organizerToken({ inject: (o) => send(second.origin, o) }, 'wudu-2020')
        const roster = JSON.parse(
          (await send(second.origin, asOrganizer(token, '/api/organizer/programs/wd-housekeeping/roster'))).body,
        )
        expect(roster.rows.map((r: { id: string }) => r.id)).toEqual(ids)
      } finally {
        await second.stop('SIGKILL')
      }
    } finally {
      await database.drop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  }, 150_000)
})
