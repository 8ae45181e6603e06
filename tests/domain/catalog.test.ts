import { buildCatalog, checkFederationFile, type RawFile } from '@/domain/catalog'
import { createMockApi } from '@/services/mock/mock-api'
import { contentFiles, readJsonDir } from '../support/content-files'
import { memoryStore } from '../support/memory-store'
import { join } from 'node:path'

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T

describe('the shipped data', () => {
  const catalog = buildCatalog(contentFiles)

  it('has every file valid, with no problems', () => {
    expect(catalog.problems.map((p) => p.message)).toEqual([])
    expect(catalog.files).toHaveLength(contentFiles.length)
    expect(contentFiles.length).toBeGreaterThanOrEqual(5)
  })

  it.each(contentFiles.map((f) => [f.file, f] as const))(
    '%s has at least 8 figures with label, value and unit',
    (_name, raw) => {
      const result = checkFederationFile(raw.file, raw.data)
      if (!('ok' in result)) throw new Error(result.problems.map((p) => p.message).join('\n'))
      expect(result.ok.figures.length).toBeGreaterThanOrEqual(8)
      for (const f of result.ok.figures) {
        expect(f.label.length).toBeGreaterThan(0)
        expect(f.value.length).toBeGreaterThan(0)
        expect(f.unit.length).toBeGreaterThan(0)
      }
    },
  )

  it('has at least 40 figures and 15 programs in all, 8 of them taking sign-ups', () => {
    const figures = catalog.files.flatMap((f) => f.figures)
    const programs = catalog.files.flatMap((f) => f.programs)
    const withSignup = programs.filter((p) => p.signup)
    expect(figures.length).toBeGreaterThanOrEqual(40)
    expect(programs.length).toBeGreaterThanOrEqual(15)
    expect(withSignup.length).toBeGreaterThanOrEqual(8)
    // A skills training and a 直播带货 activity are among them.
    expect(withSignup.some((p) => /家政|技能/.test(p.title))).toBe(true)
    expect(withSignup.some((p) => /直播/.test(p.title))).toBe(true)
    // Every sign-up is marked as demo data.
    expect(withSignup.every((p) => p.signup?.demo === true)).toBe(true)
  })

  it('never names a city for the 河北 federation, whose article names none', () => {
    const hebei = catalog.files.find((f) => f.federation.region.province === '河北')
    expect(hebei?.federation.region.city).toBeUndefined()
  })
})

describe('adding a federation is adding a file', () => {
  it('loads a sixth federation from one extra JSON file', async () => {
    const extra = readJsonDir(join(__dirname, '..', 'fixtures', 'extra-federation'), 'fixtures')
    const api = createMockApi({ files: [...contentFiles, ...extra], store: memoryStore() })
    const cards = await api.listCards()
    expect(cards).toHaveLength(contentFiles.length + 1)
    expect(cards.map((c) => c.name)).toContain('测试用妇联')
    const report = await api.getReport('test-city-2024')
    expect(report.sections[0].figures[0].value).toBe('12')
  })
})

describe('broken data fails with the file and the field', () => {
  const base = contentFiles.find((f) => f.file.endsWith('chengdu-2020.json')) as RawFile
  type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

  it.each<[string, (d: Data) => void, string]>([
    ['a missing federation name', (d) => delete d.federation.name, 'federation.name'],
    ['a figure without a unit', (d) => delete d.figures[2].unit, 'figures[2].unit'],
    ['a figure value that is not the article wording', (d) => (d.figures[0].value = '大约七百'), 'figures[0].value'],
    ['a section pointing at a missing figure', (d) => (d.sections[1].figureIds = ['nope']), 'sections[1].figureIds[0]'],
    ['an unknown topic', (d) => (d.programs[0].topic = '体育'), 'programs[0].topic'],
    ['a sign-up not marked as demo', (d) => (d.programs[0].signup.demo = false), 'programs[0].signup.demo'],
    [
      'a session with more seats taken than exist',
      (d) => (d.programs[0].signup.sessions[0].taken = 999),
      'programs[0].signup.sessions[0].taken',
    ],
    [
      'a choice field without options',
      (d) => delete d.programs[0].signup.form[5].options,
      'programs[0].signup.form[5].options',
    ],
    ['a duplicate figure id', (d) => (d.figures[1].id = d.figures[0].id), 'figures[1].id'],
    ['a malformed source date', (d) => (d.source.date = '2021/01/18'), 'source.date'],
  ])('reports %s', (_what, breakIt, field) => {
    const data = clone(base.data) as Data
    breakIt(data)
    const result = checkFederationFile('mock/broken.json', data)
    expect('problems' in result).toBe(true)
    const messages = 'problems' in result ? result.problems.map((p) => p.message) : []
    expect(messages.some((m) => m.startsWith(`mock/broken.json: ${field} `))).toBe(true)
  })

  it('reports a file that is not an object at all', () => {
    const result = checkFederationFile('mock/empty.json', null)
    expect('problems' in result && result.problems[0].message).toMatch(/^mock\/empty\.json: /)
  })

  it('leaves a broken file out but keeps the others, and rejects ids clashing across files', () => {
    const broken = clone(base.data) as Data
    delete broken.federation.id
    const twin = { file: 'mock/twin.json', data: clone(base.data) }
    const catalog = buildCatalog([...contentFiles, { file: 'mock/broken.json', data: broken }, twin])
    expect(catalog.files).toHaveLength(contentFiles.length)
    const messages = catalog.problems.map((p) => p.message)
    expect(messages.some((m) => m.startsWith('mock/broken.json: federation.id'))).toBe(true)
    expect(messages.some((m) => m.startsWith('mock/twin.json: federation.id') && m.includes('重复'))).toBe(true)
  })
})
