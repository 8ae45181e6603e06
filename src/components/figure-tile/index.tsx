// A figure, big: the compact number with its unit, and the label under it.
import { Text, View } from '@tarojs/components'
import { formatFigure } from '@/domain/figures'
import type { Figure } from '@/domain/types'
import './index.scss'

/** Kept flat (one View, three Texts): feeds and reports show dozens, and each node costs setData. */
export function FigureTile({ figure, className = '' }: { figure: Figure; className?: string }) {
  const shown = formatFigure(figure.value, figure.unit)
  return (
    <View className={`figure-tile ${className}`} aria-label={`${figure.label}：${shown.exact}`}>
      <Text className="figure-tile__value">{shown.text}</Text>
      <Text className="figure-tile__unit">{shown.unit}</Text>
      <Text className="figure-tile__label">{figure.label}</Text>
    </View>
  )
}
