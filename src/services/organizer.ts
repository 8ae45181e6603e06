// The organizer's side of the server: her federation's programs, their rosters (mobiles in
// full) and a CSV export. Only the HTTP implementation exists: the mock has no federation side.
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

export interface OrganizerApi {
  overview(token: string): Promise<OrganizerOverview>
  roster(token: string, programId: string): Promise<Roster>
  /** The roster as CSV text (UTF-8 with BOM) and the file name to save it under. */
  csv(token: string, programId: string): Promise<{ fileName: string; text: string }>
}
