// A program: what it is, who it is for, past figures, and upcoming sessions with their sign-up state
// (those taking sign-ups first, closed ones last).
import type { CSSProperties } from 'react'
import { Button, Text, View } from '@tarojs/components'
import { DemoNotice } from '@/components/demo-notice'
import { FigureTile } from '@/components/figure-tile'
import { TopicTag } from '@/components/topic-tag'
import { allOfTheYear } from '@/domain/figures'
import { orderForSignup } from '@/domain/session-order'
import { SIGNUP_STATE_LABEL, seatsLeft, signupState, type SignupState } from '@/domain/sessions'
import type { Session } from '@/domain/types'
import type { ProgramDetail } from '@/services/api'
import { deadlineText, formatSessionTime, inBeijing } from '@/utils/date'
import './program-view.scss'

const STATE_HINT: Record<SignupState, (s: Session, now: Date) => string> = {
  open: (s, now) => `剩余 ${seatsLeft(s)} 个名额 · ${deadlineText(s.deadline, now)}`,
  waitlist: (s, now) => `名额已满，可排队候补 · ${deadlineText(s.deadline, now)}`,
  closed: (s) => (s.cancelled ? `场次已取消 ${s.cancelled.reason}` : '报名已截止'),
  notYet: (s) => `${inBeijing(s.opensAt ?? s.deadline).format('M月D日 HH:mm')} 开始报名`,
}

function SessionCard({
  session,
  now,
  onSignup,
  signupAvailable,
}: {
  session: Session
  now: Date
  onSignup: (sessionId: string) => void
  signupAvailable: boolean
}) {
  const state = signupState(session, now)
  const enabled = state === 'open' || state === 'waitlist'
  const label = SIGNUP_STATE_LABEL[state]
  return (
    <View className={`card session session--${state}`}>
      <View className="session__head">
        <Text className="session__title">{session.title}</Text>
        {session.demo ? <DemoNotice variant="badge" /> : null}
      </View>
      <View className="session__line">
        <Text className="session__key">时间</Text>
        <Text className="keep-words">{formatSessionTime(session.start)}</Text>
      </View>
      <View className="session__line">
        <Text className="session__key">地点</Text>
        <Text>{session.online ? '线上（报名后发送参加方式）' : session.place}</Text>
      </View>
      <View className="session__line">
        <Text className="session__key">名额</Text>
        <Text>
          共 {session.capacity} 个，已报 {Math.min(session.taken, session.capacity)} 个
        </Text>
      </View>
      <View className="session__foot">
        <Text className={`session__hint session__hint--${state} keep-words`}>{STATE_HINT[state](session, now)}</Text>
        {signupAvailable ? (
          <Button
            className={`button session__button ${enabled ? '' : 'button--disabled'}`}
            // Taro's H5 button writes disabled="false" and styles [disabled]; only set it when true.
            disabled={enabled ? undefined : true}
            onClick={enabled ? () => onSignup(session.id) : undefined}
            aria-label={`${session.title}：${label}`}
          >
            {label}
          </Button>
        ) : enabled ? (
          // Single-page mode: only a session she can still join sends her on to sign up.
          <Text className="session__hint">前往小程序报名</Text>
        ) : null}
      </View>
    </View>
  )
}

export function ProgramView({
  detail,
  now,
  onSignup,
  onOpenFederation,
  signupAvailable = true,
}: {
  detail: ProgramDetail
  now: Date
  onSignup: (sessionId: string) => void
  onOpenFederation: (federationId: string) => void
  /** False in single-page mode (opened from Moments), where no form can work. */
  signupAvailable?: boolean
}) {
  const { program, federation, figures, sessions } = detail
  return (
    <View className="program themed" style={{ '--card-color': detail.color } as CSSProperties}>
      <View className="program__hero theme-hero">
        <View
          className="program__org"
          onClick={() => onOpenFederation(federation.id)}
          role="link"
          aria-label={`查看${federation.name}${federation.year}年终盘点`}
        >
          {federation.name} · {federation.year} 年终盘点 ›
        </View>
        <Text className="program__title">{program.title}</Text>
        <TopicTag topic={program.topic} />
      </View>

      <View className="card">
        <Text className="program__label">项目介绍</Text>
        <Text className="program__text">{program.summary}</Text>
        <Text className="program__label">适合谁</Text>
        <Text className="program__text">{program.audience}</Text>
      </View>

      {figures.length > 0 ? (
        <View className="card">
          {/* "YYYY年成效" only when it is true of every tile; a total carries its own 累计 words. */}
          <Text className="program__label">{allOfTheYear(figures) ? `${federation.year}年成效` : '项目成效'}</Text>
          <View className="program__tiles">
            {figures.map((f) => (
              <FigureTile key={f.id} figure={f} className="figure-tile--half" />
            ))}
          </View>
        </View>
      ) : null}

      {sessions.length > 0 ? (
        <View>
          <Text className="section-title">近期场次</Text>
          {sessions.some((s) => s.demo) ? <DemoNotice variant="banner" /> : null}
          {orderForSignup(sessions, now).map((s) => (
            <SessionCard key={s.id} session={s} now={now} onSignup={onSignup} signupAvailable={signupAvailable} />
          ))}
        </View>
      ) : (
        <View className="card">
          <Text className="program__text">这个项目目前没有开放报名的场次，可以先看看往年的成效。</Text>
        </View>
      )}
    </View>
  )
}
