// Which icon illustrates a topic, and that icon as an image: the art of cards, report heads, story screens and posters.
import { ICON_PATHS, type IconName } from './topic-art-paths'
import type { Topic } from './types'

export type { IconName }

/** One icon a topic, from the kept set (topic-art-paths.ts, generated from @tabler/icons). */
export const TOPIC_ICONS: Record<Topic, IconName> = {
  就业创业: 'briefcase',
  乡村振兴: 'seedling',
  家庭家风: 'home-heart',
  // 撑起保护伞: the shelter a federation holds over women's and children's rights.
  维权关爱: 'umbrella',
  健康: 'stethoscope',
  组织建设: 'users-group',
  宣传引领: 'speakerphone',
}

/** The art of a card that names no topic (or one this app version does not know). */
export const NO_TOPIC_ICON: IconName = 'star'

/** A topic's icon; the no-topic icon when absent or unknown. */
export const topicIcon = (topic: Topic | undefined): IconName => (topic && TOPIC_ICONS[topic]) || NO_TOPIC_ICON

/** A card's or report's art: the icon of its lead topic, the first it names. */
export const artIcon = (topics: readonly Topic[] | undefined): IconName => topicIcon(topics?.[0])

/** The icon's outline as SVG path data on a 24×24 grid. */
export const iconPath = (name: IconName): string => ICON_PATHS[name]

/** The icon as a CSS background image (an SVG data URI): round strokes of one colour, no fill. */
export function artImage(name: IconName, stroke = '#fff'): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${stroke}" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d="${ICON_PATHS[name]}"/></svg>`
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`
}
