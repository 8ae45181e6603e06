/** @jest-environment jsdom */
import { fireEvent, render, screen, within } from '@testing-library/react'
import { DEMO_LABEL } from '@/components/demo-notice'
import { YearEndCard } from '@/features/feed/year-end-card'
import type { YearEndCard as Card } from '@/domain/types'
import { fig } from '../support/figures'

const card: Card = {
  federationId: 'chengdu-2020',
  name: '成都市妇联',
  region: { province: '四川', city: '成都', code: '510100' },
  level: '市级',
  year: 2020,
  color: '#C62828',
  summary: '一句话总结',
  topics: ['宣传引领', '组织建设'],
  headlineFigures: [
    fig('a', '领头雁培训', '198861', '人次'),
    fig('b', '抗疫专题阅读量', '167.2万', '人次'),
    fig('c', '网络专题发布信息', '680余', '条'),
  ],
  source: { publisher: '成都市妇联', headline: 'x', date: '2021-01-18' },
  programCount: 4,
  openProgramCount: 2,
  demoSessions: true,
}

describe('YearEndCard', () => {
  it('shows the federation, its figures, topics and source', () => {
    render(<YearEndCard card={card} onOpen={() => undefined} />)
    expect(screen.getByText('成都市妇联')).toBeTruthy()
    expect(screen.getByText('四川 · 成都 · 市级')).toBeTruthy()
    expect(screen.getByText('2020 年终盘点')).toBeTruthy()
    // Figures as the article wrote them: a six-digit number is not rounded.
    expect(screen.getByText('198861')).toBeTruthy()
    expect(screen.queryByText('19.9万')).toBeNull()
    expect(screen.getByText('167.2万')).toBeTruthy()
    expect(screen.getByText('680余')).toBeTruthy()
    expect(screen.getByLabelText('领头雁培训：198861人次')).toBeTruthy()
    // No figure here is a total, so none says 累计.
    expect(screen.queryByText(/累计/)).toBeNull()
    expect(screen.getByText('#宣传引领')).toBeTruthy()
    expect(screen.getByText('来源：成都市妇联 · 2021年1月18日')).toBeTruthy()
  })

  it('sets the hero figure large in the header, the first by default, the others below it', () => {
    const { container, unmount } = render(<YearEndCard card={card} />)
    const heroOf = () => container.querySelector('.ye-card__head .ye-card__hero')?.getAttribute('aria-label')
    expect(heroOf()).toBe('领头雁培训：198861人次')
    expect([...container.querySelectorAll('.ye-card__minor')].map((e) => e.getAttribute('aria-label'))).toEqual([
      '抗疫专题阅读量：167.2万人次',
      '网络专题发布信息：680余条',
    ])
    unmount()
    const named = render(<YearEndCard card={{ ...card, heroFigureId: 'b' }} />)
    expect(named.container.querySelector('.ye-card__hero')?.getAttribute('aria-label')).toBe(
      '抗疫专题阅读量：167.2万人次',
    )
    expect(named.container.querySelectorAll('.ye-card__minor')).toHaveLength(2)
    expect(named.container.querySelectorAll('[aria-label="抗疫专题阅读量：167.2万人次"]')).toHaveLength(1)
  })

  it('says how many programs take sign-ups, and that their sessions are demo, beside them only', () => {
    render(<YearEndCard card={card} />)
    expect(screen.getByText('2 个项目正在报名')).toBeTruthy()
    const badge = screen.getByText(DEMO_LABEL)
    expect(badge.parentElement?.textContent).toBe(`2 个项目正在报名${DEMO_LABEL}`)
    // The figures are real: nothing about them says demo.
    expect(screen.getByLabelText('领头雁培训：198861人次').textContent).not.toContain('示例')
  })

  it.each([
    ['real sessions', { demoSessions: false }, '2 个项目正在报名'],
    ['nothing open', { openProgramCount: 0 }, null],
  ])('does not call %s demo', (_what, over, line) => {
    render(<YearEndCard card={{ ...card, ...over }} />)
    expect(screen.queryByText(DEMO_LABEL)).toBeNull()
    if (line) expect(screen.getByText(line)).toBeTruthy()
    else expect(screen.queryByText(/正在报名/)).toBeNull()
  })

  it("labels a headline total with its words, never as the year's result", () => {
    const withTotal: Card = {
      ...card,
      headlineFigures: [
        fig('v', '注册巾帼志愿者', '1000余', '人', { scope: 'total', scopeLabel: '八年累计' }),
        fig('w', '新建妇联组织', '73', '个', { scope: 'total' }),
        fig('c', '网络专题发布信息', '680余', '条'),
      ],
    }
    render(<YearEndCard card={withTotal} />)
    const total = screen.getByLabelText('注册巾帼志愿者（八年累计）：1000余人')
    expect(within(total).getByText('八年累计')).toBeTruthy()
    expect(total.textContent).toBe('1000余人八年累计注册巾帼志愿者')
    expect(within(screen.getByLabelText('新建妇联组织（累计）：73个')).getByText('累计')).toBeTruthy()
    const year = screen.getByLabelText('网络专题发布信息：680余条')
    expect(year.textContent).toBe('680余条网络专题发布信息')
  })

  it('marks a number it had to round with 约, and keeps the exact one for screen readers', () => {
    render(<YearEndCard card={{ ...card, headlineFigures: [fig('m', '筹集资金', '99999999', '元')] }} />)
    expect(screen.getByText('约1亿')).toBeTruthy()
    expect(screen.queryByText(/10000万/)).toBeNull()
    expect(screen.getByLabelText('筹集资金：99999999元')).toBeTruthy()
  })

  it('opens the report on tap', () => {
    const onOpen = jest.fn()
    render(<YearEndCard card={card} onOpen={onOpen} />)
    fireEvent.click(screen.getByLabelText('成都市妇联2020年终盘点，2 个项目可报名，查看报告'))
    expect(onOpen).toHaveBeenCalledWith('chengdu-2020')
  })

  it('is one tap target, and its link is named by words on screen (查看报告)', () => {
    const onOpen = jest.fn()
    render(<YearEndCard card={card} onOpen={onOpen} />)
    const link = screen.getByRole('link')
    expect(link.textContent).toContain('查看报告')
    expect(link.getAttribute('aria-label')).toContain(link.textContent?.replace(' ›', ''))
    fireEvent.click(screen.getByText(card.summary))
    expect(onOpen).toHaveBeenCalledWith('chengdu-2020')
  })

  it('keeps the source date whole on one line', () => {
    render(<YearEndCard card={card} />)
    // Breaks only at its spaces: never inside "2021年1月18日".
    expect(screen.getByText('来源：成都市妇联 · 2021年1月18日').className).toContain('keep-words')
  })

  it('shows 可报名 as a badge on the card’s head only while a program takes sign-ups', () => {
    const { unmount } = render(<YearEndCard card={card} onOpen={() => undefined} />)
    const badge = screen.getByText('可报名')
    expect(badge.className).toContain('ye-card__badge')
    expect(badge.closest('.ye-card__head')).toBeTruthy()
    unmount()
    render(<YearEndCard card={{ ...card, openProgramCount: 0 }} onOpen={() => undefined} />)
    expect(screen.queryByText('可报名')).toBeNull()
    expect(screen.getByLabelText('成都市妇联2020年终盘点，查看报告')).toBeTruthy()
  })
})
