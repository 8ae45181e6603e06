// What story mode asks of the host: reduced motion, arrow keys on H5, and closing back or to the feed.
import Taro from '@tarojs/taro'

/** H5 reads prefers-reduced-motion; the mini-program has no such setting, so it answers false. */
export function prefersReducedMotion(): boolean {
  if (process.env.TARO_ENV === 'weapp') return false
  try {
    return typeof window !== 'undefined' && !!window.matchMedia?.('(prefers-reduced-motion: reduce)').matches
  } catch {
    return false
  }
}

/** Arrow, Page and space keys move between screens on H5 (keyboard users); returns the unsubscribe. */
export function onStoryKeys(move: (step: 1 | -1) => void): () => void {
  if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined') return () => undefined
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return
    if (e.key === 'ArrowDown' || e.key === 'ArrowRight' || e.key === 'PageDown') move(1)
    else if (e.key === 'ArrowUp' || e.key === 'ArrowLeft' || e.key === 'PageUp') move(-1)
    else return
    e.preventDefault()
  }
  document.addEventListener('keydown', onKey)
  return () => document.removeEventListener('keydown', onKey)
}

/**
 * Whether the shown screen is scrolled to its end in the swipe's direction (or cannot scroll), so
 * the swipe moves to the next screen instead of scrolling. H5 reads the DOM; the mini-program's
 * screens fit or scroll natively, so a swipe there always moves.
 */
export function screenScrolledThrough(step: 1 | -1): boolean {
  if (process.env.TARO_ENV === 'weapp' || typeof document === 'undefined') return true
  const body = Array.from(document.querySelectorAll<HTMLElement>('.story__body')).find((el) => el.offsetParent)
  if (!body || body.scrollHeight <= body.clientHeight + 1) return true
  return step > 0 ? body.scrollTop + body.clientHeight >= body.scrollHeight - 1 : body.scrollTop <= 0
}

/** Back to where she came from; a friend who opened the story from a link has no page behind it. */
export function closeStory(feed: string) {
  let depth = 0
  try {
    depth = Taro.getCurrentPages().length
  } catch {
    depth = 0
  }
  const fail = () => toFeed(feed)
  if (depth > 1) void Promise.resolve(Taro.navigateBack()).catch(fail)
  else fail()
}

function toFeed(feed: string) {
  void Promise.resolve(Taro.switchTab({ url: feed })).catch(() => Taro.reLaunch({ url: feed }))
}
