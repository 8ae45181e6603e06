// A federation's year told in sections with figure tiles, its programs, and the source line; a
// contents strip under the head reaches the programs, the share buttons and the poster at once.
import type { CSSProperties } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { FigureTile } from '@/components/figure-tile'
import { TopicArt } from '@/components/topic-art'
import { DEMO_LABEL } from '@/domain/demo'
import { TopicTag } from '@/components/topic-tag'
import { FIGURE_RULE } from '@/domain/figures'
import { artIcon } from '@/domain/topic-art'
import type { FederationReport, ProgramListing } from '@/services/api'
import { formatSourceDate } from '@/utils/date'
import { ReportCover } from './report-cover'
import './report-view.scss'

function regionLine(r: FederationReport['card']): string {
  return [r.region.province, r.region.city, r.region.district].filter(Boolean).join(' · ')
}

function ProgramRow({ program, onOpen }: { program: ProgramListing; onOpen: (id: string) => void }) {
  const open = Boolean(program.signup)
  return (
    <View
      className="card program-row"
      onClick={() => onOpen(program.id)}
      role="link"
      aria-label={`${program.title}，${open ? (program.signup?.demo ? `可报名，${DEMO_LABEL}` : '可报名') : '查看详情'}`}
    >
      <View className="row-card__top">
        <Text className="row-card__title">{program.title}</Text>
        <Text className={`row-card__badge program-row__badge ${open ? 'program-row__badge--open' : ''}`}>
          {open ? '可报名' : '往期'}
        </Text>
        {program.signup?.demo ? <DemoNotice variant="badge" /> : null}
      </View>
      <Text className="program-row__summary">{program.summary}</Text>
      <View className="program-row__foot">
        <TopicTag topic={program.topic} />
        <Text className="program-row__more">详情 ›</Text>
      </View>
    </View>
  )
}

/** Where the contents strip jumps to: ids on this page. */
export const REPORT_ANCHOR = { programs: 'report-programs', share: 'report-share' } as const

/**
 * Scrolls to the shown element with this id: on H5 the browser's own scroll (earlier pages stay in
 * the DOM, hidden, so the visible one is picked; the sticky bar is cleared by scroll-margin-top).
 */
export function jumpTo(id: string, fallback: (selector: string) => void) {
  if (process.env.TARO_ENV === 'h5') {
    const shown = [...document.querySelectorAll<HTMLElement>(`#${id}`)].find((el) => el.offsetParent !== null)
    shown?.scrollIntoView({ block: 'start' })
    return
  }
  fallback(`#${id}`)
}

function Contents({
  programs,
  onJump,
  onPoster,
}: {
  programs: ProgramListing[]
  onJump: (id: string) => void
  onPoster?: () => void
}) {
  const open = programs.filter((p) => p.signup).length
  return (
    <View className="report-contents" role="navigation" aria-label="本页内容">
      <View
        className="chip report-contents__item"
        role="link"
        aria-label={`跳到培训与活动${open ? `，${open} 个可报名` : ''}`}
        onClick={() => onJump(REPORT_ANCHOR.programs)}
      >
        培训与活动{open ? ` · ${open} 个可报名` : ''}
      </View>
      {onPoster ? (
        <>
          <View
            className="chip report-contents__item"
            role="link"
            aria-label="跳到分享"
            onClick={() => onJump(REPORT_ANCHOR.share)}
          >
            分享
          </View>
          <View className="chip report-contents__item" role="link" aria-label="打开海报" onClick={onPoster}>
            海报
          </View>
        </>
      ) : null}
    </View>
  )
}

/** Sections rendered at first; the rest follow as she scrolls, so a long report opens light. */
export const REPORT_FIRST_SECTIONS = 3

export function ReportView({
  report,
  shownSections,
  onShowMore,
  onOpenProgram,
  onOpenSource,
  onJump,
  onPoster,
  onOpenStory,
}: {
  report: FederationReport
  shownSections: number
  onShowMore: () => void
  onOpenProgram: (programId: string) => void
  /** Given only when the article can be fetched (server mode): shows 查看原文. */
  onOpenSource?: () => void
  /** Scrolls to the element with this id: given, the page has a contents strip (not the editor's preview). */
  onJump?: (id: string) => void
  /** Given where share and poster are offered (not in single-page mode). */
  onPoster?: () => void
  /** 看故事版: the year one screen at a time. */
  onOpenStory?: () => void
}) {
  const { card, programs } = report
  const { source } = card
  const sections = report.sections.slice(0, shownSections)
  const hidden = report.sections.length - sections.length
  const art = artIcon(card.topics)
  return (
    <View className="report themed" style={{ '--card-color': card.color } as CSSProperties}>
      <View className="report__hero theme-hero">
        {/* The lead topic's illustration, as on the card, larger. */}
        <TopicArt art={art} stroke="#fff" className="report__art" />
        {card.cover ? <ReportCover name={card.name} cover={card.cover} /> : null}
        <Text className="report__year">{card.year} 年终盘点</Text>
        <Text className="report__name">{card.name}</Text>
        <Text className="report__region">
          {regionLine(card)} · {card.level}
        </Text>
        <Text className="report__summary">{card.summary}</Text>
        {onOpenStory ? (
          <Button className="report__story" onClick={onOpenStory} aria-label="看故事版，一分钟看完">
            看故事版 · 一分钟看完 ›
          </Button>
        ) : null}
      </View>
      {onJump ? <Contents programs={programs} onJump={onJump} onPoster={onPoster} /> : null}

      {sections.map((s, i) => (
        <View key={s.id} className="card report__section">
          <Text className="report__section-index">{String(i + 1).padStart(2, '0')}</Text>
          <Text className="report__section-title">{s.title}</Text>
          <Text className="report__section-text">{s.text}</Text>
          <View className="report__tiles">
            {s.figures.map((f) => (
              <FigureTile key={f.id} figure={f} className="figure-tile--half" />
            ))}
          </View>
          <TopicTag topic={s.topic} />
        </View>
      ))}

      {hidden > 0 ? (
        <Button className="button button--ghost report__more" onClick={onShowMore} aria-label="继续阅读">
          继续阅读（还有 {hidden} 部分）
        </Button>
      ) : null}

      <Text className="section-title" id={REPORT_ANCHOR.programs}>
        {card.name}的项目
      </Text>
      {programs.map((p) => (
        <ProgramRow key={p.id} program={p} onOpen={onOpenProgram} />
      ))}

      <View className="report__source">
        <Text className="report__source-line">数据来源：{source.publisher}</Text>
        <Text className="report__source-line">《{source.headline}》</Text>
        {onOpenSource ? (
          <View className="report__source-link" role="link" onClick={onOpenSource} aria-label="查看原文">
            查看原文 ›
          </View>
        ) : null}
        <Text className="report__source-line keep-words">{formatSourceDate(source.date)}</Text>
        <Text className="report__source-line">{FIGURE_RULE}</Text>
      </View>
    </View>
  )
}
