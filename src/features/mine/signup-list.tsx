// 我的报名: the user's sign-ups with their status, or a friendly empty state.
import { Button, Text, View } from '@tarojs/components'
import { maskMobile } from '@/domain/mobile'
import type { Signup } from '@/services/api'
import type { AsyncResource } from '@/shared/use-async'
import { formatSessionTime } from '@/utils/date'
import './signup-list.scss'

const STATUS_TEXT = {
  confirmed: '已报名',
  waitlisted: '候补',
  cancelled: '已取消',
} as const

export function statusText(s: Signup): string {
  if (s.status === 'waitlisted' && s.waitlistPosition) return `候补第${s.waitlistPosition}位`
  return STATUS_TEXT[s.status]
}

export function SignupList({ state }: { state: AsyncResource<Signup[]> }) {
  if (state.status === 'loading') {
    return (
      <View className="state" aria-busy="true">
        <Text>正在加载我的报名…</Text>
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
        <Text className="state__title">还没有报名</Text>
        <Text>在“年终盘点”里找到感兴趣的培训和活动，报名后会显示在这里。</Text>
      </View>
    )
  }
  return (
    <View>
      {state.data.map((s) => (
        <View key={s.id} className="signup-row">
          <View className="signup-row__top">
            <Text className="signup-row__title">{s.programTitle}</Text>
            <Text className={`signup-row__status signup-row__status--${s.status}`}>{statusText(s)}</Text>
          </View>
          <Text className="signup-row__meta">
            {s.sessionTitle} · {formatSessionTime(s.sessionStart)}
          </Text>
          <Text className="signup-row__meta">
            {s.name} · {maskMobile(s.mobile)}
          </Text>
        </View>
      ))}
    </View>
  )
}
