// Opens the database, applies migrations, reads the content and builds the app: one function
// shared by `npm run server`, the tests and the benchmark.
import type { FastifyBaseLogger, FastifyInstance } from 'fastify'
import type { RawFile } from '../../src/domain/catalog'
import type { Server } from 'node:net'
import { buildApp, type AppDeps } from './app'
import { adminSocketPath, makeBackup, nextBackupDelay, openAdminSocket, purgeAfterDays } from './backup'
import type { ServerConfig } from './config'
import { lockDataDir } from './data-dir-lock'
import { isEmpty, MOCK_DIR, openContent, readJsonDir, seedContent, type SeedResult } from './content'
import type { Db } from './db/db'
import { migrate } from './db/migrate'
import { fillMissingCardIndex } from './card-index'
import { openPglite } from './db/pglite'
import { openPostgres } from './db/postgres'
import { devWeChatLogin, weChatLogin } from './identity'
import { Signups } from './signups'
import { DevSmsSender, webhookSmsSender, type SmsSender } from './sms'
import { Verification } from './verify'
import type { Content } from './content'
import { Accounts } from './accounts'
import { channelNotifier, DevSubscribeSender, Notices, scheduleNotices, type SubscribeMessageSender } from './notify'
import { OpenidVault, WeChatSubscribeSender } from './wechat'

export interface Started {
  app: FastifyInstance
  db: Db
  content: Content
  signups: Signups
  /** What was imported at start into an empty database (SEED_EMPTY_DATABASE); undefined when nothing was. */
  seeded?: SeedResult
  migrations: string[]
  /** Expired sign-ups deleted at start (see Signups.purgeExpired). */
  purged: number
  accounts: Accounts
  /** The notice jobs (notify.ts): run on a timer, and by tests directly. */
  notices: Notices
  /** SMS codes; its purge runs on a timer, and by tests directly. */
  verification: Verification
  /** The development SMS stand-in, when no gateway is configured: what it would have sent. */
  devSms?: DevSmsSender
  /** The development subscribe-message stand-in: WECHAT_NOTICES unset (development only). */
  devSubscribe?: DevSubscribeSender
  /** Development 管理员 accounts made at this start (README lists their passwords). */
  devAdmins: string[]
  close(): Promise<void>
}

export interface StartOptions {
  /** Content files an empty database is seeded with (when the config allows); the mock/ folder when absent. */
  files?: RawFile[]
  /** An open database (tests); otherwise opened from the config. */
  db?: Db
  now?: () => Date
  logger?: AppDeps['logger']
  /** How often expired sign-ups are deleted while running; once a day when absent. */
  purgeEveryMs?: number
  /** How often the content is checked for changes made elsewhere; CONTENT_CHECK_MS when absent. */
  contentCheckMs?: number
  /** Whether the notice jobs run on their timer (config.notices.everyMs); tests run them by hand. */
  noticeTimer?: boolean
}

/** Content changed by another server (or a command) shows here within this, and a little more. */
export const CONTENT_CHECK_MS = 500

/**
 * Seeds an empty database from the content files when the setting allows (development); a
 * database with any federation is left exactly as it is.
 */
async function seedIfEmpty(
  db: Db,
  allowed: boolean,
  files: () => RawFile[],
  now: Date,
): Promise<SeedResult | undefined> {
  if (!allowed || !(await isEmpty(db))) return undefined
  return seedContent(db, files(), now).catch(async (e: unknown) => {
    // Another server seeded it between the look and the lock: what it wrote stands.
    if ((e as Error).name === 'NotEmptyError') return undefined
    throw e
  })
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * Deletes expired sign-ups every `everyMs` while the server runs. A failed run is logged (the
 * next one tries again), so a privacy promise never lapses without a word. Unref'd: it never
 * keeps the process alive.
 */
export function schedulePurge(
  signups: Pick<Signups, 'purgeExpired'>,
  now: () => Date,
  log: Pick<FastifyBaseLogger, 'error' | 'info'>,
  everyMs: number,
  days?: number,
): NodeJS.Timeout {
  const timer = setInterval(() => {
    signups.purgeExpired(now(), days).then(
      (deleted) => {
        if (deleted > 0) log.info({ deleted }, '已删除过期报名')
      },
      (e: unknown) => {
        // The kind of failure only, as for failed requests: a database message could quote a value.
        const err = e as { name?: string; code?: string }
        log.error({ failure: { type: err.name, code: err.code } }, '过期报名没能按时删除，下次再试')
      },
    )
  }, everyMs)
  timer.unref()
  return timer
}

/** PostgreSQL when configured; otherwise PGlite in the data directory, held by this process alone until closed. */
export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'dbLimits'>): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl, config.dbLimits)
  const lock = lockDataDir(config.dataDir)
  try {
    const db = await openPglite(config.dataDir, config.dbLimits)
    return {
      ...db,
      async close() {
        try {
          await db.close()
        } finally {
          lock.release()
        }
      },
    }
  } catch (e) {
    lock.release()
    throw e
  }
}

export async function createServer(config: ServerConfig, options: StartOptions = {}): Promise<Started> {
  const db = options.db ?? (await openDatabase(config))
  try {
    const migrations = await migrate(db)
    const now = options.now ?? (() => new Date())
    const seeded = await seedIfEmpty(
      db,
      config.seedEmptyDatabase,
      () => options.files ?? readJsonDir(MOCK_DIR, 'mock'),
      now(),
    )
    // Cards published before the index existed (or by a seed) get their feed rows before serving.
    await fillMissingCardIndex(db)
    // Only the version and the count: documents are read when first asked for.
    const content = await openContent(db)
    const signups = new Signups(db, content, config.ticketSecret, config.bookers.perSession)
    await signups.fillNameKeys()
    const purgeDays = purgeAfterDays(config.backups.keepDays)
    const purged = await signups.purgeExpired(now(), purgeDays)
    // Development seeds a 管理员 per federation; production refuses accounts with development passwords.
    const accounts = new Accounts(db, config.accounts, now)
    const devAdmins = await accounts.prepare()
    // The stand-in only where no gateway is configured; production refuses that in config.ts.
    const devSms = config.sms.provider ? undefined : new DevSmsSender(now)
    const sms: SmsSender =
      devSms ?? webhookSmsSender(config.sms.webhookUrl, config.sms.webhookToken, (url, init) => fetch(url, init))
    const verification = new Verification(db, sms, {
      secret: config.bookers.secret,
      tokenDays: config.bookers.tokenDays,
      perAddressPerDay: config.sms.perAddressPerDay,
    })
    const openids = config.notices.openidKey ? new OpenidVault(config.notices.openidKey) : undefined
    const devSubscribe = config.notices.weChat === 'dev' ? new DevSubscribeSender() : undefined
    const subscribe: SubscribeMessageSender | undefined =
      config.notices.sender && openids
        ? new WeChatSubscribeSender(config.notices.sender, (clientId) => openids.openidOf(db, clientId), now)
        : devSubscribe
    const notices = new Notices(db, channelNotifier(db, sms, subscribe))
    const app = await buildApp({
      db,
      content,
      signups,
      accounts,
      weChatLogin: config.weChat.appId
        ? weChatLogin(config.weChat.appId, config.weChat.appSecret, (url) => fetch(url))
        : devWeChatLogin,
      clientIdSecret: config.clientIdSecret,
      openids,
      bookers: config.bookers,
      verification,
      devSms: config.accounts.production ? undefined : devSms,
      trustProxy: config.trustProxy,
      ticketSecret: config.ticketSecret,
      corsOrigins: config.corsOrigins,
      rateLimitPerMinute: config.rateLimitPerMinute,
      rateLimitPerAddressPerMinute: config.rateLimitPerAddressPerMinute,
      maxEventLoopDelayMs: config.maxEventLoopDelayMs,
      logger: options.logger ?? { level: config.logLevel },
      now: options.now,
    })
    // Backups belong to the process that opened the database itself (npm run server), not to
    // tests that hand one in.
    const owned = !options.db
    const backup = () => makeBackup(db, config.backups, now())
    let backups: ReturnType<typeof setTimeout> | undefined
    let closing = false
    const schedule = (delay: number) => {
      backups = setTimeout(() => {
        void backup()
          .then(
            (r) => app.log.info({ file: r.file, deleted: r.deleted.length }, 'backup written'),
            (e: unknown) => app.log.error({ err: e }, `定时备份失败：${e instanceof Error ? e.message : String(e)}`),
          )
          // After a failure the newest backup is still old: try again in an hour.
          .finally(() => closing || schedule(nextBackupDelay(config.backups, now()) || 60 * 60 * 1000))
      }, delay)
      backups.unref()
    }
    // Without a recent backup, the first comes a minute after start (not in the way of start-up).
    if (owned && config.backups.everyHours > 0) schedule(nextBackupDelay(config.backups, now()) || 60_000)
    let admin: Server | undefined
    if (owned && db.kind === 'pglite') admin = await openAdminSocket(adminSocketPath(config.dataDir), backup)
    const daily = schedulePurge(signups, now, app.log, options.purgeEveryMs ?? DAY_MS, purgeDays)
    // Codes and day counts older than two days: the mobile hashes and addresses in them are kept no longer.
    const codes = setInterval(() => {
      verification.purge(now()).catch((e: unknown) => {
        const err = e as { name?: string; code?: string }
        app.log.error({ failure: { type: err.name, code: err.code } }, '过期的验证码没能按时删除，下次再试')
      })
    }, options.purgeEveryMs ?? DAY_MS)
    codes.unref()
    devSubscribe?.logTo((line) => app.log.warn(line))
    // Holds that ended pass their seats on first: the women promoted by that are told in the same run.
    const jobs = { run: async (at: Date) => ({ passed: await signups.expireHolds(at), ...(await notices.run(at)) }) }
    const noticeJobs =
      options.noticeTimer === false ? undefined : scheduleNotices(jobs, now, app.log, config.notices.everyMs)
    const stopWatching = content.watch(options.contentCheckMs ?? CONTENT_CHECK_MS, (e) => {
      const err = e as { name?: string; code?: string }
      app.log.error({ failure: { type: err.name, code: err.code } }, '没能检查内容是否有更新，稍后再试')
    })
    return {
      app,
      db,
      content,
      signups,
      seeded,
      migrations,
      purged,
      accounts,
      notices,
      verification,
      devSms,
      devSubscribe,
      devAdmins,
      async close() {
        stopWatching()
        clearInterval(noticeJobs)
        clearInterval(daily)
        clearInterval(codes)
        closing = true
        clearTimeout(backups)
        await new Promise((resolve) => (admin ? admin.close(resolve) : resolve(undefined)))
        await app.close()
        await db.close()
      },
    }
  } catch (e) {
    await db.close().catch(() => undefined)
    throw e
  }
}
