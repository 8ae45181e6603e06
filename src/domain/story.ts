// Story mode: a report told one idea a screen (opening, one figure a section, closing), and its count-up frames.
import { formatFigure, scopeText } from './figures'
import type { FederationReport } from './views'
import type { ShownFigure } from './types'

export interface StoryFigure {
  /** What the screen shows once counted up: exactly the report's figure text ("约123.5万", "近5.6万"). */
  text: string
  unit: string
  /** 累计, 八年累计…: a total says so, as the report does; undefined for a year's result. */
  scope?: string
  label: string
  /** The report's exact wording, for a screen reader: "培训妇女群众（累计）：3.19万人次". */
  speech: string
}

export type StoryScreen =
  | { kind: 'opening'; key: 'opening'; name: string; year: number; region: string; summary: string }
  | { kind: 'figure'; key: string; title: string; figure: StoryFigure; line: string }
  | { kind: 'closing'; key: 'closing'; name: string; year: number; sourceLine: string }

const storyFigure = (f: ShownFigure): StoryFigure => {
  const shown = formatFigure(f.value, f.unit)
  const scope = scopeText(f)
  return {
    text: shown.text,
    unit: shown.unit,
    ...(scope ? { scope } : {}),
    label: f.label,
    speech: `${f.label}${scope ? `（${scope}）` : ''}：${shown.exact}`,
  }
}

/** The first clause of a section's text: one line of what its figure means, in the report's own words. */
export function firstClause(text: string): string {
  const clause = text.split(/[；。;！!？?\n]/)[0]?.trim() ?? ''
  return clause || text.trim()
}

/**
 * Screens in the report's order: the opening, then one per section that has figures (its headline
 * figure if it holds one, else its first), then any headline figure no section holds, then closing.
 */
export function storyScreens(report: FederationReport): StoryScreen[] {
  const { card } = report
  const headline = new Set(card.headlineFigures.map((f) => f.id))
  const shown = new Set<string>()
  const screens: StoryScreen[] = [
    {
      kind: 'opening',
      key: 'opening',
      name: card.name,
      year: card.year,
      region: [card.region.province, card.region.city, card.region.district].filter(Boolean).join(' · '),
      summary: card.summary,
    },
  ]
  for (const s of report.sections) {
    const f = s.figures.find((x) => headline.has(x.id)) ?? s.figures[0]
    if (!f) continue
    shown.add(f.id)
    screens.push({ kind: 'figure', key: s.id, title: s.title, figure: storyFigure(f), line: firstClause(s.text) })
  }
  for (const f of card.headlineFigures) {
    if (shown.has(f.id)) continue
    shown.add(f.id)
    screens.push({ kind: 'figure', key: f.id, title: `${card.year}年亮点`, figure: storyFigure(f), line: card.summary })
  }
  screens.push({
    kind: 'closing',
    key: 'closing',
    name: card.name,
    year: card.year,
    sourceLine: `数据来源：${card.source.publisher}《${card.source.headline}》`,
  })
  return screens
}

/** What a screen reader hears when a screen shows: "第 3 / 10 屏：思想引领". */
export function screenAnnouncement(screens: StoryScreen[], index: number): string {
  const s = screens[index]
  if (!s) return ''
  const what = s.kind === 'opening' ? `${s.name}${s.year}年终盘点` : s.kind === 'figure' ? s.title : '看完了'
  return `第 ${index + 1} / ${screens.length} 屏：${what}`
}

/** Ease-out cubic: fast at first, settling on the figure. */
export const easeOut = (t: number): number => {
  const p = Math.min(1, Math.max(0, t))
  return 1 - (1 - p) ** 3
}

/** A text with exactly one Arabic number in it ("近5.6万", "500余"); ranges and words have no count-up. */
const ONE_NUMBER = /^([^\d]*)(\d+)(?:\.(\d+))?([^\d]*)$/

/**
 * The figure text at progress t (0…1) of its count-up: the number eased from 0 with the same
 * decimals and words around it. At t ≥ 1 it is exactly `text`; text it cannot count is `text` always.
 */
export function countUpFrame(text: string, t: number): string {
  const m = ONE_NUMBER.exec(text)
  if (!m || t >= 1) return text
  const [, before, whole, decimals = '', after] = m
  const target = Number(`${whole}${decimals ? `.${decimals}` : ''}`)
  const value = target * easeOut(t)
  const shown = decimals ? value.toFixed(decimals.length) : String(Math.floor(value))
  return `${before}${shown}${after}`
}

/** The count-up as `count` frames (the last is the figure's text); one frame when it cannot count. */
export function countUpFrames(text: string, count: number): string[] {
  if (!ONE_NUMBER.test(text) || count <= 1) return [text]
  return Array.from({ length: count }, (_, i) => countUpFrame(text, (i + 1) / count))
}

/** Path for a chat share of the story, and the query for Moments: a friend opens the story itself. */
export const storySharePath = (federationId: string) =>
  `/subpackages/story/index?id=${encodeURIComponent(federationId)}`
export const storyShareQuery = (federationId: string) => `id=${encodeURIComponent(federationId)}`

/** The share title: "株洲市妇联2020年终盘点·一分钟看完". */
export const storyShareTitle = (name: string, year: number) => `${name}${year}年终盘点·一分钟看完`
