// The full article a report's figures were checked against, in readable paragraphs.
import { Text, View } from '@tarojs/components'
import type { ReportSource } from '@/services/api'
import './source-view.scss'

/** Paragraphs as the article has them: one per non-blank line, its leading spaces dropped. */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
}

export function SourceView({ source }: { source: ReportSource }) {
  return (
    <View className="source-view">
      <View className="card source-view__head">
        <Text className="source-view__name">{source.name}</Text>
        <Text className="source-view__note">这是年终盘点所依据的原文，卡片上的数字都照录于此。</Text>
      </View>
      <View className="card source-view__body" role="article" aria-label={`${source.name}的原文`}>
        {paragraphs(source.text).map((p, i) => (
          <Text key={i} className="source-view__paragraph">
            {p}
          </Text>
        ))}
      </View>
    </View>
  )
}
