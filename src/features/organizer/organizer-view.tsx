// 组织者: log in with her own account, see her federation's programs with counts, open a roster
// (mobiles in full, for calling her back) and download it as CSV for Excel; 管理员 also manage
// the staff (invite, disable, role, reset password) and read the audit log.
import { Button, Input, Text, View } from '@tarojs/components'
import { EmptyState, Skeleton } from '@/components/state-view'
import { BuiltInNotice } from '@/components/demo-notice/built-in'
import { auditActionLabel } from '@/domain/audit-actions'
import { PASSWORD_MIN_LENGTH, ROLE_DUTIES, ROLE_LABELS, ROLES, type Role } from '@/domain/roles'
import { isWeapp, navigateTo } from '@/platform'
import { CARD_EDITOR_ROUTE } from '../workspace-card/route'
import { checkedInDetail } from '../checkin/answer'
import { checkinRoute } from '../checkin/route'
import { PROGRAMS_EDITOR_ROUTE } from '../workspace-programs/route'
import type { AuditEntry, OrganizerOverview, Roster, StaffMember } from '@/services/organizer'
import { formatSessionTime } from '@/utils/date'
import { rosterStatusText } from '@/domain/signup-rules'
import type { Form, Phase, Tab, useOrganizer } from './use-organizer'
import { clock } from '@/shared/clock'
import { keyboardStop } from '@/shared/keyboard-stop'
import './organizer.scss'

type Organizer = ReturnType<typeof useOrganizer>

export function OrganizerView({ o }: { o: Organizer }) {
  if (!o.connected) {
    return <BuiltInNotice what="组织者页面" />
  }
  const { phase } = o
  if (phase.step === 'checking') return <Skeleton blocks={2} label="正在核对登录" />
  if (phase.step === 'login') return <LoginForm o={o} busy={phase.busy} error={phase.error} />
  if (phase.step === 'accept') return <AcceptForm o={o} busy={phase.busy} error={phase.error} />
  if (phase.step === 'password' && phase.forced) return <PasswordForm o={o} phase={phase} />
  return (
    <View>
      <Header o={o} phase={phase} />
      {phase.step === 'password' ? <PasswordForm o={o} phase={phase} /> : null}
      {phase.step === 'programs' ? <Programs o={o} overview={phase.overview} error={phase.error} /> : null}
      {phase.step === 'roster' ? (
        <RosterView o={o} overview={phase.overview} roster={phase.roster} error={phase.error} />
      ) : null}
      {phase.step === 'staff' ? <Staff o={o} staff={phase.staff} error={phase.error} /> : null}
      {phase.step === 'audit' ? <Audit o={o} phase={phase} /> : null}
    </View>
  )
}

function Field({
  o,
  field,
  label,
  password,
  placeholder,
  onConfirm,
}: {
  o: Organizer
  field: keyof Form
  label: string
  password?: boolean
  placeholder?: string
  onConfirm?: () => void
}) {
  const id = `organizer-${field}-label`
  return (
    <View>
      <Text className="organizer__label" id={id}>
        {label}
      </Text>
      <Input
        className={`text-input organizer__input organizer__input--${field}`}
        password={password}
        value={o.form[field]}
        placeholder={placeholder}
        aria-labelledby={id}
        aria-label={label}
        // Taro's H5 Input wraps the real element: nativeProps carries the label to it.
        nativeProps={{ 'aria-label': label }}
        onInput={(e) => o.setField(field, e.detail.value)}
        onConfirm={onConfirm}
      />
    </View>
  )
}

function ErrorLine({ error }: { error?: string }) {
  return error ? (
    <View className="organizer__error" role="alert">
      {error}
    </View>
  ) : null
}

function Notice({ o }: { o: Organizer }) {
  return o.notice ? (
    <View className="organizer__notice" role="status">
      {/* Selectable: an invitation link or a temporary password is copied from here. */}
      <Text userSelect>{o.notice}</Text>
    </View>
  ) : null
}

function LoginForm({ o, busy, error }: { o: Organizer; busy: boolean; error?: string }) {
  return (
    <View className="card organizer-signin">
      <Text className="page-title">组织者登录</Text>
      <Text className="organizer__hint">
        用本妇联给你开的账号登录，查看和下载报名名单。没有账号请向本妇联的管理员要一个邀请链接；账号和密码不要转给他人。
      </Text>
      <Field o={o} field="login" label="账号" placeholder="请输入账号名" />
      <Field o={o} field="password" label="密码" password placeholder="请输入密码" onConfirm={() => void o.signIn()} />
      <ErrorLine error={error} />
      <Button className="button" disabled={busy} onClick={() => void o.signIn()} aria-label="登录">
        {busy ? '正在登录…' : '登录'}
      </Button>
    </View>
  )
}

function AcceptForm({ o, busy, error }: { o: Organizer; busy: boolean; error?: string }) {
  return (
    <View className="card organizer-signin">
      <Text className="page-title">接受邀请</Text>
      <Text className="organizer__hint">
        本妇联的管理员邀请你使用组织者页面。设置你的账号名和密码，以后用它们登录。
      </Text>
      <Field o={o} field="login" label="账号名" placeholder="英文字母、数字或 . _ -，如 wangfang" />
      <Field o={o} field="displayName" label="姓名" placeholder="同事们认得的名字" />
      <Field o={o} field="next" label="密码" password placeholder={`至少${PASSWORD_MIN_LENGTH}个字符`} />
      <Field o={o} field="again" label="再输入一次密码" password onConfirm={() => void o.accept()} />
      <ErrorLine error={error} />
      <Button className="button" disabled={busy} onClick={() => void o.accept()} aria-label="创建账号并登录">
        {busy ? '正在创建…' : '创建账号并登录'}
      </Button>
    </View>
  )
}

function PasswordForm({ o, phase }: { o: Organizer; phase: Extract<Phase, { step: 'password' }> }) {
  return (
    <View className="card organizer-signin">
      <Text className="page-title">{phase.forced ? '请先设置新密码' : '修改密码'}</Text>
      <Text className="organizer__hint">
        {phase.forced
          ? '你现在用的是管理员给的临时密码。设置一个只有你自己知道的新密码后，才能继续使用。'
          : '改密码后，你在其他手机或电脑上的登录都会结束。'}
      </Text>
      <Field o={o} field="current" label={phase.forced ? '临时密码' : '当前密码'} password />
      <Field o={o} field="next" label="新密码" password placeholder={`至少${PASSWORD_MIN_LENGTH}个字符`} />
      <Field
        o={o}
        field="again"
        label="再输入一次新密码"
        password
        onConfirm={() => void o.changePassword(phase.forced)}
      />
      <ErrorLine error={phase.error} />
      <Button
        className="button"
        disabled={phase.busy}
        onClick={() => void o.changePassword(phase.forced)}
        aria-label="保存新密码"
      >
        {phase.busy ? '正在保存…' : '保存新密码'}
      </Button>
      {phase.forced ? (
        <View className="organizer__link" onClick={() => void o.signOut()} role="button">
          退出登录
        </View>
      ) : null}
    </View>
  )
}

const TABS: Array<{ tab: Tab; label: string; adminOnly?: boolean }> = [
  { tab: 'programs', label: '报名名单' },
  { tab: 'staff', label: '成员', adminOnly: true },
  { tab: 'audit', label: '操作记录', adminOnly: true },
  { tab: 'account', label: '修改密码' },
]

function Header({ o, phase }: { o: Organizer; phase: Phase }) {
  const current: Tab =
    phase.step === 'staff'
      ? 'staff'
      : phase.step === 'audit'
        ? 'audit'
        : phase.step === 'password'
          ? 'account'
          : 'programs'
  const account = o.account
  return (
    <View className="organizer__top">
      <View className="organizer__head">
        <Text className="organizer__who">
          {account ? `${account.federation.name} · ${account.displayName}（${ROLE_LABELS[account.role]}）` : ''}
        </Text>
        <View className="organizer__link" onClick={() => void o.signOut()} role="button">
          退出
        </View>
      </View>
      <View className="organizer-tabs" role="tablist">
        {TABS.filter((t) => !t.adminOnly || account?.role === 'admin').map((t) => (
          <View
            key={t.tab}
            className={`organizer-tab${t.tab === current ? ' organizer-tab--on' : ''}`}
            role="tab"
            aria-selected={t.tab === current}
            // Taro's H5 buttons are not focusable: the tabs give the page's scroll a keyboard stop.
            {...keyboardStop}
            onClick={() => o.showTab(t.tab)}
          >
            {t.label}
          </View>
        ))}
      </View>
    </View>
  )
}

function Programs({ o, overview, error }: { o: Organizer; overview?: OrganizerOverview; error?: string }) {
  if (!overview) {
    return error ? (
      <View>
        <ErrorLine error={error} />
        <Button className="button button--ghost" onClick={() => o.showTab('programs')} aria-label="重试">
          重试
        </Button>
      </View>
    ) : (
      <Skeleton blocks={2} label="正在加载项目" />
    )
  }
  return (
    <View>
      {/* The card and programs editors are browser pages: the mini-program has check-in only. */}
      {isWeapp ? null : <CardEntry o={o} />}
      {isWeapp ? null : <ProgramsEntry o={o} />}
      <Notice o={o} />
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
              <Button
                className="button button--ghost organizer-program__checkin"
                onClick={() => navigateTo(checkinRoute(s.id, `${p.title} · ${s.title}`))}
                aria-label={`${s.title}现场签到`}
              >
                现场签到
              </Button>
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

/** The way to the programs and their sessions: 编辑 and 管理员 manage them, 查看 only reads them. */
function ProgramsEntry({ o }: { o: Organizer }) {
  const viewer = o.account?.role === 'viewer'
  return (
    <View className="card organizer-program">
      <Text className="row-card__title">项目和场次</Text>
      <Text className="organizer__hint">
        {viewer
          ? '查看本妇联的项目、场次和报名人数（你的角色只能查看，不能修改）。'
          : '新建项目，添加、修改、取消场次，设置名额和报名截止时间。'}
      </Text>
      <Button
        className="button button--ghost"
        onClick={() => navigateTo(PROGRAMS_EDITOR_ROUTE)}
        aria-label={viewer ? '查看项目' : '管理项目和场次'}
      >
        {viewer ? '查看项目' : '管理项目和场次'}
      </Button>
    </View>
  )
}

/** The way to the federation's year-end card: 编辑 and 管理员 edit it, 查看 only reads it. */
function CardEntry({ o }: { o: Organizer }) {
  const viewer = o.account?.role === 'viewer'
  return (
    <View className="card organizer-program">
      <Text className="row-card__title">年终盘点卡片</Text>
      <Text className="organizer__hint">
        {viewer
          ? '查看本妇联的年终盘点卡片和预览（你的角色只能查看，不能修改）。'
          : '从文章里选出数字，编辑本妇联的年终盘点卡片，预览后发布。'}
      </Text>
      <Button
        className="button button--ghost"
        onClick={() => navigateTo(CARD_EDITOR_ROUTE)}
        aria-label={viewer ? '查看年终盘点卡片' : '编辑年终盘点卡片'}
      >
        {viewer ? '查看卡片' : '编辑卡片'}
      </Button>
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
            {isWeapp
              ? `共 ${roster.rows.length} 条报名，按报名先后排列。名单含完整手机号，请妥善保管；下载 CSV 请在电脑的网页版里操作。`
              : `共 ${roster.rows.length} 条报名，按报名先后排列。名单含完整手机号，请妥善保管；下载的 CSV 文件可以直接用 Excel 打开。`}
          </Text>
          {/* The mini-program cannot hand a file to Excel: the CSV is a browser download. */}
          {isWeapp ? null : (
            <Button
              className="button organizer__download"
              onClick={() => void o.downloadCsv(roster.program.id)}
              aria-label="下载名单（CSV）"
            >
              下载名单（CSV）
            </Button>
          )}
          <Notice o={o} />
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
              {r.checkedInAt ? (
                <Text className="row-card__meta status--confirmed">
                  ✓ 已签到 {checkedInDetail(r.checkedInAt, r.checkedInBy, clock.now())}
                </Text>
              ) : null}
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

function Staff({ o, staff, error }: { o: Organizer; staff?: StaffMember[]; error?: string }) {
  return (
    <View>
      <View className="card organizer-invite">
        <Text className="row-card__title">邀请成员</Text>
        <Text className="organizer__hint">
          生成一个只能用一次、7天内有效的邀请链接，发给要加入的同事；她打开链接后自己设置账号和密码。
        </Text>
        {ROLES.map((role) => (
          <Button
            key={role}
            className="button button--ghost organizer-invite__role"
            onClick={() => void o.invite(role)}
            aria-label={`邀请${ROLE_LABELS[role]}`}
          >
            邀请{ROLE_LABELS[role]}：{ROLE_DUTIES[role]}
          </Button>
        ))}
      </View>
      <Notice o={o} />
      <ErrorLine error={error} />
      {!staff && !error ? <Skeleton blocks={2} label="正在加载成员" /> : null}
      {staff?.map((m) => (
        <Member key={m.id} o={o} m={m} self={o.account?.id === m.id} />
      ))}
    </View>
  )
}

function Member({ o, m, self }: { o: Organizer; m: StaffMember; self: boolean }) {
  const state = [m.disabled ? '已停用' : '', m.locked ? '已锁定' : '', m.mustChangePassword ? '待改密码' : '']
    .filter(Boolean)
    .join('，')
  return (
    <View className="card organizer-row" data-testid="staff-row">
      <View className="row-card__top">
        <Text className="row-card__title">
          {m.displayName}
          {self ? '（我）' : ''}
        </Text>
        <Text className="row-card__badge">{m.roleLabel}</Text>
      </View>
      <Text className="row-card__meta">
        账号 {m.login}
        {state ? ` · ${state}` : ''}
      </Text>
      <Text className="row-card__meta">
        {m.lastSeenAt ? `最近使用：${formatSessionTime(m.lastSeenAt)}` : '还没有登录过'}
      </Text>
      <View className="organizer-actions">
        {ROLES.filter((r) => r !== m.role).map((r: Role) => (
          <View key={r} className="organizer__link" role="button" onClick={() => void o.setRole(m, r)}>
            改为{ROLE_LABELS[r]}
          </View>
        ))}
        <View className="organizer__link" role="button" onClick={() => void o.setDisabled(m, !m.disabled)}>
          {m.disabled ? '恢复' : '停用'}
        </View>
        <View className="organizer__link" role="button" onClick={() => void o.resetPassword(m)}>
          重置密码
        </View>
      </View>
    </View>
  )
}

function entryText(e: AuditEntry): string {
  const who = e.account ? e.account.displayName || e.account.login : '系统'
  const what = auditActionLabel(e.action)
  const role = (r: unknown) => (typeof r === 'string' && r in ROLE_LABELS ? ROLE_LABELS[r as Role] : '')
  const detail =
    e.action === 'role'
      ? `（${role(e.detail.from)} → ${role(e.detail.to)}）`
      : e.action === 'invite' && e.detail.role
        ? `（${role(e.detail.role)}）`
        : ''
  const target = e.target && !e.target.startsWith('invitation:') ? `：${e.target}` : ''
  return `${who} ${what}${target}${detail}`
}

function Audit({ o, phase }: { o: Organizer; phase: Extract<Phase, { step: 'audit' }> }) {
  return (
    <View>
      <ErrorLine error={phase.error} />
      {!phase.entries && !phase.error ? <Skeleton blocks={2} label="正在加载操作记录" /> : null}
      {phase.entries?.length === 0 ? <EmptyState title="还没有操作记录" /> : null}
      {phase.entries?.map((e) => (
        <View key={e.id} className="card organizer-row" data-testid="audit-row">
          <Text className="row-card__meta">{formatSessionTime(e.at)}</Text>
          <Text>{entryText(e)}</Text>
        </View>
      ))}
      {phase.nextBefore ? (
        <Button className="button button--ghost" onClick={() => void o.showAudit(true)} aria-label="更早的记录">
          更早的记录
        </Button>
      ) : null}
    </View>
  )
}
