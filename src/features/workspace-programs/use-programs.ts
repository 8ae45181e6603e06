// The programs editor's state: the federation's programs and sessions from the server, the open
// program or session form with the server's message under the field it names, cancelling with a
// reason, deleting an empty session, and the sign-up form being built; a program's 往期成果 from the
// card's figures, a session's place from the map or the device. 查看 (or a 403) makes it read-only.
import { useCallback, useEffect, useRef, useState } from 'react'
import { env } from '@/config/env'
import { storage } from '@/platform'
import { canChooseLocation, chooseLocation, currentLocation, type LocationFailure } from '@/platform/location'
import { taroTransport } from '@/platform/http'
import { ApiError } from '@/services/api'
import { createWorkspaceApi } from '@/services/http/workspace-api'
import type { WorkspacePrograms, WorkspaceProgramsApi, WorkspaceSession } from '@/services/workspace'
import { messageOf, sessionStore, type SessionStore } from '../organizer/session'
import { useWorkspaceLoad } from '../workspace/use-workspace-load'
import type { FieldType, FormField } from '@/domain/types'
import { formBody, moveField as moved, newField } from './form-builder'
import {
  dayBefore,
  emptyProgram,
  emptySession,
  placeText,
  programBody,
  programValues,
  sessionBody,
  sessionValues,
  SESSION_FIELD_ROW,
  toggleFigure as toggled,
  type ProgramValues,
  type SessionValues,
} from './session-form'

/** Messages by form row; `form` is one that names no row. */
export type FieldErrors = Record<string, string>

export type Editor =
  | { kind: 'program'; programId?: string; values: ProgramValues; errors: FieldErrors; busy: boolean }
  | {
      kind: 'session'
      programId: string
      session?: WorkspaceSession
      values: SessionValues
      /** She changed the deadline herself: a new date no longer moves it. */
      deadlineTouched: boolean
      errors: FieldErrors
      busy: boolean
      /** The map or the device is being asked for a place. */
      locating?: boolean
      /** Why no place came back (refused, unavailable); nothing when she closed the map herself. */
      locationNote?: string
    }
  | null

export type Confirm =
  | { kind: 'cancel'; session: WorkspaceSession; reason: string; asked: boolean; error?: string; busy: boolean }
  | { kind: 'delete'; session: WorkspaceSession; error?: string; busy: boolean }
  | null

/** The sign-up form being built for one program. */
export type FormEditor = { programId: string; fields: FormField[]; error?: string; busy: boolean } | null

export const READ_ONLY_MESSAGE = '你的角色是「查看」：可以看项目和场次，不能修改。'
export const REASON_REQUIRED = '请填写取消原因，报名的人会看到'
export const WAITLIST_NOTE = '候补的人会按报名先后自动补上'
export const LOCATION_DENIED = '没有得到定位权限。可以在手机或浏览器的设置里允许定位，也可以直接填写纬度和经度。'
export const LOCATION_UNAVAILABLE = '现在没能取得位置，请稍后再试，也可以直接填写纬度和经度。'
export const MAP_UNAVAILABLE = '地图没能打开，请稍后再试，也可以直接填写纬度和经度。'

export interface ProgramsDeps {
  /** null when the app runs on its built-in data: there is no server to ask. */
  api: WorkspaceProgramsApi | null
  session: SessionStore
}

const defaultApi = env.apiBase ? createWorkspaceApi({ base: env.apiBase, transport: taroTransport }) : null

/** The rows a form shows a message under; any other field's message goes to the whole form. */
const PROGRAM_ROWS = ['title', 'topic', 'summary', 'audience', 'figureIds']
const SESSION_ROWS = [
  'title',
  'date',
  'endTime',
  'deadlineDate',
  'opensDate',
  'online',
  'place',
  'joinInfo',
  'capacity',
  'contactPhone',
  'latitude',
  'longitude',
  'holdHours',
]

/** The server's message under the row it names; the whole form's when it names none it shows. */
function errorsOf(e: unknown, shown: string[], rows: Record<string, string> = {}): FieldErrors {
  const message = messageOf(e)
  const field = e instanceof ApiError && e.field ? (rows[e.field] ?? e.field) : ''
  return { [shown.includes(field) ? field : 'form']: message }
}

export function usePrograms(options: Partial<ProgramsDeps> = {}) {
  const api = options.api === undefined ? defaultApi : options.api
  const session = useRef(options.session ?? sessionStore(storage)).current
  const { kept, token, load, setLoad, alive, readOnly, ended } = useWorkspaceLoad(session)

  const [data, setData] = useState<WorkspacePrograms | null>(null)
  const [editor, setEditor] = useState<Editor>(null)
  const [confirm, setConfirm] = useState<Confirm>(null)
  const [notice, setNotice] = useState('')
  const [formEditor, setFormEditor] = useState<FormEditor>(null)

  const reload = useCallback(async () => {
    if (!api || !kept) return
    setLoad({ step: 'loading' })
    try {
      const got = await api.programs(token)
      if (!alive.current) return
      setData(got)
      setLoad({ step: 'ready' })
    } catch (e) {
      if (!alive.current || ended(e)) return
      setLoad({ step: 'error', message: messageOf(e) })
    }
  }, [api, kept, token, alive, setLoad, ended])

  useEffect(() => {
    void reload()
  }, [reload])

  /** Refreshes the list after a change, keeping what is shown if that fails. */
  const refresh = useCallback(async () => {
    if (!api) return
    try {
      const got = await api.programs(token)
      if (alive.current) setData(got)
    } catch (e) {
      ended(e)
    }
  }, [api, token, alive, ended])

  const newProgram = () => {
    setNotice('')
    setEditor({ kind: 'program', values: emptyProgram(), errors: {}, busy: false })
  }
  const editProgram = (programId: string) => {
    const p = data?.programs.find((x) => x.id === programId)
    if (!p) return
    setNotice('')
    setEditor({ kind: 'program', programId, values: programValues(p), errors: {}, busy: false })
  }
  const newSession = (programId: string) => {
    setNotice('')
    setEditor({
      kind: 'session',
      programId,
      values: emptySession(),
      deadlineTouched: false,
      errors: {},
      busy: false,
    })
  }
  const editSession = (s: WorkspaceSession) => {
    setNotice('')
    setEditor({
      kind: 'session',
      programId: s.programId,
      session: s,
      values: sessionValues(s),
      deadlineTouched: true,
      errors: {},
      busy: false,
    })
  }
  const closeEditor = () => setEditor(null)

  const setProgramField = <K extends keyof ProgramValues>(key: K, value: ProgramValues[K]) =>
    setEditor((e) => (e?.kind === 'program' ? { ...e, values: { ...e.values, [key]: value } } : e))

  const toggleFigure = (id: string) =>
    setEditor((e) =>
      e?.kind === 'program' ? { ...e, values: { ...e.values, figureIds: toggled(e.values.figureIds, id) } } : e,
    )

  const setSessionField = <K extends keyof SessionValues>(key: K, value: SessionValues[K]) =>
    setEditor((e) => {
      if (e?.kind !== 'session') return e
      const values = { ...e.values, [key]: value }
      const touched = e.deadlineTouched || key === 'deadlineDate' || key === 'deadlineTime'
      // Until she sets the deadline herself it follows the date: the day before, at 18:00.
      if (key === 'date' && !touched) values.deadlineDate = dayBefore(String(value))
      return { ...e, values, deadlineTouched: touched }
    })

  const saveProgram = async () => {
    if (!api || editor?.kind !== 'program' || editor.busy) return
    const { programId, values } = editor
    setEditor({ ...editor, busy: true, errors: {} })
    try {
      const body = programBody(values)
      const saved = programId ? await api.updateProgram(token, programId, body) : await api.createProgram(token, body)
      if (!alive.current) return
      setEditor(null)
      setNotice(programId ? `已保存项目“${saved.title}”` : `已新建项目“${saved.title}”，可以添加场次了`)
      await refresh()
    } catch (e) {
      if (!alive.current || ended(e)) return
      setEditor((cur) => (cur?.kind === 'program' ? { ...cur, busy: false, errors: errorsOf(e, PROGRAM_ROWS) } : cur))
    }
  }

  /** A place from the map or the device fills the coordinates (and an empty 活动地点) of the form that asked. */
  const locate = async <T extends { latitude: number; longitude: number; name?: string; address?: string }>(
    ask: () => Promise<{ ok: true; value: T } | { ok: false; reason: LocationFailure }>,
    unavailable: string,
  ) => {
    if (editor?.kind !== 'session' || editor.locating) return
    const asking = editor
    setEditor({ ...asking, locating: true, locationNote: undefined })
    const answer = await ask()
    if (!alive.current) return
    setEditor((cur) => {
      // She may have closed this form or opened another while the map was up.
      if (cur?.kind !== 'session' || cur.programId !== asking.programId || cur.session?.id !== asking.session?.id)
        return cur
      if (!answer.ok) {
        const note = { cancelled: undefined, denied: LOCATION_DENIED, unavailable }[answer.reason]
        return { ...cur, locating: false, locationNote: note }
      }
      const { latitude, longitude, name = '', address = '' } = answer.value
      const values = { ...cur.values, latitude: String(latitude), longitude: String(longitude) }
      if (!values.place.trim()) values.place = placeText(name, address)
      const { latitude: _lat, longitude: _lng, ...errors } = cur.errors
      return { ...cur, values, errors, locating: false }
    })
  }
  const pickPlace = () => locate(chooseLocation, MAP_UNAVAILABLE)
  const locateHere = () => locate(currentLocation, LOCATION_UNAVAILABLE)
  const clearLocation = () =>
    setEditor((e) =>
      e?.kind === 'session'
        ? { ...e, values: { ...e.values, latitude: '', longitude: '' }, locationNote: undefined }
        : e,
    )

  const saveSession = async () => {
    if (!api || editor?.kind !== 'session' || editor.busy) return
    const { programId, session: before, values } = editor
    setEditor({ ...editor, busy: true, errors: {} })
    try {
      const body = sessionBody(values)
      const saved = before
        ? await api.changeSession(token, before.id, body)
        : await api.addSession(token, programId, body)
      if (!alive.current) return
      setEditor(null)
      const more = before && saved.capacity > before.capacity && before.waitlisted > 0 ? `，${WAITLIST_NOTE}` : ''
      setNotice(before ? `已保存场次“${saved.title}”${more}` : `已添加场次“${saved.title}”`)
      await refresh()
    } catch (e) {
      if (!alive.current || ended(e)) return
      setEditor((cur) =>
        cur?.kind === 'session' ? { ...cur, busy: false, errors: errorsOf(e, SESSION_ROWS, SESSION_FIELD_ROW) } : cur,
      )
    }
  }

  const askCancel = (s: WorkspaceSession) => {
    setNotice('')
    setConfirm({ kind: 'cancel', session: s, reason: '', asked: false, busy: false })
  }
  const setReason = (reason: string) =>
    setConfirm((c) => (c?.kind === 'cancel' ? { ...c, reason, error: undefined } : c))
  /** First the reason (required), then one more look before the sign-ups are told. */
  const confirmCancel = async () => {
    if (!api || confirm?.kind !== 'cancel' || confirm.busy) return
    const reason = confirm.reason.trim()
    if (!reason) return setConfirm({ ...confirm, asked: false, error: REASON_REQUIRED })
    if (!confirm.asked) return setConfirm({ ...confirm, asked: true, error: undefined })
    setConfirm({ ...confirm, busy: true })
    try {
      const done = await api.cancelSession(token, confirm.session.id, reason)
      if (!alive.current) return
      setConfirm(null)
      setNotice(`已取消场次“${done.title}”`)
      await refresh()
    } catch (e) {
      if (!alive.current || ended(e)) return
      setConfirm((c) => (c?.kind === 'cancel' ? { ...c, busy: false, error: messageOf(e) } : c))
    }
  }

  const askDelete = (s: WorkspaceSession) => {
    setNotice('')
    setConfirm({ kind: 'delete', session: s, busy: false })
  }
  const confirmDelete = async () => {
    if (!api || confirm?.kind !== 'delete' || confirm.busy) return
    setConfirm({ ...confirm, busy: true })
    try {
      await api.deleteSession(token, confirm.session.id)
      if (!alive.current) return
      setConfirm(null)
      setNotice(`已删除场次“${confirm.session.title}”`)
      await refresh()
    } catch (e) {
      if (!alive.current || ended(e)) return
      setConfirm((c) => (c?.kind === 'delete' ? { ...c, busy: false, error: messageOf(e) } : c))
    }
  }
  const closeConfirm = () => setConfirm(null)

  const openForm = (programId: string) => {
    const program = data?.programs.find((x) => x.id === programId)
    if (!program) return
    setNotice('')
    setFormEditor({ programId, fields: program.form.map((f) => ({ ...f })), busy: false })
  }
  const closeForm = () => setFormEditor(null)
  const changeFields = (change: (fields: FormField[]) => FormField[]) =>
    setFormEditor((f) => (f ? { ...f, fields: change(f.fields), error: undefined } : f))
  const addField = (type: FieldType) => changeFields((fields) => [...fields, newField(type, fields)])
  const removeField = (index: number) => changeFields((fields) => fields.filter((_, i) => i !== index))
  const moveField = (index: number, by: number) => changeFields((fields) => moved(fields, index, by))
  const setField = (index: number, change: Partial<FormField>) =>
    changeFields((fields) => fields.map((f, i) => (i === index ? { ...f, ...change } : f)))
  const saveForm = async () => {
    if (!api || !formEditor || formEditor.busy) return
    setFormEditor({ ...formEditor, busy: true, error: undefined })
    try {
      const saved = await api.saveForm(token, formEditor.programId, formBody(formEditor.fields))
      if (!alive.current) return
      setFormEditor(null)
      setNotice(`已保存“${saved.title}”的报名表`)
      await refresh()
    } catch (e) {
      if (!alive.current || ended(e)) return
      setFormEditor((f) => (f ? { ...f, busy: false, error: messageOf(e) } : f))
    }
  }

  return {
    connected: api !== null,
    load,
    data,
    readOnly,
    editor,
    confirm,
    notice,
    reload,
    newProgram,
    editProgram,
    newSession,
    editSession,
    closeEditor,
    setProgramField,
    toggleFigure,
    setSessionField,
    /** Taro's H5 map picker needs the build's map key; without one the page shows no map button. */
    mapAvailable: canChooseLocation(),
    pickPlace,
    locateHere,
    clearLocation,
    saveProgram,
    saveSession,
    askCancel,
    setReason,
    confirmCancel,
    askDelete,
    confirmDelete,
    closeConfirm,
    formEditor,
    openForm,
    closeForm,
    addField,
    removeField,
    moveField,
    setField,
    saveForm,
  }
}

export type ProgramsEditor = ReturnType<typeof usePrograms>
