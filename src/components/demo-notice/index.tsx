// The one place demo sessions are named to a member: a short badge beside a session or a
// sign-up, or a banner saying plainly what a demo session is. Figures are real and never use it.
import { Text, View } from '@tarojs/components'
import './index.scss'

export const DEMO_LABEL = '示例场次'
export const DEMO_TEXT = '这是演示用的示例场次，不是真实活动：时间、地点和名额都是示例，到时不会举办，不用前往。'

export function DemoNotice({ variant }: { variant: 'badge' | 'banner' }) {
  if (variant === 'badge') return <Text className="demo-notice demo-notice--badge">{DEMO_LABEL}</Text>
  return (
    <View className="demo-notice demo-notice--banner">
      <Text className="demo-notice__title">{DEMO_LABEL}</Text>
      <Text className="demo-notice__text">{DEMO_TEXT}</Text>
    </View>
  )
}
