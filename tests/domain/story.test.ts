// Story screens come from the report exactly (order, figures, wording), and the count-up ends on the figure's text.
import { formatFigure, scopeText } from '@/domain/figures'
import {
  countUpFrame,
  countUpFrames,
  firstClause,
  screenAnnouncement,
  storyScreens,
  storySharePath,
  storyShareTitle,
} from '@/domain/story'
import type { FederationFile } from '@/domain/types'
import { toReport } from '@/domain/views'
import { contentFiles } from '../support/content-files'

const files = contentFiles.map((f) => f.data as FederationFile)
const zhuzhou = toReport(files.find((f) => f.federation.id === 'zhuzhou-2020')!)

describe('story screens', () => {
  it('open with the federation, tell one figure per section in order, and close', () => {
    const screens = storyScreens(zhuzhou)
    expect(screens[0]).toMatchObject({ kind: 'opening', name: '株洲市妇联', year: 2020 })
    expect(screens.at(-1)).toMatchObject({ kind: 'closing', name: '株洲市妇联' })
    const figures = screens.filter((s) => s.kind === 'figure')
    expect(figures.map((s) => s.title)).toEqual(zhuzhou.sections.map((s) => s.title))
    expect(screens).toHaveLength(zhuzhou.sections.length + 2)
    // 女性健康 holds the headline 两癌筛查 after three others: the headline figure is its screen's.
    const health = figures.find((s) => s.title === '女性健康')!
    expect(health.kind === 'figure' && health.figure.label).toBe(zhuzhou.card.headlineFigures[0].label)
    // A section without a headline figure leads with its first.
    const first = figures[0]
    expect(first.kind === 'figure' && first.figure.label).toBe(zhuzhou.sections[0].figures[0].label)
    expect(first.kind === 'figure' && first.line).toBe('全年组织报告会、学习会、宣讲会和各类培训')
  })

  it.each(files.map((f) => [f.federation.id, f] as const))(
    '%s: every figure is the report’s own, with its unit and 约/累计 wording, and every headline figure is told',
    (_id, file) => {
      const report = toReport(file)
      const all = [...report.card.headlineFigures, ...report.sections.flatMap((s) => s.figures)]
      const screens = storyScreens(report)
      const told = screens.flatMap((s) => (s.kind === 'figure' ? [s.figure] : []))
      for (const f of told) {
        const source = all.find((x) => x.label === f.label && formatFigure(x.value, x.unit).text === f.text)
        expect(source).toBeDefined()
        expect(f.unit).toBe(source!.unit)
        expect(f.scope).toBe(scopeText(source!))
        expect(f.speech).toContain(`${source!.value.trim()}${source!.unit}`)
      }
      for (const h of report.card.headlineFigures) expect(told.map((f) => f.label)).toContain(h.label)
      expect(new Set(screens.map((s) => s.key)).size).toBe(screens.length)
    },
  )

  it('tells a headline figure no section holds on a screen of its own, before the closing', () => {
    const lone = { ...zhuzhou.card.headlineFigures[0], id: 'lone', label: '独立数字', value: '1234567', unit: '元' }
    const report = { ...zhuzhou, card: { ...zhuzhou.card, headlineFigures: [lone] } }
    const screens = storyScreens(report)
    const extra = screens.at(-2)!
    expect(extra).toMatchObject({ kind: 'figure', title: '2020年亮点' })
    expect(extra.kind === 'figure' && extra.figure.text).toBe('约123.5万')
    expect(extra.kind === 'figure' && extra.figure.speech).toBe('独立数字：1234567元')
  })

  it('keeps 累计 on a total', () => {
    const total = { ...zhuzhou.sections[0].figures[0], scope: 'total' as const, scopeLabel: '八年累计' }
    const report = { ...zhuzhou, sections: [{ ...zhuzhou.sections[0], figures: [total] }] }
    const [, s] = storyScreens(report)
    expect(s.kind === 'figure' && s.figure.scope).toBe('八年累计')
    expect(s.kind === 'figure' && s.figure.speech).toBe(`${total.label}（八年累计）：${total.value}${total.unit}`)
  })

  it('skips a section with no figures', () => {
    const report = {
      card: { ...zhuzhou.card, headlineFigures: [] },
      sections: [{ ...zhuzhou.sections[0], figures: [] }],
      programs: [],
    }
    expect(storyScreens(report).map((s) => s.kind)).toEqual(['opening', 'closing'])
  })

  it('announces each screen with its place and title', () => {
    const screens = storyScreens(zhuzhou)
    expect(screenAnnouncement(screens, 0)).toBe('第 1 / 10 屏：株洲市妇联2020年终盘点')
    expect(screenAnnouncement(screens, 1)).toBe('第 2 / 10 屏：思想引领')
    expect(screenAnnouncement(screens, 9)).toBe('第 10 / 10 屏：看完了')
  })

  it('takes the first clause of a text, or the whole text when it has none', () => {
    expect(firstClause('甲乙；丙丁。')).toBe('甲乙')
    expect(firstClause('没有标点')).toBe('没有标点')
  })

  it('shares the story itself', () => {
    expect(storySharePath('zhuzhou-2020')).toBe('/subpackages/story/index?id=zhuzhou-2020')
    expect(storyShareTitle('株洲市妇联', 2020)).toBe('株洲市妇联2020年终盘点·一分钟看完')
  })
})

describe('count-up', () => {
  it.each(['3.19万', '近5.6万', '500余', '约123.5万', '198861', '146.41万', '突破71万'])(
    '%s ends exactly on its text, rising from zero with the same words and decimals',
    (text) => {
      const frames = countUpFrames(text, 12)
      expect(frames).toHaveLength(12)
      expect(frames.at(-1)).toBe(text)
      expect(countUpFrame(text, 0)).toMatch(/^\D*0(\.0+)?\D*$/)
      const numbers = frames.map((f) => Number(/\d+(\.\d+)?/.exec(f)![0]))
      for (let i = 1; i < numbers.length; i++) expect(numbers[i]).toBeGreaterThanOrEqual(numbers[i - 1])
      for (const f of frames) {
        expect(f.replace(/[\d.]/g, '')).toBe(text.replace(/[\d.]/g, ''))
        expect(/\.(\d+)/.exec(f)?.[1].length).toBe(/\.(\d+)/.exec(text)?.[1].length)
      }
    },
  )

  it('eases out: most of the way there by the middle frame', () => {
    expect(countUpFrame('1000', 0.5)).toBe('875')
  })

  it.each(['3-5', '三百多', '1.5-2', ''])('leaves %p as it is', (text) => {
    expect(countUpFrames(text, 12)).toEqual([text])
    expect(countUpFrame(text, 0.3)).toBe(text)
  })
})
