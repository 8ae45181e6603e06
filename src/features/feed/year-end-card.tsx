// One federation's year-end card in the feed: name, region, year and headline figures.
import type { CSSProperties } from 'react'
import { Text, View } from '@tarojs/components'
import { formatFigure } from '@/domain/figures'
import type { Region, YearEndCard as Card } from '@/domain/types'
import { formatSourceDate } from '@/utils/date'
import './year-end-card.scss'

export function regionText(region: Region): string {
  return [region.province, region.city, region.district].filter(Boolean).join(' · ')
}

export function YearEndCard({ card }: { card: Card }) {
  return (
    // The theme colour travels as a CSS variable so dark mode can swap it for a readable tone.
    <View
      className="ye-card"
      style={{ '--card-color': card.color } as CSSProperties}
      aria-label={`${card.name}${card.year}年终盘点`}
    >
      <View className="ye-card__head">
        <Text className="ye-card__year">{card.year} 年终盘点</Text>
        <Text className="ye-card__name">{card.name}</Text>
        <Text className="ye-card__region">{regionText(card.region)}</Text>
      </View>
      <View className="ye-card__figures">
        {card.headlineFigures.map((f) => {
          const shown = formatFigure(f.value, f.unit)
          return (
            <View key={f.id} className="ye-card__figure" aria-label={`${f.label}${shown.exact}`}>
              <View>
                <Text className="ye-card__value">{shown.text}</Text>
                <Text className="ye-card__unit">{shown.unit}</Text>
              </View>
              <Text className="ye-card__label">{f.label}</Text>
            </View>
          )
        })}
      </View>
      <Text className="ye-card__source">
        来源：{card.source.publisher} · {formatSourceDate(card.source.date)}
      </Text>
    </View>
  )
}
