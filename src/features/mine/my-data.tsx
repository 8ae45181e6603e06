// The privacy link and 删除我的全部数据: clears sign-ups, drafts and settings on this phone, keeping 大字模式.
import { View } from '@tarojs/components'
import { env } from '@/config/env'
import { confirm, toast } from '@/platform'
import { api } from '@/services'
import { useAppStore } from '@/store'
import { forgetMyRegion } from '@/features/feed/my-region'
import { forgetTickets } from '@/features/signup/ticket-cache'

export function MyData({
  onOpenPrivacy,
  onDeleted,
  onOpenOrganizer,
}: {
  onOpenPrivacy: () => void
  onDeleted: () => void
  /** The organizer's pages (roster, check-in); given only when a server has them. */
  onOpenOrganizer?: () => void
}) {
  const resetAll = useAppStore((s) => s.resetAll)
  const setLargeFont = useAppStore((s) => s.setLargeFont)
  const deleteAll = async () => {
    const ok = await confirm(
      '删除我的全部数据',
      env.apiBase
        ? '你的全部报名记录（包括服务器上的）和没填完的报名表都会被删除，不能恢复。已占的名额会让给候补的人。大字模式保持不变。'
        : '这台手机上的报名记录和没填完的报名表都会被删除，不能恢复。大字模式保持不变。',
      '全部删除',
    )
    if (!ok) return
    try {
      await api.deleteMyData()
      forgetTickets()
      forgetMyRegion()
      // 大字模式 is how she reads the screen, not her data: losing it mid-task would leave her squinting.
      const largeFont = useAppStore.getState().largeFont
      resetAll()
      setLargeFont(largeFont)
      toast('已删除', 'success')
      onDeleted()
    } catch (e) {
      toast(e instanceof Error ? e.message : '没能删除，请稍后再试')
    }
  }
  return (
    <View className="mine-links">
      <View className="mine-link" onClick={onOpenPrivacy} role="link">
        隐私说明
      </View>
      <View className="mine-link" onClick={() => void deleteAll()} role="button" aria-label="删除我的全部数据">
        删除我的全部数据
      </View>
      {onOpenOrganizer ? (
        <View className="mine-link" onClick={onOpenOrganizer} role="link">
          组织者入口：查看报名名单
        </View>
      ) : null}
    </View>
  )
}
