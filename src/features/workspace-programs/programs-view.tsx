// 项目和场次: the federation's programs, each with its dated sessions and their sign-up counts;
// 编辑 and 管理员 add programs and sessions, change them, cancel a session with a reason or delete
// one no one has signed up for, and arrange a program's sign-up form. 查看 reads only.
import { Button, Input, Text, Textarea, View } from '@tarojs/components'
import { EmptyState } from '@/components/state-view'
import { navigateTo } from '@/platform'
import { TOPICS } from '@/domain/types'
import { figureSpeech, formatFigure, scopeText } from '@/domain/figures'
import { holdHoursText } from '@/domain/holds'
import type { CardFigure, WorkspaceProgram, WorkspaceSession } from '@/services/workspace'
import { formatSessionTime, inBeijing } from '@/utils/date'
import { ADDABLE_TYPES, FIELD_TYPE_LABELS, isFixed, optionsFrom, optionsText, takesOptions } from './form-builder'
import { coordinatesText, hasSignups, holdChoices, type ProgramValues, type SessionValues } from './session-form'
import { READ_ONLY_MESSAGE, WAITLIST_NOTE, type FieldErrors, type ProgramsEditor } from './use-programs'
import { ErrorLine, WorkspaceField as Field } from '../workspace/field'
import { WorkspaceGate } from '../workspace/gate'
import { checkinRoute } from '../checkin/route'
import '../workspace/workspace.scss'
import './programs.scss'
import { keyboardStop } from '@/shared/keyboard-stop'

type P = { p: ProgramsEditor }

export function ProgramsView({ p }: P) {
  const { load, data } = p
  if (!p.connected || load.step !== 'ready' || !data) {
    return (
      <WorkspaceGate
        connected={p.connected}
        load={load}
        what="项目和场次"
        loading="正在加载项目"
        onRetry={() => void p.reload()}
      />
    )
  }
  const editingProgram = p.editor?.kind === 'program' && !p.editor.programId
  return (
    // Taro's H5 buttons are not focusable: the list itself gives the page's scroll a keyboard stop.
    <View className="wprog" role="region" aria-label="项目和场次" {...keyboardStop}>
      <View className="ws__top">
        <Text className="wprog__title">{data.federation.name}的项目和场次</Text>
        {p.readOnly ? <Text className="ws__readonly">{READ_ONLY_MESSAGE}</Text> : null}
        {p.notice ? (
          <View className="ws__notice" role="status">
            {p.notice}
          </View>
        ) : null}
        {!p.readOnly && !editingProgram ? (
          <Button className="button" onClick={p.newProgram} aria-label="新建项目">
            新建项目
          </Button>
        ) : null}
      </View>
      {editingProgram ? <ProgramForm p={p} /> : null}
      {data.programs.length === 0 ? <EmptyState title="还没有项目" /> : null}
      {data.programs.map((program) => (
        <ProgramCard key={program.id} p={p} program={program} />
      ))}
    </View>
  )
}

function ProgramCard({ p, program }: P & { program: WorkspaceProgram }) {
  const editor = p.editor
  const editingThis = editor?.kind === 'program' && editor.programId === program.id
  const addingHere = editor?.kind === 'session' && !editor.session && editor.programId === program.id
  return (
    <View className="card wprog__program" role="group" aria-label={`项目：${program.title}`}>
      {editingThis ? (
        <ProgramForm p={p} />
      ) : (
        <View className="wprog__program-head">
          <Text className="row-card__title">{program.title}</Text>
          <Text className="ws__meta">
            {program.topic} · {program.audience}
          </Text>
          <Text className="wprog__summary">{program.summary}</Text>
          <Text className="ws__meta">
            已报名 {program.counts.confirmed} 人，候补 {program.counts.waitlisted} 人，已取消 {program.counts.cancelled}{' '}
            人
          </Text>
          {p.readOnly ? null : (
            <View className="wprog__row">
              <Button
                className="button button--ghost ws__small"
                onClick={() => p.editProgram(program.id)}
                aria-label={`修改项目${program.title}`}
              >
                修改项目
              </Button>
              <Button
                className="button button--ghost ws__small"
                onClick={() => p.newSession(program.id)}
                aria-label={`为${program.title}新建场次`}
              >
                新建场次
              </Button>
              <Button
                className="button button--ghost ws__small"
                onClick={() => p.openForm(program.id)}
                aria-label={`设置${program.title}的报名表`}
              >
                报名表
              </Button>
            </View>
          )}
        </View>
      )}
      {p.formEditor?.programId === program.id ? <FormBuilder p={p} /> : null}
      {addingHere ? <SessionForm p={p} /> : null}
      {program.sessions.length === 0 ? <Text className="ws__meta">还没有场次</Text> : null}
      {program.sessions.map((s) =>
        editor?.kind === 'session' && editor.session?.id === s.id ? (
          <SessionForm key={s.id} p={p} />
        ) : (
          <SessionRow key={s.id} p={p} s={s} />
        ),
      )}
    </View>
  )
}

function SessionRow({ p, s }: P & { s: WorkspaceSession }) {
  const cancelled = s.status === 'cancelled'
  const end = inBeijing(s.end).format('HH:mm')
  const confirm = p.confirm?.session.id === s.id ? p.confirm : null
  return (
    <View className="wprog__session" role="group" aria-label={`场次：${s.title}`}>
      <Text className="wprog__session-title">
        {s.title}
        {cancelled ? <Text className="wprog__cancelled">（已取消）</Text> : null}
      </Text>
      <Text className="ws__meta">
        {formatSessionTime(s.start)}–{end} · {s.online ? '线上' : (s.place ?? '')}
      </Text>
      <Text className="ws__meta">
        名额 {s.capacity} · 已报名 {s.confirmed} · 候补 {s.waitlisted}
        {s.demo ? ' · 演示数据' : ''}
      </Text>
      <Text className="ws__meta">报名截止 {formatSessionTime(s.deadline)}</Text>
      {s.holdHours ? <Text className="ws__meta">候补转正的人需在{holdHoursText(s.holdHours)}内确认参加</Text> : null}
      {cancelled ? <Text className="wprog__warn">已取消：{s.cancelReason ?? ''}</Text> : null}
      {/* Every role checks in at the door, 查看 included. */}
      {cancelled ? null : (
        <Button
          className="button button--ghost ws__small"
          onClick={() => navigateTo(checkinRoute(s.id, s.title))}
          aria-label={`${s.title}现场签到`}
        >
          现场签到
        </Button>
      )}
      {p.readOnly || cancelled || confirm ? null : (
        <View className="wprog__row">
          <Button
            className="button button--ghost ws__small"
            onClick={() => p.editSession(s)}
            aria-label={`修改场次${s.title}`}
          >
            修改
          </Button>
          <Button
            className="button button--ghost ws__small"
            onClick={() => p.askCancel(s)}
            aria-label={`取消场次${s.title}`}
          >
            取消场次
          </Button>
          {/* A session with sign-ups is cancelled (they are told why), never deleted. */}
          {hasSignups(s) ? null : (
            <Button
              className="button button--ghost ws__small"
              onClick={() => p.askDelete(s)}
              aria-label={`删除场次${s.title}`}
            >
              删除场次
            </Button>
          )}
        </View>
      )}
      {confirm ? <ConfirmPanel p={p} /> : null}
    </View>
  )
}

function ConfirmPanel({ p }: P) {
  const c = p.confirm
  if (!c) return null
  if (c.kind === 'delete') {
    return (
      <View className="ws__panel wprog__confirm" role="group" aria-label="删除场次">
        <Text>确定删除场次“{c.session.title}”吗？删除后不能恢复。</Text>
        <ErrorLine text={c.error} />
        <View className="wprog__row">
          <Button className="button ws__small" disabled={c.busy} onClick={() => void p.confirmDelete()}>
            确定删除
          </Button>
          <Button className="button button--ghost ws__small" onClick={p.closeConfirm}>
            不删了
          </Button>
        </View>
      </View>
    )
  }
  const people = c.session.confirmed + c.session.waitlisted
  return (
    <View className="ws__panel wprog__confirm" role="group" aria-label="取消场次">
      <Text className="ws__label">取消原因（报名的人会看到）</Text>
      <Textarea
        className="text-input ws__textarea"
        value={c.reason}
        aria-label="取消原因"
        nativeProps={{ 'aria-label': '取消原因' }}
        placeholder="如：因天气原因，活动改期"
        maxlength={200}
        disabled={c.busy}
        onInput={(ev) => p.setReason(ev.detail.value)}
      />
      <ErrorLine text={c.error} />
      {c.asked ? (
        <Text className="wprog__warn">
          确定取消场次“{c.session.title}”吗？{people ? `已报名和候补的 ${people} 人会看到这个原因。` : ''}
          取消后不能恢复。
        </Text>
      ) : null}
      <View className="wprog__row">
        <Button className="button ws__small" disabled={c.busy} onClick={() => void p.confirmCancel()}>
          {c.asked ? '确定取消' : '取消这个场次'}
        </Button>
        <Button className="button button--ghost ws__small" onClick={p.closeConfirm}>
          不取消了
        </Button>
      </View>
    </View>
  )
}

function ProgramForm({ p }: P) {
  const e = p.editor
  if (e?.kind !== 'program') return null
  const set =
    <K extends keyof ProgramValues>(k: K) =>
    (v: ProgramValues[K]) =>
      p.setProgramField(k, v)
  const err: FieldErrors = e.errors
  return (
    <View className="wprog__form" role="group" aria-label={e.programId ? '修改项目' : '新建项目'}>
      <Text className="wprog__form-title">{e.programId ? '修改项目' : '新建项目'}</Text>
      <Field label="项目名称" value={e.values.title} onInput={set('title')} error={err.title} />
      <View className="ws__field">
        <Text className="ws__label">主题</Text>
        <View className="ws__chips" role="radiogroup" aria-label="主题">
          {TOPICS.map((t) => (
            <View
              key={t}
              className={`ws__chip${e.values.topic === t ? ' ws__chip--on' : ''}`}
              role="radio"
              aria-checked={e.values.topic === t}
              onClick={() => p.setProgramField('topic', t)}
            >
              {t}
            </View>
          ))}
        </View>
        <ErrorLine text={err.topic} />
      </View>
      <Field label="项目简介" value={e.values.summary} onInput={set('summary')} error={err.summary} long />
      <Field
        label="面向人群"
        value={e.values.audience}
        onInput={set('audience')}
        error={err.audience}
        placeholder="如：全区农村妇女"
      />
      <FigurePicker
        figures={p.data?.figures ?? []}
        chosen={e.values.figureIds}
        onToggle={p.toggleFigure}
        error={err.figureIds}
      />
      <FormActions
        error={err.form}
        busy={e.busy}
        save={() => void p.saveProgram()}
        label={e.programId ? '保存项目' : '创建项目'}
        close={p.closeEditor}
      />
    </View>
  )
}

/** 往期成果: the published card's figures as the public card shows them; a tap adds one or takes it off. */
function FigurePicker({
  figures,
  chosen,
  onToggle,
  error,
}: {
  figures: CardFigure[]
  chosen: string[]
  onToggle: (id: string) => void
  error?: string
}) {
  return (
    <View className="ws__field">
      <Text className="ws__label">往期成果（可不选）</Text>
      {figures.length === 0 ? (
        <Text className="ws__meta">卡片里还没有数字，先在卡片编辑里添加，发布卡片后就能在这里选。</Text>
      ) : (
        <>
          <Text className="ws__meta">从已发布卡片的数字里选，项目页按选的先后显示。</Text>
          <View className="wprog__figures" role="group" aria-label="往期成果">
            {figures.map((f) => {
              const n = chosen.indexOf(f.id) + 1
              const shown = formatFigure(f.value, f.unit)
              const scope = scopeText(f)
              return (
                <View
                  key={f.id}
                  className={`wprog__figure${n ? ' wprog__figure--on' : ''}`}
                  role="checkbox"
                  aria-checked={n > 0}
                  aria-label={`${figureSpeech(f)}${n ? `，第 ${n} 个` : ''}`}
                  onClick={() => onToggle(f.id)}
                >
                  {/* Her order, the page's order: the number is where it will stand. */}
                  <Text className="wprog__figure-mark">{n ? String(n) : ''}</Text>
                  <Text className="wprog__figure-value">
                    {shown.text}
                    <Text className="wprog__figure-unit">{shown.unit}</Text>
                  </Text>
                  <Text className="wprog__figure-label">
                    {scope ? <Text className="wprog__figure-scope">{scope}</Text> : null}
                    {f.label}
                  </Text>
                </View>
              )
            })}
          </View>
        </>
      )}
      <ErrorLine text={error} />
    </View>
  )
}

function SessionForm({ p }: P) {
  const e = p.editor
  if (e?.kind !== 'session') return null
  const v = e.values
  const err: FieldErrors = e.errors
  const set = (k: keyof SessionValues) => (value: string) => p.setSessionField(k, value)
  const raised = e.session ? Number(v.capacity) > e.session.capacity : false
  return (
    <View className="wprog__form" role="group" aria-label={e.session ? '修改场次' : '新建场次'}>
      <Text className="wprog__form-title">{e.session ? '修改场次' : '新建场次'}</Text>
      <Field label="场次名称" value={v.title} onInput={set('title')} error={err.title} placeholder="如：第一期" />
      <View className="wprog__row">
        <Field label="日期" value={v.date} onInput={set('date')} placeholder="2026-12-05" error={err.date} />
        <Field label="开始时间" value={v.startTime} onInput={set('startTime')} placeholder="14:00" />
        <Field label="结束时间" value={v.endTime} onInput={set('endTime')} placeholder="16:00" error={err.endTime} />
      </View>
      <View className="wprog__row">
        <Field
          label="报名截止日期"
          value={v.deadlineDate}
          onInput={set('deadlineDate')}
          placeholder="2026-12-04"
          error={err.deadlineDate}
        />
        <Field label="报名截止时间" value={v.deadlineTime} onInput={set('deadlineTime')} placeholder="18:00" />
      </View>
      <Text className="ws__meta">不改的话，报名在活动前一天 18:00 截止。</Text>
      <View className="wprog__row">
        <Field
          label="开始报名日期（可不填）"
          value={v.opensDate}
          onInput={set('opensDate')}
          placeholder="2026-11-25"
          error={err.opensDate}
        />
        <Field label="开始报名时间（可不填）" value={v.opensTime} onInput={set('opensTime')} placeholder="09:00" />
      </View>
      <View className="ws__field">
        <Text className="ws__label">活动方式</Text>
        <View className="ws__chips" role="radiogroup" aria-label="活动方式">
          {(
            [
              [false, '线下'],
              [true, '线上'],
            ] as const
          ).map(([online, name]) => (
            <View
              key={name}
              className={`ws__chip${v.online === online ? ' ws__chip--on' : ''}`}
              role="radio"
              aria-checked={v.online === online}
              onClick={() => p.setSessionField('online', online)}
            >
              {name}
            </View>
          ))}
        </View>
        <ErrorLine text={err.online} />
      </View>
      {v.online ? (
        <Field
          label="参加方式"
          value={v.joinInfo}
          onInput={set('joinInfo')}
          error={err.joinInfo}
          placeholder="如：腾讯会议号 123 456 789"
          long
        />
      ) : (
        <Field
          label="活动地点"
          value={v.place}
          onInput={set('place')}
          error={err.place}
          placeholder="如：区妇联三楼会议室"
        />
      )}
      <Field label="名额" value={v.capacity} onInput={set('capacity')} error={err.capacity} type="number" />
      {raised ? <Text className="ws__notice">{WAITLIST_NOTE}</Text> : null}
      <View className="ws__field">
        <Text className="ws__label">保留时间</Text>
        <View className="ws__chips" role="radiogroup" aria-label="保留时间">
          {holdChoices(v.holdHours).map((h) => (
            <View
              key={h || 'off'}
              className={`ws__chip${v.holdHours === h ? ' ws__chip--on' : ''}`}
              role="radio"
              aria-checked={v.holdHours === h}
              onClick={() => p.setSessionField('holdHours', h)}
            >
              {h ? `${h}小时` : '不需要确认'}
            </View>
          ))}
        </View>
        <Text className="ws__meta">候补转正的人需在这段时间内点“确认参加”，否则名额让给下一位。</Text>
        <ErrorLine text={err.holdHours} />
      </View>
      <Field
        label="联系电话（可不填）"
        value={v.contactPhone}
        onInput={set('contactPhone')}
        error={err.contactPhone}
        placeholder="手机号或 0939-1234567"
      />
      <LocationPicker p={p} />
      <View className="wprog__row">
        <Field
          label="纬度（可不填）"
          value={v.latitude}
          onInput={set('latitude')}
          placeholder="33.39"
          error={err.latitude}
        />
        <Field
          label="经度（可不填）"
          value={v.longitude}
          onInput={set('longitude')}
          placeholder="104.92"
          error={err.longitude}
        />
      </View>
      <FormActions
        error={err.form}
        busy={e.busy}
        save={() => void p.saveSession()}
        label={e.session ? '保存场次' : '添加场次'}
        close={p.closeEditor}
      />
    </View>
  )
}

/** The session's place on a map: picked there, where she stands, or typed below; shown plainly and clearable. */
function LocationPicker({ p }: P) {
  const e = p.editor
  if (e?.kind !== 'session') return null
  const chosen = coordinatesText(e.values.latitude, e.values.longitude)
  return (
    <View className="ws__field" role="group" aria-label="地图位置">
      <Text className="ws__label">地图位置（可不填）</Text>
      <View className="wprog__row">
        {p.mapAvailable ? (
          <Button
            className="button button--ghost ws__small"
            disabled={e.locating}
            onClick={() => void p.pickPlace()}
            aria-label="在地图上选"
          >
            在地图上选
          </Button>
        ) : null}
        <Button
          className="button button--ghost ws__small"
          disabled={e.locating}
          onClick={() => void p.locateHere()}
          aria-label="用我现在的位置"
        >
          用我现在的位置
        </Button>
      </View>
      {e.locating ? (
        <View className="ws__meta" role="status">
          正在取得位置…
        </View>
      ) : null}
      {chosen ? (
        <View className="wprog__row">
          <Text className="wprog__chosen">已选位置：{chosen}</Text>
          <Button className="button button--ghost ws__small" onClick={p.clearLocation} aria-label="清除位置">
            清除位置
          </Button>
        </View>
      ) : null}
      <ErrorLine text={e.locationNote} />
    </View>
  )
}

/** The sign-up form's fields in order; 姓名, 手机号 and 场次 stay, the rest she adds and arranges. */
function FormBuilder({ p }: P) {
  const f = p.formEditor
  if (!f) return null
  return (
    <View className="wprog__form" role="group" aria-label="报名表">
      <Text className="wprog__form-title">报名表</Text>
      <Text className="ws__meta">姓名、手机号和场次每张报名表都有，不能删除。改过的报名表只用于以后的报名。</Text>
      {f.fields.map((field, i) => {
        const n = i + 1
        const fixed = isFixed(field)
        return (
          <View key={field.id} className="wprog__form-field" role="group" aria-label={`第${n}项`}>
            <Text className="ws__label">
              第{n}项 · {FIELD_TYPE_LABELS[field.type]}
              {fixed ? `：${field.label}（必填）` : ''}
            </Text>
            {fixed ? null : (
              <>
                <Input
                  className="text-input"
                  value={field.label}
                  aria-label={`第${n}项的名称`}
                  nativeProps={{ 'aria-label': `第${n}项的名称` }}
                  placeholder="如：所在村（社区）"
                  onInput={(ev) => p.setField(i, { label: ev.detail.value })}
                />
                {takesOptions(field.type) ? (
                  <Textarea
                    className="text-input ws__textarea"
                    value={optionsText(field)}
                    aria-label={`第${n}项的选项`}
                    nativeProps={{ 'aria-label': `第${n}项的选项` }}
                    placeholder="每行一个选项"
                    maxlength={-1}
                    onInput={(ev) => p.setField(i, { options: optionsFrom(ev.detail.value) })}
                  />
                ) : null}
                <View className="ws__chips">
                  <View
                    className={`ws__chip${field.required ? ' ws__chip--on' : ''}`}
                    role="checkbox"
                    aria-checked={field.required}
                    aria-label={`第${n}项必填`}
                    onClick={() => p.setField(i, { required: !field.required })}
                  >
                    必填
                  </View>
                </View>
              </>
            )}
            <View className="wprog__row">
              <Button
                className="button button--ghost ws__small"
                disabled={i === 0}
                onClick={() => p.moveField(i, -1)}
                aria-label={`第${n}项上移`}
              >
                上移
              </Button>
              <Button
                className="button button--ghost ws__small"
                disabled={i === f.fields.length - 1}
                onClick={() => p.moveField(i, 1)}
                aria-label={`第${n}项下移`}
              >
                下移
              </Button>
              {fixed ? null : (
                <Button
                  className="button button--ghost ws__small"
                  onClick={() => p.removeField(i)}
                  aria-label={`删除第${n}项`}
                >
                  删除
                </Button>
              )}
            </View>
          </View>
        )
      })}
      <Text className="ws__label">添加一项</Text>
      <View className="ws__chips">
        {ADDABLE_TYPES.map((type) => (
          <Button
            key={type}
            className="button button--ghost ws__small"
            onClick={() => p.addField(type)}
            aria-label={`添加${FIELD_TYPE_LABELS[type]}`}
          >
            {FIELD_TYPE_LABELS[type]}
          </Button>
        ))}
      </View>
      <FormActions
        error={f.error}
        busy={f.busy}
        save={() => void p.saveForm()}
        label="保存报名表"
        close={p.closeForm}
      />
    </View>
  )
}

/** A form's last lines in the programs page: its message, then save and 放弃. */
function FormActions(props: { error?: string; busy: boolean; save: () => void; label: string; close: () => void }) {
  return (
    <>
      <ErrorLine text={props.error} />
      <View className="wprog__row">
        <Button className="button ws__small" disabled={props.busy} onClick={props.save}>
          {props.label}
        </Button>
        <Button className="button button--ghost ws__small" onClick={props.close}>
          放弃
        </Button>
      </View>
    </>
  )
}
