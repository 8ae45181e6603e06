// Opens the database, applies migrations, loads the content and builds the app: one function
// shared by `npm run server`, the tests and the benchmark.
import type { FastifyInstance } from 'fastify'
import type { RawFile } from '../../src/domain/catalog'
import { buildApp, type AppDeps } from './app'
import type { ServerConfig } from './config'
import { loadContent, MOCK_DIR, readCatalog, readJsonDir, type LoadResult } from './content'
import type { Db } from './db/db'
import { migrate } from './db/migrate'
import { openPglite } from './db/pglite'
import { openPostgres } from './db/postgres'
import { devWeChatLogin, weChatLogin } from './identity'
import { Signups } from './signups'

export interface Started {
  app: FastifyInstance
  db: Db
  signups: Signups
  load: LoadResult
  migrations: string[]
  /** Expired sign-ups deleted at start (see Signups.purgeExpired). */
  purged: number
  close(): Promise<void>
}

export interface StartOptions {
  /** Content files; the mock/ folder when absent. */
  files?: RawFile[]
  /** An open database (tests); otherwise opened from the config. */
  db?: Db
  now?: () => Date
  logger?: AppDeps['logger']
}

export async function openDatabase(config: Pick<ServerConfig, 'databaseUrl' | 'dataDir' | 'dbLimits'>): Promise<Db> {
  return config.databaseUrl
    ? openPostgres(config.databaseUrl, config.dbLimits)
    : openPglite(config.dataDir, config.dbLimits)
}

export async function createServer(config: ServerConfig, options: StartOptions = {}): Promise<Started> {
  const db = options.db ?? (await openDatabase(config))
  try {
    const migrations = await migrate(db)
    const load = await loadContent(db, options.files ?? readJsonDir(MOCK_DIR, 'mock'))
    const content = await readCatalog(db)
    const signups = new Signups(db, content)
    const now = options.now ?? (() => new Date())
    const purged = await signups.purgeExpired(now())
    // Once a day while running; unref'd so it never keeps the process alive.
    const daily = setInterval(() => void signups.purgeExpired(now()).catch(() => undefined), 24 * 60 * 60 * 1000)
    daily.unref()
    const app = await buildApp({
      db,
      content,
      signups,
      organizerTokens: config.organizerTokens,
      weChatLogin: config.weChat.appId
        ? weChatLogin(config.weChat.appId, config.weChat.appSecret, (url) => fetch(url))
        : devWeChatLogin,
      clientIdSecret: config.clientIdSecret,
      corsOrigins: config.corsOrigins,
      rateLimitPerMinute: config.rateLimitPerMinute,
      maxEventLoopDelayMs: config.maxEventLoopDelayMs,
      logger: options.logger ?? { level: config.logLevel },
      now: options.now,
    })
    return {
      app,
      db,
      signups,
      load,
      migrations,
      purged,
      async close() {
        clearInterval(daily)
        await app.close()
        await db.close()
      },
    }
  } catch (e) {
    await db.close().catch(() => undefined)
    throw e
  }
}
