// One federation's year-end card: name, region, year, its hero figure set large on the colour, the other
// headline figures smaller, topics and source.
import type { CSSProperties } from 'react'
import { Image, Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { FigureTile } from '@/components/figure-tile'
import { TopicArt } from '@/components/topic-art'
import { useFontScale } from '@/components/page-shell'
import { TopicTag } from '@/components/topic-tag'
import { fitsThirdTile, formatFigure, heroSplit } from '@/domain/figures'
import { artIcon } from '@/domain/topic-art'
import type { Region, YearEndCard as Card } from '@/domain/types'
import { formatSourceDate } from '@/utils/date'
import './year-end-card.scss'

export function regionText(region: Region): string {
  return [region.province, region.city, region.district].filter(Boolean).join(' · ')
}

export function YearEndCard({ card, onOpen }: { card: Card; onOpen?: (federationId: string) => void }) {
  const open = card.openProgramCount > 0
  const { hero, rest } = heroSplit(card.headlineFigures, card.heroFigureId)
  const art = artIcon(card.topics)
  const fontScale = useFontScale()
  const thirds = rest.every((f) => {
    const shown = formatFigure(f.value, f.unit)
    return fitsThirdTile(shown.text, shown.unit, fontScale)
  })
  return (
    // The theme colour travels as a CSS variable so dark mode can swap it for a readable tone.
    <View
      className="ye-card themed"
      style={{ '--card-color': card.color } as CSSProperties}
      onClick={onOpen ? () => onOpen(card.federationId) : undefined}
    >
      <View className="ye-card__head theme-hero">
        {/* The lead topic's illustration, white and faint behind the words, cropped by the card's edge. */}
        <TopicArt art={art} stroke="#fff" className="ye-card__art" />
        <View className="ye-card__top">
          <Text className="ye-card__year">{card.year} 年终盘点</Text>
          {open ? <Text className="ye-card__badge">可报名</Text> : null}
        </View>
        <Text className="ye-card__name">{card.name}</Text>
        <Text className="ye-card__region">
          {regionText(card.region)} · {card.level}
        </Text>
        {hero ? <FigureTile figure={hero} className="ye-card__hero" /> : null}
      </View>
      {/* Only server mode has covers: read literally, the built-in build leaves this out altogether.
          The small size's address (domain/cover-ref.ts), written out so the main package needs no module for it. */}
      {process.env.TARO_APP_API_BASE && card.cover ? (
        <Image
          className="ye-card__cover"
          src={`${process.env.TARO_APP_API_BASE.trim().replace(/\/+$/, '')}/api/covers/${card.cover.hash}-s.jpg`}
          mode="aspectFill"
          lazyLoad
          // The report names the photo; here it only decorates the card.
          nativeProps={{ alt: '' }}
        />
      ) : null}
      <Text className="ye-card__summary">{card.summary}</Text>
      <View className="ye-card__figures">
        {rest.map((f) => (
          <FigureTile key={f.id} figure={f} className={`ye-card__minor ${thirds ? '' : 'ye-card__minor--half'}`} />
        ))}
      </View>
      <View className="ye-card__tags">
        {card.topics.map((t) => (
          <TopicTag key={t} topic={t} />
        ))}
      </View>
      {open ? (
        <View className="ye-card__signup">
          <Text>{card.openProgramCount} 个项目正在报名</Text>
          {card.demoSessions ? <DemoNotice variant="badge" /> : null}
        </View>
      ) : null}
      <View className="ye-card__foot">
        <Text className="ye-card__source keep-words">
          来源：{card.source.publisher} · {formatSourceDate(card.source.date)}
        </Text>
        {/* The link a screen reader names: its words are on screen, so they lead its name's end
            (the whole card stays a tap target). */}
        {onOpen ? (
          <View
            className="ye-card__more"
            role="link"
            aria-label={`${card.name}${card.year}年终盘点${open ? `，${card.openProgramCount} 个项目可报名` : ''}，查看报告`}
          >
            查看报告 ›
          </View>
        ) : null}
      </View>
    </View>
  )
}
