// The organizer page's state: her login (kept on the phone), the programs and rosters of her
// federation, and for 管理员 the staff and the audit log. Any 401 ends the session and shows the
// login screen with “登录已过期，请重新登录”.
import { useCallback, useEffect, useRef, useState } from 'react'
import { env } from '@/config/env'
import { passwordProblem, type Role } from '@/domain/roles'
import { storage } from '@/platform'
import type { taroTransport as TaroTransport } from '@/platform/http'
import { downloadText, h5Url, shareLink } from '@/platform/media'
import type { createOrganizerApi as CreateOrganizerApi } from '@/services/http/organizer-api'
import type {
  AuditEntry,
  OrganizerAccount,
  OrganizerApi,
  OrganizerOverview,
  Roster,
  StaffMember,
} from '@/services/organizer'
import { EXPIRED_MESSAGE, messageOf, sessionEnded, sessionStore, type SessionStore } from './session'

export type Tab = 'programs' | 'staff' | 'audit' | 'account'

export type Phase =
  | { step: 'checking' }
  | { step: 'login'; busy: boolean; error?: string }
  | { step: 'accept'; invitation: string; busy: boolean; error?: string }
  | { step: 'password'; forced: boolean; busy: boolean; error?: string }
  | { step: 'programs'; overview?: OrganizerOverview; error?: string }
  | { step: 'roster'; overview: OrganizerOverview; roster?: Roster; error?: string }
  | { step: 'staff'; staff?: StaffMember[]; error?: string }
  | { step: 'audit'; entries?: AuditEntry[]; nextBefore: number | null; error?: string }

export interface Form {
  login: string
  password: string
  displayName: string
  current: string
  next: string
  again: string
}

const EMPTY: Form = { login: '', password: '', displayName: '', current: '', next: '', again: '' }

export interface OrganizerDeps {
  /** null when the app runs on its built-in data: there is no server to ask. */
  api: OrganizerApi | null
  store: SessionStore
  /** The invitation token from the page's `?invite=`. */
  invitation?: string
}

function serverApi(): OrganizerApi | null {
  // Read literally, so the build sees a constant, and required, not imported: a build on the
  // built-in data bundles no HTTP client here, nor keeps any of it in the main package.
  if (process.env.TARO_APP_API_BASE) {
    // Member access, not destructuring: webpack then keeps only this export of a module the main
    // package shares.
    const taroTransport = (require('@/platform/http') as { taroTransport: typeof TaroTransport }).taroTransport
    const { createOrganizerApi } = require('@/services/http/organizer-api') as {
      createOrganizerApi: typeof CreateOrganizerApi
    }
    return createOrganizerApi({ base: env.apiBase, transport: taroTransport })
  }
  return null
}

const defaultApi = serverApi()

export function useOrganizer(options: Partial<OrganizerDeps> = {}) {
  const api = options.api === undefined ? defaultApi : options.api
  const store = useRef(options.store ?? sessionStore(storage)).current
  const invitation = options.invitation
  const [account, setAccount] = useState<OrganizerAccount | null>(null)
  const token = useRef('')
  const [phase, setPhase] = useState<Phase>(() =>
    invitation ? { step: 'accept', invitation, busy: false } : { step: 'checking' },
  )
  const [form, setForm] = useState<Form>(EMPTY)
  const [notice, setNotice] = useState('')
  const setField = useCallback((field: keyof Form, value: string) => setForm((f) => ({ ...f, [field]: value })), [])

  const signedOut = useCallback(
    (error?: string) => {
      store.clear()
      token.current = ''
      setAccount(null)
      setNotice('')
      setForm(EMPTY)
      setPhase({ step: 'login', busy: false, error })
    },
    [store],
  )

  /** Runs a call with her token; a 401 ends the session, anything else goes to `fail`. */
  const withSession = useCallback(
    async <T>(run: (t: string) => Promise<T>, fail: (message: string) => void): Promise<T | undefined> => {
      try {
        return await run(token.current)
      } catch (e) {
        if (sessionEnded(e)) signedOut(EXPIRED_MESSAGE)
        else fail(messageOf(e))
        return undefined
      }
    },
    [signedOut],
  )

  const showPrograms = useCallback(async () => {
    if (!api) return
    setNotice('')
    setPhase({ step: 'programs' })
    const overview = await withSession(
      (t) => api.overview(t),
      (error) => setPhase({ step: 'programs', error }),
    )
    if (overview) setPhase({ step: 'programs', overview })
  }, [api, withSession])

  const enter = useCallback(
    (session: { token: string; account: OrganizerAccount; mustChangePassword: boolean }) => {
      token.current = session.token
      store.write(session)
      setAccount(session.account)
      setForm(EMPTY)
      if (session.mustChangePassword) setPhase({ step: 'password', forced: true, busy: false })
      else void showPrograms()
    },
    [store, showPrograms],
  )

  // A login kept from before: checked with the server before anything is shown.
  useEffect(() => {
    if (!api || invitation) return
    const kept = store.read()
    if (!kept) return setPhase({ step: 'login', busy: false })
    token.current = kept.token
    setAccount(kept.account)
    void withSession(
      (t) => api.me(t),
      (error) => setPhase({ step: 'programs', error }),
    ).then((me) => {
      if (me) enter({ token: kept.token, ...me })
    })
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const signIn = useCallback(async () => {
    if (!api) return
    if (!form.login.trim() || !form.password) {
      return setPhase({ step: 'login', busy: false, error: '请填写账号和密码' })
    }
    setPhase({ step: 'login', busy: true })
    try {
      enter(await api.login(form.login, form.password))
    } catch (e) {
      setForm((f) => ({ ...f, password: '' }))
      setPhase({ step: 'login', busy: false, error: messageOf(e) })
    }
  }, [api, form, enter])

  const accept = useCallback(async () => {
    if (!api || !invitation) return
    const fail = (error: string) => setPhase({ step: 'accept', invitation, busy: false, error })
    if (!form.login.trim() || !form.displayName.trim()) return fail('请填写账号名和姓名')
    const problem = passwordProblem(form.next, form.login)
    if (problem) return fail(problem)
    if (form.next !== form.again) return fail('两次输入的密码不一样')
    setPhase({ step: 'accept', invitation, busy: true })
    try {
      enter(
        await api.acceptInvitation(invitation, {
          login: form.login,
          displayName: form.displayName,
          password: form.next,
        }),
      )
    } catch (e) {
      fail(messageOf(e))
    }
  }, [api, invitation, form, enter])

  const changePassword = useCallback(
    async (forced: boolean) => {
      if (!api) return
      const fail = (error: string) => setPhase({ step: 'password', forced, busy: false, error })
      if (!form.current) return fail(forced ? '请填写管理员给你的临时密码' : '请填写当前密码')
      const problem = passwordProblem(form.next, account?.login)
      if (problem) return fail(problem)
      if (form.next !== form.again) return fail('两次输入的新密码不一样')
      setPhase({ step: 'password', forced, busy: true })
      const done = await withSession((t) => api.changePassword(t, form.current, form.next).then(() => true), fail)
      if (done) {
        setForm(EMPTY)
        await showPrograms()
        setNotice('密码已修改')
      }
    },
    [api, form, account, withSession, showPrograms],
  )

  const openRoster = useCallback(
    async (overview: OrganizerOverview, programId: string) => {
      if (!api) return
      setNotice('')
      setPhase({ step: 'roster', overview })
      const roster = await withSession(
        (t) => api.roster(t, programId),
        (error) => setPhase({ step: 'roster', overview, error }),
      )
      if (roster) setPhase({ step: 'roster', overview, roster })
    },
    [api, withSession],
  )

  const downloadCsv = useCallback(
    async (programId: string) => {
      if (!api) return
      const file = await withSession((t) => api.csv(t, programId), setNotice)
      if (file) {
        const saved = downloadText(file.text, file.fileName, 'text/csv;charset=utf-8')
        setNotice(saved ? `已下载 ${file.fileName}` : '这个环境不能下载文件')
      }
    },
    [api, withSession],
  )

  const showStaff = useCallback(async () => {
    if (!api) return
    setPhase((p) => ({ step: 'staff', staff: p.step === 'staff' ? p.staff : undefined }))
    const staff = await withSession(
      (t) => api.staff(t),
      (error) => setPhase({ step: 'staff', error }),
    )
    if (staff) setPhase({ step: 'staff', staff })
  }, [api, withSession])

  const invite = useCallback(
    async (role: Role) => {
      if (!api) return
      setNotice('')
      const made = await withSession((t) => api.invite(t, role), setNotice)
      if (!made) return
      const link = h5Url(made.path, env.h5Origin) || made.path
      const copied = await shareLink('巾帼年终盘点 · 组织者邀请', link)
      setNotice(`${copied === 'copied' ? '邀请链接已复制' : '邀请链接'}（7天内有效，只能用一次）：${link}`)
    },
    [api, withSession],
  )

  /** Runs a change to a member, then shows the list again with the result. */
  const changeMember = useCallback(
    async (run: (a: OrganizerApi, t: string) => Promise<unknown>, done: (result: unknown) => string) => {
      if (!api) return
      setNotice('')
      const result = await withSession((t) => run(api, t), setNotice)
      if (result === undefined) return
      await showStaff()
      setNotice(done(result))
    },
    [api, withSession, showStaff],
  )

  const setDisabled = useCallback(
    (m: StaffMember, disabled: boolean) =>
      changeMember(
        (a, t) => a.setDisabled(t, m.id, disabled),
        () => (disabled ? `已停用 ${m.displayName}，她的登录已全部结束` : `已恢复 ${m.displayName}`),
      ),
    [changeMember],
  )

  const setRole = useCallback(
    (m: StaffMember, role: Role) =>
      changeMember(
        (a, t) => a.setRole(t, m.id, role),
        (r) => `${m.displayName} 现在是${(r as StaffMember).roleLabel}`,
      ),
    [changeMember],
  )

  const resetPassword = useCallback(
    (m: StaffMember) =>
      changeMember(
        (a, t) => a.resetPassword(t, m.id),
        (r) =>
          `${m.displayName} 的临时密码：${(r as { temporaryPassword: string }).temporaryPassword}（只显示这一次，请当面或电话告诉她；她登录后要先改密码）`,
      ),
    [changeMember],
  )

  const showAudit = useCallback(
    async (more = false) => {
      if (!api) return
      const previous = more && phase.step === 'audit' ? phase : undefined
      if (!previous) setPhase({ step: 'audit', nextBefore: null })
      const page = await withSession(
        (t) => api.audit(t, previous?.nextBefore ?? undefined),
        (error) => setPhase({ step: 'audit', entries: previous?.entries, nextBefore: null, error }),
      )
      if (page) {
        setPhase({
          step: 'audit',
          entries: [...(previous?.entries ?? []), ...page.entries],
          nextBefore: page.nextBefore,
        })
      }
    },
    [api, phase, withSession],
  )

  const showTab = useCallback(
    (tab: Tab) => {
      setNotice('')
      if (tab === 'programs') void showPrograms()
      else if (tab === 'staff') void showStaff()
      else if (tab === 'audit') void showAudit()
      else setPhase({ step: 'password', forced: false, busy: false })
    },
    [showPrograms, showStaff, showAudit],
  )

  const back = useCallback((overview: OrganizerOverview) => setPhase({ step: 'programs', overview }), [])

  /**
   * Back on this page from the programs page or the card editor: the counts and the list of programs
   * are read again, quietly (the list on screen stays until the new one arrives).
   */
  const refresh = useCallback(async () => {
    if (!api || !token.current || phase.step !== 'programs' || !phase.overview) return
    const overview = await withSession((t) => api.overview(t), setNotice)
    if (overview) setPhase((p) => (p.step === 'programs' && p.overview ? { step: 'programs', overview } : p))
  }, [api, withSession, phase])

  const signOut = useCallback(async () => {
    const t = token.current
    signedOut()
    // Ended on the server too; if that fails, the token is gone from the phone all the same.
    if (api && t) await api.logout(t).catch(() => undefined)
  }, [api, signedOut])

  return {
    connected: api !== null,
    account,
    phase,
    form,
    setField,
    notice,
    signIn,
    accept,
    changePassword,
    openRoster,
    downloadCsv,
    showTab,
    invite,
    setDisabled,
    setRole,
    resetPassword,
    showAudit,
    back,
    refresh,
    signOut,
  }
}
