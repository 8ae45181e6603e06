/** @jest-environment jsdom */
// A federation's cover where the public sees it: atop the report with its credit, and small on the
// feed card (lazy, from the small address); without a cover neither page has any image or credit.
import { render, screen } from '@testing-library/react'
import { YearEndCard } from '@/features/feed/year-end-card'
import { ReportView } from '@/features/report/report-view'
import type { YearEndCard as Card } from '@/domain/types'
import type { FederationReport } from '@/services/api'
import { fig } from '../support/figures'

const REF = { hash: '0123456789abcdef01234567', width: 750, height: 420 }

const report = (cover?: typeof REF): FederationReport => ({
  card: {
    name: '武都区妇联',
    region: { province: '甘肃', city: '陇南', district: '武都' },
    level: '区县级',
    year: 2020,
    color: '#b71c1c',
    summary: '一句话',
    headlineFigures: [fig('a', '培训', '1200', '人')],
    source: { publisher: '武都区妇联', headline: 'x', date: '2021-01' },
    ...(cover ? { cover } : {}),
  },
  sections: [],
  programs: [],
})

const card = (cover?: typeof REF): Card => ({
  federationId: 'wudu-2020',
  name: '武都区妇联',
  region: { province: '甘肃', city: '陇南', code: '621202' },
  level: '区县级',
  year: 2020,
  color: '#b71c1c',
  summary: '一句话总结',
  topics: [],
  headlineFigures: [fig('a', '培训', '1200', '人')],
  source: { publisher: '武都区妇联', headline: 'x', date: '2021-01' },
  programCount: 0,
  openProgramCount: 0,
  demoSessions: false,
  ...(cover ? { cover } : {}),
})

const view = (r: FederationReport) =>
  render(<ReportView report={r} shownSections={0} onShowMore={() => undefined} onOpenProgram={() => undefined} />)

describe('cover images', () => {
  it('lead the report, credited to the federation', () => {
    const { container } = view(report(REF))
    expect(screen.getByLabelText('武都区妇联的封面图片')).toBeTruthy()
    expect(screen.getByText('封面图片由武都区妇联提供')).toBeTruthy()
    expect(container.innerHTML).toContain(`/api/covers/${REF.hash}.jpg`)
  })

  it('leave a report without one as it was: no picture, no credit', () => {
    const { container } = view(report())
    expect(screen.queryByText(/封面图片由/)).toBeNull()
    expect(container.innerHTML).not.toContain('/api/covers/')
  })

  describe('on the feed card', () => {
    const base = process.env.TARO_APP_API_BASE
    afterEach(() => {
      if (base === undefined) delete process.env.TARO_APP_API_BASE
      else process.env.TARO_APP_API_BASE = base
    })

    it('show small, from the small address on the API server, only when there is one', () => {
      process.env.TARO_APP_API_BASE = 'https://api.example.cn/'
      const { container, unmount } = render(<YearEndCard card={card(REF)} />)
      expect(container.querySelector('.ye-card__cover')?.getAttribute('src')).toBe(
        `https://api.example.cn/api/covers/${REF.hash}-s.jpg`,
      )
      unmount()
      const without = render(<YearEndCard card={card()} />)
      expect(without.container.querySelector('.ye-card__cover')).toBeNull()
    })

    it('are left out of the built-in build, which has no server to fetch them from', () => {
      delete process.env.TARO_APP_API_BASE
      const { container } = render(<YearEndCard card={card(REF)} />)
      expect(container.querySelector('.ye-card__cover')).toBeNull()
    })
  })
})
