// The hint a page shows when opened from Moments (single-page mode).
import { View } from '@tarojs/components'
import './share.scss'

/** Shown when a page is opened from Moments (single-page mode): no tab bar, no forms there. */
export function SinglePageHint({ action = '查看完整内容和报名' }: { action?: string }) {
  return (
    <View className="single-page-hint" role="note">
      这是朋友圈里的预览。点屏幕下方的“前往小程序”，{action}。
    </View>
  )
}
