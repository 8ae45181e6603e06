// 年终盘点卡片 editor: basic facts, the pasted article and the numbers found in it, sections and
// headline figures, with the feed card and the report previewed live as the public sees them.
// Phone: 编辑 / 预览 tabs; wide screens: editor left, preview right.
import { useMemo, useState, type CSSProperties, type ReactNode } from 'react'
import { Button, Input, Text, View } from '@tarojs/components'
import { Skeleton } from '@/components/state-view'
import { draftToFederationFile, type CardDraft, type NumberCandidate } from '@/domain/card-shape'
import { heroSplit } from '@/domain/figures'
import { ROLE_LABELS } from '@/domain/roles'
import { LEVELS, TOPICS, type Topic } from '@/domain/types'
import { toCard, toReport } from '@/domain/views'
import { clock } from '@/shared/clock'
import { formatSessionTime } from '@/utils/date'
import { YearEndCard } from '../feed/year-end-card'
import { ReportView } from '../report/report-view'
import { ErrorLine, WorkspaceField as Field } from '../workspace/field'
import { WorkspaceGate } from '../workspace/gate'
import { CoverField } from './cover-field'
import { PosterPreview } from './poster-preview'
import {
  HEADLINE_MAX,
  HEADLINE_MIN,
  OFFLINE_MESSAGE,
  READ_ONLY_MESSAGE,
  RESTORE_QUESTION,
  type CardEditor,
  type PendingFigure,
  type SaveStatus,
} from './use-card-editor'
import { keyboardStop } from '@/shared/keyboard-stop'
import '../workspace/workspace.scss'
import './card-editor.scss'

const SWATCHES = ['#b71c1c', '#ad1457', '#6a1b9a', '#1565c0', '#00695c', '#2e7d32', '#e65100']
const COLOR = /^#[0-9a-fA-F]{6}$/

export function CardEditorView({ e }: { e: CardEditor }) {
  const [tab, setTab] = useState<'edit' | 'preview'>('edit')
  const { load, draft } = e
  if (!e.connected || load.step !== 'ready' || !draft) {
    return (
      <WorkspaceGate connected={e.connected} load={load} what="卡片编辑" loading="正在加载卡片" onRetry={e.retry} />
    )
  }
  return (
    <View className={`wcard wcard--${tab}`}>
      <Top e={e} />
      {/* She answers the offer first: an edit now would write over the copy offered back. */}
      {e.offer ? null : <Panes e={e} draft={draft} tab={tab} setTab={setTab} />}
    </View>
  )
}

function Panes({
  e,
  draft,
  tab,
  setTab,
}: {
  e: CardEditor
  draft: CardDraft
  tab: 'edit' | 'preview'
  setTab: (t: 'edit' | 'preview') => void
}) {
  return (
    <View>
      <View className="wcard__tabs" role="tablist">
        {(
          [
            ['edit', '编辑'],
            ['preview', '预览'],
          ] as const
        ).map(([t, label]) => (
          <View
            key={t}
            className={`wcard__tab${tab === t ? ' wcard__tab--on' : ''}`}
            role="tab"
            aria-selected={tab === t}
            onClick={() => setTab(t)}
          >
            {label}
          </View>
        ))}
      </View>
      <View className="wcard__panes">
        <View className="wcard__pane wcard__pane--edit" aria-label="编辑">
          <Editor e={e} draft={draft} />
        </View>
        {/* On a wide screen the preview scrolls on its own: focusable, so a keyboard can scroll it. */}
        <View className="wcard__pane wcard__pane--preview" role="region" aria-label="预览" {...keyboardStop}>
          <Preview draft={draft} />
        </View>
      </View>
    </View>
  )
}

function statusText(s: SaveStatus): string {
  if (s.kind === 'saving') return '正在保存…'
  if (s.kind === 'saved') return '已保存'
  if (s.kind === 'offline') return OFFLINE_MESSAGE
  if (s.kind === 'stale') return `${s.message}。你的修改已保存在本机。`
  if (s.kind === 'failed') return `没能保存到服务器：${s.message}（已保存在本机）`
  return ''
}

function Top({ e }: { e: CardEditor }) {
  const info = e.info
  const text = statusText(e.status)
  return (
    <View className="ws__top">
      <Text className="page-title">年终盘点卡片</Text>
      {info ? (
        <Text className="ws__meta">
          {info.federation.name}
          {e.account ? ` · ${e.account.displayName}（${ROLE_LABELS[e.account.role]}）` : ''}
          {' · '}
          {info.published ? (info.publishedVersion ? `已发布第${info.publishedVersion}版` : '已发布') : '未发布'}
          {info.updatedAt && info.updatedBy
            ? ` · ${info.updatedBy.displayName} 最后修改于 ${formatSessionTime(info.updatedAt)}`
            : ''}
        </Text>
      ) : null}
      {e.readOnly ? (
        <View className="ws__readonly" role="note">
          {READ_ONLY_MESSAGE}
        </View>
      ) : null}
      {text ? (
        <View className={`wcard__status wcard__status--${e.status.kind}`} role="status">
          <Text>{text}</Text>
          {e.status.kind === 'stale' ? (
            <Button
              className="button button--ghost ws__small"
              onClick={() => void e.loadLatest()}
              aria-label="载入最新"
            >
              载入最新
            </Button>
          ) : null}
        </View>
      ) : null}
      {e.localFull ? (
        <View className="wcard__warn" role="alert">
          本机存储已满，修改没能保存在本机；联网时仍会保存到服务器。
        </View>
      ) : null}
      {e.offer ? (
        <View className="card ws__panel" role="alertdialog" aria-label={RESTORE_QUESTION}>
          <Text>{RESTORE_QUESTION}</Text>
          <Text className="ws__meta">本机草稿修改于 {formatSessionTime(e.offer.changedAt)}</Text>
          <View className="wcard__row">
            <Button className="button ws__small" onClick={e.restoreLocal} aria-label="恢复本机草稿">
              恢复
            </Button>
            <Button
              className="button button--ghost ws__small"
              onClick={e.discardLocal}
              aria-label="不恢复，用服务器上的"
            >
              不恢复，用服务器上的
            </Button>
          </View>
        </View>
      ) : null}
      {e.mineKept && !e.readOnly ? (
        <View className="wcard__status" role="status">
          <Text>你之前的版本还留在本机。</Text>
          <Button className="button button--ghost ws__small" onClick={e.takeMine} aria-label="用回我的版本">
            用回我的版本
          </Button>
        </View>
      ) : null}
      {e.notice ? (
        <View className="ws__notice" role="status">
          {e.notice}
        </View>
      ) : null}
    </View>
  )
}

/** The server's publish problems for this field and the fields under it, beside the field. */
function Problems({ e, field }: { e: CardEditor; field: string }) {
  const mine = (e.problems?.list ?? []).filter(
    (p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`),
  )
  if (mine.length === 0) return null
  return (
    <View className="wcard__problems" role="alert">
      {mine.map((p) => (
        <Text key={`${p.field}:${p.message}`} className="ws__error">
          {p.message}
        </Text>
      ))}
    </View>
  )
}

function Choices<T extends string>({
  label,
  options,
  value,
  onChoose,
  readOnly,
  names,
}: {
  label: string
  options: readonly T[]
  value: T | undefined
  onChoose: (v: T) => void
  readOnly: boolean
  names?: Partial<Record<T, string>>
}) {
  return (
    <View className="ws__field">
      <Text className="ws__label">{label}</Text>
      <View className="ws__chips" role="radiogroup" aria-label={label}>
        {options.map((o) => (
          <View
            key={o}
            className={`ws__chip${o === value ? ' ws__chip--on' : ''}`}
            role="radio"
            aria-checked={o === value}
            aria-label={`${label}：${names?.[o] ?? o}`}
            onClick={readOnly ? undefined : () => onChoose(o)}
          >
            {names?.[o] ?? o}
          </View>
        ))}
      </View>
    </View>
  )
}

function Part({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className="card wcard__part">
      <Text className="section-title wcard__part-title">{title}</Text>
      {children}
    </View>
  )
}

function Editor({ e, draft }: { e: CardEditor; draft: CardDraft }) {
  const ro = e.readOnly
  const set = (patch: Partial<CardDraft>) => e.update((d) => ({ ...d, ...patch }))
  const setRegion = (patch: Partial<CardDraft['region']>) =>
    e.update((d) => {
      const region = { ...d.region, ...patch }
      for (const k of ['city', 'district'] as const) if (region[k] === '') delete region[k]
      return { ...d, region }
    })
  return (
    <View>
      <Part title="基本信息">
        <Field label="妇联名称" value={draft.name} onInput={(v) => set({ name: v })} readOnly={ro} />
        <Problems e={e} field="name" />
        <Field
          label="行政区划代码"
          value={draft.region.code}
          onInput={(v) => setRegion({ code: v.trim() })}
          readOnly={ro}
          placeholder="6位数字，如 621202"
        />
        <Field label="省份" value={draft.region.province} onInput={(v) => setRegion({ province: v })} readOnly={ro} />
        <Field label="城市" value={draft.region.city ?? ''} onInput={(v) => setRegion({ city: v })} readOnly={ro} />
        <Field
          label="区县"
          value={draft.region.district ?? ''}
          onInput={(v) => setRegion({ district: v })}
          readOnly={ro}
        />
        <Problems e={e} field="region" />
        <Choices label="级别" options={LEVELS} value={draft.level} onChoose={(v) => set({ level: v })} readOnly={ro} />
        <Problems e={e} field="level" />
        <Field
          label="年份"
          type="number"
          value={String(draft.year || '')}
          onInput={(v) => set({ year: Number(v.replace(/\D/g, '')) || 0 })}
          readOnly={ro}
        />
        <Problems e={e} field="year" />
        <View className="ws__field">
          <Text className="ws__label">主题色</Text>
          <View className="ws__chips" role="radiogroup" aria-label="主题色">
            {SWATCHES.map((c) => (
              <View
                key={c}
                className={`wcard__swatch${draft.color.toLowerCase() === c ? ' wcard__swatch--on' : ''}`}
                style={{ background: c } as CSSProperties}
                role="radio"
                aria-checked={draft.color.toLowerCase() === c}
                aria-label={`主题色 ${c}`}
                onClick={ro ? undefined : () => set({ color: c })}
              />
            ))}
          </View>
          <Input
            className="text-input"
            value={draft.color}
            aria-label="主题色（#RRGGBB）"
            nativeProps={{ 'aria-label': '主题色（#RRGGBB）' }}
            placeholder="#RRGGBB"
            disabled={ro}
            onInput={(ev) => set({ color: ev.detail.value.trim() })}
          />
          {draft.color && !COLOR.test(draft.color) ? (
            <Text className="ws__meta">请用 # 加 6 位十六进制，如 #b71c1c</Text>
          ) : null}
        </View>
        <Problems e={e} field="color" />
        <Field label="简介" long tall value={draft.summary} onInput={(v) => set({ summary: v })} readOnly={ro} />
        <Problems e={e} field="summary" />
        <TopicChoices
          label="主题（可多选）"
          chosen={draft.topics}
          readOnly={ro}
          onToggle={(t) =>
            set({ topics: draft.topics.includes(t) ? draft.topics.filter((x) => x !== t) : [...draft.topics, t] })
          }
        />
        <Problems e={e} field="topics" />
      </Part>

      <CoverField c={e.cover} />

      <Part title="原文">
        <Field
          label="来源的发布单位"
          value={draft.source.publisher}
          onInput={(v) => set({ source: { ...draft.source, publisher: v } })}
          readOnly={ro}
        />
        <Field
          label="来源的标题"
          value={draft.source.headline}
          onInput={(v) => set({ source: { ...draft.source, headline: v } })}
          readOnly={ro}
        />
        <Field
          label="来源的日期"
          value={draft.source.date}
          placeholder="如 2021-01-15，或 2021-01、2021"
          onInput={(v) => set({ source: { ...draft.source, date: v.trim() } })}
          readOnly={ro}
        />
        <Problems e={e} field="source" />
        <Field
          label="原文（粘贴文章或工作总结）"
          long
          tall
          value={draft.sourceText}
          placeholder="把文章全文粘贴在这里，卡片上的每个数字都要能在原文里找到"
          onInput={(v) => set({ sourceText: v })}
          readOnly={ro}
        />
        <Problems e={e} field="sourceText" />
        {ro ? null : (
          <Button
            className="button"
            disabled={e.candidates.busy}
            onClick={() => void e.findNumbers()}
            aria-label="找出数字"
          >
            {e.candidates.busy ? '正在找…' : '找出数字'}
          </Button>
        )}
        <ErrorLine text={e.candidates.error} />
        {e.candidates.list?.length ? (
          <View className="wcard__candidates" aria-label="原文里的数字">
            {e.candidates.list.map((c) => (
              <Candidate key={`${c.start}-${c.end}`} c={c} onPick={() => void e.pick(c)} readOnly={ro} />
            ))}
          </View>
        ) : null}
        {ro ? null : <TypedFigure e={e} />}
        {e.pending ? <PendingForm e={e} p={e.pending} draft={draft} /> : null}
      </Part>

      <Figures e={e} draft={draft} />
      <Sections e={e} draft={draft} />
      <Headline e={e} draft={draft} />
      <Publishing e={e} />
    </View>
  )
}

function TopicChoices({
  label,
  chosen,
  onToggle,
  readOnly,
}: {
  label: string
  chosen: Topic[]
  onToggle: (t: Topic) => void
  readOnly: boolean
}) {
  return (
    <View className="ws__field">
      <Text className="ws__label">{label}</Text>
      <View className="ws__chips" role="group" aria-label={label}>
        {TOPICS.map((t) => (
          <View
            key={t}
            className={`ws__chip${chosen.includes(t) ? ' ws__chip--on' : ''}`}
            role="checkbox"
            aria-checked={chosen.includes(t)}
            aria-label={`主题：${t}`}
            onClick={readOnly ? undefined : () => onToggle(t)}
          >
            {t}
          </View>
        ))}
      </View>
    </View>
  )
}

/** The sentence with the number itself marked. */
function Highlighted({ sentence, value, unit }: { sentence: string; value: string; unit: string }) {
  const whole = `${value}${unit}`
  let at = sentence.indexOf(whole)
  let len = whole.length
  if (at === -1) {
    at = sentence.indexOf(value)
    len = value.length
  }
  if (at === -1) return <Text>{sentence}</Text>
  return (
    <Text>
      {sentence.slice(0, at)}
      <Text className="wcard__hit">{sentence.slice(at, at + len)}</Text>
      {sentence.slice(at + len)}
    </Text>
  )
}

function Candidate({ c, onPick, readOnly }: { c: NumberCandidate; onPick: () => void; readOnly: boolean }) {
  return (
    <View className="wcard__candidate" role="group" aria-label={`找到的数字 ${c.value}${c.unit}`}>
      <View className="wcard__candidate-head">
        <Text className="wcard__figure">
          {c.value}
          {c.unit}
        </Text>
        {readOnly ? null : (
          <Button className="button button--ghost ws__small" onClick={onPick} aria-label={`选用 ${c.value}${c.unit}`}>
            选用
          </Button>
        )}
      </View>
      <View className="wcard__sentence">
        <Highlighted sentence={c.sentence} value={c.value} unit={c.unit} />
      </View>
    </View>
  )
}

function TypedFigure({ e }: { e: CardEditor }) {
  return (
    <View className="wcard__typed">
      <Text className="ws__label">手动添加数字</Text>
      <View className="wcard__row">
        <Input
          className="text-input wcard__grow"
          value={e.typed.value}
          aria-label="数值"
          nativeProps={{ 'aria-label': '数值' }}
          placeholder="数值，如 1200 或 近350万"
          onInput={(ev) => e.setTypedField('value', ev.detail.value)}
        />
        <Input
          className="text-input wcard__unit"
          value={e.typed.unit}
          aria-label="单位"
          nativeProps={{ 'aria-label': '单位' }}
          placeholder="单位，如 人次"
          onInput={(ev) => e.setTypedField('unit', ev.detail.value)}
        />
      </View>
      <ErrorLine text={e.typed.error} />
      <Button
        className="button button--ghost"
        disabled={e.typed.busy}
        onClick={() => void e.checkTyped()}
        aria-label="核对并添加"
      >
        {e.typed.busy ? '正在核对…' : '核对并添加'}
      </Button>
    </View>
  )
}

function PendingForm({ e, p, draft }: { e: CardEditor; p: PendingFigure; draft: CardDraft }) {
  const sections = ['', ...draft.sections.map((s) => s.id)]
  const names: Record<string, string> = Object.fromEntries([
    ['', '不放在部分里'],
    ...draft.sections.map((s, i) => [s.id, s.title || `第${i + 1}部分`]),
  ])
  return (
    <View className="card ws__panel" aria-label="添加数字">
      <Text className="wcard__figure">
        {p.value}
        {p.unit}
      </Text>
      <Text className="ws__label">原文摘句</Text>
      <Text className="wcard__quote">{p.quote}</Text>
      <Field label="数字的名称" value={p.label} onInput={(v) => e.editPending({ label: v })} readOnly={false} />
      <ErrorLine text={p.error} />
      <Choices
        label="范围"
        options={['year', 'total'] as const}
        names={{ year: '今年', total: '累计' }}
        value={p.scope}
        onChoose={(scope) => e.editPending({ scope })}
        readOnly={false}
      />
      {p.scope === 'total' ? (
        <Field
          label="累计范围"
          value={p.scopeLabel}
          placeholder="如 八年累计、截至目前"
          onInput={(v) => e.editPending({ scopeLabel: v })}
          readOnly={false}
        />
      ) : null}
      <Choices
        label="所在部分"
        options={sections}
        names={names}
        value={p.section ?? ''}
        onChoose={(s) => e.editPending({ section: s || undefined })}
        readOnly={false}
      />
      <View className="wcard__row">
        <Button className="button ws__small" onClick={e.addPending} aria-label="加入卡片">
          加入卡片
        </Button>
        <Button className="button button--ghost ws__small" onClick={e.cancelPending} aria-label="取消">
          取消
        </Button>
      </View>
    </View>
  )
}

function Figures({ e, draft }: { e: CardEditor; draft: CardDraft }) {
  const ro = e.readOnly
  return (
    <Part title={`数字（${draft.figures.length}）`}>
      <Problems e={e} field="figures" />
      {draft.figures.length === 0 ? (
        <Text className="ws__meta">还没有数字：点“找出数字”从原文里选，或手动添加。</Text>
      ) : null}
      {draft.figures.map((f, i) => (
        <View key={f.id} className="wcard__item" role="group" aria-label={`数字${i + 1}`}>
          <Text className="wcard__figure">
            {f.value}
            {f.unit}
          </Text>
          <Field
            label={`第${i + 1}个数字的名称`}
            value={f.label}
            onInput={(v) => e.setFigure(f.id, { label: v })}
            readOnly={ro}
          />
          <Choices
            label={`第${i + 1}个数字的范围`}
            options={['year', 'total'] as const}
            names={{ year: '今年', total: '累计' }}
            value={f.scope}
            onChoose={(scope) => e.setFigure(f.id, { scope })}
            readOnly={ro}
          />
          {f.scope === 'total' ? (
            <Field
              label={`第${i + 1}个数字的累计范围`}
              value={f.scopeLabel ?? ''}
              onInput={(v) => e.setFigure(f.id, { scopeLabel: v })}
              readOnly={ro}
            />
          ) : null}
          <Choices
            label={`第${i + 1}个数字所在部分`}
            options={['', ...draft.sections.map((s) => s.id)]}
            names={Object.fromEntries([
              ['', '不放在部分里'],
              ...draft.sections.map((s, n) => [s.id, s.title || `第${n + 1}部分`]),
            ])}
            value={f.section ?? ''}
            onChoose={(s) => e.setFigure(f.id, { section: s || undefined })}
            readOnly={ro}
          />
          <Text className="ws__label">原文摘句</Text>
          <Text className="wcard__quote">{f.quote}</Text>
          <Problems e={e} field={`figures[${i}]`} />
          {ro ? null : (
            <View className="wcard__row">
              <Button
                className="button button--ghost ws__small"
                onClick={() => e.toggleHeadline(f.id)}
                disabled={!draft.headlineFigureIds.includes(f.id) && draft.headlineFigureIds.length >= HEADLINE_MAX}
                aria-label={`${draft.headlineFigureIds.includes(f.id) ? '移出首页' : '放到首页'}：${f.label || f.value}`}
              >
                {draft.headlineFigureIds.includes(f.id) ? '移出首页' : '放到首页'}
              </Button>
              <Button
                className="button button--ghost ws__small"
                onClick={() => e.removeFigure(f.id)}
                aria-label={`删除数字：${f.label || f.value}`}
              >
                删除
              </Button>
            </View>
          )}
        </View>
      ))}
    </Part>
  )
}

function Sections({ e, draft }: { e: CardEditor; draft: CardDraft }) {
  const ro = e.readOnly
  return (
    <Part title="分节">
      <Problems e={e} field="sections" />
      {draft.sections.map((s, i) => (
        <View key={s.id} className="wcard__item" role="group" aria-label={`第${i + 1}部分`}>
          <Field
            label={`第${i + 1}部分的标题`}
            value={s.title}
            onInput={(v) => e.setSection(s.id, { title: v })}
            readOnly={ro}
          />
          <Choices
            label={`第${i + 1}部分的主题`}
            options={TOPICS}
            value={s.topic}
            onChoose={(topic) => e.setSection(s.id, { topic })}
            readOnly={ro}
          />
          <Field
            label={`第${i + 1}部分的正文`}
            long
            tall
            value={s.text}
            onInput={(v) => e.setSection(s.id, { text: v })}
            readOnly={ro}
          />
          {ro ? null : (
            <View className="wcard__row">
              <Button
                className="button button--ghost ws__small"
                disabled={i === 0}
                onClick={() => e.moveSection(s.id, -1)}
                aria-label={`第${i + 1}部分上移`}
              >
                上移
              </Button>
              <Button
                className="button button--ghost ws__small"
                disabled={i === draft.sections.length - 1}
                onClick={() => e.moveSection(s.id, 1)}
                aria-label={`第${i + 1}部分下移`}
              >
                下移
              </Button>
              <Button
                className="button button--ghost ws__small"
                onClick={() => e.removeSection(s.id)}
                aria-label={`删除第${i + 1}部分`}
              >
                删除
              </Button>
            </View>
          )}
        </View>
      ))}
      {ro ? null : (
        <Button className="button button--ghost" onClick={e.addSection} aria-label="添加一部分">
          添加一部分
        </Button>
      )}
    </Part>
  )
}

function Headline({ e, draft }: { e: CardEditor; draft: CardDraft }) {
  const byId = new Map(draft.figures.map((f) => [f.id, f]))
  const hero = heroSplit(
    draft.headlineFigureIds.map((id) => ({ id })),
    draft.heroFigureId,
  ).hero?.id
  return (
    <Part title="首页数字">
      <Text className="ws__meta">
        选 3–4 个数字放在卡片上，第一个要是今年的成果（不是累计数）。在上面的数字里点“放到首页”。
      </Text>
      <Text className="ws__meta">
        “主打”的数字在卡片和海报上用最大的字显示，选原文最先讲的那个成果；没有选时是第一个。
      </Text>
      <Text className="ws__meta">
        已选 {draft.headlineFigureIds.length} 个
        {draft.headlineFigureIds.length < HEADLINE_MIN
          ? `，还要再选 ${HEADLINE_MIN - draft.headlineFigureIds.length} 个`
          : ''}
      </Text>
      <Problems e={e} field="headlineFigureIds" />
      {draft.headlineFigureIds.map((id, i) => {
        const f = byId.get(id)
        return (
          <View key={id} className="wcard__headline" role="group" aria-label={`首页数字${i + 1}`}>
            <Text className="wcard__grow">
              {i + 1}. {f ? `${f.label} ${f.value}${f.unit}` : id}
              {id === hero ? <Text className="wcard__hero">主打</Text> : null}
            </Text>
            {e.readOnly || id === hero ? null : (
              <Button
                className="button button--ghost ws__small"
                onClick={() => e.setHero(id)}
                aria-label={`把首页第${i + 1}个数字设为主打：${f?.label ?? id}`}
              >
                设为主打
              </Button>
            )}
            {e.readOnly ? null : (
              <Button
                className="button button--ghost ws__small"
                disabled={i === 0}
                onClick={() => e.moveHeadline(id, -1)}
                aria-label={`首页第${i + 1}个数字上移`}
              >
                上移
              </Button>
            )}
          </View>
        )
      })}
    </Part>
  )
}

function Publishing({ e }: { e: CardEditor }) {
  const info = e.info
  return (
    <Part title="发布">
      {e.problems ? (
        <View className="wcard__problems" role="alert" aria-label="发布前要改的问题">
          <Text className="ws__error">{e.problems.message}</Text>
          {e.problems.list.map((p) => (
            <Text key={`${p.field}:${p.message}`} className="ws__error wcard__problem">
              · {p.message}
            </Text>
          ))}
        </View>
      ) : null}
      {e.readOnly ? null : (
        <View className="wcard__row">
          <Button className="button" disabled={e.busy} onClick={() => e.ask({ kind: 'publish' })} aria-label="发布">
            发布
          </Button>
          {info?.published ? (
            <Button
              className="button button--ghost"
              disabled={e.busy}
              onClick={() => e.ask({ kind: 'unpublish' })}
              aria-label="取消发布"
            >
              取消发布
            </Button>
          ) : null}
        </View>
      )}
      {e.confirm ? <ConfirmBox e={e} /> : null}
      <Button className="button button--ghost" onClick={() => void e.showVersions()} aria-label="版本记录">
        版本记录
      </Button>
      {e.versions ? <Versions e={e} /> : null}
    </Part>
  )
}

function ConfirmBox({ e }: { e: CardEditor }) {
  const c = e.confirm
  if (!c) return null
  const [question, label, run] =
    c.kind === 'publish'
      ? (['发布后，公众看到的就是这张卡片现在的样子。确定发布吗？', '确定发布', () => void e.publish()] as const)
      : c.kind === 'unpublish'
        ? (['取消发布后，公众将看不到这张卡片。确定取消发布吗？', '确定取消发布', () => void e.unpublish()] as const)
        : ([
            `恢复第${c.version}版后，公众看到的会是那一版的卡片。确定恢复吗？`,
            `确定恢复第${c.version}版`,
            () => void e.restore(c.version),
          ] as const)
  return (
    <View className="card ws__panel" role="alertdialog" aria-label={question}>
      <Text>{question}</Text>
      <View className="wcard__row">
        <Button className="button ws__small" onClick={run} aria-label={label}>
          {label}
        </Button>
        <Button className="button button--ghost ws__small" onClick={() => e.ask(null)} aria-label="再想想">
          再想想
        </Button>
      </View>
    </View>
  )
}

function Versions({ e }: { e: CardEditor }) {
  const v = e.versions
  if (!v) return null
  if (v.error) return <ErrorLine text={v.error} />
  if (!v.list) return <Skeleton blocks={1} label="正在加载版本记录" />
  if (v.list.length === 0) return <Text className="ws__meta">还没有发布过。</Text>
  return (
    <View aria-label="版本记录">
      {v.list.map((x) => (
        <View key={x.version} className="wcard__version" role="group" aria-label={`第${x.version}版`}>
          <Text className="wcard__grow">
            第{x.version}版 · {x.publishedBy.displayName} · {formatSessionTime(x.publishedAt)}
            {x.restoredFrom ? `（由第${x.restoredFrom}版恢复）` : ''}
            {e.info?.published && e.info.publishedVersion === x.version ? ' · 公开中' : ''}
          </Text>
          {e.readOnly ? null : (
            <Button
              className="button button--ghost ws__small"
              disabled={e.busy}
              onClick={() => e.ask({ kind: 'restore', version: x.version })}
              aria-label={`恢复第${x.version}版`}
            >
              恢复
            </Button>
          )}
        </View>
      ))}
    </View>
  )
}

/** The feed card and the report drawn by the public pages' own components from the draft as it is now. */
function Preview({ draft }: { draft: CardDraft }) {
  const shown = useMemo(() => {
    const file = draftToFederationFile(draft)
    const now = clock.now()
    return { card: toCard(file, now), report: toReport(file) }
  }, [draft])
  const ignore = () => undefined
  return (
    <View className="wcard__preview">
      <Text className="ws__label">首页卡片</Text>
      <YearEndCard card={shown.card} />
      <Text className="ws__label">报告</Text>
      <ReportView
        report={shown.report}
        shownSections={shown.report.sections.length}
        onShowMore={ignore}
        onOpenProgram={ignore}
      />
      <Text className="ws__label">海报</Text>
      <PosterPreview card={shown.card} />
    </View>
  )
}
