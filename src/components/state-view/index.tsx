// Loading skeleton, error with retry, and empty states, shared by every page.
import { Button, Text, View } from '@tarojs/components'
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

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="state" role="alert">
      <Text className="state__title">没能加载出来</Text>
      <Text className="state__text">{message}</Text>
      <Button className="button state__action" onClick={onRetry} aria-label="重新加载">
        重新加载
      </Button>
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
