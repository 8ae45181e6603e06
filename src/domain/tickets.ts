// E-tickets and check-in at the door: the ticket code's alphabet, how a typed code is read, and the
// words for each check-in answer. Pure, so the server and the check-in screen read codes alike.

/** No 0/O, 1/I/L: a code read aloud in a noisy hall, or copied from a phone, has no look-alikes. */
export const TICKET_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const TICKET_CODE_LENGTH = 6

/** 31^6 ≈ 8.9 亿 codes: a session's few hundred sign-ups seldom meet a code already given. */
export const TICKET_CODE_SPACE = TICKET_CODE_ALPHABET.length ** TICKET_CODE_LENGTH

/** The code whose number (0 ≤ n < TICKET_CODE_SPACE) is n, written most significant first. */
export function ticketCodeOf(n: number): string {
  let rest = Math.floor(n) % TICKET_CODE_SPACE
  let code = ''
  for (let i = 0; i < TICKET_CODE_LENGTH; i++) {
    code = TICKET_CODE_ALPHABET[rest % TICKET_CODE_ALPHABET.length] + code
    rest = Math.floor(rest / TICKET_CODE_ALPHABET.length)
  }
  return code
}

/**
 * The code as typed: spaces and dashes dropped, lower case raised. Undefined when what is left
 * cannot be a code (wrong length, or a character the alphabet leaves out), so no query is made.
 */
export function normalizeTicketCode(raw: string): string | undefined {
  const code = raw.replace(/[\s\-_]/g, '').toUpperCase()
  if (code.length !== TICKET_CODE_LENGTH) return undefined
  return [...code].every((c) => TICKET_CODE_ALPHABET.includes(c)) ? code : undefined
}

/** The code as shown on the ticket, in two groups of three (K7M 9QX): easier to read out. */
export function spacedTicketCode(code: string): string {
  return code.length === TICKET_CODE_LENGTH ? `${code.slice(0, 3)} ${code.slice(3)}` : code
}

export const CHECKIN_RESULTS = ['checked_in', 'already', 'wrong_session', 'cancelled', 'waitlisted'] as const
export type CheckinResult = (typeof CHECKIN_RESULTS)[number]

/** What the door's screen says for each answer. */
export const CHECKIN_RESULT_TEXT: Record<CheckinResult, string> = {
  checked_in: '签到成功',
  already: '已经签到过了',
  wrong_session: '不是这个场次的票',
  cancelled: '这条报名已取消',
  waitlisted: '还在候补，没有报上名',
}

/** A sign-up's check-in as the roster shows it (签到时间, 签到人); both absent until she arrives. */
export interface CheckedIn {
  /** Beijing time, ISO with +08:00. */
  checkedInAt?: string
  /** The staff member's display name. */
  checkedInBy?: string
}
