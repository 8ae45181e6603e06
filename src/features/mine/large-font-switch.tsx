// 大字模式: a manual switch on top of WeChat's own font setting, for readers who want bigger text.
import { Text, View } from '@tarojs/components'
import { useAppStore } from '@/store'
import './large-font-switch.scss'

export function LargeFontSwitch() {
  const largeFont = useAppStore((s) => s.largeFont)
  const setLargeFont = useAppStore((s) => s.setLargeFont)
  return (
    <View
      className="card large-font"
      onClick={() => setLargeFont(!largeFont)}
      role="switch"
      aria-checked={largeFont}
      aria-label="大字模式"
    >
      <View className="large-font__text">
        <Text className="large-font__title">大字模式</Text>
        <Text className="large-font__hint">
          {largeFont ? '已开启：字更大，数字一行一个' : '看不清？打开后字会变大'}
        </Text>
      </View>
      {/* The whole row is the switch; this is only its picture, so no control sits inside a control. */}
      <View className={`large-font__toggle${largeFont ? ' large-font__toggle--on' : ''}`} aria-hidden="true">
        <View className="large-font__knob" />
      </View>
    </View>
  )
}
