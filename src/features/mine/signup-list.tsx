// 我的报名: her sign-ups with their status (upcoming first, then past), or a friendly empty state.
import { useRef } from 'react'
import { Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { EmptyState, ErrorState, Skeleton } from '@/components/state-view'
import { maskMobile } from '@/domain/mobile'
import { signupLabel } from '@/domain/signup-rules'
import { HoldPanel } from '@/features/signup/hold-panel'
import type { Signup } from '@/services/api'
import type { AsyncResource } from '@/shared/use-async'
import { formatSessionTime } from '@/utils/date'
import './signup-list.scss'

/** Upcoming (by start time) before past and cancelled ones. */
export function orderSignups(list: Signup[], now: Date): Signup[] {
  const live = (s: Signup) => s.status !== 'cancelled' && Date.parse(s.sessionStart) > now.getTime()
  return [...list].sort(
    (a, b) => Number(live(b)) - Number(live(a)) || Date.parse(a.sessionStart) - Date.parse(b.sessionStart),
  )
}

/** The badge's colour beside its words: a seat held until she confirms is not hers yet. */
const tone = (s: Signup) => (s.sessionCancelled ? 'cancelled' : s.holdUntil ? 'waitlisted' : s.status)

export function SignupList({
  state,
  now,
  onOpen,
}: {
  state: AsyncResource<Signup[]>
  now: Date
  onOpen: (signupId: string) => void
}) {
  const heldHere = useRef(new Set<string>())
  if (state.status === 'loading') return <Skeleton blocks={2} label="正在加载我的报名" />
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={() => void state.reload()} />
  if (state.data.length === 0) {
    return <EmptyState title="还没有报名" text="在“年终盘点”里找到感兴趣的培训和活动，报名后会显示在这里。" />
  }
  return (
    <View>
      <Text className="page-title">我的报名</Text>
      {orderSignups(state.data, now).map((s) => {
        const label = signupLabel(s, now)
        const row = (
          <>
            <View className="row-card__top">
              <Text className="row-card__title">{s.programTitle}</Text>
              <Text className={`row-card__badge status--${tone(s)}`}>{label}</Text>
            </View>
            {s.demo ? <DemoNotice variant="badge" /> : null}
            <Text className="row-card__meta">
              {s.sessionTitle} · {formatSessionTime(s.sessionStart)}
              {s.sessionChanged ? <Text className="status--waitlisted"> 已变更</Text> : null}
            </Text>
            {/* Why it was called off, where she looks first. */}
            {s.sessionCancelled ? (
              <Text className="row-card__meta status--cancelled">取消原因：{s.sessionCancelled.reason}</Text>
            ) : null}
            <Text className="row-card__meta">
              {s.name} · {maskMobile(s.mobile)}
            </Text>
            {/* The row's name is what it shows (a screen reader reads it all), then where it leads. */}
            <Text className="a11y-only">，查看详情</Text>
          </>
        )
        // A held seat's 确认参加 sits beside the row's link, never inside it (no button within a link);
        // a row held in this view keeps its panel, so 已确认参加 stays once the hold is gone.
        if (s.holdUntil) heldHere.current.add(s.id)
        if (heldHere.current.has(s.id) || s.holdExpired) {
          return (
            <View key={s.id} className="card card--compact">
              <View className="mine-row__link" onClick={() => onOpen(s.id)} role="link">
                {row}
              </View>
              <HoldPanel signup={s} where="list" onChanged={state.reload} />
            </View>
          )
        }
        return (
          <View key={s.id} className="card card--compact" onClick={() => onOpen(s.id)} role="link">
            {row}
          </View>
        )
      })}
    </View>
  )
}
