// The feed's filters in its link (region, search, topic, 有可报名), so a shared link or a reload
// opens the same filtered feed; whatever in a link is unknown or malformed is left out.
import { normalizeQuery, QUERY_MAX } from './filters'
import { parseChoice, type RegionChoice } from './region-choice'
import { TOPICS, type Topic } from './types'

export interface FeedLink {
  region?: RegionChoice
  topic?: Topic
  q?: string
  open?: '1'
}

/** A link value as the page got it: decoded once more if still %-encoded (mini-program queries are). */
function text(raw: string | undefined): string | undefined {
  if (typeof raw !== 'string' || !raw) return undefined
  try {
    return decodeURIComponent(raw)
  } catch {
    return raw
  }
}

/** The feed's filters read from its page query; undefined when the link names none (我的地区 applies). */
export function readFeedLink(params: Record<string, string | undefined>): FeedLink | undefined {
  const keys = ['region', 'place', 'topic', 'q', 'open'] as const
  if (!keys.some((k) => params[k])) return undefined
  const link: FeedLink = {}
  const code = text(params.region)
  const place = text(params.place)
  const region = code && place ? parseChoice(JSON.stringify({ code, names: place })) : undefined
  if (region) link.region = region
  const topic = text(params.topic)
  if (topic && (TOPICS as readonly string[]).includes(topic)) link.topic = topic as Topic
  const q = normalizeQuery(text(params.q))
  if (q && q.length <= QUERY_MAX) link.q = q
  if (params.open === '1') link.open = '1'
  return link
}

/** The page query for these filters, each value encoded; empty for 全国 and no filter. */
export function feedLinkQuery(link: FeedLink): string {
  const pairs: Array<[string, string | undefined]> = [
    ['region', link.region?.code],
    ['place', link.region?.names],
    ['topic', link.topic],
    ['q', link.q],
    ['open', link.open],
  ]
  return pairs
    .filter((p): p is [string, string] => !!p[1])
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join('&')
}
