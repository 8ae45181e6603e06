// The door's state: the session's live counts (after each check-in and every 15 s while the page is
// shown), the answer to the last ticket, and the three ways in (the camera, the typed code, a search
// by name or the last 4 digits of her mobile). Every role may check in, 查看 included.
import { useCallback, useEffect, useRef, useState } from 'react'
import { env } from '@/config/env'
import { normalizeTicketCode } from '@/domain/tickets'
import { isWeapp, storage } from '@/platform'
import type { taroTransport as TaroTransport } from '@/platform/http'
import { startTicketScanner, type ScanStart } from '@/platform/scan'
import { ApiError } from '@/services/api'
import type { createWorkspaceApi as CreateWorkspaceApi } from '@/services/http/workspace-api'
import type { CheckinApi, CheckinCounts, CheckinSearchRow, CheckinTicket } from '@/services/workspace'
import { clock } from '@/shared/clock'
import { messageOf, sessionStore, type SessionStore } from '../organizer/session'
import { useWorkspaceLoad } from '../workspace/use-workspace-load'
import { answerView, codeInputText, problemView, repeatGuard, TICKET_NOT_FOUND, type AnswerView } from './answer'

export const COUNTS_EVERY_MS = 15_000
export const CAMERA_HOST_ID = 'checkin-camera'

export const NO_SESSION = '没有指定场次，请从组织者页面的场次进入现场签到'
export const CODE_INVALID = '入场码是6位字母和数字（没有0、O、1、I、L），请核对后再输入'
export const QUERY_EMPTY = '请输入姓名，或手机号后4位'
export const NOBODY_FOUND = '没有找到这个人的报名'
// The camera is the browser's on H5 and WeChat's in the mini-program: she allows it there.
export const CAMERA_DENIED = isWeapp
  ? '没有得到摄像头权限。可以在手机的系统设置里允许微信使用摄像头；现在也可以输入入场码或搜索姓名签到。'
  : '没有得到摄像头权限。可以在浏览器设置里允许使用摄像头；现在也可以输入入场码或搜索姓名签到。'
export const CAMERA_UNAVAILABLE = '这台设备没能打开摄像头。请输入入场码或搜索姓名签到。'

export type Camera = 'off' | 'starting' | 'on' | 'denied' | 'unavailable'

export type Scanner = (hostId: string, onText: (text: string) => void) => Promise<ScanStart>

export interface CheckinDeps {
  /** null when the app runs on its built-in data: there is no server to ask. */
  api: CheckinApi | null
  session: SessionStore
  scanner: Scanner
}

function serverApi(): CheckinApi | null {
  // Read literally, so the build sees a constant, and required, not imported: a build on the
  // built-in data bundles no HTTP client here, nor keeps any of it in the main package.
  if (process.env.TARO_APP_API_BASE) {
    // Member access, not destructuring: webpack then keeps only this export of a module the main
    // package shares.
    const taroTransport = (require('@/platform/http') as { taroTransport: typeof TaroTransport }).taroTransport
    const { createWorkspaceApi } = require('@/services/http/workspace-api') as {
      createWorkspaceApi: typeof CreateWorkspaceApi
    }
    return createWorkspaceApi({ base: env.apiBase, transport: taroTransport })
  }
  return null
}

const defaultApi = serverApi()

export function useCheckin(sessionId: string, options: Partial<CheckinDeps> = {}) {
  const api = options.api === undefined ? defaultApi : options.api
  const scanner = options.scanner ?? startTicketScanner
  const session = useRef(options.session ?? sessionStore(storage)).current
  const { kept, token, load, setLoad, alive, ended } = useWorkspaceLoad(session)

  const [counts, setCounts] = useState<CheckinCounts | null>(null)
  const [answer, setAnswer] = useState<AnswerView | null>(null)
  const [busy, setBusy] = useState(false)
  const [code, setCodeText] = useState('')
  const [codeError, setCodeError] = useState('')
  const [query, setQuery] = useState('')
  const [rows, setRows] = useState<CheckinSearchRow[] | null>(null)
  const [searchError, setSearchError] = useState('')
  const [camera, setCamera] = useState<Camera>('off')
  const [shown, setShown] = useState(true)

  const shownNow = useRef(true)
  const stopCamera = useRef<(() => void) | null>(null)
  const cameraRun = useRef(0)
  /** Only the latest ticket's answer is shown, whichever answer comes back last. */
  const sent = useRef(0)
  /** The query whose rows are shown, searched again after a check-in so a row shows 已签到. */
  const searched = useRef('')
  const fresh = useRef(repeatGuard(() => clock.now().getTime())).current

  const refreshCounts = useCallback(async () => {
    if (!api || !kept || !sessionId) return
    try {
      const got = await api.checkinCounts(token, sessionId)
      if (!alive.current) return
      setCounts(got)
      setLoad({ step: 'ready' })
    } catch (e) {
      if (!alive.current || ended(e)) return
      // Once the page is up, a missed refresh keeps the last counts; the next one will try again.
      setLoad((l) => (l.step === 'ready' ? l : { step: 'error', message: messageOf(e) }))
    }
  }, [api, kept, token, sessionId, alive, ended, setLoad])

  const retry = useCallback(() => {
    if (!sessionId) return
    setLoad({ step: 'loading' })
    void refreshCounts()
  }, [sessionId, setLoad, refreshCounts])

  useEffect(() => {
    if (!sessionId) {
      if (kept) setLoad({ step: 'error', message: NO_SESSION })
      return
    }
    void refreshCounts()
  }, [sessionId, kept, setLoad, refreshCounts])

  useEffect(() => {
    if (!shown || load.step !== 'ready') return undefined
    const timer = setInterval(() => void refreshCounts(), COUNTS_EVERY_MS)
    return () => clearInterval(timer)
  }, [shown, load.step, refreshCounts])

  const runSearch = useCallback(
    async (q: string) => {
      if (!api) return
      try {
        const got = await api.searchCheckin(token, sessionId, q)
        if (!alive.current) return
        searched.current = q
        setRows(got.rows)
        setCounts(got.counts)
        setSearchError(got.rows.length ? '' : NOBODY_FOUND)
      } catch (e) {
        if (!alive.current || ended(e)) return
        setSearchError(messageOf(e))
      }
    },
    [api, token, sessionId, alive, ended],
  )

  /** Sends one ticket; true when the server answered (whatever it said). */
  const send = useCallback(
    async (ticket: CheckinTicket): Promise<boolean> => {
      if (!api || !sessionId) return false
      const mine = ++sent.current
      setBusy(true)
      try {
        const got = await api.checkIn(token, sessionId, ticket)
        if (!alive.current || mine !== sent.current) return true
        setAnswer(answerView(got, clock.now()))
        void refreshCounts()
        if (searched.current) void runSearch(searched.current)
        return true
      } catch (e) {
        if (!alive.current || ended(e) || mine !== sent.current) return false
        const unknown = e instanceof ApiError && e.code === 'not_found'
        setAnswer(problemView(unknown ? e.message || TICKET_NOT_FOUND : messageOf(e)))
        return false
      } finally {
        if (alive.current && mine === sent.current) setBusy(false)
      }
    },
    [api, token, sessionId, alive, ended, refreshCounts, runSearch],
  )

  const setCode = useCallback((raw: string) => {
    setCodeText(codeInputText(raw))
    setCodeError('')
  }, [])

  const submitCode = useCallback(async () => {
    const normalized = normalizeTicketCode(code)
    if (!normalized) {
      setCodeError(CODE_INVALID)
      return
    }
    setCodeError('')
    if (await send({ code: normalized })) setCodeText('')
  }, [code, send])

  const search = useCallback(async () => {
    const q = query.trim()
    if (!q) {
      setSearchError(QUERY_EMPTY)
      return
    }
    setSearchError('')
    await runSearch(q)
  }, [query, runSearch])

  const checkInRow = useCallback(
    async (row: CheckinSearchRow) => {
      if (row.code) await send({ code: row.code })
    },
    [send],
  )

  const onScanned = useCallback(
    (text: string) => {
      const t = text.trim()
      if (t && fresh(t)) void send({ token: t })
    },
    [fresh, send],
  )

  const closeCamera = useCallback(() => {
    // A camera still starting is let go as soon as it has started.
    cameraRun.current++
    stopCamera.current?.()
    stopCamera.current = null
    setCamera((c) => (c === 'on' || c === 'starting' ? 'off' : c))
  }, [])

  const openCamera = useCallback(async () => {
    const run = ++cameraRun.current
    setCamera('starting')
    const started = await scanner(CAMERA_HOST_ID, onScanned)
    if (!alive.current || run !== cameraRun.current) {
      if (started.ok) started.stop()
      return
    }
    if (!started.ok) {
      setCamera(started.reason)
      return
    }
    // WeChat's scanner reads one code and closes by itself.
    if (!started.live) {
      setCamera('off')
      return
    }
    stopCamera.current = started.stop
    setCamera('on')
  }, [scanner, onScanned, alive])

  // The camera is let go when the page closes or is hidden.
  useEffect(() => () => stopCamera.current?.(), [])
  const show = useCallback(
    (visible: boolean) => {
      // Back from elsewhere: the counts may have moved while the page was hidden.
      if (visible && !shownNow.current) void refreshCounts()
      shownNow.current = visible
      setShown(visible)
      if (!visible) closeCamera()
    },
    [refreshCounts, closeCamera],
  )

  return {
    connected: api !== null,
    load,
    retry,
    counts,
    answer,
    busy,
    code,
    codeError,
    setCode,
    submitCode,
    query,
    setQuery,
    search,
    rows,
    searchError,
    checkInRow,
    camera,
    openCamera,
    closeCamera,
    show,
    role: kept?.account.role,
  }
}

export type Checkin = ReturnType<typeof useCheckin>
