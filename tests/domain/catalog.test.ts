import { areaList } from '@vant/area-data'
import {
  trustedCatalog,
  buildCatalog,
  checkFederationFile,
  federationIdProblem,
  idFromFileName,
  MIN_FIGURES,
  regionCodeLevel,
  regionCodeProblem,
  type RawFile,
} from '@/domain/catalog'
import { FIGURE_VALUE } from '@/domain/figure-match'
import type { FederationFile } from '@/domain/types'
import { createMockApi } from '@/services/mock/mock-api'
import { contentFiles, readJsonDir } from '../support/content-files'
import { memoryStore } from '../support/memory-store'
import { join } from 'node:path'

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T
const problemsOf = (file: string, data: unknown) => {
  const result = checkFederationFile(file, data)
  return 'problems' in result ? result.problems.map((p) => p.message) : []
}

describe('the shipped data', () => {
  const catalog = buildCatalog(contentFiles)

  it('has every file valid, with no problems', () => {
    expect(catalog.problems.map((p) => p.message)).toEqual([])
    expect(catalog.files).toHaveLength(contentFiles.length)
    expect(contentFiles.length).toBeGreaterThanOrEqual(5)
  })

  it.each(contentFiles.map((f) => [f.file, f] as const))(
    '%s is named after its id and has enough figures, each with label, value and unit',
    (name, raw) => {
      const result = checkFederationFile(raw.file, raw.data)
      if (!('ok' in result)) throw new Error(result.problems.map((p) => p.message).join('\n'))
      expect(name).toBe(`mock/${result.ok.federation.id}.json`)
      expect(result.ok.figures.length).toBeGreaterThanOrEqual(MIN_FIGURES)
      for (const f of result.ok.figures) {
        expect(f.label.length).toBeGreaterThan(0)
        expect(FIGURE_VALUE.test(f.value)).toBe(true)
        expect(f.unit.length).toBeGreaterThan(0)
      }
    },
  )

  // The national list of divisions (GB/T 2260) is a test-only dependency: it never enters the app bundle.
  it.each(contentFiles.map((f) => [f.file, (f.data as FederationFile).federation.region] as const))(
    '%s gives the division code of the place it names',
    (name, region) => {
      const { code, province, city, district } = region
      const [list, place] = district
        ? [areaList.county_list, district]
        : city
          ? [areaList.city_list, city]
          : [areaList.province_list, province]
      const named = list[code] ?? '（没有这个代码）'
      const inProvince = areaList.province_list[`${code.slice(0, 2)}0000`] ?? '（没有这个省）'
      // Said as the data checks say it: the file, the field, and what the code really names.
      const problems = [
        ...((district ? named === district : named.startsWith(place))
          ? []
          : [`${name}: federation.region.code ${code} 是“${named}”，不是“${place}”`]),
        ...(inProvince.startsWith(province)
          ? []
          : [`${name}: federation.region.code ${code} 在“${inProvince}”，不在“${province}”`]),
      ]
      expect(problems).toEqual([])
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
    // Every sign-up is marked as demo data, and every place reads as an example.
    expect(withSignup.every((p) => p.signup?.demo === true)).toBe(true)
    const places = withSignup.flatMap((p) => p.signup?.sessions.flatMap((s) => (s.place ? [s.place] : [])) ?? [])
    expect(places.length).toBeGreaterThan(0)
    for (const place of places) expect(place).toContain('（示例地点）')
  })

  it('never names a city for the 河北 federation, whose article names none', () => {
    const hebei = catalog.files.find((f) => f.federation.id === 'hebei-2021')
    expect(hebei?.federation.region).toEqual({ province: '河北', code: '130000' })
  })
})

describe('adding a federation is adding a file', () => {
  it('loads a further federation from one extra JSON file', async () => {
    const extra = readJsonDir(join(__dirname, '..', 'fixtures', 'extra-federation'), 'fixtures')
    const api = createMockApi({ files: [...contentFiles, ...extra], store: memoryStore() })
    const { cards } = await api.listCards()
    expect(cards).toHaveLength(contentFiles.length + 1)
    expect(cards.map((c) => c.name)).toContain('测试用妇联')
    const report = await api.getReport('test-city-2024')
    expect(report.sections[0].figures[0].value).toBe('12')
  })

  it('takes a short county report with a handful of figures, ranges and Chinese numerals', () => {
    const base = clone(contentFiles.find((f) => f.file === 'mock/chengdu-2020.json')?.data) as FederationFile
    const county = clone(base)
    county.federation = {
      ...county.federation,
      id: 'some-county-2025',
      level: '区县级',
      region: { province: '四川', city: '成都', district: '某某区', code: '510199' },
    }
    const keep = county.figures.slice(0, 5)
    keep[0] = { ...keep[0], value: '3-5', unit: '期', quote: '每月办3-5期' }
    keep[1] = { ...keep[1], value: '三百多', unit: '人', quote: '三百多人参加' }
    keep[2] = { ...keep[2], value: '二十', unit: '个', quote: '建成二十个' }
    county.figures = keep
    county.headlineFigureIds = keep.slice(0, 3).map((f) => f.id)
    county.sections = [{ ...county.sections[0], figureIds: keep.map((f) => f.id) }]
    county.programs = county.programs.map((p) => ({ ...p, figureIds: [] }))
    expect(problemsOf('mock/some-county-2025.json', county)).toEqual([])
  })
})

describe('broken data fails with the file and the field', () => {
  const base = contentFiles.find((f) => f.file === 'mock/chengdu-2020.json') as RawFile
  const NAME = 'mock/chengdu-2020.json'
  type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

  it('has a base that is valid as it is', () => {
    expect(problemsOf(NAME, base.data)).toEqual([])
  })

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
      'a demo session at a place that reads as a real address',
      (d) => (d.programs[0].signup.sessions[0].place = '成都市妇女儿童中心'),
      'programs[0].signup.sessions[0].place',
    ],
    [
      'a choice field without options',
      (d) => delete d.programs[0].signup.form[5].options,
      'programs[0].signup.form[5].options',
    ],
    ['a duplicate figure id', (d) => (d.figures[1].id = d.figures[0].id), 'figures[1].id'],
    ['a program id used twice', (d) => (d.programs[1].id = d.programs[0].id), 'programs[1].id'],
    [
      'a session id used by two programs',
      (d) => (d.programs[1].signup.sessions[0].id = d.programs[0].signup.sessions[0].id),
      'programs[1].signup.sessions[0].id',
    ],
    ['a malformed source date', (d) => (d.source.date = '2021/01/18'), 'source.date'],
    ['a federation id that is not the file name', (d) => (d.federation.id = 'chengdu-2021'), 'federation.id'],
    ['a missing region code', (d) => delete d.federation.region.code, 'federation.region.code'],
    ['a region code of 5 digits', (d) => (d.federation.region.code = '51010'), 'federation.region.code'],
    ['a province code for a city', (d) => (d.federation.region.code = '510000'), 'federation.region.code'],
    ['a county code for a city', (d) => (d.federation.region.code = '510104'), 'federation.region.code'],
    ['a figure without scope', (d) => delete d.figures[3].scope, 'figures[3].scope'],
    ['an unknown scope', (d) => (d.figures[3].scope = 'forever'), 'figures[3].scope'],
    ['a total without its scope label', (d) => (d.figures[3].scope = 'total'), 'figures[3].scopeLabel'],
    ['a scope label on a year figure', (d) => (d.figures[3].scopeLabel = '累计'), 'figures[3].scopeLabel'],
    ['a figure without a quote', (d) => delete d.figures[4].quote, 'figures[4].quote'],
    ['a quote that does not hold the figure', (d) => (d.figures[4].quote = '亲子才艺秀'), 'figures[4].quote'],
    [
      'a quote holding the figure only inside a larger number',
      (d) => Object.assign(d.figures[4], { value: '2.6万', unit: '人次', quote: '访问量22.6万人次' }),
      'figures[4].quote',
    ],
    ['too few figures', (d) => (d.figures = d.figures.slice(0, MIN_FIGURES - 1)), 'figures'],
    ['a total opening the card', (d) => setFirstHeadlineTotal(d), 'headlineFigureIds[0]'],
    ['the same headline figure twice', (d) => (d.headlineFigureIds[1] = d.headlineFigureIds[0]), 'headlineFigureIds'],
    ['five headline figures', (d) => d.headlineFigureIds.push(d.figures[0].id), 'headlineFigureIds'],
    ['a hero that is not a figure', (d) => (d.heroFigureId = 'cd-nowhere'), 'heroFigureId'],
    ['a hero left off the card', (d) => (d.heroFigureId = offTheCard(d)), 'heroFigureId'],
    ['a hero that is not text', (d) => (d.heroFigureId = 3), '(根).heroFigureId'],
  ])('reports %s', (_what, breakIt, field) => {
    const data = clone(base.data) as Data
    breakIt(data)
    const messages = problemsOf(NAME, data)
    expect(messages.some((m) => m.startsWith(`${NAME}: ${field} `))).toBe(true)
  })

  const offTheCard = (d: Data) => d.figures.find((f: Data) => !d.headlineFigureIds.includes(f.id)).id

  it('refuses a hero off the card in Chinese, naming it', () => {
    const data = clone(base.data) as Data
    data.heroFigureId = offTheCard(data)
    expect(problemsOf(NAME, data)).toEqual([
      `${NAME}: heroFigureId "${data.heroFigureId}" 不是卡片上的关键数字；主打数字要从卡片上的关键数字里选`,
    ])
  })

  it('refuses a running total as the hero', () => {
    const data = clone(base.data) as Data
    data.heroFigureId = data.headlineFigureIds[1]
    Object.assign(
      data.figures.find((f: Data) => f.id === data.heroFigureId),
      { scope: 'total', scopeLabel: '累计' },
    )
    expect(problemsOf(NAME, data)).toContain(
      `${NAME}: heroFigureId "${data.heroFigureId}" 是累计数字，不能作为主打数字；请选当年的数字`,
    )
  })

  it('takes a hero among the headline figures, and a file without one', () => {
    const data = clone(base.data) as Data
    data.heroFigureId = data.headlineFigureIds[2]
    expect(problemsOf(NAME, data)).toEqual([])
    delete data.heroFigureId
    expect(problemsOf(NAME, data)).toEqual([])
  })

  function setFirstHeadlineTotal(d: Data) {
    const first = d.figures.find((f: Data) => f.id === d.headlineFigureIds[0])
    Object.assign(first, { scope: 'total', scopeLabel: '累计' })
  }

  it('names the file when the id does not match it', () => {
    expect(problemsOf('mock/twin.json', clone(base.data))).toEqual([
      'mock/twin.json: federation.id "chengdu-2020" 应与文件名一致，即 "twin"',
    ])
  })

  it.each([
    '3-5',
    '3至5',
    '3—5',
    '三百多',
    '二十',
    '突破71万',
    '超200万',
    '超过1000',
    '近5.6万',
    '103万余',
    '40余万',
    '500以上',
  ])('takes %s as the article writes it', (value) => expect(FIGURE_VALUE.test(value)).toBe(true))

  it.each(['大约七百', '3--5', '71万突破', '5,000', '', '三百 多'])('refuses "%s" as a value', (value) => {
    expect(FIGURE_VALUE.test(value)).toBe(false)
  })

  it('reports a file that is not an object at all', () => {
    const result = checkFederationFile('mock/empty.json', null)
    expect('problems' in result && result.problems[0].message).toMatch(/^mock\/empty\.json: /)
  })

  it('leaves a broken file out but keeps the others, and names a copy under another name by its own file', () => {
    const broken = clone(base.data) as Data
    delete broken.federation.name
    const twin = { file: 'mock/aaa-twin.json', data: clone(base.data) }
    const catalog = buildCatalog([twin, ...contentFiles, { file: 'mock/chengdu-2020-copy.json', data: broken }])
    expect(catalog.files).toHaveLength(contentFiles.length)
    expect(catalog.files.map((f) => f.federation.id)).toContain('chengdu-2020')
    const messages = catalog.problems.map((p) => p.message)
    expect(messages.some((m) => m.startsWith('mock/chengdu-2020-copy.json: federation.name'))).toBe(true)
    expect(messages).toContain('mock/aaa-twin.json: federation.id "chengdu-2020" 应与文件名一致，即 "aaa-twin"')
    // The shipped file is never the one blamed.
    expect(messages.some((m) => m.startsWith(NAME))).toBe(false)
  })

  it.each([
    ['before', (newcomer: RawFile) => [newcomer, ...contentFiles]],
    ['after', (newcomer: RawFile) => [...contentFiles, newcomer]],
  ])('refuses both files when a new file, read %s, reuses a program id, and names each', (_when, order) => {
    const data = clone(base.data) as Data
    data.federation.id = 'aaa-2025'
    data.programs.forEach((p: Data, i: number) => {
      if (i > 0) p.id = `aaa-${p.id}`
      p.signup?.sessions.forEach((s: Data) => (s.id = `aaa-${s.id}`))
    })
    const newcomer = { file: 'mock/aaa-2025.json', data }
    const catalog = buildCatalog(order(newcomer))
    const ids = catalog.files.map((f) => f.federation.id)
    expect(ids).not.toContain('aaa-2025')
    expect(ids).not.toContain('chengdu-2020')
    expect(ids).toHaveLength(contentFiles.length - 1)
    const clash = `"${base.data && (base.data as Data).programs[0].id}"`
    expect(catalog.problems.map((p) => p.message)).toEqual([
      expect.stringMatching(new RegExp(`^mock/(aaa-2025|chengdu-2020)\\.json: programs\\[0\\]\\.id ${clash} 与 mock/`)),
      expect.stringMatching(new RegExp(`^mock/(aaa-2025|chengdu-2020)\\.json: programs\\[0\\]\\.id ${clash} 与 mock/`)),
    ])
    const [a, b] = catalog.problems.map((p) => p.file).sort()
    expect([a, b]).toEqual(['mock/aaa-2025.json', NAME])
  })
})

describe('ids and region codes for a new federation', () => {
  it('accepts the first two digits of every province in the national list, and no others', () => {
    const provinces = new Set(Object.keys(areaList.province_list).map((c) => c.slice(0, 2)))
    for (let p = 10; p < 100; p++) {
      const problem = regionCodeProblem(`${p}0100`)
      expect([p, problem === undefined]).toEqual([p, provinces.has(String(p))])
    }
    expect(regionCodeProblem('62120')).toContain('应为6位行政区划代码')
    expect(regionCodeLevel('620000')).toBe('省')
    expect(regionCodeLevel('621200')).toBe('市')
    expect(regionCodeLevel('621202')).toBe('区县')
  })

  it('accepts every shipped federation id, and refuses what could not be a file name or a link', () => {
    for (const f of contentFiles) expect(federationIdProblem(idFromFileName(f.file))).toBeUndefined()
    for (const bad of ['Wudu-2020', 'wudu_2020', '2020-wudu', 'wudu--2020', 'wudu-', '武都', 'a'.repeat(65)]) {
      expect([bad, federationIdProblem(bad)]).toEqual([bad, expect.any(String)])
    }
  })
})

describe('the app bundle without quotes and forms (config/built-in-content-loader.cjs)', () => {
  type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  // The loader is what the app's webpack build runs on each mock/*.json: without a query for the main
  // package's copy, with `?forms` for the forms the pages that sign up load (content-forms.ts).
  const load = require('../../config/built-in-content-loader.cjs') as (
    this: { resourceQuery: string },
    source: string,
  ) => string
  const loader = (source: string) => load.call({ resourceQuery: '' }, source)
  const formsOf = (source: string) => JSON.parse(load.call({ resourceQuery: '?forms' }, source)) as Data
  const stripped = contentFiles.map((f) => ({ file: f.file, data: JSON.parse(loader(JSON.stringify(f.data))) }))
  // What a page that signs up sees: the copy with its forms put back by program id.
  const bundled = stripped.map((f, i) => {
    const forms = formsOf(JSON.stringify(contentFiles[i].data))
    const data = clone(f.data) as Data
    for (const p of data.programs) if (p.signup) p.signup.form = forms[p.id]
    return { file: f.file, data }
  })

  it('leaves every quote and every form out, and nothing else', () => {
    for (const [i, f] of stripped.entries()) {
      const expected = clone(contentFiles[i].data) as Data
      expected.figures.forEach((fig: Data) => delete fig.quote)
      expected.programs.forEach((p: Data) => p.signup && delete p.signup.form)
      expect(f.data).toEqual(expected)
      expect(JSON.stringify(f.data)).not.toContain('"quote"')
      expect(JSON.stringify(f.data)).not.toContain('"form"')
    }
  })

  it('gives each program’s form, whole, by its id under ?forms', () => {
    for (const f of contentFiles) {
      const data = f.data as Data
      const withForms = data.programs.filter((p: Data) => p.signup)
      expect(formsOf(JSON.stringify(data))).toEqual(
        Object.fromEntries(withForms.map((p: Data) => [p.id, p.signup.form])),
      )
    }
  })

  it('is trusted by the app as it is: the same files, in the same order, as the checked catalog', () => {
    const trusted = trustedCatalog(bundled)
    expect(trusted.problems).toEqual([])
    expect(trusted.files).toEqual(buildCatalog(bundled, { quotesLeftOut: true }).files)
  })

  it('is a whole catalog for the app, and a refused one anywhere quotes are required', () => {
    const app = buildCatalog(bundled, { quotesLeftOut: true })
    expect(app.problems).toEqual([])
    expect(app.files).toHaveLength(contentFiles.length)
    const strict = buildCatalog(bundled)
    expect(strict.files).toHaveLength(0)
    expect(strict.problems[0].message).toMatch(/figures\[0\]\.quote 缺失$/)
  })

  it('still refuses a quote that is there but does not hold its figure', () => {
    const data = clone(contentFiles[0].data) as Data
    data.figures[0].quote = '这句话里没有那个数字。'
    const result = checkFederationFile(contentFiles[0].file, data, { quotesLeftOut: true })
    expect('problems' in result && result.problems.map((p) => p.field)).toEqual(['figures[0].quote'])
  })
})

describe('the server’s catalog (sessions are dated rows of their own)', () => {
  type Data = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any
  const real = () => {
    const data = clone(contentFiles[0].data) as Data
    data.programs[0].signup = { demo: false, sessions: [], form: data.programs[0].signup.form }
    return data
  }

  it('takes a program with real sign-ups and no session templates', () => {
    expect(checkFederationFile(contentFiles[0].file, real(), { datedSessions: true })).toHaveProperty('ok')
  })

  it('still refuses it where sessions come from templates (the app, the mock), and a form without mobile anywhere', () => {
    const fields = (r: ReturnType<typeof checkFederationFile>) =>
      'problems' in r ? r.problems.map((p) => p.field) : []
    expect(fields(checkFederationFile(contentFiles[0].file, real()))).toEqual([
      'programs[0].signup.demo',
      'programs[0].signup.sessions',
    ])
    const noMobile = real()
    noMobile.programs[0].signup.form = noMobile.programs[0].signup.form.filter((f: Data) => f.type !== 'mobile')
    expect(fields(checkFederationFile(contentFiles[0].file, noMobile, { datedSessions: true }))).toEqual([
      'programs[0].signup.form',
    ])
  })
})
