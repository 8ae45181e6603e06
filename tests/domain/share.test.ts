import { buildCatalog } from '@/domain/catalog'
import { heroSplit, scopeText } from '@/domain/figures'
import {
  shareText,
  cardShareImage,
  cardShareTitle,
  leadFigure,
  isSinglePageScene,
  programShareTitle,
  SHARE_TITLE_MAX,
  sharePath,
  shareQuery,
  truncate,
} from '@/domain/share'

import type { Figure } from '@/domain/types'
import { toCard, toReport } from '@/domain/views'
import { contentFiles } from '../support/content-files'
import { fig as figure } from '../support/figures'

const fig = (label: string, value: string, unit: string, over: Partial<Figure> = {}) =>
  figure('x', label, value, unit, over)
const total = (label: string, value: string, unit: string, scopeLabel?: string) =>
  fig(label, value, unit, { scope: 'total', scopeLabel })

describe('share titles', () => {
  it('builds a card title from the first headline figure, as the article wrote it', () => {
    expect(cardShareTitle({ name: '成都市妇联', year: 2020, headlineFigures: [fig('培训', '198861', '人次')] })).toBe(
      '成都市妇联2020年终盘点：培训198861人次',
    )
  })

  it('keeps qualifiers in the figure', () => {
    expect(
      cardShareTitle({ name: '惠州市妇联', year: 2020, headlineFigures: [fig('带动妇女就业', '7000多', '名')] }),
    ).toBe('惠州市妇联2020年终盘点：带动妇女就业7000多名')
  })

  it.each([
    ['a long label gives way first', '成都市妇联', '抗疫网络专题发布的各类信息和一线女性事迹报道', '680余'],
    [
      'a very long federation name still keeps the figure',
      '某某省某某市某某县某某镇某某村妇女联合会',
      '培训',
      '198861',
    ],
  ])('%s, and the title stays within the limit', (_what, name, label, value) => {
    const title = cardShareTitle({ name, year: 2020, headlineFigures: [fig(label, value, '人次')] })
    expect(Array.from(title).length).toBeLessThanOrEqual(SHARE_TITLE_MAX)
    expect(title.startsWith(name.slice(0, 5))).toBe(true)
    expect(title.endsWith(`${value}人次`)).toBe(true)
  })

  it('keeps the figure when the label is shortened', () => {
    const title = cardShareTitle({
      name: '成都市妇联',
      year: 2020,
      headlineFigures: [fig('抗疫网络专题发布的各类信息和一线女性事迹报道', '680余', '条')],
    })
    expect(title.endsWith('…680余条')).toBe(true)
  })

  it('leads with the figure the card sets large; a total there leads labelled as one, never as the year', () => {
    const headlineFigures = [total('巾帼志愿者', '1000余', '人', '八年累计'), fig('创建美丽庭院', '58.1万', '户')]
    expect(cardShareTitle({ name: '河北省妇联', year: 2021, headlineFigures })).toBe(
      '河北省妇联2021年终盘点：八年累计巾帼志愿者1000余人',
    )
    expect(leadFigure(headlineFigures)?.label).toBe('巾帼志愿者')
  })

  it.each([
    ['八年累计', '河北省妇联2021年终盘点：八年累计创建美丽庭院58.1万户'],
    ['截至目前', '河北省妇联2021年终盘点：截至目前创建美丽庭院58.1万户'],
    [undefined, '河北省妇联2021年终盘点：累计创建美丽庭院58.1万户'],
  ])('labels a total it has to lead with (%s)', (scopeLabel, title) => {
    const headlineFigures = [total('创建美丽庭院', '58.1万', '户', scopeLabel)]
    expect(cardShareTitle({ name: '河北省妇联', year: 2021, headlineFigures })).toBe(title)
  })

  it("keeps a total's words when the label gives way", () => {
    const title = cardShareTitle({
      name: '成都市妇联',
      year: 2020,
      headlineFigures: [total('抗疫网络专题发布的各类信息和一线女性事迹报道', '680余', '条', '八年累计')],
    })
    expect(Array.from(title).length).toBeLessThanOrEqual(SHARE_TITLE_MAX)
    expect(title).toMatch(/^成都市妇联2020年终盘点：八年累计抗疫.*…680余条$/)
  })

  it('works without figures', () => {
    expect(cardShareTitle({ name: '成都市妇联', year: 2020, headlineFigures: [] })).toBe('成都市妇联2020年终盘点')
  })

  it('says a program is open for sign-up only when it is', () => {
    const p = { title: '我为家乡直播带货', signup: { demo: false, sessions: [], form: [] } }
    expect(programShareTitle(p, '成都市妇联', true)).toBe('成都市妇联·我为家乡直播带货，正在报名')
    expect(programShareTitle(p, '成都市妇联', false)).toBe('成都市妇联·我为家乡直播带货')
    // Demo sessions never travel into a chat as a real sign-up.
    const demo = { ...p, signup: { ...p.signup, demo: true } }
    expect(programShareTitle(demo, '成都市妇联', true)).toBe('成都市妇联·我为家乡直播带货（示例场次）')
    expect(programShareTitle({ title: '我为家乡直播带货', signup: undefined }, '成都市妇联', true)).toBe(
      '成都市妇联·我为家乡直播带货',
    )
  })

  it('truncates long program titles within the limit', () => {
    const title = programShareTitle(
      { title: '农村电商“一村一品”带头人提升培训和直播带货实战训练营第二期', signup: undefined },
      '惠州市妇联',
      false,
    )
    expect(Array.from(title).length).toBeLessThanOrEqual(SHARE_TITLE_MAX)
    expect(title.endsWith('…')).toBe(true)
  })

  it('counts an emoji as one character', () => {
    expect(truncate('😀😀😀😀', 3)).toBe('😀😀…')
  })
})

describe('shares lead with the hero figure', () => {
  const a = fig('领头雁培训', '198861', '人次', { id: 'a' })
  const b = fig('抗疫专题阅读量', '167.2万', '人次', { id: 'b' })
  const t = fig('志愿者', '1000余', '人', { id: 't', scope: 'total', scopeLabel: '八年累计' })

  it('takes the figure the federation chose as hero, wherever it stands', () => {
    expect(leadFigure([a, b], 'b')).toBe(b)
    const card = { name: '成都市妇联', year: 2020, color: '#C62828', headlineFigures: [a, b], heroFigureId: 'b' }
    expect(cardShareTitle(card)).toBe('成都市妇联2020年终盘点：抗疫专题阅读量167.2万人次')
    expect(cardShareImage(card)).toEqual({
      color: '#C62828',
      title: '成都市妇联',
      subtitle: '2020 年终盘点',
      figure: b,
    })
  })

  it('without a hero, or with one not on the card, leads with the first figure, as the card does', () => {
    expect(leadFigure([a, b])).toBe(a)
    expect(leadFigure([a, b], 'gone')).toBe(a)
    expect(leadFigure([])).toBeUndefined()
  })

  it('a total leads only with its words (八年累计), on the title and the image alike', () => {
    const card = { name: '河北省妇联', year: 2021, color: '#AD1457', headlineFigures: [t, a], heroFigureId: 't' }
    expect(cardShareTitle(card)).toBe('河北省妇联2021年终盘点：八年累计志愿者1000余人')
    expect(scopeText(cardShareImage(card).figure ?? a)).toBe('八年累计')
  })

  // Every federation in mock/ (the shipped five, and any file added beside them, with or without a
  // hero): the title, the share images and the card's and poster's large figure are one figure.
  const { files } = buildCatalog(contentFiles)
  it('covers every federation file', () => {
    expect(files.length).toBe(contentFiles.length)
  })
  it.each(files.map((f) => [f.federation.id, f] as const))('%s', (_id, file) => {
    const card = toCard(file, new Date('2026-11-23T02:00:00Z'))
    const report = toReport(file).card
    const lead = leadFigure(card.headlineFigures, card.heroFigureId)
    expect(lead).toBeDefined()
    if (!lead) return
    expect(lead.id).toBe(file.heroFigureId ?? file.headlineFigureIds[0])
    // The card's large figure and the poster's (heroSplit on the report card) are the share's figure.
    expect(heroSplit(card.headlineFigures, card.heroFigureId).hero?.id).toBe(lead.id)
    expect(heroSplit(report.headlineFigures, report.heroFigureId).hero?.id).toBe(lead.id)
    expect(cardShareImage(card).figure?.id).toBe(lead.id)
    expect(cardShareTitle(report)).toBe(cardShareTitle(card))
    const title = cardShareTitle(card)
    expect(Array.from(title).length).toBeLessThanOrEqual(SHARE_TITLE_MAX)
    expect(title.endsWith(`${lead.value.trim()}${lead.unit}`)).toBe(true)
    // The same file naming no hero: the first headline figure leads, on the card and in the share.
    const { heroFigureId: _named, ...unnamed } = file
    const plain = toCard(unnamed, new Date('2026-11-23T02:00:00Z'))
    expect(leadFigure(plain.headlineFigures, plain.heroFigureId)?.id).toBe(file.headlineFigureIds[0])
    expect(cardShareImage(plain).figure?.id).toBe(heroSplit(plain.headlineFigures, plain.heroFigureId).hero?.id)
    // A named hero is a year's result (the catalog refuses a total); a total leading says so.
    if (file.heroFigureId) expect(lead.scope).not.toBe('total')
    const scope = scopeText(lead)
    if (scope) expect(title).toContain(`：${scope}`)
  })
})

describe('share paths and queries', () => {
  it.each([
    [
      { kind: 'report' as const, federationId: 'chengdu-2020' },
      '/pages/report/index?id=chengdu-2020',
      'id=chengdu-2020',
    ],
    [
      { kind: 'program' as const, programId: 'cd-live-commerce' },
      '/pages/program/index?id=cd-live-commerce',
      'id=cd-live-commerce',
    ],
    [{ kind: 'program' as const, programId: 'a&b=c' }, '/pages/program/index?id=a%26b%3Dc', 'id=a%26b%3Dc'],
    [{ kind: 'feed' as const }, '/pages/feed/index', ''],
  ])('%j', (page, path, query) => {
    expect(sharePath(page)).toBe(path)
    expect(shareQuery(page)).toBe(query)
  })

  it('knows the Moments scene', () => {
    expect(isSinglePageScene(1154)).toBe(true)
    expect(isSinglePageScene(1001)).toBe(false)
    expect(isSinglePageScene(undefined)).toBe(false)
  })
})

describe('shared and copied text', () => {
  it('leads with the title and its key figure, then the address', () => {
    const title = cardShareTitle({
      name: '成都市妇联',
      year: 2020,
      headlineFigures: [figure('a', '领头雁培训', '198861', '人次')],
    })
    expect(shareText(title, 'https://example.org/#/pages/report/index?id=chengdu-2020')).toBe(
      '成都市妇联2020年终盘点：领头雁培训198861人次 https://example.org/#/pages/report/index?id=chengdu-2020',
    )
  })

  it('is the bare address only when there is no title', () => {
    expect(shareText('  ', 'https://example.org/')).toBe('https://example.org/')
  })
})
