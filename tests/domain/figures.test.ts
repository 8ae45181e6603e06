import {
  allOfTheYear,
  FIGURE_RULE,
  figureSpeech,
  figureWidthEm,
  isWideFigure,
  fitsThirdTile,
  formatFigure,
  heroSplit,
  MAX_PLAIN_DIGITS,
  parseFigureValue,
  scopeText,
} from '@/domain/figures'
import type { FederationFile } from '@/domain/types'
import { contentFiles } from '../support/content-files'
import { figure } from '../support/figures'

describe('formatFigure', () => {
  it.each([
    // [value, shown, rounded] — plain numbers up to six digits, as written
    ['0', '0', false],
    ['713.5', '713.5', false],
    ['9999', '9999', false],
    ['10000', '10000', false],
    ['10001', '10001', false],
    ['10025', '10025', false],
    ['42679', '42679', false],
    ['79956', '79956', false],
    ['99999', '99999', false],
    ['100000', '100000', false],
    ['198861', '198861', false],
    ['999999', '999999', false],
    ['123456.78', '123456.78', false],
    // seven digits and more: 万/亿, unmarked when exact, 约 when rounded
    ['1000000', '100万', false],
    ['1230000', '123万', false],
    ['1234567', '约123.5万', true],
    ['1234567.5', '约123.5万', true],
    ['9999950', '约1000万', true],
    ['99999999', '约1亿', true],
    ['100000000', '1亿', false],
    ['150000000', '1.5亿', false],
    ['123456789', '约1.2亿', true],
    ['1234567890123', '约12345.7亿', true],
    // the article's 万/亿 and qualifiers, as written
    ['58.1万', '58.1万', false],
    ['167.2万', '167.2万', false],
    ['761.45万', '761.45万', false],
    ['20000万', '20000万', false],
    ['3.5亿', '3.5亿', false],
    ['5.5万余', '5.5万余', false],
    ['40余万', '40余万', false],
    ['103万余', '103万余', false],
    ['4.2万多', '4.2万多', false],
    ['近2165万', '近2165万', false],
    ['约3万', '约3万', false],
    ['680余', '680余', false],
    ['近300', '近300', false],
    ['突破71万', '突破71万', false],
    ['超过500', '超过500', false],
    ['100以上', '100以上', false],
    // long qualified numbers: compacted only when exact, never given a second 约
    ['近2000000', '近200万', false],
    ['1000000余', '100万余', false],
    ['近1234567', '近1234567', false],
    ['约1234567', '约1234567', false],
    ['1234567多', '1234567多', false],
    ['突破99999999', '突破99999999', false],
    // ranges and Chinese numerals, as written
    ['3-5', '3-5', false],
    ['3～5', '3～5', false],
    ['三百多', '三百多', false],
    ['五十多万', '五十多万', false],
  ])('%s → %s', (value, shown, rounded) => {
    const f = formatFigure(value, '人次')
    expect(f.text).toBe(shown)
    expect(f.unit).toBe('人次')
    expect(f.rounded).toBe(rounded)
    expect(f.exact).toBe(`${value}人次`)
  })

  it('marks every rounded number with 约, and only those the rule rounded', () => {
    for (const value of ['1234567', '99999999', '123456789', '5555555.5']) {
      expect(formatFigure(value, '元').text.startsWith('约')).toBe(true)
    }
    expect(formatFigure('1000000', '元').text).not.toMatch(/约/)
  })

  it('never writes 10000万', () => {
    for (let n = 99_990_000; n <= 100_000_000; n += 1111) {
      expect(formatFigure(String(n), '元').text).not.toMatch(/^约?\d{5,}(\.\d)?万$/)
    }
  })

  it('shows up to six digits before compacting', () => {
    expect(formatFigure('9'.repeat(MAX_PLAIN_DIGITS), '人').text).toBe('999999')
    expect(formatFigure(`1${'0'.repeat(MAX_PLAIN_DIGITS)}`, '人').text).toBe('100万')
  })

  it.each(['', '大约七百', '12,000', 'abc', '1.2.3', '3-5', '三百多'])(
    'shows an unusual value "%s" as it is',
    (value) => {
      expect(formatFigure(value, '人').text).toBe(value.trim())
      expect(parseFigureValue(value)).toBeUndefined()
    },
  )

  it('ignores surrounding spaces', () => {
    expect(formatFigure(' 198861 ', '人次')).toEqual({
      text: '198861',
      unit: '人次',
      rounded: false,
      exact: '198861人次',
    })
    expect(formatFigure(' 1234567 ', '人次').text).toBe('约123.5万')
  })

  it('parses the qualifiers it knows', () => {
    expect(parseFigureValue('突破71万')).toEqual({
      prefix: '突破',
      number: '71',
      approxBefore: '',
      magnitude: '万',
      approxAfter: '',
    })
    expect(parseFigureValue('40余万')).toMatchObject({ approxBefore: '余', magnitude: '万' })
    expect(parseFigureValue('100以上')).toMatchObject({ number: '100', approxAfter: '以上' })
  })
})

describe('every figure of the content', () => {
  const all = contentFiles.flatMap((f) =>
    (f.data as FederationFile).figures.map((g) => [g.id, g.value, g.unit] as const),
  )

  it.each(all)('%s (%s%s) is shown as written, or rounded and marked 约', (_id, value, unit) => {
    const shown = formatFigure(value, unit)
    if (shown.rounded) expect(shown.text).toMatch(/^约/)
    else expect(shown.text).toBe(value.trim())
  })
})

describe('wide figures', () => {
  it.each([
    ['198861', false],
    ['761.45万', false],
    ['近2165万', false],
    ['285.27万', false],
    ['约123.5万', true],
    ['突破71万', false],
    ['约12345.7亿', true],
    ['超过1000000余', true],
    ['一百二十三万多', true],
  ])('%s wide: %s', (text, wide) => {
    expect(isWideFigure(text)).toBe(wide)
  })

  it.each([
    ['198861', '人次', false],
    ['近2165万', '人', false],
    ['761.45万', '人', true],
    ['761.45万', '人次', true],
    ['7000多', '名', false],
  ])('%s with its unit %s wide: %s (the two stay on one line)', (text, unit, wide) => {
    expect(isWideFigure(text, unit)).toBe(wide)
  })

  it.each([
    ['11000', '人', true],
    ['79956', '人', true],
    ['465', '个', true],
    ['1000余', '人', false],
    ['198861', '人次', false],
    ['139万', '人次', false],
    ['31.28万', '人', false],
  ])('%s %s fits a third of a feed card: %s', (text, unit, fits) => {
    expect(fitsThirdTile(text, unit)).toBe(fits)
  })

  it('fits less in a third at a larger font scale', () => {
    expect(fitsThirdTile('11000', '人', 1)).toBe(true)
    expect(fitsThirdTile('11000', '人', 1.2)).toBe(false)
    expect(fitsThirdTile('465', '个', 1.2)).toBe(true)
  })

  it('counts a Han character wider than a digit', () => {
    expect(figureWidthEm('万')).toBe(1)
    expect(figureWidthEm('12')).toBeCloseTo(1.2)
  })
})

describe('totals', () => {
  it('a year result has no scope words', () => {
    expect(scopeText(figure({}))).toBeUndefined()
  })

  it('a total says its own words, or 累计 when it has none', () => {
    expect(scopeText(figure({ scope: 'total', scopeLabel: '八年累计' }))).toBe('八年累计')
    expect(scopeText(figure({ scope: 'total', scopeLabel: '截至目前' }))).toBe('截至目前')
    expect(scopeText(figure({ scope: 'total' }))).toBe('累计')
    expect(scopeText(figure({ scope: 'total', scopeLabel: '  ' }))).toBe('累计')
  })

  it('the spoken label names the scope and the exact wording', () => {
    expect(figureSpeech(figure({}))).toBe('创建美丽庭院：58.1万户')
    expect(figureSpeech(figure({ value: '1234567', scope: 'total', scopeLabel: '八年累计' }))).toBe(
      '创建美丽庭院（八年累计）：1234567户',
    )
  })

  it('a YYYY年成效 heading holds only year results', () => {
    expect(allOfTheYear([figure({}), figure({})])).toBe(true)
    expect(allOfTheYear([])).toBe(true)
    expect(allOfTheYear([figure({}), figure({ scope: 'total' })])).toBe(false)
  })
})

describe('the stated rule', () => {
  it('says what the screen does: figures as written, 约 for approximations', () => {
    expect(FIGURE_RULE).toContain('数字照录原文')
    expect(FIGURE_RULE).toContain('标“约”的为近似值')
  })
})

describe('heroSplit', () => {
  const figures = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
  it('takes the named figure out of the rest, keeping their order', () => {
    expect(heroSplit(figures, 'b')).toEqual({ hero: { id: 'b' }, rest: [{ id: 'a' }, { id: 'c' }] })
  })
  it.each([undefined, 'gone'])('falls back to the first when the hero is %s', (id) => {
    expect(heroSplit(figures, id)).toEqual({ hero: { id: 'a' }, rest: [{ id: 'b' }, { id: 'c' }] })
  })
  it('has no hero for no figures', () => {
    expect(heroSplit([], 'a')).toEqual({ hero: undefined, rest: [] })
  })
})
