// Her e-tickets kept on the phone: the last 我的报名 answer's confirmed sign-ups with a ticket, so
// the ticket still opens at a door with no signal. Only the masked mobile is kept.
import { maskMobile } from '@/domain/mobile'
import { storage } from '@/platform'
import type { Signup } from '@/services/api'

export const TICKETS_KEY = 'jg.tickets'

/** Replaces what is kept with this answer's tickets: a cancelled one drops out, a promoted one comes in. */
export function rememberTickets(signups: Signup[]): void {
  const kept = signups
    // A held seat not yet confirmed may pass to the next woman: its ticket is not kept.
    .filter((s) => s.status === 'confirmed' && s.ticket && !s.holdUntil)
    .map((s) => ({ ...s, mobile: maskMobile(s.mobile) }))
  if (kept.length === 0) {
    storage.remove(TICKETS_KEY)
    return
  }
  try {
    storage.set(TICKETS_KEY, JSON.stringify(kept))
  } catch {
    // A full phone keeps no copy; the ticket still shows whenever the network answers.
  }
}

/** The kept ticket of this sign-up, if the phone has one. */
export function keptTicket(signupId: string): Signup | undefined {
  try {
    const kept = JSON.parse(storage.get(TICKETS_KEY) ?? '[]') as Signup[]
    return Array.isArray(kept) ? kept.find((s) => s?.id === signupId && s.ticket) : undefined
  } catch {
    return undefined
  }
}

/** 删除我的全部数据 takes the kept tickets too. */
export function forgetTickets(): void {
  storage.remove(TICKETS_KEY)
}
