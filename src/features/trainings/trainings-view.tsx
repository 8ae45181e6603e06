// 可报名的培训: sessions taking sign-ups now across every federation, soonest deadline first, for
// 我的地区 or all of China; a row opens its program, its button goes straight to the form.
import { Button, Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { EmptyState, ErrorState, ListMore, Skeleton } from '@/components/state-view'
import { TopicTag } from '@/components/topic-tag'
import { openSessionHint } from '@/domain/open-sessions'
import { regionLabel, type RegionChoice } from '@/domain/region-choice'
import type { OpenSession } from '@/services/api'
import { keyboardStop } from '@/shared/keyboard-stop'
import { formatSessionTime } from '@/utils/date'
import type { useOpenSessions } from './use-open-sessions'
import './trainings-view.scss'

export interface TrainingsViewProps {
  list: ReturnType<typeof useOpenSessions>
  now: Date
  /** 我的地区, when she has picked one on the feed. */
  mine: RegionChoice | undefined
  /** Whether the list is narrowed to 我的地区 (else 全国). */
  local: boolean
  onScope: (local: boolean) => void
  onOpenProgram: (programId: string) => void
  onSignup: (programId: string, sessionId: string) => void
}

function Row({
  s,
  now,
  onOpenProgram,
  onSignup,
}: { s: OpenSession; now: Date } & Pick<TrainingsViewProps, 'onOpenProgram' | 'onSignup'>) {
  const action = s.waitlist ? '加入候补' : '报名'
  return (
    <View className="card training">
      <View className="training__body" role="link" onClick={() => onOpenProgram(s.programId)}>
        <View className="training__top">
          <TopicTag topic={s.topic} />
          {s.demo ? <DemoNotice variant="badge" /> : null}
        </View>
        <Text className="training__title">{s.programTitle}</Text>
        <Text className="training__meta">
          {s.federationName} · {s.title}
        </Text>
        <Text className="training__meta">
          <Text className="training__when">{formatSessionTime(s.start)}</Text> ·{' '}
          {s.online ? '线上参加' : (s.place ?? '地点待定')}
        </Text>
        <Text className={`training__hint ${s.waitlist ? 'training__hint--waitlist' : ''}`}>
          {openSessionHint(s, now)}
        </Text>
        <Text className="a11y-only">，查看项目详情</Text>
      </View>
      <Button
        className={`button training__button ${s.waitlist ? 'button--ghost' : ''}`}
        onClick={() => onSignup(s.programId, s.id)}
        aria-label={`${s.programTitle} ${s.title}：${action}`}
      >
        {action}
      </Button>
    </View>
  )
}

export function TrainingsView({ list, now, mine, local, onScope, onOpenProgram, onSignup }: TrainingsViewProps) {
  const { first } = list
  return (
    <View className="trainings">
      <Text className="page-title">可报名的培训</Text>
      {mine ? (
        <View className="trainings__scope">
          {[
            { value: true, label: `${regionLabel(mine)}（我的地区）` },
            { value: false, label: '全国' },
          ].map((o) => (
            <View
              key={String(o.value)}
              className={`chip ${local === o.value ? 'chip--on' : ''}`}
              role="button"
              aria-pressed={local === o.value}
              onClick={() => onScope(o.value)}
              {...keyboardStop}
            >
              {local === o.value ? '✓ ' : ''}
              {o.label}
            </View>
          ))}
        </View>
      ) : (
        <Text className="trainings__note">
          全国正在报名的培训和活动，截止早的在前。在首页选好地区后，这里可以只看本地的。
        </Text>
      )}
      {first.status === 'loading' ? <Skeleton blocks={3} label="正在加载可报名的培训" /> : null}
      {first.status === 'error' ? <ErrorState message={first.message} onRetry={() => void first.reload()} /> : null}
      {first.status === 'ready' && list.rows.length === 0 ? (
        local ? (
          <EmptyState
            title="这里暂时没有可报名的培训"
            text={`${regionLabel(mine)}的妇联还没有正在报名的场次，可以先看看全国的。`}
            action="看全国的培训"
            onAction={() => onScope(false)}
          />
        ) : (
          <EmptyState title="暂时没有可报名的培训" text="各地妇联发布新的场次后会出现在这里，过几天再来看看。" />
        )
      ) : null}
      {list.rows.map((s) => (
        <Row key={s.id} s={s} now={now} onOpenProgram={onOpenProgram} onSignup={onSignup} />
      ))}
      {first.status === 'ready' ? <ListMore list={list} label="加载更多可报名的培训" end="已经是全部了" /> : null}
    </View>
  )
}
