/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react'
import { FigureTile } from '@/components/figure-tile'
import type { Figure } from '@/domain/types'

const fig = (over: Partial<Figure>): Figure => ({
  id: 'f',
  label: '带动妇女就业',
  value: '7000多',
  unit: '名',
  scope: 'year',
  quote: '带动妇女就业7000多名',
  ...over,
})

describe('FigureTile', () => {
  it('shows a year figure as written, with its unit and label, and no scope words', () => {
    render(<FigureTile figure={fig({})} />)
    const tile = screen.getByLabelText('带动妇女就业：7000多名')
    expect(tile.textContent).toBe('7000多名带动妇女就业')
  })

  it.each([
    ['八年累计', '八年累计'],
    ['截至目前', '截至目前'],
    [undefined, '累计'],
  ])('labels a total with its words (%s)', (scopeLabel, words) => {
    render(<FigureTile figure={fig({ scope: 'total', scopeLabel })} />)
    const tile = screen.getByLabelText(`带动妇女就业（${words}）：7000多名`)
    expect(screen.getByText(words).className).toContain('figure-tile__scope')
    expect(tile.textContent).toBe(`7000多名${words}带动妇女就业`)
  })

  it('shows 约 on a rounded number and the exact one to screen readers', () => {
    render(<FigureTile figure={fig({ value: '1234567', unit: '元', label: '筹集资金' })} />)
    expect(screen.getByText('约123.5万')).toBeTruthy()
    expect(screen.getByLabelText('筹集资金：1234567元')).toBeTruthy()
  })

  it.each([
    ['突破71万', false],
    ['3-5', false],
    ['三百多', false],
    ['超过1000001余', true],
  ])('sets %s smaller only when too wide for a half tile (%s)', (value, wide) => {
    render(<FigureTile figure={fig({ value })} />)
    const shown = screen.getByText(value)
    expect(shown.className.includes('figure-tile__value--wide')).toBe(wide)
  })
})
