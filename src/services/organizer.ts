// The organizer's side of the server: her account and session, her federation's programs, their
// rosters (mobiles in full), a CSV export, and for 管理员 the staff and the audit log. Only the
// HTTP implementation exists: the mock has no federation side.
import type { Role } from '@/domain/roles'
import type { SignupStatus } from '@/domain/signup-rules'

export interface RosterRow {
  id: string
  sessionId: string
  sessionTitle: string
  sessionStart: string
  status: SignupStatus
  waitlistPosition?: number
  name: string
  mobile: string
  createdAt: string
  /** Form answers other than name, mobile and session, by field label, as text. */
  extra: Array<{ label: string; value: string }>
  /** 签到时间 (Beijing, ISO) and who checked her in: absent until she arrives. */
  checkedInAt?: string
  checkedInBy?: string
}

export interface OrganizerProgram {
  id: string
  title: string
  sessions: Array<{ id: string; title: string; start: string; capacity: number; taken: number }>
  confirmed: number
  waitlisted: number
  cancelled: number
}

export interface OrganizerOverview {
  federation: { id: string; name: string }
  programs: OrganizerProgram[]
}

export interface Roster {
  federation: { id: string; name: string }
  program: { id: string; title: string }
  rows: RosterRow[]
}

export interface OrganizerAccount {
  id: number
  login: string
  displayName: string
  role: Role
  federation: { id: string; name: string }
}

/** A login: the bearer token every other call sends, until it ends (then 401 “登录已过期”). */
export interface OrganizerSession {
  token: string
  expiresAt: string
  account: OrganizerAccount
  /** After a reset by the 管理员: nothing else opens until she sets her own password. */
  mustChangePassword: boolean
}

export interface StaffMember {
  id: number
  login: string
  displayName: string
  role: Role
  roleLabel: string
  disabled: boolean
  locked: boolean
  mustChangePassword: boolean
  createdAt: string
  lastSeenAt: string | null
}

export interface Invitation {
  token: string
  /** The organizer page with `?invite=…`: the app makes the full link from it. */
  path: string
  expiresAt: string
}

export interface AuditEntry {
  id: number
  at: string
  action: string
  target: string | null
  detail: Record<string, unknown>
  account: { id: number; login: string; displayName: string } | null
}

export interface OrganizerApi {
  login(login: string, password: string): Promise<OrganizerSession>
  me(token: string): Promise<{ account: OrganizerAccount; mustChangePassword: boolean }>
  logout(token: string): Promise<void>
  changePassword(token: string, current: string, next: string): Promise<void>
  acceptInvitation(
    invitation: string,
    person: { login: string; displayName: string; password: string },
  ): Promise<OrganizerSession>
  staff(token: string): Promise<StaffMember[]>
  invite(token: string, role: Role, note?: string): Promise<Invitation>
  setDisabled(token: string, id: number, disabled: boolean): Promise<StaffMember>
  setRole(token: string, id: number, role: Role): Promise<StaffMember>
  resetPassword(token: string, id: number): Promise<{ temporaryPassword: string }>
  audit(token: string, before?: number): Promise<{ entries: AuditEntry[]; nextBefore: number | null }>
  overview(token: string): Promise<OrganizerOverview>
  roster(token: string, programId: string): Promise<Roster>
  /** The roster as CSV text (UTF-8 with BOM) and the file name to save it under. */
  csv(token: string, programId: string): Promise<{ fileName: string; text: string }>
}
