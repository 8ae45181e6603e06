/** @jest-environment jsdom */
import { fireEvent, render, screen } from '@testing-library/react'
import { DEMO_LABEL } from '@/components/demo-notice'
import { YearEndCard } from '@/features/feed/year-end-card'
import type { YearEndCard as Card } from '@/domain/types'

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
    { id: 'a', label: '领头雁培训', value: '198861', unit: '人次', scope: 'year', quote: '198861人次' },
    { id: 'b', label: '抗疫专题阅读量', value: '167.2万', unit: '人次', scope: 'year', quote: '阅读量167.2万人次' },
    { id: 'c', label: '网络专题发布信息', value: '680余', unit: '条', scope: 'year', quote: '发布信息680余条' },
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
    expect(screen.getByText('19.9万')).toBeTruthy()
    expect(screen.getByText('167.2万')).toBeTruthy()
    expect(screen.getByText('680余')).toBeTruthy()
    expect(screen.getByText('#宣传引领')).toBeTruthy()
    expect(screen.getByText('来源：成都市妇联 · 2021年1月18日')).toBeTruthy()
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

  it('opens the report on tap', () => {
    const onOpen = jest.fn()
    render(<YearEndCard card={card} onOpen={onOpen} />)
    fireEvent.click(screen.getByLabelText('成都市妇联2020年终盘点，查看报告'))
    expect(onOpen).toHaveBeenCalledWith('chengdu-2020')
  })
})
