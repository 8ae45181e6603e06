import { useDidShow, useReachBottom, usePullDownRefresh, useRouter } from '@/platform/page'
import { readFeedLink } from '@/domain/feed-link'
import { PageShell } from '@/components/page-shell'
import { sharePath, shareQuery } from '@/domain/share'
import { FeedView } from '@/features/feed/feed-view'
import { keepInLink, useFeed } from '@/features/feed/use-feed'
import { SinglePageHint } from '@/features/share/single-page-hint'
import { navigateTo, stopPullDownRefresh, toast } from '@/platform'
import { releaseFirstScreen } from '@/platform/first-screen'
import { useShare } from '@/platform/share'
import { routes } from '@/routes'
import { useSinglePage } from '@/shared/use-single-page'
import { useEffect, useState } from 'react'

const FEED_TITLE = '巾帼年终盘点：各地妇联的年度成绩单'

export default function FeedPage() {
  const { params } = useRouter()
  const [link] = useState(() => readFeedLink(params))
  const feed = useFeed(link)
  const single = useSinglePage()
  // A share opens the feed as she sees it: her filters travel in its query.
  const query = [shareQuery({ kind: 'feed' }), feed.query].filter(Boolean).join('&')
  const path = sharePath({ kind: 'feed' })
  useShare({ title: FEED_TITLE, path: query ? `${path}?${query}` : path, query })
  usePullDownRefresh(() => {
    void feed.cards.reload().finally(stopPullDownRefresh)
  })
  useReachBottom(feed.loadMore)
  // Back from the region picker: the region changed while the picker's address was shown.
  useDidShow(() => keepInLink(feed.query))
  // The cards (or the reason there are none) are drawn: the prerendered picture can go.
  const drawn = feed.cards.status !== 'loading'
  useEffect(() => {
    if (drawn) releaseFirstScreen()
  }, [drawn])
  return (
    <PageShell>
      {single ? <SinglePageHint /> : null}
      <FeedView
        feed={feed}
        onOpen={(id) => (single ? toast('请点屏幕下方“前往小程序”查看') : navigateTo(routes.report(id)))}
        onOpenRegion={() => (single ? toast('请点屏幕下方“前往小程序”选择地区') : navigateTo(routes.region))}
        onOpenTrainings={single ? undefined : () => navigateTo(routes.trainings)}
      />
    </PageShell>
  )
}
