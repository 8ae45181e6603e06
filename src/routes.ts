// Routes are built here, never by string concatenation in pages.
export const routes = {
  feed: '/pages/feed/index',
  mine: '/pages/mine/index',
} as const
