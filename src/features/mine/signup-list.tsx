// 我的报名: her sign-ups by person (本人, then 家人) with their status (upcoming first), or a friendly empty state.
import { Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { EmptyState, ErrorState, Skeleton } from '@/components/state-view'
import { groupByPerson } from '@/domain/person-groups'
import { maskMobile } from '@/domain/mobile'
import { HOLD_EXPIRED_TEXT } from '@/domain/holds'
import { signupLabel } from '@/domain/signup-rules'
import { switchTab } from '@/platform'
import { routes } from '@/routes'
import type { Signup } from '@/services/api'
import type { AsyncResource } from '@/shared/use-async'
import { pressable } from '@/shared/pressable'
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
  if (state.status === 'loading') return <Skeleton blocks={2} label="正在加载我的报名" />
  if (state.status === 'error') return <ErrorState message={state.message} onRetry={() => void state.reload()} />
  if (state.data.length === 0) {
    return (
      <EmptyState
        title="还没有报名"
        text="在“年终盘点”里找到感兴趣的培训和活动，报名后会显示在这里。"
        action="去找培训和活动"
        onAction={() => switchTab(routes.feed)}
      />
    )
  }
  const groups = groupByPerson(orderSignups(state.data, now))
  const rowOf = (s: Signup) => {
    const label = signupLabel(s, now)
    const row = (
      <>
        <View className="row-card__top">
          <Text className="row-card__title">{s.programTitle}</Text>
          <Text className={`row-card__badge status--${tone(s)}`}>{label}</Text>
        </View>
        {s.demo ? <DemoNotice variant="badge" /> : null}
        <Text className="row-card__meta">
          {s.sessionTitle} · <Text className="keep-words">{formatSessionTime(s.sessionStart)}</Text>
          {s.sessionChanged ? <Text className="status--waitlisted"> 已变更</Text> : null}
        </Text>
        {/* Why it was called off, where she looks first. */}
        {s.sessionCancelled ? (
          <Text className="row-card__meta status--cancelled">取消原因：{s.sessionCancelled.reason}</Text>
        ) : null}
        {/* A held seat: until when, and where she confirms (the detail, with its countdown and
                确认参加: that page loads with the sign-up subpackage, not with this tab). */}
        {s.holdUntil && label === '待确认' ? (
          <Text className="row-card__meta status--waitlisted">
            名额为您保留到 <Text className="mine-row__when keep-words">{formatSessionTime(s.holdUntil)}</Text>
            ，点开确认参加
          </Text>
        ) : null}
        {s.holdExpired ? <Text className="row-card__meta">{HOLD_EXPIRED_TEXT}</Text> : null}
        <Text className="row-card__meta keep-words">
          {s.name} · {maskMobile(s.mobile)}
        </Text>
        {/* The row's name is what it shows (a screen reader reads it all), then where it leads. */}
        <Text className="a11y-only">，查看详情</Text>
      </>
    )
    // A keyboard stop too: at 1.4× the list scrolls, and Enter opens a row as a tap does.
    const open = () => onOpen(s.id)
    return (
      <View key={s.id} className="card card--compact" onClick={open} role="link" {...pressable(open)}>
        {row}
      </View>
    )
  }
  return (
    <View>
      <Text className="page-title">我的报名</Text>
      {/* One person needs no headings; with family, each one's sign-ups under her name. */}
      {groups.map((g, i) =>
        groups.length > 1 ? (
          <View key={i} role="group" aria-label={`${g.self ? '本人' : '家人'}：${g.name}`}>
            <Text className="mine-group">
              {g.self ? '本人' : '家人'}：{g.name}
            </Text>
            {g.signups.map(rowOf)}
          </View>
        ) : (
          g.signups.map(rowOf)
        ),
      )}
    </View>
  )
}
