// Server configuration, read once from the environment. Every setting has a development default
// so `npm run server` works on a fresh clone; production refuses the development secrets.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEFAULT_LIMITS, type DbLimits } from './db/limits'
import { parseTokens, type OrganizerTokens } from './organizers'

export const ROOT = join(__dirname, '..', '..')
export const DEV_TOKENS_FILE = join(ROOT, 'server', 'organizers.dev.json')
const DEV_SECRET = 'dev-only-client-id-secret'

export interface ServerConfig {
  port: number
  host: string
  /** postgres://… for a real PostgreSQL; empty means embedded PGlite in `dataDir`. */
  databaseUrl: string
  dataDir: string
  corsOrigins: string[]
  organizerTokens: OrganizerTokens
  /** Requests per minute per client; 0 turns limiting off (load benchmarks only). */
  rateLimitPerMinute: number
  /** Keys the client ids given for openids. */
  clientIdSecret: string
  /** AppID and AppSecret for wx.login; empty means the development stand-in. */
  weChat: { appId: string; appSecret: string }
  logLevel: string
  /** How long a request may wait for the database (see readLimits). */
  dbLimits: DbLimits
  /** Event-loop delay past which requests are shed with a 503; 0 turns shedding off. */
  maxEventLoopDelayMs: number
  /** Longest a stop (SIGTERM) may take before the process exits anyway. */
  shutdownGraceMs: number
}

type Env = Record<string, string | undefined>

function intFrom(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key}=${raw}：应为 ${min} 到 ${max} 之间的整数`)
  return n
}

/**
 * Waits and limits, in milliseconds: DB_LOCK_TIMEOUT_MS, DB_STATEMENT_TIMEOUT_MS,
 * DB_IDLE_IN_TRANSACTION_TIMEOUT_MS, DB_POOL_TIMEOUT_MS, MAX_EVENT_LOOP_DELAY_MS, SHUTDOWN_GRACE_MS.
 */
export function readLimits(env: Env): Pick<ServerConfig, 'dbLimits' | 'maxEventLoopDelayMs' | 'shutdownGraceMs'> {
  const d = DEFAULT_LIMITS
  return {
    dbLimits: {
      lockTimeoutMs: intFrom(env, 'DB_LOCK_TIMEOUT_MS', d.lockTimeoutMs, 100, 60_000),
      statementTimeoutMs: intFrom(env, 'DB_STATEMENT_TIMEOUT_MS', d.statementTimeoutMs, 100, 600_000),
      idleInTransactionMs: intFrom(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', d.idleInTransactionMs, 100, 600_000),
      acquireTimeoutMs: intFrom(env, 'DB_POOL_TIMEOUT_MS', d.acquireTimeoutMs, 100, 60_000),
    },
    maxEventLoopDelayMs: intFrom(env, 'MAX_EVENT_LOOP_DELAY_MS', 1000, 0, 60_000),
    shutdownGraceMs: intFrom(env, 'SHUTDOWN_GRACE_MS', 8000, 1000, 60_000),
  }
}

export function readConfig(env: Env = process.env): ServerConfig {
  const production = env.NODE_ENV === 'production'
  const tokensJson = env.ORGANIZER_TOKENS?.trim()
  const tokensFile = env.ORGANIZER_TOKENS_FILE?.trim() || DEV_TOKENS_FILE
  if (production && !tokensJson && tokensFile === DEV_TOKENS_FILE) {
    throw new Error('生产环境请用 ORGANIZER_TOKENS 或 ORGANIZER_TOKENS_FILE 配置组织者口令，不要用开发口令')
  }
  const organizerTokens = tokensJson
    ? parseTokens(tokensJson, 'ORGANIZER_TOKENS')
    : existsSync(tokensFile)
      ? parseTokens(readFileSync(tokensFile, 'utf8'), tokensFile)
      : new Map<string, string>()
  const clientIdSecret = env.CLIENT_ID_SECRET?.trim() || (production ? '' : DEV_SECRET)
  if (!clientIdSecret) throw new Error('生产环境请设置 CLIENT_ID_SECRET')
  const weChat = { appId: env.WECHAT_APPID?.trim() ?? '', appSecret: env.WECHAT_SECRET?.trim() ?? '' }
  if (production && !weChat.appId) throw new Error('生产环境请设置 WECHAT_APPID 和 WECHAT_SECRET')
  return {
    port: intFrom(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl: env.DATABASE_URL?.trim() ?? '',
    dataDir: env.PGLITE_DIR?.trim() || join(ROOT, '.data', 'pglite'),
    corsOrigins: (env.CORS_ORIGINS ?? 'http://localhost:10086,http://127.0.0.1:10086')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    organizerTokens,
    rateLimitPerMinute: intFrom(env, 'RATE_LIMIT_PER_MINUTE', 300, 0, 1_000_000),
    clientIdSecret,
    weChat,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    ...readLimits(env),
  }
}
