// H5's navigation bar (the mini-program has WeChat's own): the page's title, 返回 when there is a
// page to go back to, and 首页. The title is the one the page set (document.title), kept in step.
import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import { switchTab } from '@/platform'
import { navigateBack, pageDepth } from '@/platform/nav'
import { routes } from '@/routes'
import './index.scss'

const APP_TITLE = '巾帼年终盘点'

/** The title the page set, in step with later changes (Taro sets it on show). */
function useDocumentTitle(): string {
  const [title, setTitle] = useState(() => document.title)
  useEffect(() => {
    const read = () => setTitle(document.title)
    read()
    const observer = new MutationObserver(read)
    observer.observe(document.head, { subtree: true, childList: true, characterData: true })
    return () => observer.disconnect()
  }, [])
  return title || APP_TITLE
}

/** Whether this page is the feed (首页), read from the hash route. */
const onFeed = () => {
  const path = window.location.hash.replace(/^#/, '').split('?')[0]
  return path === '' || path === '/' || path === routes.feed
}

export function H5Nav() {
  const title = useDocumentTitle()
  // Read once per page: a page's place on the stack does not change while it is shown.
  const [back] = useState(() => pageDepth() > 1)
  const [home] = useState(() => !onFeed())
  return (
    <View className="h5-nav" role="banner">
      <View className="h5-nav__side">
        {back ? (
          <View className="h5-nav__button" role="button" aria-label="返回上一页" onClick={navigateBack}>
            ‹ 返回
          </View>
        ) : null}
      </View>
      <View className="h5-nav__title" role="heading" aria-level={1}>
        {title}
      </View>
      <View className="h5-nav__side h5-nav__side--end">
        {home ? (
          <View className="h5-nav__button" role="button" aria-label="回到首页" onClick={() => switchTab(routes.feed)}>
            首页
          </View>
        ) : null}
      </View>
    </View>
  )
}
