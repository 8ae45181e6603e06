// The figure check an organizer's pasted text goes through: whole numbers only, traditional text, prefixes, ranges.
import {
  checkFigures,
  findFigureInText,
  normalizeText,
  readText,
  splitFigure,
  type QuotedFigure,
} from '@/domain/figure-check'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { findFigure } from '@/domain/figure-match'
import fc from 'fast-check'
import * as OpenCC from 'opencc-js'

const fig = (over: Partial<QuotedFigure>): QuotedFigure => ({ id: 'f', value: '1', unit: '个', quote: '1个', ...over })

describe('findFigureInText', () => {
  it.each([
    ['2.6万', '人次', '才艺秀访问量22.6万人次。'],
    ['9万', '元', '募集资金28.9万元'],
    ['6万', '元', '资金0.6万元'],
    ['200', '人', '培训1,200人'],
    ['2.6', '万人次', '访问量22.6万人次'],
    ['二十', '个', '建成一百二十个'],
    ['5', '分钟', '每次3-5分钟'],
    ['5', '天', '培训3至5天'],
    ['350万', '人次', '服务近350万人次'],
    ['71万', '人次', '观看人数突破71万人次'],
    ['200万', '', '观看量超200万'],
    ['1000', '人', '参与人数超过1000人'],
  ])('does not find %s%s inside a larger number in "%s"', (value, unit, text) => {
    expect(findFigureInText(text, value, unit)).toBe(-1)
  })

  it.each([
    ['22.6万', '人次', '访问量22.6万人次。'],
    ['2.6万', '人次', '访问量22.6万人次，另有2.6万人次在线'],
    ['28.9万', '元', '(28.9万元)'],
    ['近350万', '人次', '精准服务妇女儿童近350万人次'],
    ['突破71万', '人次', '直播间观看人数突破71万人次'],
    ['超200万', '', '直播观看量超200万,获点赞数超1800万次'],
    ['超过1000', '人', '参与人数超过1000人'],
    ['40余万', '元', '累计消费40余万元'],
    ['600多', '个', '实施600多个项目'],
    ['3-5', '分钟', '每次3-5分钟'],
    ['3至5', '天', '培训3至5天'],
    ['三百多', '人', '共有三百多人参加'],
    ['二十', '个', '建成二十个妇女之家'],
    ['1,200', '人', '培训1,200人'],
  ])('finds %s%s in "%s"', (value, unit, text) => {
    expect(findFigureInText(text, value, unit)).toBeGreaterThanOrEqual(0)
  })

  it('reads traditional characters as simplified, on either side', () => {
    expect(findFigureInText('連續八年開展,籌集資金近2165萬元', '近2165万', '元')).toBeGreaterThanOrEqual(0)
    expect(findFigureInText('筹集资金近2165万元', '近2165萬', '元')).toBeGreaterThanOrEqual(0)
    expect(findFigureInText('連續八年開展,籌集資金2165萬元', '2165万', '元')).toBeGreaterThanOrEqual(0)
    expect(findFigureInText('籌集資金12165萬元', '2165万', '元')).toBe(-1)
  })

  it('reads full-width digits, pinyin left in brackets and text wrapped over lines', () => {
    expect(findFigureInText('培训９２７７人', '9277', '人')).toBeGreaterThanOrEqual(0)
    expect(findFigureInText('全市共創(chuàng)建美麗庭院58.1萬戶', '58.1万', '户')).toBeGreaterThanOrEqual(0)
    expect(normalizeText('全市共創(chuàng)建美麗\n  庭院')).toBe('全市共创建美丽庭院')
    expect(normalizeText('H5 页面 (集体) 3 5')).toBe('H5页面(集体) 3 5')
    expect(findFigureInText('组织宣讲36\n场次', '36', '场次')).toBeGreaterThanOrEqual(0)
    // A space between two digits is not closed up: "3 5人" is not 35人.
    expect(findFigureInText('3 5人', '35', '人')).toBe(-1)
  })

  it.each([
    ['12', '人', '服务12人次'],
    ['35', '场', '开展培训35场次'],
    ['1.2', '', '占比1.25,较上年'],
    ['12', '', '共12万'],
    ['12', '', '共12余'],
    ['3', '', '每次3-5,不等'],
    ['98', '', '占比98%'],
  ])('does not find %s%s where the text writes more of it, in "%s"', (value, unit, text) => {
    expect(findFigureInText(text, value, unit)).toBe(-1)
  })

  it('splits a figure typed with 万 in its unit, or all in its value, as the data keeps it', () => {
    expect(splitFigure('58.1', '万户')).toEqual({ value: '58.1万', unit: '户' })
    expect(splitFigure('５８.１萬戶', '')).toEqual({ value: '58.1万', unit: '户' })
    expect(splitFigure('1,200', '人')).toEqual({ value: '1,200', unit: '人' })
    expect(splitFigure('很多', '人')).toBeUndefined()
    expect(findFigureInText('创建美丽庭院58.1万户', '58.1', '万户')).toBeGreaterThanOrEqual(0)
  })

  it('needs the unit right after the value', () => {
    expect(findFigureInText('服务8000余人', '8000', '人')).toBe(-1)
    expect(findFigure('服务8000余人', '8000余', '人')).toBe(2)
  })
})

describe('readText', () => {
  it('knows where each character it reads came from in the pasted text', () => {
    const raw = '創(chuàng)建 \n ９２７７戶'
    const read = readText(raw)
    expect(read.text).toBe('创建9277户')
    const from = (i: number) => raw.slice(read.starts[i], read.ends[i])
    expect([...read.text].map((_, i) => from(i))).toEqual(['創', '建', '９', '２', '７', '７', '戶'])
  })
})

describe('readText on any text (property)', () => {
  // The reading done in one pass over the whole text, as the check did before it kept origins.
  const hkToCn = OpenCC.Converter({ from: 'hk', to: 'cn' })
  const PINYIN = /\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8}\)/g
  const CJK_OR_PUNCT = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/
  const plainReading = (text: string) =>
    hkToCn(text.normalize('NFKC'))
      .replace(PINYIN, '')
      .replace(/\s+/g, (space: string, at: number, all: string) => {
        const before = all[at - 1] ?? ''
        const after = all[at + space.length] ?? ''
        return before === '' || after === '' || CJK_OR_PUNCT.test(before) || CJK_OR_PUNCT.test(after) ? '' : ' '
      })
  const pieces = [
    ...'0123456789０１２３４５６７８９.,-万萬户戶陳陈個个创創建美麗庭院aZ'.split(''),
    ...['(chuàng)', '(H5)', '(集体)', ' ', '\n', '\t', '　', '，', '。', 'e\u0301', '①', '㎡', '𠈌'],
  ]
  const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join(''))

  it('reads as the one-pass reading does, and each character knows where it came from', () => {
    fc.assert(
      fc.property(texts, (raw) => {
        const read = readText(raw)
        expect(read.text).toBe(plainReading(raw))
        expect(read.starts).toHaveLength(read.text.length)
        read.starts.forEach((start, i) => {
          expect(start).toBeLessThan(read.ends[i])
          if (i > 0) expect(start).toBeGreaterThanOrEqual(read.starts[i - 1])
        })
      }),
      { numRuns: 300, seed: 20261123 },
    )
  })
})

describe('checkFigures', () => {
  const article = '2020年,访问量22.6万人次。連續八年開展創投活動,籌集資金近2165萬元,實施600多個項目。'

  it('passes figures that stand in the text with their quotes', () => {
    const file = {
      figures: [
        fig({ id: 'a', value: '22.6万', unit: '人次', quote: '访问量22.6万人次' }),
        fig({ id: 'b', value: '近2165万', unit: '元', quote: '筹集资金近2165万元' }),
        fig({ id: 'c', value: '600多', unit: '个', quote: '实施600多个项目' }),
      ],
    }
    expect(checkFigures(file, article)).toEqual([])
  })

  it('names each figure that does not, and why', () => {
    const file = {
      figures: [
        fig({ id: 'made-up', value: '2.6万', unit: '人次', quote: '访问量22.6万人次' }),
        fig({ id: 'dropped-prefix', value: '2165万', unit: '元', quote: '筹集资金近2165万元' }),
        fig({ id: 'rounded', value: '近2200万', unit: '元', quote: '筹集资金近2165万元' }),
        fig({ id: 'quote-elsewhere', value: '600多', unit: '个', quote: '实施600多个公益项目' }),
        fig({ id: 'no-quote', value: '600多', unit: '个', quote: '' }),
      ],
    }
    const problems = checkFigures(file, article)
    const of = (id: string) => problems.filter((p) => p.figureId === id).map((p) => p.field)
    expect(of('made-up')).toEqual(['figures[0].value', 'figures[0].quote'])
    // "2165万元" stands in the text only as part of 近2165万元: the value must keep 近.
    expect(of('dropped-prefix')).toEqual(['figures[1].value', 'figures[1].quote'])
    expect(of('rounded')).toEqual(['figures[2].value', 'figures[2].quote'])
    expect(of('quote-elsewhere')).toEqual(['figures[3].quote'])
    expect(of('no-quote')).toEqual(['figures[4].quote'])
    expect(problems.find((p) => p.figureId === 'made-up')?.message).toContain('2.6万人次')
    // A figure that drops the article's qualifier is told what the article writes.
    expect(problems.find((p) => p.field === 'figures[1].value')?.message).toBe(
      '“2165万元”在原文里找不到。卡片上的每个数字都要能在原文中找到。原文写的是“近2165万元”，请照原文填写。',
    )
  })
})

describe('the app bundle', () => {
  // The dictionary behind the check is about 1 MB: only the check and the card editor's modules (which the
  // mini-program's main package never loads) may carry it, and nothing else may import them.
  const CARRIERS = ['figure-check', 'provenance', 'card-draft']

  it('never imports the figure check or opencc-js outside the modules that carry it', () => {
    const root = join(__dirname, '..', '..', 'src')
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f))
    expect(files.length).toBeGreaterThan(20)
    const carrying = new RegExp(`from '[^']*(${[...CARRIERS, 'opencc-js'].join('|')})'`)
    const importers = files.filter(
      (f) =>
        !CARRIERS.some((c) => f === join('domain', `${c}.ts`)) && carrying.test(readFileSync(join(root, f), 'utf8')),
    )
    expect(importers).toEqual([])
    // The editor's modules are where the dictionary goes, and nowhere else in src.
    expect(files.filter((f) => /from '[^']*opencc-js'/.test(readFileSync(join(root, f), 'utf8')))).toEqual([
      join('domain', 'figure-check.ts'),
    ])
  })
})
