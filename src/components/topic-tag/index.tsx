// A topic shown as a small outlined tag (text, not colour, carries the meaning).
import { Text } from '@tarojs/components'
import type { Topic } from '@/domain/types'
import './index.scss'

export function TopicTag({ topic }: { topic: Topic }) {
  return <Text className="topic-tag">#{topic}</Text>
}
