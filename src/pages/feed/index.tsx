import { useReachBottom, usePullDownRefresh } from '@/platform/page'
import { PageShell } from '@/components/page-shell'
import { sharePath, shareQuery } from '@/domain/share'
import { FeedView } from '@/features/feed/feed-view'
import { useFeed } from '@/features/feed/use-feed'
import { SinglePageHint } from '@/features/share/single-page-hint'
import { navigateTo, stopPullDownRefresh, toast } from '@/platform'
import { useShare } from '@/platform/share'
import { routes } from '@/routes'
import { useSinglePage } from '@/shared/use-single-page'

const FEED_SHARE = {
  title: '巾帼年终盘点：各地妇联的年度成绩单',
  path: sharePath({ kind: 'feed' }),
  query: shareQuery({ kind: 'feed' }),
}

export default function FeedPage() {
  const feed = useFeed()
  const single = useSinglePage()
  useShare(FEED_SHARE)
  usePullDownRefresh(() => {
    void feed.cards.reload().finally(stopPullDownRefresh)
  })
  useReachBottom(feed.loadMore)
  return (
    <PageShell>
      {single ? <SinglePageHint /> : null}
      <FeedView
        feed={feed}
        onOpen={(id) => (single ? toast('请点屏幕下方“前往小程序”查看') : navigateTo(routes.report(id)))}
        onOpenRegion={() => (single ? toast('请点屏幕下方“前往小程序”选择地区') : navigateTo(routes.region))}
      />
    </PageShell>
  )
}
