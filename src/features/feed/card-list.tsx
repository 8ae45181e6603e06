// The feed body: loading, error with retry, empty, or the list of year-end cards.
import { Button, Text, View } from '@tarojs/components'
import type { YearEndCard as Card } from '@/domain/types'
import type { AsyncResource } from '@/shared/use-async'
import { YearEndCard } from './year-end-card'

export function CardList({ state }: { state: AsyncResource<Card[]> }) {
  if (state.status === 'loading') {
    return (
      <View className="state" aria-busy="true">
        <Text>正在加载年终盘点…</Text>
      </View>
    )
  }
  if (state.status === 'error') {
    return (
      <View className="state" role="alert">
        <Text className="state__title">没能加载出来</Text>
        <Text>{state.message}</Text>
        <View style={{ marginTop: '16px' }}>
          <Button className="button" onClick={() => void state.reload()}>
            重新加载
          </Button>
        </View>
      </View>
    )
  }
  if (state.data.length === 0) {
    return (
      <View className="state">
        <Text className="state__title">暂时还没有年终盘点</Text>
        <Text>各地妇联发布后会出现在这里</Text>
      </View>
    )
  }
  return (
    <View>
      {state.data.map((card) => (
        <YearEndCard key={card.federationId} card={card} />
      ))}
    </View>
  )
}
