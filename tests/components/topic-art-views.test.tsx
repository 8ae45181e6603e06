/** @jest-environment jsdom */
// The topic illustration on the feed card, the report head and each story screen: the lead topic's icon
// (a section's own on its story screen), hidden from screen readers, under the words.
import { render } from '@testing-library/react'
import { storyScreens } from '@/domain/story'
import { iconPath } from '@/domain/topic-art'
import type { FederationFile, YearEndCard as Card } from '@/domain/types'
import { toCard, toReport } from '@/domain/views'
import { YearEndCard } from '@/features/feed/year-end-card'
import { ReportView } from '@/features/report/report-view'
import { storyArt } from '@/features/story/story-art'
import { StoryView } from '@/features/story/story-view'
import { clock } from '@/shared/clock'
import { contentFiles } from '../support/content-files'

const files = contentFiles.map((f) => f.data as FederationFile)
const file = (id: string) => files.find((f) => f.federation.id === id)!

/** The art element under `root`, its topic class and the icon its background draws. */
function artOf(root: ParentNode, selector: string) {
  const el = root.querySelector<HTMLElement>(selector)
  if (!el) throw new Error(`no ${selector}`)
  const icon = /topic-art--([\w-]+)/.exec(el.className)?.[1]
  const svg = decodeURIComponent(/data:image\/svg\+xml,([^")]+)/.exec(el.getAttribute('style') ?? '')?.[1] ?? '')
  return { el, icon, svg }
}

describe('topic art on the card', () => {
  it.each(files.map((f) => [f.federation.id, f] as const))('draws the lead topic of %s', (_id, f) => {
    const card: Card = toCard(f, clock.now())
    const { container } = render(<YearEndCard card={card} />)
    const art = artOf(container, '.ye-card__head .ye-card__art')
    const lead = { 乡村振兴: 'seedling', 宣传引领: 'speakerphone', 就业创业: 'briefcase' }[f.topics[0] as string]
    expect(art.icon).toBe(lead)
    expect(art.svg).toContain(`d="${iconPath(art.icon as never)}"`)
    expect(art.svg).toContain('stroke="#fff"')
    expect(art.el.getAttribute('aria-hidden')).toBeTruthy()
    expect(art.el.textContent).toBe('')
  })

  it('draws the no-topic icon on a card that names no topic', () => {
    const card = { ...toCard(file('hebei-2021'), clock.now()), topics: [] }
    const { container } = render(<YearEndCard card={card} />)
    expect(artOf(container, '.ye-card__art').icon).toBe('star')
  })
})

describe('topic art on the report head', () => {
  it('draws the lead topic, larger than on the card, behind the head', () => {
    const report = toReport(file('huizhou-2020'))
    const { container } = render(
      <ReportView report={report} shownSections={2} onShowMore={() => undefined} onOpenProgram={() => undefined} />,
    )
    const art = artOf(container, '.report__hero .report__art')
    expect(art.icon).toBe('briefcase')
    expect(art.el.getAttribute('aria-hidden')).toBeTruthy()
  })
})

describe('topic art on story screens', () => {
  const report = toReport(file('zhuzhou-2020'))
  const screens = storyScreens(report)

  it("gives a section's screen its own topic, and the opening and closing the lead topic", () => {
    expect(storyArt(report, 'opening')).toBe('seedling')
    expect(storyArt(report, 'closing')).toBe('seedling')
    for (const s of report.sections) {
      const expected = { 健康: 'stethoscope', 维权关爱: 'umbrella', 家庭家风: 'home' }[s.topic as string]
      if (expected) expect(storyArt(report, s.id)).toBe(expected)
    }
    // A headline figure no section holds takes the lead topic.
    expect(storyArt(report, 'a-figure-of-no-section')).toBe('seedling')
  })

  it.each([0, 1, 2])('shows it on screen %i, white on the colour, the colour on the page', (index) => {
    const { container } = render(
      <StoryView
        screens={screens}
        color="#BF360C"
        artOf={(key) => storyArt(report, key)}
        index={index}
        onIndex={() => undefined}
        still
        actions={{ onClose: () => undefined }}
      />,
    )
    const art = artOf(container, '.story__screen .story__art')
    expect(art.icon).toBe(storyArt(report, screens[index].key))
    const light = container.querySelector('.story__screen--light') !== null
    expect(art.svg).toContain(light ? 'stroke="#BF360C"' : 'stroke="#fff"')
  })
})
