// A year-end card as the editor holds it while an organizer builds it from her source text, checked by the data rules.
// Carries the traditional→simplified dictionary through figure-check.ts: for the card editor and the server, not the
// app's main package. The preview renders a draft with views.ts after draftToFederationFile.
import { checkFederationFile } from './catalog'
import { checkFigures } from './figure-check'
import type { NumberCandidate } from './provenance'
import { suggestScope } from './provenance'
import { copy, defined, draftToFederationFile, type CardDraft, type DraftFigure } from './card-shape'
import type { FederationFile } from './types'

export { draftToFederationFile }
export type { CardDraft, DraftFigure, DraftSection } from './card-shape'

/** The draft of a shipped card, to edit it; draftToFederationFile gives the same file back. */
export function federationFileToDraft(shipped: FederationFile, sourceText: string): CardDraft {
  const file = copy(shipped)
  const sectionOf = new Map(file.sections.flatMap((s) => s.figureIds.map((id) => [id, s.id] as const)))
  const { id, name, region, level, year, note } = file.federation
  return defined({
    id,
    name,
    region,
    level,
    year,
    note,
    color: file.theme.color,
    summary: file.summary,
    topics: file.topics,
    source: file.source,
    sections: file.sections.map(({ figureIds, ...s }) => ({ ...s, order: figureIds })),
    figures: file.figures.map((f) => defined({ ...f, section: sectionOf.get(f.id) })),
    headlineFigureIds: file.headlineFigureIds,
    heroFigureId: file.heroFigureId,
    programs: file.programs,
    sourceText,
  })
}

/** A figure made from a candidate the organizer picked: its sentence is its quote, its scope suggested. */
export function figureFromCandidate(
  candidate: NumberCandidate,
  figure: { id: string; label: string; section?: string },
): DraftFigure {
  return defined({
    ...figure,
    value: candidate.value,
    unit: candidate.unit,
    ...suggestScope(candidate.sentence, candidate),
    quote: candidate.sentence,
  })
}

export interface DraftProblem {
  /** The draft's field at fault: "color", "region.code", "figures[2].value". */
  field: string
  /** In Chinese, naming the field as the editor shows it: "主题色：…". */
  message: string
}

/** A draft id is a file name and part of an address: lowercase letters, digits and single hyphens. */
const DRAFT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

const FIELD_NAMES: Record<string, string> = {
  id: '卡片编号',
  name: '妇联名称',
  level: '级别',
  year: '年份',
  note: '备注',
  region: '地区',
  'region.province': '省份',
  'region.city': '城市',
  'region.district': '区县',
  'region.code': '行政区划代码',
  color: '主题色',
  summary: '简介',
  topics: '主题',
  source: '来源',
  'source.publisher': '来源的发布单位',
  'source.headline': '来源的标题',
  'source.date': '来源的日期',
  headlineFigureIds: '卡片上的关键数字',
  heroFigureId: '主打数字',
  figures: '数字',
  sections: '报告的部分',
  programs: '项目',
  sourceText: '原文',
}
const FIGURE_FIELDS: Record<string, string> = {
  id: '编号',
  label: '名称',
  value: '数值',
  unit: '单位',
  scope: '范围',
  scopeLabel: '累计说明',
  quote: '原文摘句',
  section: '所在部分',
}
const SECTION_FIELDS: Record<string, string> = { id: '编号', title: '标题', topic: '主题', text: '正文', order: '数字' }

/** How the editor names a draft field: "figures[2].value" → "第3个数字的数值". */
export function fieldName(field: string): string {
  const item = /^(figures|sections|programs|headlineFigureIds|topics)\[(\d+)\](?:\.(\w+))?/.exec(field)
  if (!item) return FIELD_NAMES[field] ?? field
  const [, list, index, key] = item
  const n = Number(index) + 1
  if (list === 'figures') return `第${n}个数字${key ? `的${FIGURE_FIELDS[key] ?? key}` : ''}`
  if (list === 'sections') return `第${n}部分${key ? `的${SECTION_FIELDS[key] ?? key}` : ''}`
  if (list === 'programs') return `第${n}个项目`
  if (list === 'headlineFigureIds') return `第${n}个关键数字`
  return `第${n}个主题`
}

/** A field of the federation file, as the draft names it: "theme.color" → "color". */
function draftField(fileField: string): string {
  return fileField
    .replace(/^federation\./, '')
    .replace(/^theme\.color$/, 'color')
    .replace(/^\(根\)\.?/, '')
    .replace(/^(sections\[\d+\])\.figureIds/, '$1.order')
}

/**
 * Every problem that keeps a draft from being published, in Chinese, each naming its field: the data
 * contract's rules (catalog.ts: fields, MIN_FIGURES, 3–4 headline figures, region code and colour
 * formats, ids), every figure and quote against the source text (figure-check.ts), and the draft's own
 * (its id as a file name, each figure's section). None for a card ready to publish.
 */
export function checkDraft(draft: CardDraft): DraftProblem[] {
  const problems: DraftProblem[] = []
  const add = (field: string, detail: string) => {
    const message = `${fieldName(field)}：${detail}`
    if (!problems.some((p) => p.field === field && p.message === message)) problems.push({ field, message })
  }
  if (!DRAFT_ID.test(draft.id)) add('id', `“${draft.id}”只能用小写字母、数字和短横线，如 hebei-2021`)
  const file = `${draft.id}.json`
  const checked = checkFederationFile(file, draftToFederationFile(draft))
  if ('problems' in checked) {
    for (const p of checked.problems) add(draftField(p.field), p.message.slice(`${file}: ${p.field} `.length))
  }
  const sections = new Set(draft.sections.map((s) => s.id))
  draft.figures.forEach((f, i) => {
    if (f.section !== undefined && !sections.has(f.section)) add(`figures[${i}].section`, `部分“${f.section}”不存在`)
  })
  if (draft.sourceText.trim() === '') {
    add('sourceText', '请先粘贴原文（文章或工作总结）：卡片上的每个数字都要能在原文中找到')
  } else {
    for (const p of checkFigures(draft, draft.sourceText)) add(p.field, p.message)
  }
  return problems
}
