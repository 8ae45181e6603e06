// Notices to the women who signed up: the outbox they are written to (in the transaction of the
// change they tell of), the channels that deliver them (SMS for H5 sign-ups, a WeChat subscribe
// message for mini-program ones), and the jobs that send what is pending and write reminders.
import type { FastifyBaseLogger } from 'fastify'
import {
  HOLD_REMINDER_MS,
  holdReminderDue,
  MAX_NOTICE_ATTEMPTS,
  noticeText,
  reminderDue,
  retryDelayMs,
  type NoticeKind,
} from '../../src/domain/notices'
import { SUBSCRIBE_TOPIC_LABEL, subscribeTopic } from '../../src/domain/subscriptions'
import { sessionFromRow, type SessionRow } from './content'
import type { Db, Queryable } from './db/db'
import { JOB_LOCKS } from './db/job-locks'
import type { SmsSender } from './sms'
import type { NoticeFacts } from './wechat'

export interface Notice {
  signupId: string
  kind: NoticeKind
  text: string
}

/**
 * The queries that run inside an organizer's or a woman's request (recording notices, and the
 * recipient's look-up): tests EXPLAIN each (tests/server/query-plans.test.ts).
 */
export const NOTICE_SQL = {
  /** Who she is and her session as it is now (a subscribe message names its title, time and place). */
  recipient: `SELECT g.mobile, g.booker, g.client_id, g.hold_until, x.title, x.starts_at, x.online, x.place, x.cancel_reason
    FROM signups g JOIN sessions x ON x.id = g.session_id WHERE g.id = $1`,
  /** Spends one accepted template of her sign-up; no row when she did not accept it or it is spent. */
  spend: `UPDATE signups SET wx_subscribed = wx_subscribed - $2::text
    WHERE id = $1 AND wx_subscribed IS NOT NULL AND wx_subscribed ? $2::text RETURNING id`,
  /** Gives it back when the message did not go out and will be tried again. */
  giveBack: `UPDATE signups SET wx_subscribed = coalesce(wx_subscribed, '[]'::jsonb) || to_jsonb($2::text) WHERE id = $1`,
  session: 'SELECT * FROM sessions WHERE id = $1',
  /** One notice for each sign-up id in the JSON array $1. */
  recordFor: `INSERT INTO notices (signup_id, kind, key, text)
    SELECT id, $2, $3, $4 FROM jsonb_array_elements_text($1::jsonb) AS id
    ON CONFLICT ON CONSTRAINT notices_once DO NOTHING RETURNING id`,
  /** One notice for everyone still on session $1 (through signups_by_session). */
  recordSession: `INSERT INTO notices (signup_id, kind, key, text)
    SELECT id, $2, $3, $4 FROM signups WHERE session_id = $1 AND status <> 'cancelled'
    ON CONFLICT ON CONSTRAINT notices_once DO NOTHING RETURNING id`,
} as const

/** Delivers one notice to the woman of its sign-up; throws when it did not go out. */
export interface Notifier {
  send(notice: Notice): Promise<void>
}

/** Thrown when a sign-up has no channel to reach her: the notice is marked skipped, not retried. */
export class NoChannel extends Error {
  override name = 'NoChannel'
}

/** A WeChat subscribe message to the mini-program user of `clientId` (the id derived from her openid). */
export interface SubscribeMessage {
  clientId: string
  signupId: string
  kind: NoticeKind
  /** The notice's wording and her session, for the template's fields. */
  facts: NoticeFacts
}

export interface SubscribeMessageSender {
  send(message: SubscribeMessage): Promise<void>
}

export interface DevSubscribeMessage {
  clientId: string
  signupId: string
  kind: NoticeKind
  text: string
}

/** Development stand-in: nothing is sent; each message is logged and the last ones kept for tests. */
export class DevSubscribeSender implements SubscribeMessageSender {
  readonly sent: DevSubscribeMessage[] = []
  private log: (line: string) => void = () => undefined

  logTo(log: (line: string) => void): void {
    this.log = log
  }

  async send({ clientId, signupId, kind, facts }: SubscribeMessage): Promise<void> {
    this.sent.push({ clientId, signupId, kind, text: facts.text })
    // Only the last hundred: a long-running development server does not grow without end.
    if (this.sent.length > 100) this.sent.splice(0, this.sent.length - 100)
    this.log(`开发用订阅消息（未真正发送，微信不会收到）：报名 ${signupId}：${facts.text}`)
  }
}

interface RecipientRow {
  mobile: string
  booker: string | null
  client_id: string
  hold_until: Date | string | null
  title: string
  starts_at: Date | string
  online: boolean
  place: string | null
  cancel_reason: string | null
}

/**
 * Picks the channel by who booked: a mini-program booker (kind wx) gets a subscribe message, any
 * other sign-up an SMS to the mobile on her sign-up. Without a subscribe sender (WECHAT_NOTICES=off)
 * a mini-program sign-up has no channel. WeChat allows one message per template she accepted: the
 * template is spent before sending and given back only when the message will be tried again.
 */
export function channelNotifier(db: Queryable, sms: SmsSender, subscribe?: SubscribeMessageSender): Notifier {
  return {
    async send(notice) {
      const [to] = await db.query<RecipientRow>(NOTICE_SQL.recipient, [notice.signupId])
      if (!to) throw new NoChannel('报名已删除')
      if (!to.booker?.startsWith('wx:')) return sms.send(to.mobile, notice.text)
      if (!subscribe) throw new NoChannel('没有配置小程序订阅消息')
      const topic = subscribeTopic(notice.kind)
      const spent = await db.query(NOTICE_SQL.spend, [notice.signupId, topic])
      if (!spent.length) throw new NoChannel(`她没有同意“${SUBSCRIBE_TOPIC_LABEL[topic]}”订阅消息，或已经用掉了`)
      try {
        await subscribe.send({
          clientId: to.client_id,
          signupId: notice.signupId,
          kind: notice.kind,
          facts: {
            kind: notice.kind,
            text: notice.text,
            title: to.title,
            start: new Date(to.starts_at).toISOString(),
            online: to.online,
            place: to.place,
            reason: to.cancel_reason,
            holding: to.hold_until !== null,
          },
        })
      } catch (e) {
        if (!(e instanceof NoChannel)) await db.query(NOTICE_SQL.giveBack, [notice.signupId, topic])
        throw e
      }
    },
  }
}

/**
 * Records `kind` for each sign-up in `signupIds`, once: a notice already recorded under the same
 * key is left as it is. Call it inside the transaction of the change.
 */
export async function recordNotices(
  tx: Queryable,
  signupIds: string[],
  kind: NoticeKind,
  key: string,
  text: string,
): Promise<number> {
  if (!signupIds.length) return 0
  const added = await tx.query(NOTICE_SQL.recordFor, [JSON.stringify(signupIds), kind, key, text])
  return added.length
}

/** The session's row as a notice names it. */
async function noticeSession(tx: Queryable, sessionId: string) {
  const [row] = await tx.query<SessionRow & { version: number }>(NOTICE_SQL.session, [sessionId])
  const s = sessionFromRow(row)
  return { ...s, version: Number(row.version), reason: row.cancel_reason }
}

/** She moved from the waitlist into a seat (to confirm by `holdUntil`, if given): once in a sign-up's life. */
export async function recordPromoted(
  tx: Queryable,
  sessionId: string,
  signupIds: string[],
  holdUntil?: Date,
): Promise<void> {
  if (!signupIds.length) return
  const s = await noticeSession(tx, sessionId)
  const text = noticeText('promoted', { ...s, ...(holdUntil ? { holdUntil: holdUntil.toISOString() } : {}) })
  await recordNotices(tx, signupIds, 'promoted', '', text)
}

/**
 * Tells everyone still on the session (confirmed or waitlisted) that it changed (once per version
 * of the session) or was cancelled (once).
 */
export async function recordSessionNotice(
  tx: Queryable,
  sessionId: string,
  kind: 'session_changed' | 'session_cancelled',
): Promise<number> {
  const s = await noticeSession(tx, sessionId)
  const added = await tx.query(NOTICE_SQL.recordSession, [
    sessionId,
    kind,
    kind === 'session_changed' ? `v${s.version}` : '',
    noticeText(kind, s),
  ])
  return added.length
}

/** How long a claimed notice is left to its instance before another may try it (a crash mid-send). */
export const CLAIM_MS = 5 * 60 * 1000

/** The transaction-level advisory lock the reminder job is claimed with. */
const REMINDER_LOCK = JOB_LOCKS.reminders

const DAY_MS = 24 * 60 * 60 * 1000

export interface Delivered {
  sent: number
  failed: number
  skipped: number
  retrying: number
}

export class Notices {
  constructor(
    private readonly db: Db,
    private readonly notifier: Notifier,
  ) {}

  /**
   * Writes the day-before reminder for every confirmed sign-up of each session whose reminder is due
   * (reminderDue), and one to each woman whose held seat is in its last hours (holdReminderDue).
   * Two instances at once: one takes the advisory lock and writes, the other does nothing; the
   * outbox's unique key keeps a reminder once even across runs. Returns how many.
   */
  async remind(now: Date): Promise<number> {
    return this.db.transaction(
      async (tx) => {
        const [lock] = await tx.query<{ got: boolean }>(`SELECT pg_try_advisory_xact_lock(${REMINDER_LOCK}) AS got`)
        if (!lock.got) return 0
        // Reminders fall due at most a day and a few hours before the start.
        const soon = await tx.query<SessionRow>(
          `SELECT * FROM sessions WHERE status = 'open' AND starts_at > $1 AND starts_at <= $2`,
          [now, new Date(now.getTime() + 2 * DAY_MS)],
        )
        let added = 0
        for (const row of soon) {
          if (!reminderDue(row.starts_at, now)) continue
          const s = sessionFromRow(row)
          const rows = await tx.query(
            `INSERT INTO notices (signup_id, kind, key, text)
              SELECT id, 'reminder', $2, $3 FROM signups WHERE session_id = $1 AND status = 'confirmed'
              ON CONFLICT ON CONSTRAINT notices_once DO NOTHING RETURNING id`,
            // Keyed by the start: a session moved to another day is reminded again for the new day.
            [row.id, s.start, noticeText('reminder', s)],
          )
          added += rows.length
        }
        // Held seats in their last hours, not yet confirmed (through signups_on_hold).
        const holding = await tx.query<
          SessionRow & { signup_id: string; hold_until: Date | string; hold_hours: number | null }
        >(
          `SELECT x.*, g.id AS signup_id, g.hold_until FROM signups g JOIN sessions x ON x.id = g.session_id
            WHERE g.hold_until > $1 AND g.hold_until <= $2 AND g.hold_until IS NOT NULL AND g.status = 'confirmed'`,
          [now, new Date(now.getTime() + HOLD_REMINDER_MS)],
        )
        for (const row of holding) {
          if (!holdReminderDue(row.hold_until, Number(row.hold_hours ?? 0), now)) continue
          const holdUntil = new Date(row.hold_until).toISOString()
          const text = noticeText('hold_expiring', { ...sessionFromRow(row), holdUntil })
          // Keyed by the hold's end: one reminder per hold.
          added += await recordNotices(tx, [row.signup_id], 'hold_expiring', holdUntil, text)
        }
        return added
      },
      { maintenance: true },
    )
  }

  /**
   * Sends what is pending, up to `batch`. Each notice is claimed first (FOR UPDATE SKIP LOCKED, and
   * a later next_at, committed), so two instances never send one notice at once; a failure is tried
   * again later, and given up after MAX_NOTICE_ATTEMPTS tries.
   */
  async deliver(now: Date, batch = 50): Promise<Delivered> {
    const claimed = await this.db.transaction(
      (tx) =>
        tx.query<{ id: string; signup_id: string; kind: NoticeKind; text: string; attempts: number }>(
          `UPDATE notices SET attempts = attempts + 1, next_at = $2 WHERE id IN (
             SELECT id FROM notices WHERE status = 'pending' AND (next_at IS NULL OR next_at <= $1)
             ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED
           ) RETURNING id, signup_id, kind, text, attempts`,
          [now, new Date(now.getTime() + CLAIM_MS), batch],
        ),
      { maintenance: true },
    )
    const result: Delivered = { sent: 0, failed: 0, skipped: 0, retrying: 0 }
    for (const n of claimed.sort((a, b) => Number(a.id) - Number(b.id))) {
      try {
        await this.notifier.send({ signupId: n.signup_id, kind: n.kind, text: n.text })
        await this.db.query(`UPDATE notices SET status = 'sent', sent_at = $2 WHERE id = $1`, [n.id, now])
        result.sent++
      } catch (e) {
        if (e instanceof NoChannel) {
          await this.db.query(`UPDATE notices SET status = 'skipped', reason = $2 WHERE id = $1`, [n.id, e.message])
          result.skipped++
        } else if (Number(n.attempts) >= MAX_NOTICE_ATTEMPTS) {
          await this.db.query(`UPDATE notices SET status = 'failed' WHERE id = $1`, [n.id])
          result.failed++
        } else {
          await this.db.query('UPDATE notices SET next_at = $2 WHERE id = $1', [
            n.id,
            new Date(now.getTime() + retryDelayMs(Number(n.attempts))),
          ])
          result.retrying++
        }
      }
    }
    return result
  }

  /** One run of both jobs: reminders first, so those due now go out in the same run. */
  async run(now: Date): Promise<Delivered & { reminders: number }> {
    const reminders = await this.remind(now)
    return { reminders, ...(await this.deliver(now)) }
  }
}

/**
 * Runs the notice jobs (and the hold expiry before them) every `everyMs` while the server runs. A failed run is logged by its kind
 * only (a database message could quote a value) and the next one tries again. Unref'd.
 */
export function scheduleNotices(
  notices: { run(now: Date): Promise<Delivered & { reminders: number; passed?: number }> },
  now: () => Date,
  log: Pick<FastifyBaseLogger, 'error' | 'info'>,
  everyMs: number,
): NodeJS.Timeout {
  let running = false
  const timer = setInterval(() => {
    // A slow run (a gateway timing out) is not overlapped by the next tick.
    if (running) return
    running = true
    notices
      .run(now())
      .then(
        (r) => {
          if (r.failed) log.error({ failed: r.failed }, '有通知多次发送失败，已放弃')
          if (r.passed) log.info({ passed: r.passed }, '有人没在时限内确认，名额已让给候补的下一位')
          if (r.sent || r.reminders) log.info({ sent: r.sent, reminders: r.reminders }, '通知已发送')
        },
        (e: unknown) => {
          const err = e as { name?: string; code?: string }
          log.error({ failure: { type: err.name, code: err.code } }, '通知没能按时发送，下次再试')
        },
      )
      .finally(() => {
        running = false
      })
  }, everyMs)
  timer.unref()
  return timer
}
