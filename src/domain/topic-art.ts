// Which icon illustrates a topic, and that icon as an image: the art of cards, report heads, story screens and posters.
import { ICON_PATHS, type IconName } from './topic-art-paths'
import { TOPICS, type Topic } from './types'

export type { IconName }

/**
 * One icon a topic, in the order of TOPICS (a list, not a map keyed by the topics' names: the feed
 * card carries this in the main package, where every byte counts; the type keeps the two in step).
 */
type PerTopic<T extends readonly unknown[]> = { readonly [K in keyof T]: IconName }

export const TOPIC_ICONS: PerTopic<typeof TOPICS> = [
  'briefcase', // 就业创业
  'seedling', // 乡村振兴
  'home', // 家庭家风
  'umbrella', // 维权关爱: 撑起保护伞, the shelter a federation holds over women's and children's rights
  'stethoscope', // 健康
  'users', // 组织建设
  'speakerphone', // 宣传引领
]

/** The art of a card that names no topic (or one this app version does not know). */
export const NO_TOPIC_ICON: IconName = 'star'

// `||` and `&&` rather than `??` and `?.`: they compile to fewer bytes for the main package.

/** A topic's icon; the no-topic icon when absent or unknown. */
export const topicIcon = (topic: Topic | undefined): IconName =>
  TOPIC_ICONS[TOPICS.indexOf(topic as Topic)] || NO_TOPIC_ICON

/** A card's or report's art: the icon of its lead topic, the first it names. */
export const artIcon = (topics: readonly Topic[] | undefined): IconName => topicIcon(topics && topics[0])

/** The icon's outline as SVG path data on a 24×24 grid. */
export const iconPath = (name: IconName): string => ICON_PATHS[name]

/**
 * The icon as a CSS background image (an SVG data URI): round strokes of `stroke` (#fff on a colour),
 * no fill. Set inline, so the path data is not repeated in a stylesheet class per topic.
 */
export function artImage(name: IconName, stroke: string): string {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="none" stroke="${stroke}" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d="${ICON_PATHS[name]}"/></svg>`
  return `url("data:image/svg+xml,${encodeURIComponent(svg)}")`
}
