// What a sign-up is: program, session time and place, who, and its status.
import { Text, View } from '@tarojs/components'
import { maskMobile } from '@/domain/mobile'
import { signupLabel } from '@/domain/signup-rules'
import type { Signup } from '@/services/api'
import { formatSessionTime } from '@/utils/date'

export function SignupSummary({ signup, now }: { signup: Signup; now: Date }) {
  // Time and place as they are now; after a change the organizer made, she is told beside them.
  const changed = signup.sessionChanged ? '（已变更）' : ''
  const cancelled = signup.sessionCancelled
  const rows: Array<[string, string]> = [
    ['项目', signup.programTitle],
    ['主办', signup.federationName],
    ['场次', signup.sessionTitle],
    ['时间', formatSessionTime(signup.sessionStart) + changed],
    ['地点', (signup.online ? '线上参加（会议号或链接由主办方另行告诉您）' : (signup.place ?? '')) + changed],
    ['报名人', `${signup.name}（${maskMobile(signup.mobile)}）`],
    ['状态', signupLabel(signup, now)],
    ...(cancelled ? [['取消原因', cancelled.reason || '主办方未说明'] as [string, string]] : []),
  ]
  return (
    <View className="card kv">
      {rows.map(([k, v]) => (
        <View key={k} className="kv__row">
          <Text className="kv__key">{k}</Text>
          <Text className="kv__value">{v}</Text>
        </View>
      ))}
    </View>
  )
}
