// A figure, big: the number as the article wrote it (or marked 约), its unit, and the label — with 累计 on a total.
import { Text, View } from '@tarojs/components'
import { figureSpeech, formatFigure, isWideFigure, scopeText } from '@/domain/figures'
import type { ShownFigure } from '@/domain/types'
import './index.scss'

/** Kept flat (one View, a few Texts): feeds and reports show dozens, and each node costs setData. */
export function FigureTile({ figure, className = '' }: { figure: ShownFigure; className?: string }) {
  const shown = formatFigure(figure.value, figure.unit)
  const scope = scopeText(figure)
  return (
    <View className={`figure-tile ${className}`} aria-label={figureSpeech(figure)}>
      {/* The number and its unit on one line, whatever the font scale. */}
      <Text className="figure-tile__figure keep">
        <Text
          className={`figure-tile__value ${isWideFigure(shown.text, shown.unit) ? 'figure-tile__value--wide' : ''}`}
        >
          {shown.text}
        </Text>
        <Text className="figure-tile__unit">{shown.unit}</Text>
      </Text>
      <Text className="figure-tile__label">
        {/* A total is never read as the year's result: its words (累计, 八年累计…) lead the label. */}
        {scope ? <Text className="figure-tile__scope">{scope}</Text> : null}
        {figure.label}
      </Text>
    </View>
  )
}
