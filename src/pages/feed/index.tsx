import { Text, View } from '@tarojs/components'
import { usePullDownRefresh } from '@tarojs/taro'
import { CardList } from '@/features/feed/card-list'
import { useCards } from '@/features/feed/use-cards'
import { stopPullDownRefresh } from '@/platform'

export default function FeedPage() {
  const cards = useCards()
  usePullDownRefresh(() => {
    void cards.reload().finally(stopPullDownRefresh)
  })
  return (
    <View className="page">
      <Text className="page-title">各地妇联的年度成绩单</Text>
      <CardList state={cards} />
    </View>
  )
}
