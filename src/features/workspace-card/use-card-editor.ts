// The card editor's state: the draft loaded from the server, every change kept on this device at
// once and sent to the server a second later with its revision, the numbers the server finds in the
// pasted article, publishing and the version list. 查看 (or a 403) makes it read-only.
import { useCallback, useEffect, useRef, useState } from 'react'
import { env } from '@/config/env'
import type { CardDraft, DraftFigure, DraftSection, NumberCandidate } from '@/domain/card-shape'
import { TOPICS, type FigureScope } from '@/domain/types'
import { storage } from '@/platform'
import type { KeyValueStore } from '@/platform/types'
import { taroTransport } from '@/platform/http'
import { choosePhoto, photoUpload } from '@/platform/photo-upload'
import type { PickedImage } from '@/platform/types'
import { ApiError } from '@/services/api'
import { createWorkspaceApi } from '@/services/http/workspace-api'
import {
  CardProblemsError,
  StaleDraftError,
  type CardProblem,
  type CardVersion,
  type WorkspaceApi,
  type WorkspaceCard,
} from '@/services/workspace'
import { clock } from '@/shared/clock'
import { messageOf, sessionEnded, sessionStore, type SessionStore } from '../organizer/session'
import { useWorkspaceLoad } from '../workspace/use-workspace-load'
import { draftStore, type LocalDraft } from './draft-store'
import { useCover } from './use-cover'

export type SaveStatus =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'offline' }
  | { kind: 'stale'; message: string }
  | { kind: 'failed'; message: string }

/** A figure on its way onto the card: picked from the candidates or typed and checked, awaiting its label. */
export interface PendingFigure {
  value: string
  unit: string
  quote: string
  scope: FigureScope
  scopeLabel: string
  label: string
  section?: string
  error?: string
}

export type Confirm = { kind: 'publish' } | { kind: 'unpublish' } | { kind: 'restore'; version: number } | null

/** The card shows 3–4 headline figures (the data contract's rule, which the server checks on publish). */
export const HEADLINE_MIN = 3
export const HEADLINE_MAX = 4
export const READ_ONLY_MESSAGE = '你的角色是「查看」：可以看卡片和预览，不能修改或发布。'
export const OFFLINE_MESSAGE = '没有网络，已保存在本机，联网后自动保存'
export const STALE_MESSAGE = '别处有更新的版本'
export const RESTORE_QUESTION = '有一份未保存到服务器的草稿，恢复吗？'

export interface CardEditorDeps {
  /** null when the app runs on its built-in data: there is no server to ask. */
  api: WorkspaceApi | null
  session: SessionStore
  store: KeyValueStore
  /** How long after her last change the draft goes to the server. */
  saveDelayMs: number
  /** How soon a save that found no network is tried again. */
  retryMs: number
  /** How she picks the cover photo (the album or camera; a file on H5). */
  choosePhoto: () => Promise<PickedImage | null>
}

const defaultApi = env.apiBase
  ? createWorkspaceApi({ base: env.apiBase, transport: taroTransport, upload: photoUpload })
  : null

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** Whether the local change came after the server's last save (compared as instants: offsets differ). */
function newer(localAt: string, serverAt: string | undefined): boolean {
  const server = serverAt ? Date.parse(serverAt) : NaN
  return Number.isNaN(server) || Date.parse(localAt) > server
}

/** The first free id of the form f1, f2… (s1, s2… for sections). */
function nextId(prefix: string, taken: Array<{ id: string }>): string {
  const ids = new Set(taken.map((t) => t.id))
  let n = taken.length + 1
  while (ids.has(`${prefix}${n}`)) n++
  return `${prefix}${n}`
}

function move<T>(list: T[], index: number, by: number): T[] {
  const to = index + by
  if (index < 0 || to < 0 || to >= list.length) return list
  const next = [...list]
  ;[next[index], next[to]] = [next[to], next[index]]
  return next
}

export function useCardEditor(options: Partial<CardEditorDeps> = {}) {
  const api = options.api === undefined ? defaultApi : options.api
  const session = useRef(options.session ?? sessionStore(storage)).current
  const drafts = useRef(draftStore(options.store ?? storage)).current
  const saveDelayMs = options.saveDelayMs ?? 1000
  const retryMs = options.retryMs ?? 5000
  const { kept, token, load, setLoad, alive, readOnly, signOut, ended } = useWorkspaceLoad(session)
  const cover = useCover({
    api,
    token,
    readOnly,
    ready: load.step === 'ready',
    choose: options.choosePhoto ?? choosePhoto,
    ended,
  })

  const [info, setInfo] = useState<Omit<WorkspaceCard, 'draft' | 'revision'> | null>(null)
  const [draft, setDraft] = useState<CardDraft | null>(null)
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' })
  const [offer, setOffer] = useState<LocalDraft | null>(null)
  const [mineKept, setMineKept] = useState(false)
  const [localFull, setLocalFull] = useState(false)
  const [candidates, setCandidates] = useState<{ list?: NumberCandidate[]; busy: boolean; error?: string }>({
    busy: false,
  })
  const [typed, setTyped] = useState<{ value: string; unit: string; busy: boolean; error?: string }>({
    value: '',
    unit: '',
    busy: false,
  })
  const [pending, setPending] = useState<PendingFigure | null>(null)
  const [problems, setProblems] = useState<{ message: string; list: CardProblem[] } | null>(null)
  const [versions, setVersions] = useState<{ list?: CardVersion[]; error?: string } | null>(null)
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [busy, setBusy] = useState(false)
  const [notice, setNotice] = useState('')

  // The latest values for the async save loop, which outlives any one render.
  const draftRef = useRef<CardDraft | null>(null)
  const revision = useRef(0)
  const federationId = useRef('')
  const dirty = useRef(false)
  const stale = useRef(false)
  const inflight = useRef<Promise<void> | null>(null)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  // The timer reaches flush (defined below) through this ref, so schedule stays stable.
  const flushRef = useRef<() => Promise<void>>(async () => undefined)
  useEffect(
    () => () => {
      // Leaving the page sends what the pause was holding back; it is on the device in any case.
      if (timer.current !== undefined && dirty.current && !stale.current) void flushRef.current()
      clearTimeout(timer.current)
    },
    [],
  )

  const keepLocal = useCallback(
    (pendingOnServer: boolean) => {
      if (!draftRef.current || !federationId.current) return
      const ok = drafts.write(federationId.current, {
        draft: draftRef.current,
        revision: revision.current,
        changedAt: clock.now().toISOString(),
        pending: pendingOnServer,
      })
      setLocalFull(!ok)
    },
    [drafts],
  )

  const endSession = useCallback(() => {
    signOut()
    clearTimeout(timer.current)
  }, [signOut])

  /** A 401 ends the session and the save loop with it (a 403 makes the page read-only); true then. */
  const stopped = useCallback(
    (e: unknown): boolean => {
      if (!ended(e)) return false
      clearTimeout(timer.current)
      return true
    },
    [ended],
  )

  /** What every failed call but a save does: the message, unless the session ended. */
  const failed = useCallback(
    (e: unknown, show: (message: string) => void) => {
      if (!stopped(e)) show(messageOf(e))
    },
    [stopped],
  )

  const schedule = useCallback((ms: number) => {
    clearTimeout(timer.current)
    timer.current = setTimeout(() => void flushRef.current(), ms)
  }, [])

  const saveOnce = useCallback(async () => {
    if (!api || !draftRef.current) return
    const sent = draftRef.current
    dirty.current = false
    setStatus({ kind: 'saving' })
    try {
      const saved = await api.saveDraft(token, sent, revision.current)
      revision.current = saved.revision
      if (!alive.current) return
      if (dirty.current) schedule(saveDelayMs)
      else {
        keepLocal(false)
        setStatus({ kind: 'saved' })
      }
    } catch (e) {
      dirty.current = true
      if (!alive.current) return
      if (e instanceof StaleDraftError) {
        stale.current = true
        setStatus({ kind: 'stale', message: e.message || STALE_MESSAGE })
      } else if (e instanceof ApiError && e.code === 'network') {
        setStatus({ kind: 'offline' })
        schedule(retryMs)
      } else if (!stopped(e)) {
        setStatus({ kind: 'failed', message: messageOf(e) })
      }
    }
  }, [api, token, alive, keepLocal, schedule, saveDelayMs, retryMs, stopped])

  /** Sends the draft now if it has changes the server lacks; waits for a save already on its way. */
  const flush = useCallback(async (): Promise<void> => {
    clearTimeout(timer.current)
    if (inflight.current) await inflight.current
    if (!dirty.current || stale.current || !api) return
    const run = saveOnce()
    inflight.current = run
    try {
      await run
    } finally {
      inflight.current = null
    }
  }, [api, saveOnce])
  flushRef.current = flush

  /** Every edit: into the page, onto this device at once, to the server after a pause. */
  const update = useCallback(
    (change: (d: CardDraft) => CardDraft) => {
      if (readOnly || !draftRef.current) return
      const next = change(draftRef.current)
      draftRef.current = next
      setDraft(next)
      keepLocal(true)
      dirty.current = true
      setProblems(null)
      if (stale.current) return
      setStatus((s) => (s.kind === 'offline' ? s : { kind: 'saving' }))
      schedule(saveDelayMs)
    },
    [readOnly, keepLocal, schedule, saveDelayMs],
  )

  const open = useCallback(
    async (afterStale = false) => {
      if (!api || !kept) return
      setLoad({ step: 'loading' })
      let card: WorkspaceCard
      try {
        card = await api.card(token)
      } catch (e) {
        if (sessionEnded(e)) return endSession()
        return setLoad({ step: 'error', message: messageOf(e) })
      }
      if (!alive.current) return
      const { draft: serverDraft, revision: serverRevision, ...rest } = card
      federationId.current = card.federation.id
      revision.current = serverRevision
      draftRef.current = serverDraft
      dirty.current = false
      stale.current = false
      setInfo(rest)
      setDraft(serverDraft)
      const local = drafts.read(card.federation.id)
      const unsaved = local && local.pending && !same(local.draft, serverDraft)
      if (unsaved && afterStale) {
        // Her version goes aside, not away: she can take it back over the newer one.
        drafts.keepMine(card.federation.id, local)
        setMineKept(true)
        keepLocal(false)
      } else if (unsaved && newer(local.changedAt, card.updatedAt)) {
        setOffer(local)
      } else {
        // An older unsaved copy than the server's is set aside rather than dropped.
        if (unsaved) drafts.keepMine(card.federation.id, local)
        setMineKept(Boolean(drafts.readMine(card.federation.id)))
        keepLocal(false)
      }
      setStatus(afterStale ? { kind: 'saved' } : { kind: 'idle' })
      setLoad({ step: 'ready' })
    },
    [api, kept, token, alive, setLoad, drafts, keepLocal, endSession],
  )

  useEffect(() => {
    void open()
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const restoreLocal = useCallback(() => {
    if (!offer) return
    setOffer(null)
    update(() => offer.draft)
  }, [offer, update])

  const discardLocal = useCallback(() => {
    setOffer(null)
    keepLocal(false)
  }, [keepLocal])

  const loadLatest = useCallback(() => open(true), [open])

  const takeMine = useCallback(() => {
    const mine = drafts.readMine(federationId.current)
    drafts.forgetMine(federationId.current)
    setMineKept(false)
    if (mine) update(() => mine.draft)
  }, [drafts, update])

  // --- 原文 and its numbers ---------------------------------------------------------------------

  const findNumbers = useCallback(async () => {
    const text = draftRef.current?.sourceText ?? ''
    if (!api) return
    if (!text.trim()) return setCandidates({ busy: false, error: '请先把文章粘贴到上面的原文框里' })
    setCandidates({ busy: true })
    try {
      const list = await api.candidates(token, text)
      setCandidates({ busy: false, list, error: list.length ? undefined : '原文里没有找到带单位的数字' })
    } catch (e) {
      failed(e, (error) => setCandidates({ busy: false, error }))
    }
  }, [api, token, failed])

  /** Its sentence is its quote; the server suggests 今年 or 累计 from that sentence. */
  const pick = useCallback(
    async (c: NumberCandidate) => {
      if (!api || readOnly) return
      const start: PendingFigure = {
        value: c.value,
        unit: c.unit,
        quote: c.sentence,
        scope: 'year',
        scopeLabel: '',
        label: '',
      }
      setPending(start)
      try {
        const answer = await api.checkFigure(token, c.sentence, c.value, c.unit)
        if (answer.ok) {
          setPending((p) =>
            p && p.quote === start.quote && p.value === start.value
              ? { ...p, scope: answer.scope.scope, scopeLabel: answer.scope.scopeLabel ?? '' }
              : p,
          )
        }
      } catch {
        // The suggestion is a help only: without it the figure starts as 今年 and she chooses.
      }
    },
    [api, token, readOnly],
  )

  const setTypedField = useCallback(
    (field: 'value' | 'unit', value: string) => setTyped((t) => ({ ...t, [field]: value, error: undefined })),
    [],
  )

  /** A typed figure goes onto the card only if the server finds it in the article. */
  const checkTyped = useCallback(async () => {
    if (!api || readOnly) return
    const value = typed.value.trim()
    const unit = typed.unit.trim()
    if (!value) return setTyped((t) => ({ ...t, error: '请填写数值，如 1200 或 近350万' }))
    const text = draftRef.current?.sourceText ?? ''
    if (!text.trim()) return setTyped((t) => ({ ...t, error: '请先粘贴原文：每个数字都要能在原文里找到' }))
    setTyped((t) => ({ ...t, busy: true, error: undefined }))
    try {
      const answer = await api.checkFigure(token, text, value, unit)
      if (!answer.ok) return setTyped((t) => ({ ...t, busy: false, error: answer.message }))
      setTyped({ value: '', unit: '', busy: false })
      setPending({
        value,
        unit,
        quote: answer.quote,
        scope: answer.scope.scope,
        scopeLabel: answer.scope.scopeLabel ?? '',
        label: '',
      })
    } catch (e) {
      failed(e, (error) => setTyped((t) => ({ ...t, busy: false, error })))
    }
  }, [api, token, typed, readOnly, failed])

  const editPending = useCallback(
    (patch: Partial<PendingFigure>) => setPending((p) => (p ? { ...p, ...patch, error: undefined } : p)),
    [],
  )

  const addPending = useCallback(() => {
    if (!pending) return
    const label = pending.label.trim()
    if (!label) return setPending({ ...pending, error: '请填写这个数字的名称，如“培训妇女”' })
    update((d) => {
      const figure: DraftFigure = {
        id: nextId('f', d.figures),
        label,
        value: pending.value,
        unit: pending.unit,
        scope: pending.scope,
        ...(pending.scope === 'total' && pending.scopeLabel.trim() ? { scopeLabel: pending.scopeLabel.trim() } : {}),
        quote: pending.quote,
        ...(pending.section ? { section: pending.section } : {}),
      }
      return {
        ...d,
        figures: [...d.figures, figure],
        sections: d.sections.map((s) => (s.id === figure.section ? { ...s, order: [...s.order, figure.id] } : s)),
      }
    })
    setPending(null)
  }, [pending, update])

  // --- figures, sections, headline figures --------------------------------------------------------

  const setFigure = useCallback(
    (id: string, patch: Partial<DraftFigure>) =>
      update((d) => ({
        ...d,
        figures: d.figures.map((f) => {
          if (f.id !== id) return f
          const next = { ...f, ...patch }
          if (next.scope === 'year') delete next.scopeLabel
          if (next.section === undefined) delete next.section
          return next
        }),
      })),
    [update],
  )

  const removeFigure = useCallback(
    (id: string) =>
      update((d) => ({
        ...d,
        figures: d.figures.filter((f) => f.id !== id),
        headlineFigureIds: d.headlineFigureIds.filter((h) => h !== id),
        heroFigureId: d.heroFigureId === id ? undefined : d.heroFigureId,
        sections: d.sections.map((s) => ({ ...s, order: s.order.filter((o) => o !== id) })),
      })),
    [update],
  )

  const addSection = useCallback(
    () =>
      update((d) => ({
        ...d,
        sections: [...d.sections, { id: nextId('s', d.sections), title: '', topic: TOPICS[0], text: '', order: [] }],
      })),
    [update],
  )

  const setSection = useCallback(
    (id: string, patch: Partial<DraftSection>) =>
      update((d) => ({ ...d, sections: d.sections.map((s) => (s.id === id ? { ...s, ...patch } : s)) })),
    [update],
  )

  const removeSection = useCallback(
    (id: string) =>
      update((d) => ({
        ...d,
        sections: d.sections.filter((s) => s.id !== id),
        figures: d.figures.map((f) => {
          if (f.section !== id) return f
          const { section: _gone, ...rest } = f
          return rest
        }),
      })),
    [update],
  )

  const moveSection = useCallback(
    (id: string, by: number) =>
      update((d) => ({
        ...d,
        sections: move(
          d.sections,
          d.sections.findIndex((s) => s.id === id),
          by,
        ),
      })),
    [update],
  )

  const toggleHeadline = useCallback(
    (id: string) =>
      update((d) => {
        if (d.headlineFigureIds.includes(id)) {
          // The hero goes with its figure: the card then leads with its first.
          const heroFigureId = d.heroFigureId === id ? undefined : d.heroFigureId
          return { ...d, headlineFigureIds: d.headlineFigureIds.filter((h) => h !== id), heroFigureId }
        }
        if (d.headlineFigureIds.length >= HEADLINE_MAX) return d
        return { ...d, headlineFigureIds: [...d.headlineFigureIds, id] }
      }),
    [update],
  )

  const moveHeadline = useCallback(
    (id: string, by: number) =>
      update((d) => ({ ...d, headlineFigureIds: move(d.headlineFigureIds, d.headlineFigureIds.indexOf(id), by) })),
    [update],
  )

  /** The figure set large on the card and the poster; without one, the first is. */
  const setHero = useCallback((id: string) => update((d) => ({ ...d, heroFigureId: id })), [update])

  // --- publishing and versions ------------------------------------------------------------------

  const publish = useCallback(async () => {
    if (!api || readOnly) return
    setConfirm(null)
    setNotice('')
    setBusy(true)
    // The server publishes what it holds: her latest changes go first.
    await flush()
    if (dirty.current) {
      setBusy(false)
      return setNotice('草稿还没保存到服务器，保存好后才能发布')
    }
    try {
      const done = await api.publish(token, revision.current)
      setProblems(null)
      setInfo((i) => (i ? { ...i, published: true, publishedAt: done.publishedAt, publishedVersion: done.version } : i))
      setNotice(`已发布第${done.version}版，公众现在看到的就是这张卡片`)
      if (versions) setVersions(null)
    } catch (e) {
      if (e instanceof CardProblemsError) setProblems({ message: e.message, list: e.problems })
      else if (e instanceof StaleDraftError) {
        stale.current = true
        setStatus({ kind: 'stale', message: e.message || STALE_MESSAGE })
      } else failed(e, setNotice)
    } finally {
      setBusy(false)
    }
  }, [api, token, readOnly, flush, versions, failed])

  const unpublish = useCallback(async () => {
    if (!api || readOnly) return
    setConfirm(null)
    setNotice('')
    setBusy(true)
    try {
      await api.unpublish(token)
      setInfo((i) => (i ? { ...i, published: false } : i))
      setNotice('已取消发布，公众暂时看不到这张卡片')
    } catch (e) {
      failed(e, setNotice)
    } finally {
      setBusy(false)
    }
  }, [api, token, readOnly, failed])

  const showVersions = useCallback(async () => {
    if (!api) return
    setVersions({})
    try {
      setVersions({ list: await api.versions(token) })
    } catch (e) {
      failed(e, (error) => setVersions({ error }))
    }
  }, [api, token, failed])

  const restore = useCallback(
    async (version: number) => {
      if (!api || readOnly) return
      setConfirm(null)
      setNotice('')
      setBusy(true)
      try {
        await flush()
        const done = await api.restore(token, version)
        await open()
        setNotice(`已恢复第${version}版，现在公开的是第${done.version}版`)
        await showVersions()
      } catch (e) {
        failed(e, setNotice)
      } finally {
        setBusy(false)
      }
    },
    [api, token, readOnly, flush, open, showVersions, failed],
  )

  return {
    cover,
    connected: api !== null,
    account: kept?.account ?? null,
    load,
    info,
    draft,
    readOnly,
    status,
    localFull,
    offer,
    mineKept,
    candidates,
    typed,
    pending,
    problems,
    versions,
    confirm,
    busy,
    notice,
    retry: () => void open(),
    update,
    restoreLocal,
    discardLocal,
    loadLatest,
    takeMine,
    findNumbers,
    pick,
    setTypedField,
    checkTyped,
    editPending,
    addPending,
    cancelPending: () => setPending(null),
    setFigure,
    removeFigure,
    addSection,
    setSection,
    removeSection,
    moveSection,
    toggleHeadline,
    moveHeadline,
    setHero,
    ask: setConfirm,
    publish,
    unpublish,
    showVersions,
    restore,
  }
}

export type CardEditor = ReturnType<typeof useCardEditor>
