// The organizer's year-end card on the server: the draft she edits (saved with a revision, so two
// editors never overwrite each other unseen), its publishing and versions, and the provenance checks
// that need the traditional→simplified dictionary, which stays on the server; and its programs, their
// dated sessions and sign-up forms.
import type { CardDraft, NumberCandidate, ScopeSuggestion } from '@/domain/card-shape'
import type { CoverRef } from '@/domain/cover'
import type { PickedImage } from '@/platform/types'
import type { SignupStatus } from '@/domain/signup-rules'
import type { CheckinResult } from '@/domain/tickets'
import type { Figure, FormField, Topic } from '@/domain/types'
import { ApiError } from './api'

export interface WorkspaceCard {
  federation: { id: string; name: string }
  draft: CardDraft
  revision: number
  published: boolean
  publishedAt?: string
  publishedVersion?: number
  updatedAt?: string
  updatedBy?: { id: number; displayName: string }
}

export interface CardVersion {
  version: number
  publishedAt: string
  publishedBy: { id: number; displayName: string }
  /** Set when this version republished an older one. */
  restoredFrom?: number
}

export interface CardProblem {
  /** The draft's field at fault: "color", "figures[2].value". */
  field: string
  message: string
}

export type FigureCheckAnswer = { ok: true; quote: string; scope: ScopeSuggestion } | { ok: false; message: string }

/** 409: another save reached the server first; hers was not stored there. */
export class StaleDraftError extends ApiError {
  constructor(message: string) {
    super('unknown', message)
    this.name = 'StaleDraftError'
  }
}

/** 400 on publish: every problem that keeps the card from the public, each naming its field. */
export class CardProblemsError extends ApiError {
  constructor(
    message: string,
    readonly problems: CardProblem[],
    field?: string,
  ) {
    super('invalid', message, field)
    this.name = 'CardProblemsError'
  }
}

export interface WorkspaceApi {
  card(token: string): Promise<WorkspaceCard>
  saveDraft(token: string, draft: CardDraft, revision: number): Promise<{ revision: number; savedAt: string }>
  publish(token: string, revision: number): Promise<{ version: number; publishedAt: string }>
  unpublish(token: string): Promise<{ published: false }>
  versions(token: string): Promise<CardVersion[]>
  restore(token: string, version: number): Promise<{ version: number; publishedAt: string }>
  candidates(token: string, text: string): Promise<NumberCandidate[]>
  checkFigure(token: string, text: string, value: string, unit: string): Promise<FigureCheckAnswer>
  /** Her federation's cover image (server mode only): null when it has none. */
  cover(token: string): Promise<CoverRef | null>
  /** Sends the photo; the server checks it, makes it again and answers the new reference. */
  uploadCover(token: string, image: PickedImage, onProgress?: (fraction: number) => void): Promise<CoverRef>
  removeCover(token: string): Promise<void>
}

/** A session as the workspace lists it: Beijing times as ISO instants, with its sign-up counts. */
export interface WorkspaceSession {
  id: string
  programId: string
  title: string
  start: string
  end: string
  deadline: string
  opensAt: string | null
  online: boolean
  place: string | null
  joinInfo: string | null
  latitude: number | null
  longitude: number | null
  contactPhone: string | null
  capacity: number
  /** Hours a woman promoted from the waitlist has to confirm; null: no confirming (server mode). */
  holdHours?: number | null
  /** Seats the demo data counts as taken (demo sessions only). */
  demoTaken: number
  confirmed: number
  waitlisted: number
  cancelledSignups: number
  status: 'open' | 'cancelled'
  cancelReason: string | null
  version: number
  demo: boolean
}

export interface WorkspaceProgram {
  id: string
  title: string
  topic: Topic
  summary: string
  audience: string
  figureIds: string[]
  takesSignups: boolean
  demo: boolean
  form: FormField[]
  formVersion: number | null
  counts: { confirmed: number; waitlisted: number; cancelled: number }
  sessions: WorkspaceSession[]
}

/** A figure of the federation's card, as a program's 往期成果 shows it. */
export type CardFigure = Pick<Figure, 'id' | 'label' | 'value' | 'unit' | 'scope' | 'scopeLabel'>

export interface WorkspacePrograms {
  federation: { id: string; name: string }
  /** The figures of the card as last published: the only ones a program may show (the server checks). */
  figures: CardFigure[]
  programs: WorkspaceProgram[]
}

/** What a new or changed program sends; the server checks every field. */
export interface ProgramBody {
  title: string
  topic: string
  summary: string
  audience: string
  figureIds?: string[]
}

/**
 * What a new or changed session sends: times as "2026-12-05 14:00" (Beijing). Values are sent as
 * typed when they are not what the server expects, so its Chinese message names the field.
 */
export interface SessionBody {
  title: string
  startsAt: string
  endsAt: string
  deadlineAt: string
  opensAt: string | null
  online: boolean
  place: string | null
  joinInfo: string | null
  latitude: number | string | null
  longitude: number | string | null
  capacity: number | string
  contactPhone: string | null
  /** Hours a woman promoted from the waitlist has to confirm; null: no confirming. */
  holdHours?: number | null
}

export interface WorkspaceProgramsApi {
  programs(token: string): Promise<WorkspacePrograms>
  createProgram(token: string, body: ProgramBody): Promise<WorkspaceProgram>
  updateProgram(token: string, id: string, body: Partial<ProgramBody>): Promise<WorkspaceProgram>
  saveForm(token: string, id: string, fields: FormField[]): Promise<WorkspaceProgram>
  addSession(token: string, programId: string, body: SessionBody): Promise<WorkspaceSession>
  changeSession(token: string, id: string, body: Partial<SessionBody>): Promise<WorkspaceSession>
  cancelSession(token: string, id: string, reason: string): Promise<WorkspaceSession>
  deleteSession(token: string, id: string): Promise<{ ok: boolean }>
}

/** A session's door: 已报名 (confirmed now), 已签到 (of those), 未到 (the rest). */
export interface CheckinCounts {
  confirmed: number
  checkedIn: number
  absent: number
}

/** The server's answer to a scanned or typed ticket; the mobile comes masked (138****8000). */
export interface CheckinAnswer {
  result: CheckinResult
  signup: { id: string; name: string; mobile: string; sessionTitle: string }
  /** Beijing time, ISO with +08:00: set when she is (or already was) checked in. */
  checkedInAt?: string
  /** The staff member who checked her in, by name. */
  checkedInBy?: string
}

/** A sign-up found by name or the last 4 digits of her mobile. */
export interface CheckinSearchRow {
  id: string
  name: string
  mobile: string
  status: SignupStatus
  /** Her ticket's code, so she can be checked in without her phone; none for a sign-up from before codes. */
  code?: string
  checkedInAt?: string
  checkedInBy?: string
}

/** What the door sends: the QR's token as scanned, or the 6-character code as read out. */
export type CheckinTicket = { token: string } | { code: string }

/** Check-in at the door: every role may use it, 查看 included. */
export interface CheckinApi {
  checkIn(token: string, sessionId: string, ticket: CheckinTicket): Promise<CheckinAnswer>
  /** At most 20 rows, with the session's counts. */
  searchCheckin(
    token: string,
    sessionId: string,
    q: string,
  ): Promise<{ counts: CheckinCounts; rows: CheckinSearchRow[] }>
  checkinCounts(token: string, sessionId: string): Promise<CheckinCounts>
}
