// Share to a chat (useShareAppMessage) and to Moments (useShareTimeline) from one page-level hook.
import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'

export interface SharePayload {
  title: string
  /** Chat: the page path with its query. */
  path: string
  /** Moments: the query of the current page. */
  query: string
  /** 5:4 image for chats; WeChat uses a screenshot when absent. */
  imageUrl?: string
  /** 1:1 image for Moments. */
  timelineImageUrl?: string
}

/** Pages call this with what they show; `undefined` while loading falls back to the app's name. */
export function useShare(payload: SharePayload | undefined) {
  useShareAppMessage(() =>
    payload
      ? { title: payload.title, path: payload.path, imageUrl: payload.imageUrl }
      : { title: '巾帼年终盘点', path: '/pages/feed/index' },
  )
  useShareTimeline(() =>
    payload
      ? { title: payload.title, query: payload.query, imageUrl: payload.timelineImageUrl }
      : { title: '巾帼年终盘点', query: '' },
  )
}
