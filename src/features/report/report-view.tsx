// A federation's year told in sections with figure tiles, its programs, and the source line.
import type { CSSProperties } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { FigureTile } from '@/components/figure-tile'
import { DEMO_LABEL } from '@/domain/demo'
import { TopicTag } from '@/components/topic-tag'
import { FIGURE_RULE } from '@/domain/figures'
import type { FederationReport, ProgramListing } from '@/services/api'
import { formatSourceDate } from '@/utils/date'
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

/** Sections rendered at first; the rest follow as she scrolls, so a long report opens light. */
export const REPORT_FIRST_SECTIONS = 3

export function ReportView({
  report,
  shownSections,
  onShowMore,
  onOpenProgram,
  onOpenSource,
  onOpenStory,
}: {
  report: FederationReport
  shownSections: number
  onShowMore: () => void
  onOpenProgram: (programId: string) => void
  /** Given only when the article can be fetched (server mode): shows 查看原文. */
  onOpenSource?: () => void
  /** 看故事版: the year one screen at a time. */
  onOpenStory?: () => void
}) {
  const { card, programs } = report
  const { source } = card
  const sections = report.sections.slice(0, shownSections)
  const hidden = report.sections.length - sections.length
  return (
    <View className="report themed" style={{ '--card-color': card.color } as CSSProperties}>
      <View className="report__hero theme-hero">
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

      <Text className="section-title">{card.name}的项目</Text>
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
        <Text className="report__source-line">{formatSourceDate(source.date)}</Text>
        {source.note ? <Text className="report__source-line">{source.note}</Text> : null}
        <Text className="report__source-line">{FIGURE_RULE}</Text>
      </View>
    </View>
  )
}
