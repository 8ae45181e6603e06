// The one place demo sessions are named to a member: a short badge beside a session or a
// sign-up, or a one-line banner saying plainly what a demo session is. Figures are real and never use it.
import { Text, View } from '@tarojs/components'
import { DEMO_LABEL, DEMO_TEXT } from '@/domain/demo'
import './index.scss'

export { DEMO_LABEL, DEMO_TEXT }

export function DemoNotice({ variant }: { variant: 'badge' | 'banner' }) {
  if (variant === 'badge') return <Text className="demo-notice demo-notice--badge">{DEMO_LABEL}</Text>
  return (
    <View className="demo-notice demo-notice--banner">
      <Text className="demo-notice__text">{DEMO_TEXT}</Text>
    </View>
  )
}
