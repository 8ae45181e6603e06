// H5: index.html carries a picture of the feed's first screen (scripts/first-screen.mjs) over the
// page while the scripts arrive. The feed takes it away once it has drawn its own: after the next
// frame, so the picture and the page are never both missing. weapp has no such picture.
export function releaseFirstScreen() {
  if (process.env.TARO_ENV !== 'h5') return
  const layer = document.getElementById('first-screen')
  if (!layer) return
  requestAnimationFrame(() => requestAnimationFrame(() => layer.remove()))
}
