// What a share says: titles, paths and queries built from content, trimmed to what WeChat shows.
import { DEMO_LABEL } from './demo'
import { heroSplit, scopeText } from './figures'
import type { Figure, Program, ShownFigure, SignupSpec, YearEndCard } from './types'

/** WeChat cuts share titles at about two lines; keep them within this many characters. */
export const SHARE_TITLE_MAX = 30

const chars = (s: string) => Array.from(s)

/** Shortens to `max` characters with an ellipsis, counting a character as a person does. */
export function truncate(s: string, max: number): string {
  const c = chars(s)
  return c.length <= max ? s : `${c.slice(0, max - 1).join('')}…`
}

/**
 * The figure a share leads with: the card's hero, the one it and the poster set large (heroSplit: the
 * figure the federation chose, else the first). A total leads only labelled as one (cardShareTitle,
 * drawShareImage), so it is never passed off as the year's result.
 */
export function leadFigure<F extends Pick<Figure, 'id'>>(figures: F[], heroId?: string): F | undefined {
  return heroSplit(figures, heroId).hero
}

type ShareCard = Pick<YearEndCard, 'name' | 'year' | 'heroFigureId'> & { headlineFigures: ShownFigure[] }

/** What a card's share image says (weapp chats and Moments): the same lead figure as its title. */
export function cardShareImage(card: ShareCard & Pick<YearEndCard, 'color'>) {
  return {
    color: card.color,
    title: card.name,
    subtitle: `${card.year} 年终盘点`,
    figure: leadFigure(card.headlineFigures, card.heroFigureId),
  }
}

/**
 * "成都市妇联2020年终盘点：领头雁培训198861人次" — the figure as the article wrote it; a total says so
 * first ("…：累计创建美丽庭院58.1万户"), so the title never passes it off as the year's result.
 */
export function cardShareTitle(card: ShareCard): string {
  const head = `${card.name}${card.year}年终盘点`
  const f = leadFigure(card.headlineFigures, card.heroFigureId)
  if (!f) return truncate(head, SHARE_TITLE_MAX)
  const scope = scopeText(f) ?? ''
  const figure = `${f.value.trim()}${f.unit}`
  const full = `${head}：${scope}${f.label}${figure}`
  if (chars(full).length <= SHARE_TITLE_MAX) return full
  // Too long: the figure and its scope matter most, then the federation; the label gives way first.
  const room = SHARE_TITLE_MAX - chars(head).length - 1 - chars(scope).length - chars(figure).length
  if (room >= 3) return `${head}：${scope}${truncate(f.label, room)}${figure}`
  const tail = `：${scope}${figure}`
  const headRoom = SHARE_TITLE_MAX - chars(tail).length
  if (headRoom >= 6) return `${truncate(head, headRoom)}${tail}`
  return truncate(`${head}${tail}`, SHARE_TITLE_MAX)
}

export function programShareTitle(
  program: Pick<Program, 'title'> & { signup?: Pick<SignupSpec, 'demo'> },
  federationName: string,
  open: boolean,
): string {
  // A demo program says so in the title itself: the title travels into chats without the page.
  const tail = program.signup && open ? (program.signup.demo ? `（${DEMO_LABEL}）` : '，正在报名') : ''
  const room = SHARE_TITLE_MAX - chars(federationName).length - 1 - chars(tail).length
  return `${federationName}·${truncate(program.title, Math.max(room, 6))}${tail}`
}

/**
 * What Web Share and a copied link carry: the share title, which leads with the key figure, then the
 * address ("成都市妇联2020年终盘点：领头雁培训198861人次 https://…"), never a bare address.
 */
export function shareText(title: string, url: string): string {
  const t = title.trim()
  return t ? `${t} ${url}` : url
}

export type SharePage =
  | { kind: 'report'; federationId: string }
  | { kind: 'program'; programId: string }
  | { kind: 'feed' }

/** Path for a chat share: opens the same page. */
export function sharePath(page: SharePage): string {
  if (page.kind === 'report') return `/pages/report/index?id=${encodeURIComponent(page.federationId)}`
  if (page.kind === 'program') return `/pages/program/index?id=${encodeURIComponent(page.programId)}`
  return '/pages/feed/index'
}

/** Query for a Moments share (onShareTimeline takes the current page plus this query). */
export function shareQuery(page: SharePage): string {
  if (page.kind === 'report') return `id=${encodeURIComponent(page.federationId)}`
  if (page.kind === 'program') return `id=${encodeURIComponent(page.programId)}`
  return ''
}

/** WeChat's scene for a page opened from Moments: single-page mode, no tab bar, no forms. */
export const MOMENTS_SCENE = 1154
export const isSinglePageScene = (scene: number | undefined) => scene === MOMENTS_SCENE
