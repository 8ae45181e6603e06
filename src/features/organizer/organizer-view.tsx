// 组织者: sign in with the federation's token, see its programs with counts, open a roster
// (mobiles in full, for calling her back) and download it as CSV for Excel.
import { Button, Input, Text, View } from '@tarojs/components'
import { EmptyState, Skeleton } from '@/components/state-view'
import type { OrganizerOverview, Roster } from '@/services/organizer'
import { formatSessionTime } from '@/utils/date'
import { rosterStatusText } from '@/domain/signup-rules'
import type { useOrganizer } from './use-organizer'
import './organizer.scss'

type Organizer = ReturnType<typeof useOrganizer>

export function OrganizerView({ o }: { o: Organizer }) {
  if (!o.connected) {
    return (
      <EmptyState
        title="组织者页面需要连接报名服务器"
        text="现在用的是内置演示数据，没有真实报名。用 npm run dev:full 启动服务器和网页后再打开这里。"
      />
    )
  }
  const { phase } = o
  if (phase.step === 'token') return <TokenForm o={o} busy={phase.busy} error={phase.error} />
  if (phase.step === 'programs') return <Programs o={o} overview={phase.overview} />
  return <RosterView o={o} overview={phase.overview} roster={phase.roster} error={phase.error} />
}

function TokenForm({ o, busy, error }: { o: Organizer; busy: boolean; error?: string }) {
  return (
    <View className="card organizer-signin">
      <Text className="page-title">组织者入口</Text>
      <Text className="organizer__hint">
        填写本妇联的组织者口令，查看和下载报名名单。口令请向系统管理员索取，不要转发给他人。
      </Text>
      <Text className="organizer__label" id="token-label">
        组织者口令
      </Text>
      <Input
        className="text-input organizer__input"
        password
        value={o.token}
        placeholder="请输入口令"
        aria-labelledby="token-label"
        onInput={(e) => o.setToken(e.detail.value)}
        onConfirm={() => void o.signIn()}
      />
      {error ? (
        <View className="organizer__error" role="alert">
          {error}
        </View>
      ) : null}
      <Button className="button" disabled={busy} onClick={() => void o.signIn()} aria-label="进入">
        {busy ? '正在核对…' : '进入'}
      </Button>
    </View>
  )
}

function Programs({ o, overview }: { o: Organizer; overview: OrganizerOverview }) {
  return (
    <View>
      <View className="organizer__head">
        <Text className="page-title">{overview.federation.name} · 报名名单</Text>
        <View className="organizer__link" onClick={o.signOut} role="button">
          退出
        </View>
      </View>
      {overview.programs.length === 0 ? <EmptyState title="还没有接受报名的项目" /> : null}
      {overview.programs.map((p) => (
        <View key={p.id} className="card organizer-program">
          <Text className="row-card__title">{p.title}</Text>
          <View
            className="organizer-stats"
            aria-label={`已报名${p.confirmed}人，候补${p.waitlisted}人，已取消${p.cancelled}人`}
          >
            {(
              [
                ['已报名', p.confirmed],
                ['候补', p.waitlisted],
                ['已取消', p.cancelled],
              ] as const
            ).map(([label, n]) => (
              <View key={label} className="organizer-stat">
                <Text className="organizer-stat__n">{n}</Text>
                <Text className="organizer-stat__label">{label}</Text>
              </View>
            ))}
          </View>
          {p.sessions.map((s) => (
            <View
              key={s.id}
              className="organizer-program__session"
              aria-label={`${s.title}，名额${s.taken}/${s.capacity}`}
            >
              <View className="organizer-program__when">
                <Text>{s.title}</Text>
                <Text>{formatSessionTime(s.start)}</Text>
              </View>
              <Text className="organizer-program__seats">
                已占 {s.taken}/{s.capacity}
              </Text>
            </View>
          ))}
          <Button
            className="button button--ghost"
            onClick={() => void o.openRoster(overview, p.id)}
            aria-label={`查看${p.title}的名单`}
          >
            查看名单
          </Button>
        </View>
      ))}
    </View>
  )
}

function RosterView({
  o,
  overview,
  roster,
  error,
}: {
  o: Organizer
  overview: OrganizerOverview
  roster?: Roster
  error?: string
}) {
  return (
    <View>
      <View className="organizer__link organizer__back" onClick={() => o.back(overview)} role="link">
        ‹ 返回项目列表
      </View>
      {error ? (
        <View className="organizer__error" role="alert">
          {error}
        </View>
      ) : null}
      {!roster && !error ? <Skeleton blocks={2} label="正在加载名单" /> : null}
      {roster ? (
        <View>
          <Text className="page-title">{roster.program.title}</Text>
          <Text className="organizer__hint">
            共 {roster.rows.length} 条报名，按报名先后排列。名单含完整手机号，请妥善保管；下载的 CSV 文件可以直接用
            Excel 打开。
          </Text>
          <Button
            className="button organizer__download"
            onClick={() => void o.downloadCsv(roster.program.id)}
            aria-label="下载名单（CSV）"
          >
            下载名单（CSV）
          </Button>
          {o.notice ? (
            <View className="organizer__notice" role="status">
              {o.notice}
            </View>
          ) : null}
          {roster.rows.length === 0 ? <EmptyState title="还没有人报名" /> : null}
          {roster.rows.map((r, i) => (
            <View key={r.id} className="card organizer-row" data-testid="roster-row">
              <View className="row-card__top">
                <Text className="row-card__title">
                  {i + 1}. {r.name}
                </Text>
                <Text className={`row-card__badge status--${r.status}`}>{rosterStatusText(r)}</Text>
              </View>
              <Text className="organizer-row__mobile">{r.mobile}</Text>
              <Text className="row-card__meta">
                {r.sessionTitle} · {formatSessionTime(r.sessionStart)}
              </Text>
              {r.extra
                .filter((e) => e.value)
                .map((e) => (
                  <Text key={e.label} className="row-card__meta">
                    {e.label}：{e.value}
                  </Text>
                ))}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
