// A card as the editor holds it: the shipped cards round-trip through it, pass its check and preview
// as they show; broken drafts are told what is wrong, field by field, in Chinese.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  checkDraft,
  draftToFederationFile,
  federationFileToDraft,
  fieldName,
  figureFromCandidate,
  type CardDraft,
} from '@/domain/card-draft'
import { numberCandidates } from '@/domain/provenance'
import { heroSplit } from '@/domain/figures'
import type { FederationFile } from '@/domain/types'
import { toCard, toReport } from '@/domain/views'
import { clock } from '@/shared/clock'
import { contentFiles, MOCK_DIR } from '../support/content-files'

const cards = contentFiles.map((f) => {
  const data = f.data as FederationFile
  return [data.federation.id, data, readFileSync(join(MOCK_DIR, `${data.federation.id}.txt`), 'utf8')] as const
})

describe.each(cards)('%s', (_id, file, text) => {
  const draft = federationFileToDraft(file, text)

  it('round-trips through a draft unchanged', () => {
    expect(draftToFederationFile(draft)).toStrictEqual(file)
    expect(draftToFederationFile(federationFileToDraft(draftToFederationFile(draft), text))).toStrictEqual(file)
  })

  it('names a hero, the headline figure its article states first, and carries it to the card and the report', () => {
    if (file.heroFigureId === undefined) {
      // A federation added without choosing one (the hero is optional): its card and report name none,
      // and the card leads with its first headline figure.
      expect('heroFigureId' in toCard(file, clock.now())).toBe(false)
      expect('heroFigureId' in toReport(file).card).toBe(false)
      expect(heroSplit(toCard(file, clock.now()).headlineFigures, undefined).hero?.id).toBe(file.headlineFigureIds[0])
      return
    }
    // Where each headline figure's number first stands in the article (digits read the same in either script).
    const at = (id: string) => text.indexOf(file.figures.find((f) => f.id === id)!.value.replace(/[^0-9.]/g, ''))
    const lead = [...file.headlineFigureIds].sort((a, b) => at(a) - at(b))[0]
    expect(file.heroFigureId).toBe(lead)
    expect(toCard(file, clock.now()).heroFigureId).toBe(lead)
    expect(toReport(file).card.heroFigureId).toBe(lead)
    const { heroFigureId: _hero, ...unnamed } = file
    expect('heroFigureId' in toCard(unnamed, clock.now())).toBe(false)
    expect(draftToFederationFile({ ...draft, heroFigureId: undefined })).toStrictEqual(unnamed)
  })

  it('is edited without touching the shipped file', () => {
    const editing = federationFileToDraft(file, text)
    const before = JSON.stringify(file)
    editing.region.code = '000000'
    editing.figures[0].quote = '改过'
    editing.programs.pop()
    expect(JSON.stringify(file)).toBe(before)
  })

  it('has no problem as a draft', () => {
    expect(checkDraft(draft)).toEqual([])
  })

  it('puts each figure in the section that shows it', () => {
    for (const s of file.sections) {
      for (const id of s.figureIds) expect(draft.figures.find((f) => f.id === id)?.section).toBe(s.id)
    }
    const shown = new Set(file.sections.flatMap((s) => s.figureIds))
    for (const f of draft.figures) expect(f.section === undefined).toBe(!shown.has(f.id))
  })

  it('previews as the app shows it', () => {
    expect(toReport(draftToFederationFile(draft))).toEqual(toReport(file))
  })
})

describe('a draft being edited', () => {
  const [, hebei, hebeiText] = cards.find(([id]) => id === 'hebei-2021') ?? cards[0]
  const base = () => federationFileToDraft(structuredClone(hebei), hebeiText)
  const problemsOf = (change: (d: CardDraft) => void) => {
    const d = base()
    change(d)
    return checkDraft(d)
  }

  it('moves a figure to another section by its section, last unless ordered', () => {
    const d = base()
    const moving = d.figures[0]
    const from = d.sections.find((s) => s.id === moving.section)
    const to = d.sections.find((s) => s.id !== moving.section)
    if (!from || !to) throw new Error('hebei-2021 has two sections')
    moving.section = to.id
    const file = draftToFederationFile(d)
    expect(file.sections.find((s) => s.id === from.id)?.figureIds).not.toContain(moving.id)
    expect(file.sections.find((s) => s.id === to.id)?.figureIds).toEqual([...to.order, moving.id])
    expect(checkDraft(d)).toEqual([])
  })

  it.each<[string, (d: CardDraft) => void, Array<{ field: string; message: string }>]>([
    [
      'a colour that is not #RRGGBB',
      (d) => (d.color = '#12'),
      [{ field: 'color', message: '主题色："#12" 应为 #RRGGBB' }],
    ],
    [
      'a region code that is not 6 digits',
      (d) => (d.region = { ...d.region, code: '13110' }),
      [{ field: 'region.code', message: '行政区划代码："13110" 应为6位行政区划代码（GB/T 2260），如 621202' }],
    ],
    ['no name', (d) => (d.name = ' '), [{ field: 'name', message: '妇联名称：应为非空字符串' }]],
    [
      'an id that cannot be a file name',
      (d) => (d.id = 'Hebei 2021'),
      [{ field: 'id', message: '卡片编号：“Hebei 2021”只能用小写字母、数字和短横线，如 hebei-2021' }],
    ],
    [
      'fewer figures than a card needs',
      (d) => {
        d.figures = d.figures.filter((f) => d.headlineFigureIds.slice(0, 2).includes(f.id))
        d.headlineFigureIds = d.headlineFigureIds.slice(0, 2)
        d.sections.forEach((s) => (s.order = []))
        d.programs = []
      },
      // The count of headline figures is checked once the fields are right, as catalog.ts does.
      [{ field: 'figures', message: '数字：至少要有 3 个数字' }],
    ],
    [
      'a total first on the card',
      (d) => (d.headlineFigureIds = ['hb-courtyards', ...d.headlineFigureIds.slice(1)]),
      [
        {
          field: 'headlineFigureIds[0]',
          message: '第1个关键数字："hb-courtyards" 是累计数字，不能作为卡片的第一个数字；请选当年的数字',
        },
      ],
    ],
    [
      'a total without its label',
      (d) => delete d.figures[8].scopeLabel,
      [
        {
          field: 'figures[8].scopeLabel',
          message: '第9个数字的累计说明：累计数字须写明累计范围，用原文的说法（如 八年累计、截至目前）',
        },
      ],
    ],
    [
      'a figure typed by hand that is not in the text',
      (d) => {
        d.figures[0].value = '536'
        d.figures[0].quote = '全市妇联系统开展巾帼大宣讲536场次'
      },
      [
        {
          field: 'figures[0].value',
          message: '第1个数字的数值：“536场次”在原文里找不到。卡片上的每个数字都要能在原文中找到。',
        },
        {
          field: 'figures[0].quote',
          message: '第1个数字的原文摘句：摘句“全市妇联系统开展巾帼大宣讲536场次”在原文中找不到',
        },
      ],
    ],
    [
      'a quote without its figure',
      (d) => (d.figures[0].quote = '读书班106场次'),
      [{ field: 'figures[0].quote', message: '第1个数字的原文摘句：摘句里没有“535场次”' }],
    ],
    [
      'a figure in a section that does not exist',
      (d) => (d.figures[0].section = 'gone'),
      [{ field: 'figures[0].section', message: '第1个数字的所在部分：部分“gone”不存在' }],
    ],
    [
      'no source text',
      (d) => (d.sourceText = '  \n'),
      [{ field: 'sourceText', message: '原文：请先粘贴原文（文章或工作总结）：卡片上的每个数字都要能在原文中找到' }],
    ],
    [
      'two headline figures',
      // As the editor does, the hero goes with a figure taken off the card.
      (d) => Object.assign(d, { headlineFigureIds: d.headlineFigureIds.slice(0, 2), heroFigureId: undefined }),
      [{ field: 'headlineFigureIds', message: '卡片上的关键数字：应有 3–4 个' }],
    ],
    [
      'a hero off the card',
      (d) => (d.heroFigureId = d.figures.find((f) => !d.headlineFigureIds.includes(f.id))!.id),
      [
        {
          field: 'heroFigureId',
          message: '主打数字："hb-reading" 不是卡片上的关键数字；主打数字要从卡片上的关键数字里选',
        },
      ],
    ],
  ])('names %s', (_what, change, expected) => {
    expect(problemsOf(change)).toEqual(expected)
  })

  it('names fields as the editor shows them', () => {
    expect(fieldName('figures[2].value')).toBe('第3个数字的数值')
    expect(fieldName('sections[0].title')).toBe('第1部分的标题')
    expect(fieldName('region.code')).toBe('行政区划代码')
    expect(fieldName('programs[1].signup.sessions[0].place')).toBe('第2个项目')
  })
})

describe('a new card built from picked candidates', () => {
  const text =
    '2023年,全县妇联开展巾帼宣讲120场次,覆盖妇女8000余人。连续三年开展“两癌”筛查,累计筛查近2万人。\n新建妇女微家15个。'
  const picked = numberCandidates(text)
  const draft: CardDraft = {
    id: 'test-county-2023',
    name: '某某县妇联',
    region: { province: '甘肃省', city: '陇南市', district: '武都区', code: '621202' },
    level: '区县级',
    year: 2023,
    color: '#c2185b',
    summary: '一年的宣讲、筛查与阵地建设。',
    topics: ['宣传引领', '健康'],
    source: { publisher: '某某县妇联', headline: '2023年工作总结', date: '2024-01' },
    sections: [{ id: 's1', title: '宣讲与阵地', topic: '宣传引领', text: '宣讲走进村社。', order: [] }],
    figures: [
      figureFromCandidate(picked[0], { id: 'talks', label: '巾帼宣讲', section: 's1' }),
      figureFromCandidate(picked[1], { id: 'reach', label: '覆盖妇女' }),
      figureFromCandidate(picked[2], { id: 'screened', label: '“两癌”筛查' }),
      figureFromCandidate(picked[3], { id: 'homes', label: '新建妇女微家', section: 's1' }),
    ],
    headlineFigureIds: ['talks', 'reach', 'homes'],
    programs: [],
    sourceText: text,
  }

  it('takes each picked figure with its sentence and a suggested scope', () => {
    expect(draft.figures.map((f) => [f.value, f.unit, f.scope, f.scopeLabel, f.quote])).toEqual([
      ['120', '场次', 'year', undefined, '2023年,全县妇联开展巾帼宣讲120场次,覆盖妇女8000余人'],
      ['8000余', '人', 'year', undefined, '2023年,全县妇联开展巾帼宣讲120场次,覆盖妇女8000余人'],
      ['近2万', '人', 'total', '三年累计', '连续三年开展“两癌”筛查,累计筛查近2万人'],
      ['15', '个', 'year', undefined, '新建妇女微家15个'],
    ])
  })

  it('passes the check and previews as a card', () => {
    expect(checkDraft(draft)).toEqual([])
    const card = toCard(draftToFederationFile(draft), clock.now())
    expect(card.headlineFigures.map((f) => `${f.value}${f.unit}`)).toEqual(['120场次', '8000余人', '15个'])
    expect(draftToFederationFile(draft).sections[0].figureIds).toEqual(['talks', 'homes'])
  })
})
