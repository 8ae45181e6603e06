// The organizer page's state: the token she typed, her federation's programs, the roster open.
import { useCallback, useState } from 'react'
import { env } from '@/config/env'
import { downloadText } from '@/platform/media'
import { taroTransport } from '@/platform/http'
import { createOrganizerApi } from '@/services/http/organizer-api'
import type { OrganizerOverview, Roster } from '@/services/organizer'

const messageOf = (e: unknown) => (e instanceof Error && e.message ? e.message : '没能加载，请稍后再试')

/** null when the app runs on its built-in data: there is no server to ask. */
const organizerApi = env.apiBase ? createOrganizerApi({ base: env.apiBase, transport: taroTransport }) : null

export type Phase =
  | { step: 'token'; busy: boolean; error?: string }
  | { step: 'programs'; overview: OrganizerOverview }
  | { step: 'roster'; overview: OrganizerOverview; roster?: Roster; error?: string }

export function useOrganizer() {
  const [token, setToken] = useState('')
  const [phase, setPhase] = useState<Phase>({ step: 'token', busy: false })
  const [notice, setNotice] = useState('')

  const signIn = useCallback(async () => {
    if (!organizerApi) return
    if (!token.trim()) return setPhase({ step: 'token', busy: false, error: '请填写组织者口令' })
    setPhase({ step: 'token', busy: true })
    try {
      setPhase({ step: 'programs', overview: await organizerApi.overview(token) })
    } catch (e) {
      setPhase({ step: 'token', busy: false, error: messageOf(e) })
    }
  }, [token])

  const openRoster = useCallback(
    async (overview: OrganizerOverview, programId: string) => {
      if (!organizerApi) return
      setNotice('')
      setPhase({ step: 'roster', overview })
      try {
        setPhase({ step: 'roster', overview, roster: await organizerApi.roster(token, programId) })
      } catch (e) {
        setPhase({ step: 'roster', overview, error: messageOf(e) })
      }
    },
    [token],
  )

  const downloadCsv = useCallback(
    async (programId: string) => {
      if (!organizerApi) return
      try {
        const { fileName, text } = await organizerApi.csv(token, programId)
        setNotice(
          downloadText(text, fileName, 'text/csv;charset=utf-8') ? `已下载 ${fileName}` : '这个环境不能下载文件',
        )
      } catch (e) {
        setNotice(messageOf(e))
      }
    },
    [token],
  )

  const back = useCallback((overview: OrganizerOverview) => setPhase({ step: 'programs', overview }), [])
  const signOut = useCallback(() => {
    setToken('')
    setPhase({ step: 'token', busy: false })
  }, [])

  return {
    connected: organizerApi !== null,
    token,
    setToken,
    phase,
    notice,
    signIn,
    openRoster,
    downloadCsv,
    back,
    signOut,
  }
}
