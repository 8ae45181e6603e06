// The card workspace over HTTP: drafts saved with optimistic concurrency, publishing only what
// passes the data and provenance checks (programs kept), taking a card down, versions restored,
// the provenance questions on a real article, and the public source text.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { checkDraft, type CardDraft } from '@/domain/card-draft'
import type { FederationFile } from '@/domain/types'
import { createFederation } from '../../server/src/cli/content'
import { iso, MOCK_DIR } from '../../server/src/content'
import { openPostgres } from '../../server/src/db/postgres'
import { createServer } from '../../server/src/server'
import {
  asDevice,
  backends,
  housekeepingBody,
  loginToken,
  NOW,
  organizerToken,
  PATIENT_LIMITS,
  person,
  send,
  startTestServer,
  bookedRequest,
  testConfig,
  type InjectOptions,
  type Reply,
  type TestServer,
  asStaff,
} from './support'

const WUDU = 'wudu-2020'
const WUDU_TEXT = readFileSync(join(MOCK_DIR, `${WUDU}.txt`), 'utf8')
const WUDU_DOC = JSON.parse(readFileSync(join(MOCK_DIR, `${WUDU}.json`), 'utf8')) as FederationFile

interface CardState {
  federation: { id: string; name: string }
  draft: CardDraft
  revision: number
  published: boolean
  publishedAt?: string
  publishedVersion?: number
  updatedAt?: string
  updatedBy?: { id: number; displayName: string }
}

const json = <T = Record<string, unknown>>(r: Reply) => JSON.parse(r.body) as T
const summaryOf = (r: Reply) => json<{ card: { summary: string } }>(r).card.summary

describe.each(backends())('card workspace (%s)', (backend) => {
  let server: TestServer
  let clock: Date
  let admin: string
  let editor: string
  let viewer: string

  const as = (token: string, method: InjectOptions['method'] | 'PUT', url: string, payload?: unknown): Promise<Reply> =>
    server.inject(asStaff(token, method, url, payload))
  const card = async (token = editor) => json<CardState>(await as(token, 'GET', '/api/workspace/card'))
  const save = (draft: CardDraft, revision: number, token = editor) =>
    as(token, 'PUT', '/api/workspace/card/draft', { draft, revision })
  const publish = (revision: number, token = editor) => as(token, 'POST', '/api/workspace/card/publish', { revision })
  const report = (id = WUDU) => server.inject(asDevice('d-ws-card', 'GET', `/api/reports/${id}`))
  const auditRows = (action: string) =>
    server.db.query<{ account_id: string | number | null; detail: unknown }>(
      'SELECT account_id, detail FROM audit_log WHERE federation_id = $1 AND action = $2 ORDER BY id',
      [WUDU, action],
    )

  /** A new member of 武都 with `role`, through an invitation as the 管理员 makes it. */
  async function member(role: 'editor' | 'viewer', displayName: string): Promise<string> {
    const invitation = json<{ token: string }>(await as(admin, 'POST', '/api/workspace/invitations', { role }))
    const login = `ws-${role}-${backend}`
    const password = 'a-long-password-1'
    const r = await server.inject({
      method: 'POST',
      url: `/api/auth/invitations/${invitation.token}/accept`,
      payload: { login, displayName, password },
    })
    expect(r.statusCode).toBe(200)
    return loginToken(server, { login, password })
  }

  beforeAll(async () => {
    clock = NOW
    server = await startTestServer(backend, { now: () => clock })
    admin = await organizerToken(server, WUDU)
    editor = await member('editor', '王编辑')
    viewer = await member('viewer', '李查看')
  })
  afterAll(() => server.close())

  it('opens on the published card with its source text, at revision 0, for every role', async () => {
    const state = await card(viewer)
    expect(state).toMatchObject({
      federation: { id: WUDU, name: WUDU_DOC.federation.name },
      revision: 0,
      published: true,
    })
    expect(state.draft.id).toBe(WUDU)
    expect(state.draft.summary).toBe(WUDU_DOC.summary)
    expect(state.draft.sourceText).toBe(WUDU_TEXT)
    expect(state.draft.figures.map((f) => f.id)).toEqual(WUDU_DOC.figures.map((f) => f.id))
    // The shipped card passes its own checks: it can be published as it is.
    expect(checkDraft(state.draft)).toEqual([])
    expect(state.updatedBy).toBeUndefined()
  })

  it('查看 reads but cannot change anything; 编辑 can save', async () => {
    const { draft } = await card(viewer)
    const writes: Array<[InjectOptions['method'] | 'PUT', string, unknown]> = [
      ['PUT', '/api/workspace/card/draft', { draft, revision: 0 }],
      ['POST', '/api/workspace/card/publish', { revision: 0 }],
      ['POST', '/api/workspace/card/unpublish', undefined],
      ['POST', '/api/workspace/card/versions/1/restore', undefined],
      ['POST', '/api/workspace/provenance/candidates', { text: WUDU_TEXT }],
      ['POST', '/api/workspace/provenance/check', { text: WUDU_TEXT, value: '1', unit: '场' }],
    ]
    for (const [method, url, payload] of writes) {
      const r = await as(viewer, method, url, payload)
      expect([url, r.statusCode, json<{ error: { code: string } }>(r).error.code]).toEqual([url, 403, 'forbidden'])
      expect(json<{ error: { message: string } }>(r).error.message).toContain('编辑权限')
    }
    expect((await as(viewer, 'GET', '/api/workspace/card/versions')).statusCode).toBe(200)
    expect((await card()).revision).toBe(0)

    const r = await save({ ...draft, summary: '编辑改过的简介' }, 0)
    expect(r.statusCode).toBe(200)
    expect(json(r)).toEqual({ revision: 1, savedAt: iso(NOW) })
    const after = await card(viewer)
    expect(after).toMatchObject({ revision: 1, updatedAt: iso(NOW), updatedBy: { displayName: '王编辑' } })
    expect(after.draft.summary).toBe('编辑改过的简介')
    expect(after.draft.sourceText).toBe(WUDU_TEXT)
    // A draft is not public: the report still has the published summary.
    expect(summaryOf(await report())).toBe(WUDU_DOC.summary)
  })

  it('two saves from the same revision: one is kept, the other gets 409 stale', async () => {
    const { draft, revision } = await card()
    const results = await Promise.all([
      save({ ...draft, summary: '第一份' }, revision),
      save({ ...draft, summary: '第二份' }, revision, admin),
    ])
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409])
    const refused = results.find((r) => r.statusCode === 409)!
    expect(json(refused)).toEqual({ error: { code: 'stale', message: '这份草稿已在别处修改，请刷新后再改' } })
    const kept = results.find((r) => r.statusCode === 200)!
    const after = await card()
    expect(after.revision).toBe(revision + 1)
    expect(after.draft.summary).toBe(kept === results[0] ? '第一份' : '第二份')
    // Publishing an older revision is refused the same way.
    expect((await publish(revision)).statusCode).toBe(409)
  })

  it('refuses a draft of another card, an oversized one, and says why in Chinese', async () => {
    const { draft, revision } = await card()
    const other = await save({ ...draft, id: 'chengdu-2020' }, revision)
    expect(other.statusCode).toBe(400)
    expect(json<{ error: { field: string; message: string } }>(other).error).toMatchObject({ field: 'id' })
    expect(json<{ error: { message: string } }>(other).error.message).toContain(WUDU)
    const long = await save({ ...draft, sourceText: '妇'.repeat(50_001) }, revision)
    expect(long.statusCode).toBe(400)
    expect(json<{ error: { field: string; message: string } }>(long).error).toEqual({
      code: 'invalid',
      field: 'sourceText',
      message: '原文最多 50000 字，现在有 50001 字：请只保留这份总结本身',
    })
    const figures = Array.from({ length: 61 }, (_, i) => ({ ...draft.figures[0], id: `f${i}` }))
    const many = await save({ ...draft, figures }, revision)
    expect([many.statusCode, json<{ error: { field: string } }>(many).error.field]).toEqual([400, 'figures'])
    // Any other bound names the field as the editor shows it.
    const labels = draft.figures.map((f, i) => (i === 2 ? { ...f, label: '长'.repeat(101) } : f))
    const label = await save({ ...draft, figures: labels }, revision)
    expect(json(label)).toEqual({
      error: { code: 'invalid', field: 'figures[2].label', message: '第3个数字的名称：最多 100 字，现在有 101 字' },
    })
    const headline = await save({ ...draft, source: { ...draft.source, headline: '题'.repeat(301) } }, revision)
    expect(json<{ error: { message: string } }>(headline).error.message).toBe('来源的标题：最多 300 字，现在有 301 字')
    expect((await card()).revision).toBe(revision)
    // 50,000 characters is allowed: more than the 16 KB other routes take.
    const full = await save(
      { ...draft, sourceText: draft.sourceText + '妇'.repeat(50_000 - draft.sourceText.length) },
      revision,
    )
    expect(full.statusCode).toBe(200)
    const restored = await save({ ...draft }, revision + 1)
    expect(restored.statusCode).toBe(200)
  })

  it('refuses to publish a figure the source text does not hold, naming it; nothing changes', async () => {
    const { draft, revision } = await card()
    const figures = draft.figures.map((f, i) => (i === 0 ? { ...f, value: '98765' } : f))
    const saved = json<{ revision: number }>(await save({ ...draft, figures }, revision))
    const r = await publish(saved.revision)
    expect(r.statusCode).toBe(400)
    const error = json<{
      error: { code: string; message: string; field: string; problems: Array<{ field: string; message: string }> }
    }>(r).error
    expect(error.code).toBe('invalid')
    expect(error.message).toMatch(/^还有 \d+ 处要改，改好才能发布$/)
    expect(error.message).toContain(`${error.problems.length} 处`)
    expect(error.field).toBe(error.problems[0].field)
    const problem = error.problems.find((p) => p.field.startsWith('figures[0]'))!
    expect(problem.message).toContain('第1个数字')
    expect(problem.message).toContain('98765')
    expect(summaryOf(await report())).toBe(WUDU_DOC.summary)
    expect(await auditRows('card_publish')).toEqual([])
    // Put the figure back for the tests that follow.
    expect((await save({ ...draft }, saved.revision)).statusCode).toBe(200)
  })

  it('publishes: the feed and report show it at once, programs and sign-ups untouched; unpublish takes it down', async () => {
    const signup = await server.inject(await bookedRequest(server, 'd-ws-signup', housekeepingBody(person(7))))
    expect(signup.statusCode).toBe(201)
    const [before] = await server.db.query<{ doc: FederationFile | string }>(
      'SELECT doc FROM federations WHERE id = $1',
      [WUDU],
    )
    const programsBefore = (typeof before.doc === 'string' ? JSON.parse(before.doc) : before.doc).programs

    const { draft, revision } = await card()
    // The draft's programs are ignored: programs are edited elsewhere.
    const edited = { ...draft, summary: '第一次在工作台发布的简介', programs: [] }
    const saved = json<{ revision: number }>(await save(edited, revision))
    const r = await publish(saved.revision)
    expect(r.statusCode).toBe(200)
    expect(json(r)).toEqual({ version: 1, publishedAt: iso(NOW) })

    const started = Date.now()
    const shown = json<{ card: { summary: string }; programs: unknown[] }>(await report())
    expect(shown.card.summary).toBe('第一次在工作台发布的简介')
    const { cards } = json<{ cards: Array<{ federationId: string; summary: string }> }>(
      await server.inject(asDevice('d-ws-card', 'GET', '/api/cards')),
    )
    expect(cards.find((c) => c.federationId === WUDU)?.summary).toBe('第一次在工作台发布的简介')
    expect(Date.now() - started).toBeLessThan(1000)
    expect(shown.programs.length).toBe(programsBefore.length)

    const [after] = await server.db.query<{ doc: FederationFile | string; source_text: string }>(
      'SELECT doc, source_text FROM federations WHERE id = $1',
      [WUDU],
    )
    expect((typeof after.doc === 'string' ? JSON.parse(after.doc) : after.doc).programs).toEqual(programsBefore)
    expect(after.source_text).toBe(WUDU_TEXT)
    expect((await server.inject(asDevice('d-ws-card', 'GET', '/api/programs/wd-housekeeping'))).statusCode).toBe(200)
    expect(await card()).toMatchObject({ published: true, publishedVersion: 1, publishedAt: iso(NOW) })

    const signupsBefore = await server.db.query('SELECT id, status FROM signups ORDER BY id')
    const down = await as(editor, 'POST', '/api/workspace/card/unpublish')
    expect([down.statusCode, json(down)]).toEqual([200, { published: false }])
    expect((await report()).statusCode).toBe(404)
    expect((await server.inject({ method: 'GET', url: `/api/reports/${WUDU}/source` })).statusCode).toBe(404)
    const feed = json<{ cards: Array<{ federationId: string }> }>(
      await server.inject(asDevice('d-ws-card', 'GET', '/api/cards')),
    ).cards
    expect(feed.map((c) => c.federationId)).not.toContain(WUDU)
    expect(await server.db.query('SELECT id, status FROM signups ORDER BY id')).toEqual(signupsBefore)
    expect(signupsBefore.length).toBeGreaterThan(0)
    expect(await card()).toMatchObject({ published: false })
    expect((await card()).publishedAt).toBeUndefined()
    expect((await auditRows('card_unpublish')).length).toBe(1)
    // Again: nothing to take down, nothing recorded.
    expect((await as(editor, 'POST', '/api/workspace/card/unpublish')).statusCode).toBe(200)
    expect((await auditRows('card_unpublish')).length).toBe(1)
  })

  it('keeps every version with who published it; a restore publishes an old one again as a new version', async () => {
    const first = await card()
    clock = new Date(NOW.getTime() + 60_000)
    const second = { ...first.draft, summary: '第二版的简介' }
    const saved = json<{ revision: number }>(await save(second, first.revision, admin))
    // Two clicks on 发布 at once: one version, the same answer to both.
    const twice = await Promise.all([publish(saved.revision, admin), publish(saved.revision, admin)])
    expect(twice.map((r) => json(r))).toEqual([
      { version: 2, publishedAt: iso(clock) },
      { version: 2, publishedAt: iso(clock) },
    ])
    expect(summaryOf(await report())).toBe('第二版的简介')

    const versions = json<Array<Record<string, unknown>>>(await as(viewer, 'GET', '/api/workspace/card/versions'))
    expect(versions.map((v) => v.version)).toEqual([2, 1])
    expect(versions[0]).toMatchObject({
      publishedAt: iso(clock),
      publishedBy: { displayName: expect.any(String) },
    })
    expect(versions[1]).toMatchObject({ publishedAt: iso(NOW), publishedBy: { displayName: '王编辑' } })
    expect(versions[0].publishedBy).not.toEqual(versions[1].publishedBy)

    clock = new Date(NOW.getTime() + 120_000)
    const before = await card()
    const r = await as(editor, 'POST', '/api/workspace/card/versions/1/restore')
    expect([r.statusCode, json(r)]).toEqual([200, { version: 3, publishedAt: iso(clock) }])
    expect(summaryOf(await report())).toBe('第一次在工作台发布的简介')
    const restored = await card()
    expect(restored).toMatchObject({ revision: before.revision + 1, publishedVersion: 3, published: true })
    expect(restored.draft.summary).toBe('第一次在工作台发布的简介')
    expect(restored.draft.sourceText).toBe(WUDU_TEXT)
    const listed = json<Array<Record<string, unknown>>>(await as(editor, 'GET', '/api/workspace/card/versions'))
    expect(listed[0]).toMatchObject({ version: 3, restoredFrom: 1, publishedBy: { displayName: '王编辑' } })
    expect(listed.map((v) => v.version)).toEqual([3, 2, 1])
    expect(listed.slice(1).every((v) => v.restoredFrom === undefined)).toBe(true)
    // The programs are still the current ones.
    expect(json<{ programs: unknown[] }>(await report()).programs.length).toBeGreaterThan(0)

    const missing = await as(editor, 'POST', '/api/workspace/card/versions/99/restore')
    expect([missing.statusCode, json<{ error: { code: string } }>(missing).error.code]).toEqual([404, 'not_found'])
    expect((await as(editor, 'POST', '/api/workspace/card/versions/abc/restore')).statusCode).toBe(404)

    // A version that today's programs no longer fit (a program now shows a figure it lacks), as when
    // programs were edited after it was published: refused, nothing published.
    const lacking = structuredClone(WUDU_DOC)
    lacking.figures = lacking.figures.filter((f) => f.id !== 'wd-spring-bud')
    for (const section of lacking.sections) section.figureIds = section.figureIds.filter((id) => id !== 'wd-spring-bud')
    await server.db.query(
      `INSERT INTO card_versions (federation_id, version, doc, source_text, published_by, published_at, draft_revision)
       VALUES ($1, 50, $2::jsonb, $3, NULL, $4, 0)`,
      [WUDU, JSON.stringify(lacking), WUDU_TEXT, NOW],
    )
    const misfit = await as(editor, 'POST', '/api/workspace/card/versions/50/restore')
    expect(misfit.statusCode).toBe(400)
    const misfitError = json<{ error: { message: string; problems: Array<{ field: string; message: string }> } }>(
      misfit,
    ).error
    expect(misfitError.message).toMatch(/^第 50 版和现在的项目对不上，还有 \d+ 处要改/)
    expect(misfitError.problems.some((p) => p.message.includes('wd-spring-bud'))).toBe(true)
    expect(summaryOf(await report())).toBe('第一次在工作台发布的简介')
    await server.db.query('DELETE FROM card_versions WHERE federation_id = $1 AND version = 50', [WUDU])
    const unchanged = json<Array<{ version: number }>>(await as(editor, 'GET', '/api/workspace/card/versions'))
    expect(unchanged.map((v) => v.version)).toEqual([3, 2, 1])

    const restores = await auditRows('card_restore')
    expect(restores.map((a) => (typeof a.detail === 'string' ? JSON.parse(a.detail) : a.detail))).toEqual([
      { version: 3, restoredFrom: 1 },
    ])
    expect((await auditRows('card_publish')).length).toBe(2)
  })

  it('records at most one draft-edited audit row per account per 10 minutes', async () => {
    await server.db.query(`DELETE FROM audit_log WHERE action = 'card_draft'`)
    clock = new Date(NOW.getTime() + 3_600_000)
    let { draft, revision } = await card()
    for (let i = 0; i < 5; i++) {
      clock = new Date(clock.getTime() + 60_000)
      revision = json<{ revision: number }>(await save({ ...draft, summary: `稿${i}` }, revision)).revision
    }
    expect((await auditRows('card_draft')).length).toBe(1)
    revision = json<{ revision: number }>(await save(draft, revision, admin)).revision
    expect((await auditRows('card_draft')).length).toBe(2)
    clock = new Date(clock.getTime() + 11 * 60_000)
    ;({ draft } = await card())
    await save(draft, revision)
    const rows = await auditRows('card_draft')
    expect(rows.length).toBe(3)
    expect(new Set(rows.map((r) => Number(r.account_id))).size).toBe(2)
  })

  it('answers the provenance questions on the real article', async () => {
    const r = await as(editor, 'POST', '/api/workspace/provenance/candidates', { text: WUDU_TEXT })
    expect(r.statusCode).toBe(200)
    const { candidates } = json<{
      candidates: Array<{ value: string; unit: string; sentence: string; start: number; end: number; written: string }>
    }>(r)
    expect(candidates.length).toBeGreaterThan(WUDU_DOC.figures.length)
    for (const c of candidates) expect(WUDU_TEXT.slice(c.start, c.end)).toBe(c.written)
    // Every figure on the shipped card is among them.
    for (const f of WUDU_DOC.figures) {
      expect([f.id, candidates.some((c) => c.value === f.value && c.unit === f.unit)]).toEqual([f.id, true])
    }

    const figure = WUDU_DOC.figures[0]
    const ok = await as(editor, 'POST', '/api/workspace/provenance/check', {
      text: WUDU_TEXT,
      value: figure.value,
      unit: figure.unit,
    })
    expect(ok.statusCode).toBe(200)
    const answer = json<{ ok: boolean; quote: string; scope: { scope: string } }>(ok)
    expect(answer.ok).toBe(true)
    expect(answer.quote).toContain(figure.value)
    expect(answer.scope.scope).toBe(figure.scope)

    const no = await as(editor, 'POST', '/api/workspace/provenance/check', {
      text: WUDU_TEXT,
      value: '98765',
      unit: '人',
    })
    expect(no.statusCode).toBe(200)
    const refused = json<{ ok: boolean; message: string }>(no)
    expect(refused.ok).toBe(false)
    expect(refused.message).toMatch(/[\u4e00-\u9fa5]/)

    const long = await as(editor, 'POST', '/api/workspace/provenance/candidates', { text: '一'.repeat(50_001) })
    expect(json(long)).toEqual({
      error: { code: 'invalid', field: 'text', message: '原文：最多 50000 字，现在有 50001 字' },
    })
    const value = await as(editor, 'POST', '/api/workspace/provenance/check', {
      text: WUDU_TEXT,
      value: '9'.repeat(41),
      unit: '人',
    })
    expect(json<{ error: { message: string } }>(value).error.message).toBe('数值：最多 40 字，现在有 41 字')
  })

  it('gives a published card’s source text to anyone, and 404 otherwise', async () => {
    const r = await server.inject({ method: 'GET', url: `/api/reports/${WUDU}/source` })
    expect(r.statusCode).toBe(200)
    expect(json(r)).toEqual({ federationId: WUDU, name: WUDU_DOC.federation.name, text: WUDU_TEXT })
    // A seeded card that never went through the workspace: its own article.
    const chengdu = json<{ text: string }>(
      await server.inject({ method: 'GET', url: '/api/reports/chengdu-2020/source' }),
    )
    expect(chengdu.text).toBe(readFileSync(join(MOCK_DIR, 'chengdu-2020.txt'), 'utf8'))
    const none = await server.inject({ method: 'GET', url: '/api/reports/nowhere/source' })
    expect([none.statusCode, json<{ error: { code: string } }>(none).error.code]).toEqual([404, 'not_found'])
  })

  it('a federation with no card yet starts from an empty draft with its own id, name, region and level', async () => {
    await createFederation(
      server.db,
      { id: 'new-town-2026', name: '新镇妇联', regionCode: '620102', level: '区县级' },
      NOW,
    )
    await server.accounts.createAdmin({
      federationId: 'new-town-2026',
      login: `new-town-admin-${backend}`,
      displayName: '新镇管理员',
      password: 'a-long-password-1',
    })
    const token = await loginToken(server, { login: `new-town-admin-${backend}`, password: 'a-long-password-1' })
    const state = await card(token)
    expect(state).toMatchObject({
      federation: { id: 'new-town-2026', name: '新镇妇联' },
      revision: 0,
      published: false,
    })
    expect(state.draft).toMatchObject({
      id: 'new-town-2026',
      name: '新镇妇联',
      region: { code: '620102' },
      level: '区县级',
      year: 2026,
      figures: [],
      sections: [],
      programs: [],
      sourceText: '',
    })
    // Nothing to publish yet: the refusal lists what to fill in, the source text among it.
    const r = await publish(0, token)
    expect(r.statusCode).toBe(400)
    const problems = json<{ error: { problems: Array<{ field: string }> } }>(r).error.problems
    expect(problems.map((p) => p.field)).toContain('sourceText')
    // Another federation's card is out of reach: the session decides whose card it is.
    expect((await card(token)).draft.id).toBe('new-town-2026')
    expect((await save({ ...state.draft, id: WUDU }, 0, token)).statusCode).toBe(400)
    expect((await card()).draft.id).toBe(WUDU)
  })
  // Only PostgreSQL serves two processes; PGlite's embedded database is one server's.
  ;(backend === 'postgres' ? it : it.skip)('a publish shows in another instance’s feed within a second', async () => {
    const other = await createServer(testConfig(), {
      db: await openPostgres(server.url!, PATIENT_LIMITS),
      now: () => clock,
      logger: false,
    })
    try {
      await other.app.listen({ port: 0, host: '127.0.0.1' })
      const address = other.app.server.address()
      const origin = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
      const feed = async () =>
        json<{ cards: Array<{ federationId: string; summary: string }> }>(
          await send(origin, asDevice('d-other', 'GET', '/api/cards')),
        ).cards
      const { draft, revision } = await card()
      const saved = json<{ revision: number }>(await save({ ...draft, summary: '另一台服务器上也看得到' }, revision))
      expect((await feed()).find((c) => c.federationId === WUDU)?.summary).not.toBe('另一台服务器上也看得到')
      expect((await publish(saved.revision)).statusCode).toBe(200)
      const start = Date.now()
      let summary: string | undefined
      while (summary !== '另一台服务器上也看得到' && Date.now() - start < 3000) {
        await new Promise((r) => setTimeout(r, 50))
        summary = (await feed()).find((c) => c.federationId === WUDU)?.summary
      }
      expect(summary).toBe('另一台服务器上也看得到')
      expect(Date.now() - start).toBeLessThan(1000)
    } finally {
      await other.close()
    }
  })
})
