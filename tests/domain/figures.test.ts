import { formatFigure, parseFigureValue } from '@/domain/figures'

describe('formatFigure', () => {
  it.each([
    // [value, unit, shown, rounded]
    ['198861', '人次', '19.9万', true],
    ['167.2万', '人次', '167.2万', false],
    ['680余', '条', '680余', false],
    ['近300', '名', '近300', false],
    ['40余万', '元', '40余万', false],
    ['103万余', '人次', '103万余', false],
    ['4.2万多', '人次', '4.2万多', false],
    ['约3万', '人', '约3万', false],
    ['近2165万', '元', '近2165万', false],
    ['11000', '人', '1.1万', false],
    ['10000', '人', '1万', false],
    ['9999', '人', '9999', false],
    ['0', '个', '0', false],
    ['713.5', '课时', '713.5', false],
    ['123456789', '元', '1.2亿', true],
    ['20000万', '元', '2亿', false],
    ['3.5亿', '元', '3.5亿', false],
  ])('%s%s → %s', (value, unit, shown, rounded) => {
    const f = formatFigure(value, unit)
    expect(f.text).toBe(shown)
    expect(f.unit).toBe(unit)
    expect(f.rounded).toBe(rounded)
    expect(f.exact).toBe(`${value}${unit}`)
  })

  it.each(['', '大约七百', '12,000', 'abc', '1.2.3'])('shows an unusual value "%s" as it is', (value) => {
    expect(formatFigure(value, '人').text).toBe(value.trim())
    expect(parseFigureValue(value)).toBeUndefined()
  })

  it('ignores surrounding spaces', () => {
    expect(formatFigure(' 198861 ', '人次').text).toBe('19.9万')
  })
})
