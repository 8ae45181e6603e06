// Loading skeleton, error with retry and a way home, and empty states, shared by every page.
import { Button, Text, View } from '@tarojs/components'
import { switchTab } from '@/platform'
import { routes } from '@/routes'
import type { PagedList } from '@/shared/use-paged-list'
import './index.scss'

export function Skeleton({ blocks = 3, label = '正在加载' }: { blocks?: number; label?: string }) {
  return (
    <View className="skeleton" aria-busy="true" aria-label={label}>
      {Array.from({ length: blocks }, (_, i) => (
        <View key={i} className="skeleton__block">
          <View className="skeleton__bar skeleton__bar--head" />
          <View className="skeleton__bar" />
          <View className="skeleton__bar skeleton__bar--short" />
        </View>
      ))}
    </View>
  )
}

/**
 * A page that did not load: 重新加载, and 返回首页 for what loading again cannot fix (a link to
 * something taken down). `home={false}` on the 首页 itself.
 */
export function ErrorState({
  message,
  onRetry,
  home = true,
}: {
  message: string
  onRetry: () => void
  home?: boolean
}) {
  return (
    <View className="state" role="alert">
      <Text className="state__title">没能加载出来</Text>
      <Text className="state__text">{message}</Text>
      <View className="state__actions">
        <Button className="button state__action" onClick={onRetry} aria-label="重新加载">
          重新加载
        </Button>
        {home ? (
          <Button
            className="button button--ghost state__action"
            onClick={() => switchTab(routes.feed)}
            aria-label="返回首页"
          >
            返回首页
          </Button>
        ) : null}
      </View>
    </View>
  )
}

export function EmptyState({
  title,
  text,
  action,
  onAction,
}: {
  title: string
  text?: string
  action?: string
  onAction?: () => void
}) {
  return (
    <View className="state">
      <Text className="state__title">{title}</Text>
      {text ? <Text className="state__text">{text}</Text> : null}
      {action && onAction ? (
        <Button className="button button--ghost state__action" onClick={onAction} aria-label={action}>
          {action}
        </Button>
      ) : null}
    </View>
  )
}

/**
 * The foot of a paged list: why the next page failed, 加载更多 (重试 after a failure), and once every
 * row has arrived, `end` (when there are rows at all).
 */
export function ListMore({
  list,
  label,
  end,
}: {
  list: Pick<PagedList<unknown>, 'rows' | 'hasMore' | 'fetching' | 'moreError' | 'loadMore'>
  /** The button's accessible name, saying what more is loaded. */
  label: string
  end: string
}) {
  return (
    <>
      {list.moreError ? <Text className="list-end">{list.moreError}</Text> : null}
      {list.hasMore ? (
        <Button
          className="button button--ghost list-more"
          onClick={list.loadMore}
          disabled={list.fetching}
          aria-label={label}
        >
          {list.fetching ? '正在加载…' : list.moreError ? '重试' : '加载更多'}
        </Button>
      ) : null}
      {list.rows.length > 0 && !list.hasMore ? <Text className="list-end">{end}</Text> : null}
    </>
  )
}
