// The built-in service and the server give the same answers to the same sign-up and cancel
// steps: one set of rules (src/domain/signup-rules) on both sides, run at the same fixed times.
//
// The two differ by design in how sessions are dated: the built-in mock dates its templates from
// the clock on every read (a showcase that never goes stale), while the server dated them once,
// when it seeded its empty database, and keeps those absolute times. The steps agree because the
// server is started (and so seeded) at NOW, and every later step depends on times both sides
// share: the mock's sign-ups keep the start they were made for, and the server's session keeps it.
// content-source.test.ts checks what differs: server dates stay put when the clock moves.
import type { RawFile } from '@/domain/catalog'
import type { FederationFile } from '@/domain/types'
import { ApiError, type Api, type OpenSessionFilter, type Signup, type SignupRequest } from '@/services/api'
import { createHttpApi, type Transport } from '@/services/http/http-api'
import { createMockApi } from '@/services/mock/mock-api'
import { contentFiles } from '@/services/mock/content-files'
import { memoryStore } from '../support/memory-store'
import { MOCK_DIR, readJsonDir } from '../../server/src/content'
import { backends, bookerToken, NOW, person, startTestServer } from './support'

/** 武都 家政: wd-hk-1 (starts 2026-12-01 09:00) with one seat, and a session whose deadline has passed. */
function parityContent(): RawFile[] {
  return readJsonDir(MOCK_DIR, 'mock').map((raw) => {
    const data = structuredClone(raw.data) as FederationFile
    const signup = data.programs.find((p) => p.id === 'wd-housekeeping')?.signup
    if (signup) {
      Object.assign(signup.sessions.find((s) => s.id === 'wd-hk-1')!, { capacity: 1, taken: 0 })
      signup.sessions.push({ ...signup.sessions[0], id: 'wd-hk-late', startInDays: 2, deadlineInDays: -1 })
    }
    return { ...raw, data }
  })
}

const STARTED = new Date('2026-12-01T09:30:00+08:00')

const fetchTransport: Transport = async (req) => {
  const res = await fetch(req.url, {
    method: req.method,
    headers: req.header,
    body: req.data === undefined ? undefined : JSON.stringify(req.data),
  })
  const text = await res.text()
  return { statusCode: res.status, data: text ? JSON.parse(text) : null }
}

type Outcome =
  | { status: Signup['status']; place: number | null }
  | { code: string; field: string | null; message: string }

async function outcome(call: Promise<Signup>): Promise<Outcome> {
  try {
    const s = await call
    return { status: s.status, place: s.waitlistPosition ?? null }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e
    return { code: e.code, field: e.field ?? null, message: e.message }
  }
}

const [A, B, C] = [person(1), person(2), person(3)]
const request = (who: { name: string; mobile: string }, key: string, sessionId = 'wd-hk-1'): SignupRequest => ({
  programId: 'wd-housekeeping',
  sessionId,
  consent: true,
  idempotencyKey: `parity-${key}`,
  answers: { ...who, town: '东江镇', session: sessionId, job: '在本地就业', childcare: false },
})

/** The same steps for either side; `clock.at` is what that side's `now` reads. */
async function run(api: Api, clock: { at: Date }): Promise<Array<[string, Outcome]>> {
  const steps: Array<[string, Outcome]> = []
  const step = async (name: string, call: () => Promise<Signup>) => steps.push([name, await outcome(call())])
  const mine = async (who: { name: string }) => (await api.listMySignups()).find((s) => s.name === who.name)!

  clock.at = NOW
  await step('open: A takes the one seat', () => api.submitSignup(request(A, 'a')))
  await step('the same key again gives the same sign-up', () => api.submitSignup(request(A, 'a')))
  await step('full: B goes on the waitlist', () => api.submitSignup(request(B, 'b')))
  await step('duplicate: A again with a new key', () => api.submitSignup(request(A, 'a2')))
  await step('deadline passed', () => api.submitSignup(request(C, 'c', 'wd-hk-late')))
  await step('not open yet', () => api.submitSignup(request(C, 'c2', 'wd-hk-2')))
  const a = await mine(A)
  // No session here has a hold window: a seat needs no confirming, a waitlist place cannot be confirmed.
  await step('confirm a seat with no hold', () => api.confirmSignup(a.id))
  await step('confirm a waitlist place', async () => api.confirmSignup((await mine(B)).id))
  await step('confirm an unknown sign-up', () => api.confirmSignup('su-none'))
  await step('cancel before the start', () => api.cancelSignup(a.id))
  await step('confirm a cancelled sign-up', () => api.confirmSignup(a.id))
  await step('B was moved up to the freed seat', () => mine(B))
  await step('cancel twice', () => api.cancelSignup(a.id))
  await step('cancel an unknown sign-up', () => api.cancelSignup('su-none'))
  clock.at = STARTED
  const b = await mine(B)
  await step('cancel after the start', () => api.cancelSignup(b.id))
  await step('B still holds her seat', () => mine(B))
  return steps
}

const EXPECTED: Array<[string, Outcome]> = [
  ['open: A takes the one seat', { status: 'confirmed', place: null }],
  ['the same key again gives the same sign-up', { status: 'confirmed', place: null }],
  ['full: B goes on the waitlist', { status: 'waitlisted', place: 1 }],
  [
    'duplicate: A again with a new key',
    { code: 'duplicate', field: 'name', message: `${A.name} 已经报名了这个场次，不用重复报名` },
  ],
  ['deadline passed', { code: 'closed', field: 'session', message: '这个场次的报名已经截止了' }],
  ['not open yet', { code: 'closed', field: 'session', message: '这个场次还没开始报名' }],
  ['confirm a seat with no hold', { status: 'confirmed', place: null }],
  ['confirm a waitlist place', { code: 'closed', field: null, message: '还在候补，有了名额会通知您' }],
  ['confirm an unknown sign-up', { code: 'not_found', field: null, message: '没有找到这条报名记录' }],
  ['cancel before the start', { status: 'cancelled', place: null }],
  ['confirm a cancelled sign-up', { code: 'closed', field: null, message: '这条报名已经取消了' }],
  ['B was moved up to the freed seat', { status: 'confirmed', place: null }],
  ['cancel twice', { status: 'cancelled', place: null }],
  ['cancel an unknown sign-up', { code: 'not_found', field: null, message: '没有找到这条报名记录' }],
  ['cancel after the start', { code: 'closed', field: null, message: '活动已经开始，不能再取消报名了' }],
  ['B still holds her seat', { status: 'confirmed', place: null }],
]

describe('the built-in service and the server agree', () => {
  const files = parityContent()

  it('mock Api', async () => {
    const clock = { at: NOW }
    const api = createMockApi({ files, store: memoryStore(), now: () => clock.at })
    expect(await run(api, clock)).toEqual(EXPECTED)
  })

  it.each(backends())(
    'server (%s), through the HTTP Api',
    async (backend) => {
      const clock = { at: NOW }
      const server = await startTestServer(backend, { files, now: () => clock.at })
      try {
        // The phone has verified a mobile: its sign-ups carry the booker token (the app's part of the contract).
        const token = await bookerToken(server, '13912340000')
        const verified: Transport = (req) =>
          fetchTransport({ ...req, header: { ...req.header, 'x-booker-token': token } })
        const api = createHttpApi({ base: server.origin, transport: verified, deviceId: () => 'parity-phone' })
        expect(await run(api, clock)).toEqual(EXPECTED)
      } finally {
        await server.close()
      }
      // PGlite takes a while to start on a busy machine.
    },
    120_000,
  )
})

describe('the built-in service and the server give the pages the same content', () => {
  it.each(backends())(
    'every report and every program, through the HTTP Api (%s)',
    async (backend) => {
      const mock = createMockApi({ files: contentFiles, store: memoryStore(), now: () => NOW })
      const server = await startTestServer(backend)
      try {
        const http = createHttpApi({ base: server.origin, transport: fetchTransport, deviceId: () => 'parity-reader' })
        for (const file of contentFiles.map((f) => f.data as FederationFile)) {
          const id = file.federation.id
          expect(await http.getReport(id)).toEqual(await mock.getReport(id))
          for (const p of file.programs) expect(await http.getProgram(p.id)).toEqual(await mock.getProgram(p.id))
        }
        // 可报名的培训, page by page: the whole list, a province's and a topic's.
        const first = contentFiles[0].data as FederationFile
        const province = `${first.federation.region.code.slice(0, 2)}0000`
        const filters: OpenSessionFilter[] = [{}, { province }, { topic: first.programs[0].topic }]
        for (const filter of filters) {
          const all = async (api: Api) => {
            const pages = []
            let cursor: string | null = null
            do {
              const page = await api.listOpenSessions(filter, cursor)
              pages.push(page)
              cursor = page.next
            } while (cursor && pages.length < 20)
            return pages
          }
          const fromServer = await all(http)
          expect(fromServer.flatMap((p) => p.sessions).length).toBeGreaterThan(0)
          expect(fromServer).toEqual(await all(mock))
        }
      } finally {
        await server.close()
      }
    },
    120_000,
  )
})
