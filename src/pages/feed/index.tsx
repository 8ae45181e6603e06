import { useReachBottom, usePullDownRefresh } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { FeedView } from '@/features/feed/feed-view'
import { useFeed } from '@/features/feed/use-feed'
import { navigateTo, stopPullDownRefresh } from '@/platform'
import { routes } from '@/routes'

export default function FeedPage() {
  const feed = useFeed()
  usePullDownRefresh(() => {
    void feed.cards.reload().finally(stopPullDownRefresh)
  })
  useReachBottom(feed.loadMore)
  return (
    <PageShell>
      <FeedView feed={feed} onOpen={(id) => navigateTo(routes.report(id))} />
    </PageShell>
  )
}
