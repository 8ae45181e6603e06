import { rejection } from '../support/rejection'
import type { Api, SignupRequest } from '@/services/api'
import { createMockApi, SIGNUPS_KEY } from '@/services/mock/mock-api'
import { memoryStore } from '../support/memory-store'
import { contentFiles, readJsonDir } from '../support/content-files'
import { join } from 'node:path'
import type { FederationFile } from '@/domain/types'

const NOW = new Date('2026-11-23T10:00:00+08:00')
// Expectations about the shipped content are read from it, so adding a federation keeps them true.
const FILES = contentFiles.map((f) => f.data as FederationFile)
const namesWhere = (pick: (f: FederationFile) => boolean) =>
  FILES.filter(pick)
    .map((f) => f.federation.name)
    .sort()
const extra = readJsonDir(join(__dirname, '..', 'fixtures', 'extra-federation'), 'fixtures')

let key = 0
const request = (name: string, mobile = '13800138000', over: Partial<SignupRequest> = {}): SignupRequest => ({
  programId: 't-program',
  sessionId: 't-session',
  answers: { name, mobile, session: 't-session' },
  consent: true,
  idempotencyKey: `k-${++key}`,
  ...over,
})

describe('mock Api: content', () => {
  const api = createMockApi({ files: contentFiles, store: memoryStore(), now: () => NOW })

  it('lists one card per federation with 3–4 headline figures', async () => {
    const { cards, next } = await api.listCards()
    expect(next).toBeNull()
    expect(cards).toHaveLength(contentFiles.length)
    for (const c of cards) {
      expect(c.headlineFigures.length).toBeGreaterThanOrEqual(3)
      expect(c.headlineFigures.length).toBeLessThanOrEqual(4)
    }
    expect(cards.find((c) => c.name === '成都市妇联')?.headlineFigures[0]).toMatchObject({
      value: '198861',
      unit: '人次',
    })
  })

  it('filters by province code and by topic, and by both', async () => {
    const names = async (filter: Parameters<Api['listCards']>[0]) =>
      (await api.listCards(filter)).cards.map((c) => c.name).sort()
    const hunan = namesWhere((f) => f.federation.region.province === '湖南')
    expect(hunan).toContain('株洲市妇联')
    expect(hunan.length).toBeLessThan(FILES.length)
    expect(await names({ province: '430000' })).toEqual(hunan)
    expect(await names({ city: '430200' })).toEqual(['株洲市妇联'])
    expect(await names({ county: '621202' })).toEqual(['武都区妇联'])
    expect(await names({ q: '武都' })).toEqual(['武都区妇联'])
    expect(await names({ q: '湖南' })).toEqual(hunan)
    const health = namesWhere((f) => f.topics.includes('健康'))
    expect(health).toEqual(expect.arrayContaining(['株洲市妇联', '武都区妇联']))
    expect(await names({ topic: '健康' })).toEqual(health)
    expect(await names({ province: '510000', topic: '健康' })).toEqual(
      namesWhere((f) => f.federation.region.province === '四川' && f.topics.includes('健康')),
    )
  })

  it('gives a report with sections resolved to figures', async () => {
    const report = await api.getReport('wudu-2020')
    expect(report.card.name).toBe('武都区妇联')
    const file = FILES.find((f) => f.federation.id === 'wudu-2020')!
    expect(report.sections.map((s) => s.figures.map((f) => f.id))).toEqual(file.sections.map((s) => s.figureIds))
    // The pages show the number; the article's words stay with the source text.
    expect(report.sections.flatMap((s) => s.figures).some((f) => 'quote' in f)).toBe(false)
    expect(report.programs.length).toBeGreaterThan(0)
  })

  it('answers unknown ids with a Chinese not-found error', async () => {
    const e = await rejection(api.getReport('nope'))
    expect(e.code).toBe('not_found')
    expect(e.message).toMatch(/没有找到/)
    expect((await rejection(api.getProgram('nope'))).code).toBe('not_found')
  })

  it('gives a program with dated sessions', async () => {
    const detail = await api.getProgram('cd-live-commerce')
    expect(detail.federation.name).toBe('成都市妇联')
    expect(detail.sessions[0].start).toBe('2026-11-29T14:00:00+08:00')
  })

  it('answers a bad region code or cursor as the server does: invalid, in Chinese', async () => {
    expect(await rejection(api.listCards({ province: '四川' }))).toMatchObject({ code: 'invalid', field: 'province' })
    expect(await rejection(api.listCards({ county: '510100' }))).toMatchObject({ code: 'invalid', field: 'county' })
    expect(await rejection(api.listCards({}, 'page-2'))).toMatchObject({
      code: 'invalid',
      field: 'cursor',
      message: '翻页位置不对，请从头再看',
    })
  })

  it('marks sessions as demo data, and cards whose programs have them, but never a figure', async () => {
    const { cards } = await api.listCards()
    // Every file under mock/ is demo data where it has sessions: a card says so when any program has them.
    const hasSessions = new Map(FILES.map((f) => [f.federation.id, f.programs.some((p) => p.signup?.demo)]))
    expect(cards.length).toBe(FILES.length)
    for (const c of cards) expect(c.demoSessions).toBe(hasSessions.get(c.federationId))
    expect(cards.some((c) => c.demoSessions)).toBe(true)
    expect(cards.flatMap((c) => c.headlineFigures).some((f) => 'demo' in f)).toBe(false)
    const detail = await api.getProgram('zz-legal-aid')
    expect(detail.sessions.length).toBeGreaterThan(0)
    expect(detail.sessions.every((s) => s.demo === true)).toBe(true)
  })

  it('fails like a network when told to, with a message to show', async () => {
    let fail = true
    const flaky = createMockApi({ files: contentFiles, store: memoryStore(), shouldFail: () => fail })
    const e = await rejection(flaky.listCards())
    expect(e.code).toBe('network')
    fail = false
    expect((await flaky.listCards()).cards).toHaveLength(contentFiles.length)
  })
})

describe('mock Api: sign-ups', () => {
  let store: ReturnType<typeof memoryStore>
  let api: Api
  beforeEach(() => {
    store = memoryStore()
    api = createMockApi({ files: [...contentFiles, ...extra], store, now: () => NOW })
  })

  it('confirms while seats last, then waitlists in arrival order', async () => {
    // The fixture session has 2 seats.
    expect((await api.submitSignup(request('王芳', '13800138001'))).status).toBe('confirmed')
    expect((await api.submitSignup(request('李娜', '13800138002'))).status).toBe('confirmed')
    const third = await api.submitSignup(request('张丽', '13800138003'))
    const fourth = await api.submitSignup(request('赵敏', '13800138004'))
    expect([third.status, third.waitlistPosition]).toEqual(['waitlisted', 1])
    expect([fourth.status, fourth.waitlistPosition]).toEqual(['waitlisted', 2])
  })

  it('refuses the same person twice for the same session, whatever the mobile formatting', async () => {
    await api.submitSignup(request('王芳', '13800138000'))
    const e = await rejection(api.submitSignup(request('王芳', '+86 138-0013-8000')))
    expect(e.code).toBe('duplicate')
    expect(e.message).toContain('已经报名')
  })

  it('lets one phone sign up different people', async () => {
    await api.submitSignup(request('王芳', '13800138000'))
    await api.submitSignup(request('王秀英', '13800138000'))
    expect(await api.listMySignups()).toHaveLength(2)
  })

  it('makes exactly one record for a repeated submit', async () => {
    const r = request('王芳')
    const [a, b] = await Promise.all([api.submitSignup(r), api.submitSignup(r)])
    expect(a.id).toBe(b.id)
    expect(await api.listMySignups()).toHaveLength(1)
  })

  it('cancelling frees the seat for the first on the waitlist', async () => {
    const first = await api.submitSignup(request('王芳', '13800138001'))
    await api.submitSignup(request('李娜', '13800138002'))
    const waiting = await api.submitSignup(request('张丽', '13800138003'))
    const cancelled = await api.cancelSignup(first.id)
    expect(cancelled.status).toBe('cancelled')
    const after = await api.listMySignups()
    expect(after.find((s) => s.id === waiting.id)?.status).toBe('confirmed')
  })

  it('stores nothing without consent to the privacy notice', async () => {
    const e = await rejection(api.submitSignup({ ...request('王芳'), consent: false as true }))
    expect([e.code, e.field, e.message]).toEqual(['invalid', 'consent', '请先阅读并勾选同意《隐私说明》'])
    expect(await api.listMySignups()).toHaveLength(0)
  })

  it('refuses a closed session', async () => {
    const e = await rejection(
      api.submitSignup(request('王芳', '13800138000', { programId: 'wd-live-training', sessionId: 'wd-live-2' })),
    )
    expect(e.code).toBe('closed')
  })

  it('says so when storage is full, and records nothing', async () => {
    store.full = true
    const e = await rejection(api.submitSignup(request('王芳')))
    expect(e.code).toBe('storage')
    expect(e.message).toMatch(/存储空间/)
    store.full = false
    expect(await api.listMySignups()).toEqual([])
  })

  it('says a sign-up for a demo session is demo, also one stored before sign-ups said so', async () => {
    const made = await api.submitSignup(request('王芳'))
    expect(made.demo).toBe(true)
    const stored = JSON.parse(store.data.get(SIGNUPS_KEY) ?? '[]') as Array<Record<string, unknown>>
    expect(stored[0].demo).toBe(true)
    store.data.set(SIGNUPS_KEY, JSON.stringify(stored.map(({ demo: _gone, ...old }) => old)))
    expect((await api.listMySignups()).map((s) => s.demo)).toEqual([true])
  })

  it('sets unreadable stored data aside instead of dropping it', async () => {
    store.data.set(SIGNUPS_KEY, '{not json')
    expect(await api.listMySignups()).toEqual([])
    expect(store.data.get(`${SIGNUPS_KEY}.corrupt`)).toBe('{not json')
  })
})
