// The hold window: a woman promoted from the waitlist of a session with `hold_hours` holds the seat
// until she confirms; the promoting transaction sets her `hold_until`.
import type { Queryable } from './db/db'

const HOUR_MS = 60 * 60 * 1000

/**
 * Gives the sign-ups just promoted on this session their hold, when the session has a hold window.
 * Returns when the hold ends, or undefined when there is none.
 */
export async function holdSeats(
  tx: Queryable,
  sessionId: string,
  signupIds: string[],
  now: Date,
): Promise<Date | undefined> {
  if (!signupIds.length) return undefined
  const [row] = await tx.query<{ hold_hours: number | null }>('SELECT hold_hours FROM sessions WHERE id = $1', [
    sessionId,
  ])
  if (!row || row.hold_hours === null) return undefined
  const until = new Date(now.getTime() + Number(row.hold_hours) * HOUR_MS)
  await tx.query('UPDATE signups SET hold_until = $2 WHERE id IN (SELECT jsonb_array_elements_text($1::jsonb))', [
    JSON.stringify(signupIds),
    until,
  ])
  return until
}
