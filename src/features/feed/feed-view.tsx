// The 年终盘点 feed: filters, then loading skeleton, error with retry, empty state, or paged cards.
import { Text, View } from '@tarojs/components'
import { EmptyState, ErrorState, ListMore, Skeleton } from '@/components/state-view'
import { FilterBar } from './filter-bar'
import type { Feed } from './use-feed'
import { YearEndCard } from './year-end-card'

/** What to try when nothing matches: the search first, as it narrows most. */
function emptyAdvice(feed: Feed): string {
  if (feed.filter.open && !feed.filter.q && !feed.filter.topic) {
    return feed.region
      ? `“${feed.region.names}”现在没有正在报名的培训：换个地区，或关掉“有可报名的培训”看全部`
      : '现在没有正在报名的培训：关掉“有可报名的培训”看全部年终盘点'
  }
  if (feed.filter.q && feed.region) return `在“${feed.region.names}”里没有找到，换个词，或把地区改回全国再搜`
  if (feed.filter.q) return '换个词搜索，比如只写县名或市名；或清除筛选看全部'
  if (feed.region) return '这个地区还没有发布年终盘点：换个地区或主题看看，或清除筛选看全国'
  return '换个地区或主题看看'
}

export function FeedView({
  feed,
  onOpen,
  onOpenRegion,
  onOpenTrainings,
}: {
  feed: Feed
  onOpen: (federationId: string) => void
  onOpenRegion: () => void
  /** 可报名的培训 across every federation; absent where it cannot open (single-page mode). */
  onOpenTrainings?: () => void
}) {
  const { cards } = feed
  const ready = cards.status === 'ready'
  return (
    <View>
      <Text className="page-title">各地妇联的年度成绩单</Text>
      {onOpenTrainings ? (
        <View className="card card--compact" role="link" onClick={onOpenTrainings}>
          <Text className="row-card__title">找培训：各地正在报名的培训 ›</Text>
          <Text className="row-card__meta">按报名截止时间排好，不用一个个打开年终盘点</Text>
        </View>
      ) : null}
      <FilterBar
        filter={feed.filter}
        region={feed.region}
        onChoose={feed.choose}
        onSearch={feed.search}
        onOpenRegion={onOpenRegion}
      />
      {cards.status === 'loading' ? <Skeleton label="正在加载年终盘点" /> : null}
      {cards.status === 'error' ? (
        <ErrorState message={cards.message} onRetry={() => void cards.reload()} home={false} />
      ) : null}
      {ready && !feed.filtered && feed.rows.length === 0 ? (
        <EmptyState title="暂时还没有年终盘点" text="各地妇联发布后会出现在这里" />
      ) : null}
      {ready && feed.filtered && feed.rows.length === 0 ? (
        <EmptyState title="没有符合条件的年终盘点" text={emptyAdvice(feed)} action="清除筛选" onAction={feed.clear} />
      ) : null}
      {ready ? feed.visible.map((card) => <YearEndCard key={card.federationId} card={card} onOpen={onOpen} />) : null}
      {ready ? <ListMore list={feed} label="加载更多年终盘点" end={`— 共 ${feed.rows.length} 个妇联 —`} /> : null}
    </View>
  )
}
