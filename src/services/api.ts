// The data boundary: everything the app can ask, independent of where the answers come from.

import type { CardFilter, CardPage } from '@/domain/filters'
import type { OpenSessionFilter, OpenSessionPage } from '@/domain/open-sessions'
export type { CardFilter, CardPage } from '@/domain/filters'
export type { OpenSession, OpenSessionFilter, OpenSessionPage } from '@/domain/open-sessions'

import type { FederationReport, ProgramDetail } from '@/domain/views'
export type { FederationReport, ProgramDetail, ProgramListing, ReportCard } from '@/domain/views'

import type { Answers } from '@/domain/validation'
export type { AnswerValue, Answers } from '@/domain/validation'

export interface SignupRequest {
  programId: string
  sessionId: string
  answers: Answers
  /** She ticked 同意《隐私说明》: no sign-up is stored without it. */
  consent: true
  /** Same key, same sign-up: a retried or double-tapped submit never books twice. */
  idempotencyKey: string
  /**
   * Mini-program only: the subscribe-message templates she accepted in the tap that sent this
   * (domain/subscriptions.ts). The server spends one per message; the built-in data sends none.
   */
  subscribed?: SubscribeTopic[]
}

import type { SignupStatus } from '@/domain/signup-rules'
import type { SubscribeTopic } from '@/domain/subscriptions'
export type { SignupStatus } from '@/domain/signup-rules'

export interface Signup {
  id: string
  programId: string
  programTitle: string
  federationName: string
  sessionId: string
  sessionTitle: string
  sessionStart: string
  /** The session's end (server mode): the calendar entry lasts until then. */
  sessionEnd?: string
  online: boolean
  place?: string
  /** Where the session is on a map (GCJ-02, server mode), for 导航. */
  latitude?: number
  longitude?: number
  /** Whom to call about the session (server mode), for 打电话. */
  contactPhone?: string
  status: SignupStatus
  /** Made for a demo session: every screen showing it says it is not a real event. */
  demo: boolean
  /** 1-based place in the waitlist, while waitlisted. */
  waitlistPosition?: number
  /** The session's time or place changed after she signed up (server mode): shown as 已变更. */
  sessionChanged?: true
  /** The session was called off (server mode): shown as 场次已取消, with the reason. */
  sessionCancelled?: { reason: string }
  /** Promoted into a seat she must confirm before this time (server mode, a session with a hold window): 确认参加. */
  holdUntil?: string
  /** She did not confirm in time and the seat went to the next (server mode). */
  holdExpired?: true
  /** Moved up from the waitlist into a seat (server mode): shown as 已转正 while it stands. */
  promoted?: true
  name: string
  mobile: string
  createdAt: string
  /**
   * Her e-ticket (server mode, 我的报名 only): present while confirmed; waitlisted and cancelled have
   * none. The server gives one to a held seat too; the app shows it only once she has confirmed.
   */
  ticket?: SignupTicket
}

/** An e-ticket: the QR's content `t1.<signupId>.<mac>` and the 6-character code to read out at the door. */
export interface SignupTicket {
  token: string
  code: string
}

/** Every kind of failure, from the mock, the server (`{ error: { code } }`) or the phone itself. */
export const API_ERROR_CODES = [
  'not_found',
  'closed',
  'duplicate',
  'invalid',
  'unauthorized',
  'forbidden',
  'too_large',
  'rate_limited',
  'busy',
  'verify_required',
  'limit',
  'network',
  'storage',
  'unknown',
] as const
export type ApiErrorCode = (typeof API_ERROR_CODES)[number]

/** What a phone is told when it books without a verified mobile (401 `verify_required`), should the server not say. */
export const VERIFY_REQUIRED_MESSAGE = '请先验证手机号再报名'

/** Every failure the app shows carries a plain Chinese message. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

/** The article a published report was checked against, as the server keeps it. */
export interface ReportSource {
  federationId: string
  name: string
  text: string
}

/** The person this phone has verified (server mode, H5): her mobile masked (138****8000), and until when. */
export interface VerifiedBooker {
  mobile: string
  expiresAt: string
}

/** A code is on its way: when she may ask again, and how long it is good for. */
export interface CodeSent {
  resendAfterSeconds: number
  expiresInSeconds: number
}

/**
 * Verifying her mobile by SMS before the first booking, so no one grabs seats with made-up numbers.
 * Only H5 with a server has it: the built-in data books on the phone, and in the mini-program
 * WeChat's login already proves who she is.
 */
export interface MobileVerification {
  /** The verified person kept on this phone, or null (never verified, or 30 days have passed). */
  verified(): VerifiedBooker | null
  sendCode(mobile: string): Promise<CodeSent>
  /** Checks the code from the SMS; once right, the phone keeps the proof and every submit carries it. */
  checkCode(mobile: string, code: string): Promise<VerifiedBooker>
}

export interface Api {
  /**
   * One page of the feed's cards (12), newest year first, then region code: `cursor` is the
   * previous page's `next`, absent for the first; `next` is null after the last page.
   */
  listCards(filter?: CardFilter, cursor?: string | null): Promise<CardPage>
  /**
   * 可报名的培训: one page of the sessions taking sign-ups (or waitlist entries) now, across every
   * federation, soonest deadline first, narrowed by region code and topic.
   */
  listOpenSessions(filter?: OpenSessionFilter, cursor?: string | null): Promise<OpenSessionPage>
  getReport(federationId: string): Promise<FederationReport>
  getProgram(programId: string): Promise<ProgramDetail>
  submitSignup(request: SignupRequest): Promise<Signup>
  listMySignups(): Promise<Signup[]>
  cancelSignup(signupId: string): Promise<Signup>
  /**
   * 确认参加: she takes the seat held for her since she was promoted (a session with a hold window),
   * before `holdUntil`. A seat with no hold comes back as it is; a passed-on one is `closed`.
   */
  confirmSignup(signupId: string): Promise<Signup>
  /** Deletes every sign-up this client made (我的报名 → 删除我的全部数据). */
  deleteMyData(): Promise<void>
  /**
   * The article behind a report. Only the server keeps the articles (the app bundle carries none),
   * so the built-in data has no such method and the report offers no 查看原文.
   */
  getSource?(federationId: string): Promise<ReportSource>
  /** Present only where booking needs a verified mobile first (H5 with a server). */
  verification?: MobileVerification
}
