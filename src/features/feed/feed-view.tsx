// The 年终盘点 feed: filters, then loading skeleton, error with retry, empty state, or paged cards.
import { Button, Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, Skeleton } from '@/components/state-view'
import { FilterBar } from './filter-bar'
import type { Feed } from './use-feed'
import { YearEndCard } from './year-end-card'

export function FeedView({ feed, onOpen }: { feed: Feed; onOpen: (federationId: string) => void }) {
  const { cards } = feed
  return (
    <View>
      <Text className="page-title">各地妇联的年度成绩单</Text>
      {cards.status === 'ready' && cards.data.length > 0 ? (
        <FilterBar filter={feed.filter} provinces={feed.provinces} onChoose={feed.choose} />
      ) : null}
      {cards.status === 'loading' ? <Skeleton label="正在加载年终盘点" /> : null}
      {cards.status === 'error' ? <ErrorState message={cards.message} onRetry={() => void cards.reload()} /> : null}
      {cards.status === 'ready' && cards.data.length === 0 ? (
        <EmptyState title="暂时还没有年终盘点" text="各地妇联发布后会出现在这里" />
      ) : null}
      {cards.status === 'ready' && cards.data.length > 0 && feed.matched.length === 0 ? (
        <EmptyState title="没有符合条件的年终盘点" text="换个地区或主题看看" action="清除筛选" onAction={feed.clear} />
      ) : null}
      {feed.visible.map((card) => (
        <YearEndCard key={card.federationId} card={card} onOpen={onOpen} />
      ))}
      {feed.hasMore ? (
        <Button className="button button--ghost feed-more" onClick={feed.loadMore} aria-label="加载更多年终盘点">
          加载更多
        </Button>
      ) : null}
      {cards.status === 'ready' && feed.matched.length > 0 && !feed.hasMore ? (
        <Text className="feed-end">— 共 {feed.matched.length} 个妇联 —</Text>
      ) : null}
    </View>
  )
}
