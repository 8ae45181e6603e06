// The organizer Api over HTTP: the session token travels as a bearer header, never in a URL
// (the mini-program's wx.request keeps no cookies, so the same header works in both).
import type { Role } from '@/domain/roles'
import { ApiError } from '../api'
import type {
  AuditEntry,
  Invitation,
  OrganizerAccount,
  OrganizerApi,
  OrganizerOverview,
  OrganizerSession,
  Roster,
  StaffMember,
} from '../organizer'
import { errorFromResponse, type HttpRequest, type Transport } from './http-api'

const OFFLINE = '网络不太好，没能连上服务器，请稍后再试。'
const BOM = '\uFEFF'

export function createOrganizerApi(options: { base: string; transport: Transport }): OrganizerApi {
  const base = options.base.replace(/\/+$/, '')
  const call = async (
    method: HttpRequest['method'],
    path: string,
    token: string | undefined,
    body?: unknown,
    responseType: 'json' | 'text' = 'json',
  ): Promise<unknown> => {
    const header: Record<string, string> = token ? { authorization: `Bearer ${token.trim()}` } : {}
    if (body !== undefined) header['content-type'] = 'application/json'
    let res
    try {
      res = await options.transport({
        url: `${base}${path}`,
        method,
        header,
        timeout: 15000,
        responseType,
        ...(body !== undefined ? { data: body } : {}),
      })
    } catch {
      throw new ApiError('network', OFFLINE)
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      throw errorFromResponse(res.statusCode, typeof res.data === 'string' ? safeJson(res.data) : res.data)
    }
    return res.data
  }
  const get = (token: string, path: string) => call('GET', path, token)
  const post = (token: string | undefined, path: string, body?: unknown) => call('POST', path, token, body ?? {})
  const id = encodeURIComponent
  return {
    login: async (login, password) =>
      (await post(undefined, '/api/auth/login', { login, password })) as OrganizerSession,
    me: async (token) =>
      (await get(token, '/api/auth/me')) as { account: OrganizerAccount; mustChangePassword: boolean },
    async logout(token) {
      await post(token, '/api/auth/logout')
    },
    async changePassword(token, current, next) {
      await post(token, '/api/auth/password', { current, next })
    },
    acceptInvitation: async (invitation, person) =>
      (await post(undefined, `/api/auth/invitations/${id(invitation)}/accept`, person)) as OrganizerSession,
    staff: async (token) => ((await get(token, '/api/workspace/staff')) as { staff: StaffMember[] }).staff,
    invite: async (token, role: Role, note) =>
      (await post(token, '/api/workspace/invitations', note ? { role, note } : { role })) as Invitation,
    setDisabled: async (token, member, disabled) =>
      (await post(token, `/api/workspace/staff/${member}/${disabled ? 'disable' : 'enable'}`)) as StaffMember,
    setRole: async (token, member, role) =>
      (await post(token, `/api/workspace/staff/${member}/role`, { role })) as StaffMember,
    resetPassword: async (token, member) =>
      (await post(token, `/api/workspace/staff/${member}/reset-password`)) as { temporaryPassword: string },
    audit: async (token, before) =>
      (await get(token, `/api/workspace/audit${before ? `?before=${before}` : ''}`)) as {
        entries: AuditEntry[]
        nextBefore: number | null
      },
    overview: async (token) => (await get(token, '/api/organizer/programs')) as OrganizerOverview,
    roster: async (token, programId) => (await get(token, `/api/organizer/programs/${id(programId)}/roster`)) as Roster,
    async csv(token, programId) {
      const text = String(
        await call('GET', `/api/organizer/programs/${id(programId)}/roster.csv`, token, undefined, 'text'),
      )
      // Decoding as text drops the BOM; Excel needs it to read the file as UTF-8.
      return { fileName: `${programId}-报名名单.csv`, text: text.startsWith(BOM) ? text : `${BOM}${text}` }
    },
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
