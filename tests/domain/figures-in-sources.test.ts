// Every figure stands in its source text (mock/<id>.txt beside mock/<id>.json), with its quote, at number
// boundaries; and the figures a review found shown out of their meaning stay fixed.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as OpenCC from 'opencc-js'
import { buildCatalog } from '@/domain/catalog'
import { checkFigures } from '@/domain/figure-check'
import type { FederationFile } from '@/domain/types'
import { contentFiles, MOCK_DIR } from '../support/content-files'

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' })
const sourceOf = (file: string) => join(MOCK_DIR, file.replace(/^mock\//, '').replace(/\.json$/, '.txt'))

describe.each(contentFiles.map((f) => [f.file, f.data as FederationFile] as const))('%s', (file, data) => {
  const path = sourceOf(file)

  it('has its source text beside it', () => {
    expect(existsSync(path)).toBe(true)
  })

  const article = existsSync(path) ? readFileSync(path, 'utf8') : ''
  const problems = checkFigures(data, article)

  it.each(data.figures.map((f) => [f.id, `${f.value}${f.unit}`, f] as const))(
    '%s: "%s" and its quote stand in the source text',
    (id, _text, figure) => {
      expect(problems.filter((p) => p.figureId === id).map((p) => `${p.field} ${p.message}`)).toEqual([])
      // The quote is kept in simplified characters, as the app shows it.
      expect(toSimplified(figure.quote)).toBe(figure.quote)
    },
  )
})

describe('figures shown with the meaning their article gives them', () => {
  const files = buildCatalog(contentFiles).files
  const byId = new Map(files.flatMap((f) => f.figures.map((g) => [g.id, { ...g, file: f }] as const)))
  const program = (id: string) => files.flatMap((f) => f.programs).find((p) => p.id === id)
  const fileOf = (id: string) => files.find((f) => f.federation.id === id)

  it.each([
    ['hz-served', '近350万', '八年累计'],
    ['hz-fund', '近2165万', '八年累计'],
    ['hz-projects-run', '600多', '八年累计'],
    ['hb-courtyards', '58.1万', '截至目前'],
    ['hb-fine', '11.6万', '截至目前'],
    ['hb-micro', '1410', '累计建成'],
    ['wd-homes-province', '6', '累计建成'],
    ['wd-homes-city', '23', '累计建成'],
    ['zz-reading-clubs', '31', '已建有'],
  ])('%s (%s) is a total, labelled %s', (id, value, label) => {
    expect(byId.get(id)).toMatchObject({ value, scope: 'total', scopeLabel: label })
  })

  it.each(['huizhou-2020', 'hebei-2021'])('%s opens its card with a result of its year', (id) => {
    const file = fileOf(id) as FederationFile
    const first = file.figures.find((f) => f.id === file.headlineFigureIds[0])
    expect(first?.scope).toBe('year')
    expect(file.headlineFigureIds).not.toContain('hz-served')
    expect(file.headlineFigureIds).not.toContain('hb-courtyards')
  })

  it('keeps 突破 in the 出手吧姐姐 audience figure', () => {
    expect(byId.get('zz-live-watch')).toMatchObject({ value: '突破71万', unit: '人次' })
  })

  it.each([
    ['zz-live-farm', ['zz-bottles', 'zz-live-watch']],
    ['zz-reemployment', ['zz-ecom-jobs']],
    ['wd-live-training', ['wd-consumption']],
    ['hz-rural-ecom', ['hz-farm-women']],
  ])('%s lists only its own past results, not %j', (id, foreign) => {
    const p = program(id)
    expect(p).toBeDefined()
    for (const f of foreign) expect(p?.figureIds).not.toContain(f)
  })

  /** Every word a reader sees for a federation: summary, labels, sections, programs. */
  const prose = (id: string) => {
    const f = fileOf(id) as FederationFile
    return [
      f.summary,
      ...f.figures.map((g) => g.label),
      ...f.sections.flatMap((s) => [s.title, s.text]),
      ...f.programs.flatMap((p) => [p.title, p.summary, p.audience, ...(p.signup?.sessions.map((s) => s.title) ?? [])]),
    ].join('\n')
  }

  it.each([
    ['wudu-2020', ['免费', '天天']],
    ['zhuzhou-2020', ['律师']],
    ['huizhou-2020', ['开到村里']],
    ['hebei-2021', ['百万家庭', '五十多万']],
    ['chengdu-2020', ['近二十万', '培训基层妇联干部近']],
  ])('%s says nothing its article does not: none of %j', (id, words) => {
    const text = prose(id)
    expect(text.length).toBeGreaterThan(0)
    for (const w of words) expect(text).not.toContain(w)
  })

  it('keeps the two 株洲 live streams in separate sections', () => {
    const zz = fileOf('zhuzhou-2020') as FederationFile
    const holding = (figure: string) => zz.sections.find((s) => s.figureIds.includes(figure))?.id
    expect(holding('zz-bottles')).toBeDefined()
    expect(holding('zz-bottles')).not.toBe(holding('zz-shops'))
  })
})
