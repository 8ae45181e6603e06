/** @jest-environment jsdom */
// A report's sections show figures as the article wrote them, totals with their words, and the rule in the source line.
import { render, screen, within } from '@testing-library/react'
import { ReportView } from '@/features/report/report-view'
import type { FederationReport } from '@/services/api'
import { fig } from '../support/figures'

const figures = [
  fig('screened', '完成“两癌”筛查', '79956', '人'),
  fig('insured', '免费购买“两癌”保险', '42679', '名'),
  fig('fund', '公益创投筹集资金', '123456789', '元'),
  fig('homes', '建成“妇女微家”', '1410', '个', { scope: 'total', scopeLabel: '八年累计' }),
]

const report: FederationReport = {
  card: {
    name: '株洲市妇联',
    region: { province: '湖南', city: '株洲' },
    level: '市级',
    year: 2020,
    color: '#AD1457',
    summary: '近八万名妇女做了“两癌”筛查。',
    headlineFigures: figures.slice(0, 2),
    source: {
      publisher: '株洲市妇联',
      headline: '株洲市妇联2020年工作回顾',
      date: '2021-01',
      note: '原文未注明具体日期。',
    },
  },
  sections: [
    {
      id: 'health',
      title: '女性健康',
      topic: '健康',
      text: '为妇女做“两癌”筛查。',
      figures,
    },
  ],
  programs: [],
}

describe('report view', () => {
  beforeEach(() => {
    render(
      <ReportView report={report} shownSections={3} onShowMore={() => undefined} onOpenProgram={() => undefined} />,
    )
  })

  it('shows the numbers the summary speaks of as the article wrote them', () => {
    expect(screen.getByText('79956')).toBeTruthy()
    expect(screen.getByText('42679')).toBeTruthy()
    expect(screen.queryByText('8万')).toBeNull()
    expect(screen.queryByText('4.3万')).toBeNull()
  })

  it('marks the one number it rounds with 约', () => {
    const tile = screen.getByLabelText('公益创投筹集资金：123456789元')
    expect(within(tile).getByText('约1.2亿')).toBeTruthy()
  })

  it('labels a total in a section', () => {
    const tile = screen.getByLabelText('建成“妇女微家”（八年累计）：1410个')
    expect(within(tile).getByText('八年累计')).toBeTruthy()
  })

  it('states the figure rule it applies in the source line', () => {
    expect(screen.getByText('数字照录原文；标“约”的为近似值，文字为本平台整理。')).toBeTruthy()
    expect(screen.queryByText('数字照录原文，文字为本平台整理。')).toBeNull()
  })

  it('keeps the editors’ notes about the source out of what a member reads', () => {
    expect(document.body.textContent).not.toContain('未注明')
    expect(screen.getByText('《株洲市妇联2020年工作回顾》')).toBeTruthy()
  })
})
