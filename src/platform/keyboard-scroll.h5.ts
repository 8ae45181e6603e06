// Keyboard access to what scrolls on H5: Taro's router scrolls each page in its own container, and a
// scroll-view scrolls on its own, neither of which takes focus, so without a mouse they never move.

const SCROLLERS = '.taro_page:not([tabindex]), taro-scroll-view-core:not([tabindex])'

/** Makes every page container and scroll-view a keyboard stop as it appears. */
export function installKeyboardScroll(): void {
  if (typeof MutationObserver === 'undefined') return
  const mark = () => document.querySelectorAll(SCROLLERS).forEach((el) => el.setAttribute('tabindex', '0'))
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true })
  mark()
}
