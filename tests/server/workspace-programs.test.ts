// The workspace's programs over HTTP, on PGlite and PostgreSQL: roles and federations kept apart,
// a program and its dated session reaching the public page, a move that her 我的报名 shows and
// session_changes records, seats raised (waitlist promoted in arrival order) and lowered (refused),
// cancelling, deleting, versioned forms on the roster, dates that stay put when the clock moves, and
// migration 007 giving existing programs and sign-ups form version 1.
import type { FederationFile } from '@/domain/types'
import { MOCK_DIR, readJsonDir } from '../../server/src/content'
import { migrate, readMigrations } from '../../server/src/db/migrate'
import { Programs } from '../../server/src/programs'
import {
  asDevice,
  backends,
  countDrift,
  freshDatabase,
  loadLegacyContent,
  NOW,
  organizerToken,
  person,
  startTestServer,
  bookedRequest,
  type InjectOptions,
  type Reply,
  type TestServer,
  asStaff,
} from './support'

const json = (r: Reply) => JSON.parse(r.body)
const error = (r: Reply) => [r.statusCode, json(r).error?.field, json(r).error?.message]
const DAY = 24 * 3600_000

/** A session a week and a half after NOW (2026-11-23 10:00 Beijing). */
const SESSION = {
  title: '第一期',
  startsAt: '2026-12-05 14:00',
  endsAt: '2026-12-05 16:00',
  deadlineAt: '2026-12-04 18:00',
  online: false,
  place: '武都区妇女儿童活动中心三楼',
  capacity: 30,
  contactPhone: '0939-8212345',
}

const PROGRAM = {
  title: '巾帼家政技能提升班',
  topic: '就业创业',
  summary: '面向城乡妇女的家政服务技能培训，结业后推荐就业。',
  audience: '有就业意愿的城乡妇女',
  figureIds: ['wd-hk-trained'],
}

describe.each(backends())('workspace programs (%s)', (backend) => {
  let server: TestServer
  let at: Date
  let admin: string
  let editor: string
  let viewer: string
  let people = 0

  const as = (token: string, method: InjectOptions['method'] | 'PUT', url: string, payload?: unknown): Promise<Reply> =>
    server.inject(asStaff(token, method, url, payload))

  /** A new 武都 account of `role`, through an invitation. */
  async function member(role: 'editor' | 'viewer'): Promise<string> {
    const invitation = json(await as(admin, 'POST', '/api/workspace/invitations', { role }))
    const accepted = await server.inject({
      method: 'POST',
      url: `/api/auth/invitations/${invitation.token}/accept`,
      payload: { login: `${role}-ws-${backend}-${++people}`, displayName: `成员${people}`, password: 'river-stone-42' },
    })
    expect(accepted.statusCode).toBe(200)
    return json(accepted).token as string
  }

  const newProgram = async (over: object = {}) => {
    const r = await as(editor, 'POST', '/api/workspace/programs', { ...PROGRAM, ...over })
    expect(r.statusCode).toBe(200)
    return json(r) as { id: string; formVersion: number; form: Array<{ id: string }> }
  }
  const newSession = async (programId: string, over: object = {}) => {
    const r = await as(editor, 'POST', `/api/workspace/programs/${programId}/sessions`, { ...SESSION, ...over })
    expect([r.statusCode, r.body]).toEqual([200, expect.any(String)])
    return json(r) as { id: string; start: string; capacity: number }
  }
  /** Person i signs up from her own phone; returns the sign-up. */
  const signUp = async (programId: string, sessionId: string, i: number, extra: object = {}) => {
    const r = await server.inject(
      await bookedRequest(server, `ws-device-${backend}-${i}`, {
        programId,
        sessionId,
        consent: true,
        answers: { ...person(i), session: sessionId, ...extra },
      }),
    )
    expect([r.statusCode, r.body]).toEqual([201, expect.any(String)])
    return json(r) as { id: string; status: string; waitlistPosition?: number }
  }
  const mine = async (i: number) =>
    json(await server.inject(asDevice(`ws-device-${backend}-${i}`, 'GET', '/api/signups/mine'))) as Array<{
      id: string
      sessionStart: string
      status: string
      sessionChanged?: true
      sessionCancelled?: { reason: string }
    }>
  const workspaceSession = async (sessionId: string) => {
    const { programs } = json(await as(viewer, 'GET', '/api/workspace/programs'))
    for (const p of programs) for (const s of p.sessions) if (s.id === sessionId) return s
    return undefined
  }

  beforeAll(async () => {
    at = NOW
    server = await startTestServer(backend, { now: () => at })
    admin = await organizerToken(server, 'wudu-2020')
    editor = await member('editor')
    viewer = await member('viewer')
  })
  afterAll(() => server.close())
  beforeEach(() => {
    at = NOW
  })

  it('查看 reads but cannot write; another federation’s program or session is 403, an unknown one 404', async () => {
    const { id } = await newProgram()
    const session = await newSession(id)
    const list = json(await as(viewer, 'GET', '/api/workspace/programs'))
    expect(list.federation.id).toBe('wudu-2020')
    expect(list.programs.map((p: { id: string }) => p.id)).toContain(id)
    expect(list.programs.find((p: { id: string }) => p.id === 'wd-housekeeping')).toMatchObject({ demo: true })

    const refused = '这个操作需要编辑权限，你的角色是查看'
    expect(error(await as(viewer, 'POST', '/api/workspace/programs', PROGRAM))).toEqual([403, undefined, refused])
    expect((await as(viewer, 'PUT', `/api/workspace/programs/${id}`, { title: '改名' })).statusCode).toBe(403)
    expect((await as(viewer, 'POST', `/api/workspace/programs/${id}/sessions`, SESSION)).statusCode).toBe(403)
    expect((await as(viewer, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 5 })).statusCode).toBe(403)
    expect((await as(viewer, 'POST', `/api/workspace/sessions/${session.id}/cancel`, { reason: 'x' })).statusCode).toBe(
      403,
    )
    expect((await as(viewer, 'DELETE', `/api/workspace/sessions/${session.id}`)).statusCode).toBe(403)
    expect((await as(viewer, 'PUT', `/api/workspace/programs/${id}/form`, { fields: [] })).statusCode).toBe(403)
    expect((await server.inject({ method: 'GET', url: '/api/workspace/programs' })).statusCode).toBe(401)

    const chengdu = await organizerToken(server, 'chengdu-2020')
    expect(error(await as(chengdu, 'PUT', `/api/workspace/programs/${id}`, { title: '改名' }))).toEqual([
      403,
      undefined,
      '这不是你所在妇联的项目',
    ])
    expect(error(await as(chengdu, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 5 }))).toEqual([
      403,
      undefined,
      '这不是你所在妇联的场次',
    ])
    expect((await as(chengdu, 'DELETE', `/api/workspace/sessions/${session.id}`)).statusCode).toBe(403)
    expect((await as(chengdu, 'POST', `/api/workspace/programs/${id}/sessions`, SESSION)).statusCode).toBe(403)
    // Chengdu's own list never shows 武都's programs.
    const theirs = json(await as(chengdu, 'GET', '/api/workspace/programs'))
    expect(theirs.programs.map((p: { id: string }) => p.id)).not.toContain(id)
    expect((await as(admin, 'PUT', '/api/workspace/programs/p-none', { title: '改名' })).statusCode).toBe(404)
    expect((await as(admin, 'PUT', '/api/workspace/sessions/s-none', { capacity: 5 })).statusCode).toBe(404)
    // Nothing was changed by the refusals.
    expect(await workspaceSession(session.id)).toMatchObject({ capacity: 30, status: 'open' })
  })

  it('a program and its dated session show on the public program page within a second, with audit entries', async () => {
    const created = await newProgram()
    expect(created).toMatchObject({ ...PROGRAM, demo: false, takesSignups: true, formVersion: 1, sessions: [] })
    expect(created.form.map((f) => f.id)).toEqual(['name', 'mobile', 'session'])
    const session = await newSession(created.id)
    expect(session).toMatchObject({
      start: '2026-12-05T14:00:00+08:00',
      end: '2026-12-05T16:00:00+08:00',
      deadline: '2026-12-04T18:00:00+08:00',
      opensAt: null,
      place: SESSION.place,
      contactPhone: '0939-8212345',
      capacity: 30,
      demo: false,
    })
    const started = Date.now()
    let page: Reply
    for (;;) {
      page = await server.inject({ method: 'GET', url: `/api/programs/${created.id}` })
      if (page.statusCode === 200 || Date.now() - started > 1000) break
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(page.statusCode).toBe(200)
    expect(json(page).program.title).toBe(PROGRAM.title)
    expect(json(page).sessions).toEqual([
      expect.objectContaining({ id: session.id, start: '2026-12-05T14:00:00+08:00', demo: false, capacity: 30 }),
    ])
    // The program sits in the federation's document and in its table, and the rest of the card is untouched.
    const [fed] = await server.db.query<{ doc: { programs: Array<{ id: string }>; figures: unknown[] } }>(
      "SELECT doc FROM federations WHERE id = 'wudu-2020'",
    )
    expect(fed.doc.programs.some((p) => p.id === created.id)).toBe(true)
    expect(fed.doc.figures.length).toBeGreaterThan(3)
    const actions = await server.db.query<{ action: string; target: string }>(
      'SELECT action, target FROM audit_log WHERE target = $1 OR target = $2 ORDER BY id',
      [created.id, session.id],
    )
    expect(actions).toEqual([
      { action: 'program_create', target: created.id },
      { action: 'session_create', target: session.id },
    ])
    // An edit keeps what was left out.
    const renamed = json(await as(editor, 'PUT', `/api/workspace/programs/${created.id}`, { title: '家政技能班' }))
    expect(renamed).toMatchObject({ title: '家政技能班', summary: PROGRAM.summary })
    const [row] = await server.db.query<{ title: string }>('SELECT title FROM programs WHERE id = $1', [created.id])
    expect(row.title).toBe('家政技能班')
  })

  it('a program and session written by another server show on this one’s program page within a second', async () => {
    // As another instance would: through the same storage, without this server's own refresh.
    const elsewhere = new Programs(server.db)
    const actor = { federationId: 'wudu-2020', accountId: null, at: NOW }
    const program = await elsewhere.create(actor, PROGRAM)
    const session = await elsewhere.addSession(actor, program.id, SESSION)
    const started = Date.now()
    let page = await server.inject({ method: 'GET', url: `/api/programs/${program.id}` })
    while (page.statusCode !== 200 && Date.now() - started < 3000) {
      await new Promise((r) => setTimeout(r, 20))
      page = await server.inject({ method: 'GET', url: `/api/programs/${program.id}` })
    }
    expect(Date.now() - started).toBeLessThan(1000)
    expect(json(page).sessions.map((s: { id: string }) => s.id)).toEqual([session.id])
    // The whole card shows it too: one more program on the report.
    const report = json(await server.inject({ method: 'GET', url: '/api/reports/wudu-2020' }))
    expect(report.programs.map((p: { id: string }) => p.id)).toContain(program.id)
  })

  it('refuses what is not right, in Chinese, naming the field, and writes nothing', async () => {
    const { id } = await newProgram()
    const post = (over: object) => as(editor, 'POST', `/api/workspace/programs/${id}/sessions`, { ...SESSION, ...over })
    expect(error(await post({ startsAt: '2026/12/05 14:00' }))).toEqual([
      400,
      'startsAt',
      '开始时间的格式不对，请写成“2026-12-05 14:00”这样的北京时间',
    ])
    expect(error(await post({ startsAt: '2026-12-05T14:00:00Z' }))[1]).toBe('startsAt')
    expect(error(await post({ startsAt: '2026-02-30 14:00' }))[1]).toBe('startsAt')
    expect(
      error(await post({ startsAt: '2026-11-22 14:00', endsAt: '2026-11-22 16:00', deadlineAt: '2026-11-22 12:00' })),
    ).toEqual([400, 'startsAt', '开始时间已经过去了，请选择以后的时间'])
    expect(error(await post({ endsAt: '2026-12-05 14:00' }))).toEqual([400, 'endsAt', '结束时间要晚于开始时间'])
    expect(error(await post({ deadlineAt: '2026-12-05 15:00' }))).toEqual([
      400,
      'deadlineAt',
      '报名截止时间不能晚于开始时间',
    ])
    expect(error(await post({ opensAt: '2026-12-04 18:00' }))).toEqual([
      400,
      'opensAt',
      '开始报名时间要早于报名截止时间',
    ])
    expect(error(await post({ place: ' ' }))).toEqual([400, 'place', '请填写活动地点'])
    expect(error(await post({ online: true }))[1]).toBe('joinInfo')
    expect(error(await post({ latitude: 33.4 }))).toEqual([400, 'longitude', '纬度和经度要一起填写，或者都不填'])
    expect(error(await post({ latitude: 91, longitude: 104.9 }))).toEqual([400, 'latitude', '纬度应在 -90 到 90 之间'])
    expect(error(await post({ latitude: 33.4, longitude: -181 }))[1]).toBe('longitude')
    for (const capacity of [0, 1.5, 100_001, '30']) {
      expect(error(await post({ capacity }))).toEqual([400, 'capacity', '名额应为 1 到 100000 之间的整数'])
    }
    expect(error(await post({ contactPhone: '12345' }))[1]).toBe('contactPhone')
    expect(error(await post({ seats: 3 }))[1]).toBe('seats')
    // These pass: online with join info and no place, a mobile, a landline, both coordinates.
    await newSession(id, {
      online: true,
      place: undefined,
      joinInfo: '腾讯会议 123 456 789',
      contactPhone: '13800138000',
    })
    await newSession(id, { latitude: 33.39, longitude: 104.92, contactPhone: '010-12345678' })
    expect(
      error(await as(editor, 'POST', '/api/workspace/programs', { ...PROGRAM, figureIds: ['cd-nothing'] })),
    ).toEqual([400, 'figureIds', '往期成果里的“cd-nothing”不是本妇联年终盘点卡片上的数字'])
    expect(error(await as(editor, 'POST', '/api/workspace/programs', { ...PROGRAM, topic: '体育' }))[1]).toBe('topic')
    expect(error(await as(editor, 'POST', '/api/workspace/programs', { ...PROGRAM, title: '' }))).toEqual([
      400,
      'title',
      '请填写项目名称',
    ])
    const { programs } = json(await as(viewer, 'GET', '/api/workspace/programs'))
    expect(programs.find((p: { id: string }) => p.id === id).sessions).toHaveLength(2)
  })

  it('往期成果: the list offers the published card’s figures, a program shows the chosen ones in her order, another federation’s figure is refused', async () => {
    const list = json(await as(viewer, 'GET', '/api/workspace/programs'))
    const [fed] = await server.db.query<{ doc: FederationFile }>("SELECT doc FROM federations WHERE id = 'wudu-2020'")
    expect(list.figures.map((f: { id: string }) => f.id)).toEqual(fed.doc.figures.map((f) => f.id))
    const screened = fed.doc.figures.find((f) => f.id === 'wd-screened')!
    expect(list.figures).toContainEqual({
      id: screened.id,
      label: screened.label,
      value: screened.value,
      unit: screened.unit,
      scope: screened.scope,
      ...(screened.scopeLabel ? { scopeLabel: screened.scopeLabel } : {}),
    })
    const { id } = await newProgram({ figureIds: ['wd-screened', 'wd-hk-trained'] })
    const changed = json(
      await as(editor, 'PUT', `/api/workspace/programs/${id}`, { figureIds: ['wd-talks', 'wd-screened'] }),
    )
    expect(changed.figureIds).toEqual(['wd-talks', 'wd-screened'])
    const page = json(await server.inject({ method: 'GET', url: `/api/programs/${id}` }))
    expect(page.figures.map((f: { id: string }) => f.id)).toEqual(['wd-talks', 'wd-screened'])
    // A real figure, of another federation's card: not hers to show.
    expect(error(await as(editor, 'PUT', `/api/workspace/programs/${id}`, { figureIds: ['cd-topic-posts'] }))).toEqual([
      400,
      'figureIds',
      '往期成果里的“cd-topic-posts”不是本妇联年终盘点卡片上的数字',
    ])
    expect(
      error(await as(editor, 'PUT', `/api/workspace/programs/${id}`, { figureIds: ['wd-talks', 'wd-talks'] })),
    ).toEqual([400, 'figureIds', '往期成果里有重复的数字'])
    expect(error(await as(editor, 'PUT', `/api/workspace/programs/${id}`, { figureIds: 'wd-talks' }))[1]).toBe(
      'figureIds',
    )
    const kept = json(await as(viewer, 'GET', '/api/workspace/programs')).programs.find(
      (p: { id: string }) => p.id === id,
    )
    expect(kept.figureIds).toEqual(['wd-talks', 'wd-screened'])
  })

  it('a missing, empty or non-object body is a Chinese 400, never a 500', async () => {
    const { id } = await newProgram()
    const session = await newSession(id)
    const raw = (method: InjectOptions['method'], url: string, payload?: string) =>
      server.inject({
        method,
        url,
        headers: {
          authorization: `Bearer ${editor}`,
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { payload }),
      })
    for (const payload of [undefined, '[]', '"x"', 'null', '7']) {
      for (const [method, url] of [
        ['POST', `/api/workspace/sessions/${session.id}/cancel`],
        ['PUT', `/api/workspace/sessions/${session.id}`],
        ['PUT', `/api/workspace/programs/${id}/form`],
        ['POST', `/api/workspace/programs/${id}/sessions`],
        ['POST', '/api/workspace/programs'],
      ] as const) {
        const r = await raw(method, url, payload)
        expect([method, url, payload, r.statusCode]).toEqual([method, url, payload, 400])
        expect(json(r).error.message).toMatch(/[\u4e00-\u9fff]/)
      }
    }
    expect(await workspaceSession(session.id)).toMatchObject({ status: 'open', capacity: 30 })
  })

  it('moving a session: her 我的报名 shows the new time as changed, and session_changes keeps before and after', async () => {
    const { id } = await newProgram()
    const session = await newSession(id)
    const signup = await signUp(id, session.id, 11)
    expect(signup.status).toBe('confirmed')
    const moved = await as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, {
      startsAt: '2026-12-06 09:30',
      endsAt: '2026-12-06T11:30:00+08:00',
      place: '武都区妇联二楼会议室',
    })
    expect(json(moved)).toMatchObject({ start: '2026-12-06T09:30:00+08:00', version: 2, capacity: 30 })
    const [hers] = await mine(11)
    expect(hers).toMatchObject({ id: signup.id, sessionStart: '2026-12-06T09:30:00+08:00', sessionChanged: true })
    const changes = await server.db.query<{ changes: Record<string, unknown>; account_id: string | number; at: Date }>(
      'SELECT changes, account_id, at FROM session_changes WHERE session_id = $1',
      [session.id],
    )
    expect(changes).toHaveLength(1)
    expect(changes[0].changes).toEqual({
      startsAt: { before: '2026-12-05T14:00:00+08:00', after: '2026-12-06T09:30:00+08:00' },
      endsAt: { before: '2026-12-05T16:00:00+08:00', after: '2026-12-06T11:30:00+08:00' },
      place: { before: SESSION.place, after: '武都区妇联二楼会议室' },
    })
    expect(Number(changes[0].account_id)).toBeGreaterThan(0)
    expect(new Date(changes[0].at).getTime()).toBe(NOW.getTime())
    // A change of title alone is no move: no new row, and the sign-up's state is as it was.
    await as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, { title: '第一期（上午）' })
    expect(await server.db.query('SELECT 1 FROM session_changes WHERE session_id = $1', [session.id])).toHaveLength(1)
    // Moving it into the past is refused.
    expect(
      error(await as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, { startsAt: '2026-11-20 09:00' }))[1],
    ).toBe('startsAt')
  })

  it('raising seats confirms the waitlist in arrival order; lowering below the confirmed is 409 and changes nothing', async () => {
    const { id } = await newProgram()
    const session = await newSession(id, { capacity: 1 })
    const made = []
    for (let i = 21; i <= 24; i++) made.push(await signUp(id, session.id, i))
    expect(made.map((s) => s.status)).toEqual(['confirmed', 'waitlisted', 'waitlisted', 'waitlisted'])

    const raised = await as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 3 })
    expect(json(raised)).toMatchObject({ capacity: 3, confirmed: 3, waitlisted: 1 })
    const statuses = await Promise.all([21, 22, 23, 24].map(async (i) => (await mine(i))[0]))
    expect(statuses.map((s) => s.status)).toEqual(['confirmed', 'confirmed', 'confirmed', 'waitlisted'])
    expect(statuses[3]).toMatchObject({ id: made[3].id })
    expect(await countDrift(server.db)).toEqual([])
    const [entry] = await server.db.query<{ detail: Record<string, unknown> }>(
      "SELECT detail FROM audit_log WHERE action = 'session_update' AND target = $1",
      [session.id],
    )
    expect(entry.detail).toEqual({ changed: ['capacity'], promoted: 2 })

    const lowered = await as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 2, title: '改名' })
    expect(error(lowered)).toEqual([409, 'capacity', '当前已有 3 人报名成功，名额不能少于 3'])
    expect(await workspaceSession(session.id)).toMatchObject({ capacity: 3, title: SESSION.title, confirmed: 3 })
    // Exactly the confirmed count is allowed.
    expect(
      (await as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 3, title: '改名' })).statusCode,
    ).toBe(200)
  })

  it('seats raised while sign-ups arrive: the earliest five by arrival hold them, and the counts stay right', async () => {
    const { id } = await newProgram()
    const session = await newSession(id, { capacity: 2 })
    for (let i = 61; i <= 66; i++) await signUp(id, session.id, i)
    const [raised] = await Promise.all([
      as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 5 }),
      ...[67, 68, 69, 70].map((i) => signUp(id, session.id, i)),
    ])
    expect(raised.statusCode).toBe(200)
    const rows = await server.db.query<{ status: string }>(
      'SELECT status FROM signups WHERE session_id = $1 ORDER BY seq',
      [session.id],
    )
    expect(rows.map((r) => r.status)).toEqual([...Array(5).fill('confirmed'), ...Array(5).fill('waitlisted')])
    expect(await countDrift(server.db)).toEqual([])
  })

  it('cancelling needs a reason, and every sign-up then shows 场次已取消 with it', async () => {
    const { id } = await newProgram()
    const session = await newSession(id)
    await signUp(id, session.id, 31)
    expect(error(await as(editor, 'POST', `/api/workspace/sessions/${session.id}/cancel`, {}))).toEqual([
      400,
      'reason',
      '请填写取消原因（报名的人会看到）',
    ])
    expect(
      (await as(editor, 'POST', `/api/workspace/sessions/${session.id}/cancel`, { reason: '  ' })).statusCode,
    ).toBe(400)
    expect((await mine(31))[0].sessionCancelled).toBeUndefined()
    const reason = '场地临时检修，活动顺延，另行通知'
    const cancelled = await as(editor, 'POST', `/api/workspace/sessions/${session.id}/cancel`, { reason })
    expect(json(cancelled)).toMatchObject({ status: 'cancelled', cancelReason: reason })
    expect((await mine(31))[0]).toMatchObject({ status: 'confirmed', sessionCancelled: { reason } })
    // No one can sign up for it now, and it can be neither cancelled again nor changed.
    const late = await server.inject(
      await bookedRequest(server, `ws-device-${backend}-32`, {
        programId: id,
        sessionId: session.id,
        consent: true,
        answers: { ...person(32), session: session.id },
      }),
    )
    expect(error(late)).toEqual([409, 'session', '这个场次已取消'])
    expect((await as(editor, 'POST', `/api/workspace/sessions/${session.id}/cancel`, { reason })).statusCode).toBe(409)
    expect((await as(editor, 'PUT', `/api/workspace/sessions/${session.id}`, { capacity: 50 })).statusCode).toBe(409)
  })

  it('a session with any sign-up cannot be deleted (cancel it instead); one without goes', async () => {
    const { id } = await newProgram()
    const taken = await newSession(id)
    const signup = await signUp(id, taken.id, 41)
    // Cancelled by her, it still counts as a sign-up.
    expect(
      (await server.inject(asDevice(`ws-device-${backend}-41`, 'POST', `/api/signups/${signup.id}/cancel`))).statusCode,
    ).toBe(200)
    expect(error(await as(editor, 'DELETE', `/api/workspace/sessions/${taken.id}`))).toEqual([
      409,
      undefined,
      '这个场次已有人报名，不能删除；可以取消场次',
    ])
    expect(await workspaceSession(taken.id)).toBeDefined()
    const empty = await newSession(id, { title: '第二期' })
    expect(json(await as(editor, 'DELETE', `/api/workspace/sessions/${empty.id}`))).toEqual({ ok: true })
    expect(await workspaceSession(empty.id)).toBeUndefined()
    const page = json(await server.inject({ method: 'GET', url: `/api/programs/${id}` }))
    expect(page.sessions.map((s: { id: string }) => s.id)).toEqual([taken.id])
    expect((await as(editor, 'DELETE', `/api/workspace/sessions/${empty.id}`)).statusCode).toBe(404)
  })

  it('forms are versioned: the roster shows old answers under old labels and new ones under new labels', async () => {
    const { id } = await newProgram()
    const session = await newSession(id)
    const base = [
      { id: 'name', type: 'text', label: '姓名', required: true },
      { id: 'mobile', type: 'mobile', label: '手机号', required: true },
      { id: 'session', type: 'session', label: '场次', required: true },
    ]
    const put = (fields: unknown) => as(editor, 'PUT', `/api/workspace/programs/${id}/form`, { fields })
    expect(error(await put(base.filter((f) => f.id !== 'mobile')))).toEqual([
      400,
      'fields',
      '报名表必须有姓名、手机号和场次三项，缺少：手机号',
    ])
    expect(error(await put([...base, { id: 'job', type: 'single', label: '打算', required: true }]))[2]).toBe(
      '第 4 项“打算”要有 2 到 30 个选项，每个最多 30 个字',
    )
    expect(error(await put([...base, { id: 'x', type: 'date', label: '日期', required: true }]))[1]).toBe('fields')

    const v2 = json(await put([...base, { id: 'town', type: 'region', label: '所在乡镇', required: true }]))
    expect(v2.formVersion).toBe(2)
    await signUp(id, session.id, 51, { town: '东江镇' })
    const v3 = json(
      await put([
        ...base,
        { id: 'town', type: 'region', label: '居住地址', required: true },
        { id: 'job', type: 'single', label: '结业后打算', required: true, options: ['在本地就业', '还没想好'] },
      ]),
    )
    expect(v3.formVersion).toBe(3)
    // The same form again adds no version.
    expect(json(await put(v3.form)).formVersion).toBe(3)
    // The public page and sign-ups use the latest version: without the new field she is refused.
    const page = json(await server.inject({ method: 'GET', url: `/api/programs/${id}` }))
    expect(page.program.signup.form.map((f: { label: string }) => f.label)).toContain('结业后打算')
    const missing = await server.inject(
      await bookedRequest(server, `ws-device-${backend}-52`, {
        programId: id,
        sessionId: session.id,
        consent: true,
        answers: { ...person(52), session: session.id, town: '城关镇' },
      }),
    )
    expect(error(missing)).toEqual([400, 'job', '请选择结业后打算'])
    await signUp(id, session.id, 52, { town: '城关镇', job: '在本地就业' })
    const versions = await server.db.query<{ form_version: number }>(
      'SELECT form_version FROM signups WHERE program_id = $1 ORDER BY seq',
      [id],
    )
    expect(versions.map((v) => Number(v.form_version))).toEqual([2, 3])

    const roster = json(await as(viewer, 'GET', `/api/organizer/programs/${id}/roster`))
    expect(roster.rows.map((r: { extra: unknown }) => r.extra)).toEqual([
      [{ label: '所在乡镇', value: '东江镇' }],
      [
        { label: '居住地址', value: '城关镇' },
        { label: '结业后打算', value: '在本地就业' },
      ],
    ])
    const csv = (await as(viewer, 'GET', `/api/organizer/programs/${id}/roster.csv`)).body.split('\r\n')
    expect(csv[0]).toBe(
      '\uFEFF序号,场次,开始时间,状态,姓名,手机号,居住地址,结业后打算,所在乡镇,报名时间,签到时间,签到人',
    )
    expect(csv[1].split(',').slice(6, 9)).toEqual(['', '', '东江镇'])
    expect(csv[2].split(',').slice(6, 9)).toEqual(['城关镇', '在本地就业', ''])
    const [entry] = await server.db.query<{ detail: { version: number } }>(
      "SELECT detail FROM audit_log WHERE action = 'form_update' AND target = $1 ORDER BY id DESC LIMIT 1",
      [id],
    )
    expect(entry.detail.version).toBe(3)
  })

  it('dates do not move when the clock moves seven days', async () => {
    const { id } = await newProgram()
    const session = await newSession(id)
    at = new Date(NOW.getTime() + 7 * DAY)
    const page = json(await server.inject({ method: 'GET', url: `/api/programs/${id}` }))
    expect(page.sessions[0]).toMatchObject({ start: '2026-12-05T14:00:00+08:00', end: '2026-12-05T16:00:00+08:00' })
    // A week on, her earlier login has run out: a new one reads the same dates.
    const later = await organizerToken(server, 'wudu-2020')
    const { programs } = json(await as(later, 'GET', '/api/workspace/programs'))
    expect(programs.find((p: { id: string }) => p.id === id).sessions[0]).toMatchObject({
      start: '2026-12-05T14:00:00+08:00',
      deadline: '2026-12-04T18:00:00+08:00',
    })
    // Thirteen days on, the session has started: it can no longer be moved to a time already past.
    at = new Date(NOW.getTime() + 13 * DAY)
    const last = await organizerToken(server, 'wudu-2020')
    const moved = await as(last, 'PUT', `/api/workspace/sessions/${session.id}`, {
      startsAt: '2026-12-05 15:00',
      endsAt: '2026-12-05 17:00',
    })
    expect(error(moved)[1]).toBe('startsAt')
  })
})

describe.each(backends())('migration 007 (%s)', (backend) => {
  it('gives every program its form as version 1 and every earlier sign-up that version', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      await migrate(
        db,
        readMigrations().filter((m) => m.version <= 3),
      )
      const files = readJsonDir(MOCK_DIR, 'mock')
      await loadLegacyContent(db, files)
      await migrate(
        db,
        readMigrations().filter((m) => m.version <= 5),
      )
      await db.query(
        `INSERT INTO signups (id, client_id, idempotency_key, session_id, program_id, status, name, mobile, answers,
           program_title, federation_name, session_title, session_start, online, place, name_key, session_version)
         VALUES ('old-1', 'c-1', 'k-1', 'wd-hk-1', 'wd-housekeeping', 'confirmed', '王芳', '13800000001',
           '{"town": "东江镇"}', '家政培训', '武都区妇联', '旧场次', '2026-12-01T09:00:00+08:00', false, '旧地点', '王芳', 1)`,
      )
      expect(await migrate(db)).toEqual(
        readMigrations()
          .filter((m) => m.version > 5)
          .map((m) => m.name),
      )
      const versions = await db.query<{ program_id: string; version: number; fields: unknown }>(
        'SELECT program_id, version, fields FROM form_versions ORDER BY program_id',
      )
      const withForms = files
        .flatMap((f) => (f.data as FederationFile).programs)
        .filter((p) => p.signup)
        .sort((a, b) => a.id.localeCompare(b.id))
      expect(versions.map((v) => [v.program_id, Number(v.version), v.fields])).toEqual(
        withForms.map((p) => [p.id, 1, p.signup?.form]),
      )
      const [old] = await db.query<{ form_version: number }>("SELECT form_version FROM signups WHERE id = 'old-1'")
      expect(Number(old.form_version)).toBe(1)
      expect(await db.query('SELECT * FROM session_changes')).toEqual([])
    } finally {
      await db.close()
      await database.drop()
    }
  })
})
