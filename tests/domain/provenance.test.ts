// The card editor's figure rules: numbers offered from the pasted text, typed figures checked against it,
// and scopes suggested, agreeing with the five articles and their cards.
import fc from 'fast-check'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { normalizeText } from '@/domain/figure-check'
import { checkFigureAgainstText, numberCandidates, suggestScope, UNIT_MISSING } from '@/domain/provenance'
import type { FederationFile } from '@/domain/types'
import { contentFiles, MOCK_DIR } from '../support/content-files'

const cards = contentFiles.map((f) => {
  const data = f.data as FederationFile
  return [data.federation.id, data, readFileSync(join(MOCK_DIR, `${data.federation.id}.txt`), 'utf8')] as const
})

/** The five shipped cards: the exact counts below are theirs; a federation added to mock/ is checked by the rules alone. */
const SHIPPED = ['chengdu-2020', 'hebei-2021', 'huizhou-2020', 'wudu-2020', 'zhuzhou-2020']

it('reads the five articles, and any other card with its own', () => {
  expect(cards.map(([id]) => id)).toEqual(expect.arrayContaining(SHIPPED))
  for (const [id] of cards) expect(existsSync(join(MOCK_DIR, `${id}.txt`))).toBe(true)
})

describe.each(cards)('%s', (_id, file, text) => {
  const candidates = numberCandidates(text)

  it.each(file.figures.map((f) => [f.id, `${f.value}${f.unit}`, f] as const))(
    '%s: "%s" is offered from the text, in the sentence it quotes',
    (_fid, _shown, figure) => {
      const same = candidates.filter((c) => c.value === figure.value && c.unit === figure.unit)
      expect(same.length).toBeGreaterThan(0)
      expect(same.some((c) => c.sentence.includes(normalizeText(figure.quote)))).toBe(true)
    },
  )

  it.each(file.figures.map((f) => [f.id, `${f.value}${f.unit}`, f] as const))(
    '%s: "%s" passes the check, which quotes its sentence',
    (_fid, _shown, figure) => {
      const checked = checkFigureAgainstText(text, figure)
      expect(checked).toMatchObject({ ok: true, value: figure.value, unit: figure.unit })
      if (!checked.ok) return
      expect(checked.quote).toContain(normalizeText(figure.quote))
      expect(normalizeText(text.slice(checked.start, checked.end))).toBe(`${figure.value}${figure.unit}`)
    },
  )

  it('offers its candidates in text order, each once', () => {
    const starts = candidates.map((c) => c.start)
    expect(starts).toEqual([...starts].sort((a, b) => a - b))
    expect(new Set(starts).size).toBe(starts.length)
  })
})

describe('suggestScope on the five cards', () => {
  const suggested = cards.flatMap(([id, file, text]) =>
    file.figures.map((f) => {
      const checked = checkFigureAgainstText(text, f)
      return { shipped: SHIPPED.includes(id), figure: f, suggestion: suggestScope(checked.ok ? checked.quote : '', f) }
    }),
  )

  it('agrees with every stored scope', () => {
    const wrong = suggested.filter((s) => s.suggestion.scope !== s.figure.scope).map((s) => s.figure.id)
    expect(wrong).toEqual([])
    expect(suggested.filter((s) => s.shipped && s.suggestion.scope === 'total')).toHaveLength(12)
  })

  it('gives every total the label its card shows, but one', () => {
    const misses = suggested
      .filter((s) => s.shipped && s.suggestion.scopeLabel !== s.figure.scopeLabel)
      .map((s) => [s.figure.id, s.suggestion.scopeLabel, s.figure.scopeLabel])
    // "目前,市、县两级妇联…共举行“领头雁”培训71期" opens like hb-villages' "目前,10个县…", which its card labels 目前.
    expect(misses).toEqual([['hb-leader-classes', '目前', '截至目前']])
  })
})

describe('numberCandidates', () => {
  it('gives each number its unit, qualifiers, place and sentence', () => {
    const text = '全市服务近350万人次。直播间观看人数突破71万人次！培训680余人；\n完成率98.13%'
    expect(
      numberCandidates(text).map(({ value, unit, qualifiers, sentence }) => ({ value, unit, qualifiers, sentence })),
    ).toEqual([
      { value: '近350万', unit: '人次', qualifiers: ['近'], sentence: '全市服务近350万人次' },
      { value: '突破71万', unit: '人次', qualifiers: ['突破'], sentence: '直播间观看人数突破71万人次' },
      { value: '680余', unit: '人', qualifiers: ['余'], sentence: '培训680余人' },
      { value: '98.13', unit: '%', qualifiers: [], sentence: '完成率98.13%' },
    ])
    const [first] = numberCandidates(text)
    expect(text.slice(first.start, first.end)).toBe('近350万人次')
  })

  it('reads traditional text and full-width digits, and points at them as pasted', () => {
    const text = '陳家村婦聯：籌集資金近２１６５萬元，創(chuàng)建美麗庭院58.1萬戶。'
    const found = numberCandidates(text)
    expect(found.map((c) => [c.value, c.unit, c.written])).toEqual([
      ['近2165万', '元', '近２１６５萬元'],
      ['58.1万', '户', '58.1萬戶'],
    ])
    expect(found[0].sentence).toBe('陈家村妇联:筹集资金近2165万元,创建美丽庭院58.1万户')
    for (const c of found) expect(text.slice(c.start, c.end)).toBe(c.written)
  })

  it('takes the whole unit the text writes', () => {
    const text = '来访来电287件次,培训3个月,提高2个百分点,开展35场次'
    expect(numberCandidates(text).map((c) => `${c.value}|${c.unit}`)).toEqual([
      '287|件次',
      '3|个月',
      '2|个百分点',
      '35|场次',
    ])
    expect(checkFigureAgainstText(text, { value: '287', unit: '件' }).ok).toBe(false)
    expect(checkFigureAgainstText(text, { value: '3', unit: '个' }).ok).toBe(false)
  })

  it('offers no bare number: a card figure needs its unit, and a typed one without it is refused', () => {
    const text = '报料热线 2831000。直播观看量超200万,获点赞数超1800万次'
    expect(numberCandidates(text).map((c) => `${c.value}|${c.unit}`)).toEqual(['超1800万|次'])
    expect(checkFigureAgainstText(text, { value: '2831000', unit: '' })).toEqual({ ok: false, message: UNIT_MISSING })
    expect(checkFigureAgainstText(text, { value: '超200万', unit: '' })).toEqual({ ok: false, message: UNIT_MISSING })
    expect(checkFigureAgainstText(text, { value: '超1800万', unit: '次' }).ok).toBe(true)
  })

  it('keeps numbers whole: 312 and 1.25 are not read as 12 or 1.2', () => {
    expect(numberCandidates('共312人,金额1.25万元').map((c) => `${c.value}${c.unit}`)).toEqual(['312人', '1.25万元'])
  })

  it('gives the same number in two sentences twice, each with its sentence', () => {
    const found = numberCandidates('今年培训12期。\n明年再办12期')
    expect(found.map((c) => [c.value, c.sentence])).toEqual([
      ['12', '今年培训12期'],
      ['12', '明年再办12期'],
    ])
  })

  it('keeps a figure that a line break cuts in two, with both lines of its sentence', () => {
    const [c] = numberCandidates('组织宣讲36\n场次,覆盖面广。')
    expect(c).toMatchObject({ value: '36', unit: '场次', written: '36\n场次', sentence: '组织宣讲36场次,覆盖面广' })
  })

  it('reads ranges and Chinese numerals with a unit', () => {
    const found = numberCandidates('每次3-5分钟,共有三百多人参加,建成二十个妇女之家')
    expect(found.map((c) => `${c.value}|${c.unit}`)).toEqual(['3-5|分钟', '三百多|人', '二十|个'])
  })

  it('leaves out dates, ordinals, and numerals that are words', () => {
    const text = '2021年3月8日,第112个妇女节,统一购买,一线女性,千家万户,H5页面,10:30开始,十大人物,党的十九届五中全会'
    expect(numberCandidates(text)).toEqual([])
  })

  it('leaves out list and heading numbers and a bare hotline, but not a figure that opens a line', () => {
    const text =
      '一年回顾\n1. 推动理论武装\n2、开展宣讲\n  3坚持正确方向\n组建“3+1姐妹帮帮团”\n处理12338维权热线\n58万个家庭参与'
    expect(numberCandidates(text).map((c) => `${c.value}${c.unit}`)).toEqual(['58万个'])
  })
})

describe('checkFigureAgainstText', () => {
  const text = '截至目前,全市共创建美丽庭院58.1万户。服务妇女儿童近350万人次,其中培训12人次。'

  it('refuses a figure the text does not have, saying so in Chinese', () => {
    expect(checkFigureAgainstText(text, { value: '58.2万', unit: '户' })).toEqual({
      ok: false,
      message: '“58.2万户”在原文里找不到。卡片上的每个数字都要能在原文中找到。',
    })
  })

  it('refuses a figure that drops its qualifier or shortens its unit, and says what the text writes', () => {
    expect(checkFigureAgainstText(text, { value: '350万', unit: '人次' })).toEqual({
      ok: false,
      message: '“350万人次”在原文里找不到。卡片上的每个数字都要能在原文中找到。原文写的是“近350万人次”，请照原文填写。',
    })
    const shortUnit = checkFigureAgainstText(text, { value: '12', unit: '人' })
    expect(shortUnit.ok).toBe(false)
    if (!shortUnit.ok) expect(shortUnit.message).toContain('原文写的是“12人次”')
  })

  it('refuses part of a larger number', () => {
    expect(checkFigureAgainstText('共312人', { value: '12', unit: '人' }).ok).toBe(false)
    expect(checkFigureAgainstText('金额1.25万元', { value: '1.2', unit: '' }).ok).toBe(false)
    expect(checkFigureAgainstText('金额1.25万元', { value: '1.25万', unit: '元' }).ok).toBe(true)
  })

  it('refuses what is no number', () => {
    expect(checkFigureAgainstText(text, { value: '', unit: '' })).toEqual({ ok: false, message: '请填写数字' })
    expect(checkFigureAgainstText(text, { value: '很多', unit: '户' })).toMatchObject({ ok: false })
  })

  it('accepts a figure typed in traditional or full-width, or with 万 in its unit, as the data keeps it', () => {
    expect(checkFigureAgainstText(text, { value: '５８.１', unit: '萬戶' })).toEqual({
      ok: true,
      value: '58.1万',
      unit: '户',
      quote: '截至目前,全市共创建美丽庭院58.1万户',
      start: text.indexOf('58.1'),
      end: text.indexOf('58.1') + '58.1万户'.length,
    })
  })

  it('quotes the sentence that holds the kept quote, when the figure stands in several', () => {
    const twice = '今年培训12期,效果好。明年再办12期,扩大覆盖'
    expect(checkFigureAgainstText(twice, { value: '12', unit: '期' })).toMatchObject({ quote: '今年培训12期,效果好' })
    expect(checkFigureAgainstText(twice, { value: '12', unit: '期', quote: '再办12期' })).toMatchObject({
      quote: '明年再办12期,扩大覆盖',
      start: twice.lastIndexOf('12'),
    })
  })
})

describe('suggestScope', () => {
  it.each([
    ['连续八年开展创投活动,筹集资金近2165万元', '八年累计'],
    ['截至目前,全市共创建美丽庭院58.1万户', '截至目前'],
    ['截至2020年12月底,全市共有5200余名基层执委实现双向任职', '截至2020年12月底'],
    ['目前,10个县3179个村全部完成换届', '目前'],
    ['全市共建成各类“妇女微家”1410个', '累计建成'],
    ['已在全市建有31个“稻花香读书会”', '已建有'],
    ['5年来共帮扶妇女3000名', '5年累计'],
    ['自2013年以来,培训妇女3000名', '自2013年以来'],
  ])('"%s" is a total: %s', (sentence, scopeLabel) => {
    expect(suggestScope(sentence)).toEqual({ scope: 'total', scopeLabel })
  })

  it.each([
    '全年累计授课713.5课时',
    '购买特色农产品,累计消费40余万元',
    '截至12月底,共开展线上活动40余次',
    '2021年,全市妇联系统开展巾帼大宣讲535场次',
    '',
  ])('"%s" is the year’s', (sentence) => {
    expect(suggestScope(sentence)).toEqual({ scope: 'year' })
  })

  it('reads only the words up to the figure, when told the figure', () => {
    const sentence = '新建妇女之家465个,截至目前共建有妇女之家3000个'
    expect(suggestScope(sentence, { value: '465', unit: '个' })).toEqual({ scope: 'year' })
    expect(suggestScope(sentence, { value: '3000', unit: '个' })).toEqual({ scope: 'total', scopeLabel: '截至目前' })
    expect(suggestScope(sentence)).toEqual({ scope: 'total', scopeLabel: '截至目前' })
  })
})

describe('candidates on any text (property)', () => {
  const pieces = [
    ...'0123456789０１２３４５６７８９.,-至万萬亿余多近约超突破逾以上'.split(''),
    ...['超过', '人次', '人', '户', '戶', '个', '個', '场次', '场', '%', '％', '元', '年', '月', '第', '期', '名'],
    ...['一', '二', '三', '十', '百', '千', '两', '陳', '婦聯', '培训', '共', 'H', 'a', ':'],
    ...['。', '，', '；', '！', '？', '\n', ' ', '　', '(chuàng)', '(集体)', '“', '”'],
  ]
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(''))

  it('slice back to what they claim, in order, and each passes the check', () => {
    fc.assert(
      fc.property(text, (t) => {
        let last = -1
        for (const c of numberCandidates(t)) {
          expect(t.slice(c.start, c.end)).toBe(c.written)
          expect(normalizeText(c.written)).toBe(`${c.value}${c.unit}`)
          expect(c.sentence).toContain(`${c.value}${c.unit}`)
          expect(c.start).toBeGreaterThan(last)
          last = c.start
          expect(checkFigureAgainstText(t, c)).toMatchObject({ ok: true, value: c.value, unit: c.unit })
        }
      }),
      { numRuns: 500, seed: 20261123 },
    )
  })
})
