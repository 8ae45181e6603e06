// The one home of the advisory-lock ids with which a job claims a run across server instances.
import type { Db, Queryable } from './db'

/**
 * Any fixed numbers, one per job: two jobs never share one. Jobs safe by design need none: the hold
 * expiry (Signups.expireHolds) re-checks each hold under its session's row lock, and the notice
 * delivery (notify.ts) claims its rows with FOR UPDATE SKIP LOCKED.
 */
export const JOB_LOCKS = {
  reminders: 7_310_010,
  retentionPurge: 7_310_020,
  codePurge: 7_310_030,
} as const

export type JobLock = keyof typeof JOB_LOCKS

/**
 * Takes the job's transaction-level advisory lock without waiting: true when this transaction
 * holds it (until it ends), false when another instance is running the job right now.
 */
export async function claimJob(tx: Queryable, job: JobLock): Promise<boolean> {
  const [row] = await tx.query<{ got: boolean }>('SELECT pg_try_advisory_xact_lock($1) AS got', [JOB_LOCKS[job]])
  return row.got
}

/**
 * Runs `fn` in one maintenance transaction if this instance claims the job; `skipped` when
 * another instance holds it (its run does the work, so this one has nothing to add).
 */
export async function runOnce<T>(db: Db, job: JobLock, fn: (tx: Queryable) => Promise<T>, skipped: T): Promise<T> {
  return db.transaction(async (tx) => ((await claimJob(tx, job)) ? fn(tx) : skipped), { maintenance: true })
}
