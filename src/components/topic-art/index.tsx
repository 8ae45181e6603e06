// A topic's illustration, faint behind a hero's words; each place sets its size, spot and opacity.
import { View } from '@tarojs/components'
import { artImage, type IconName } from '@/domain/topic-art'
import './index.scss'

export function TopicArt({ art, stroke, className }: { art: IconName; stroke: string; className: string }) {
  return (
    <View
      className={`topic-art topic-art--${art} ${className}`}
      style={{ backgroundImage: artImage(art, stroke) }}
      aria-hidden
    />
  )
}
