// Which illustration each story screen shows: a section's screen its section's topic, the others the federation's lead topic.
import { artIcon, topicIcon, type IconName } from '@/domain/topic-art'
import type { FederationReport } from '@/domain/views'

/** The art of the screen with this key (storyScreens: a section's id, a figure's id, 'opening' or 'closing'). */
export function storyArt(report: Pick<FederationReport, 'card' | 'sections'>, key: string): IconName {
  const section = report.sections.find((s) => s.id === key)
  return section ? topicIcon(section.topic) : artIcon(report.card.topics)
}
