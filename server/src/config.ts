// Server configuration, read once from the environment. Every setting has a development default
// so `npm run server` works on a fresh clone; production refuses the development secrets.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BackupSettings } from './backup'
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
  backups: BackupSettings
}

/**
 * Backups are kept at most this many days: a person's deleted sign-ups must not live on in old
 * backups for long (the privacy notice promises deletion 90 days after the session).
 */
export const MAX_BACKUP_KEEP_DAYS = 30

type Env = Record<string, string | undefined>

function intFrom(env: Env, key: string, fallback: number, min: number, max: number): number {
  const raw = env[key]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${key}=${raw}：应为 ${min} 到 ${max} 之间的整数`)
  return n
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
  const dataDir = env.PGLITE_DIR?.trim() || join(ROOT, '.data', 'pglite')
  const weChat = { appId: env.WECHAT_APPID?.trim() ?? '', appSecret: env.WECHAT_SECRET?.trim() ?? '' }
  if (production && !weChat.appId) throw new Error('生产环境请设置 WECHAT_APPID 和 WECHAT_SECRET')
  return {
    port: intFrom(env, 'PORT', 8787, 0, 65535),
    host: env.HOST?.trim() || '127.0.0.1',
    databaseUrl: env.DATABASE_URL?.trim() ?? '',
    dataDir,
    corsOrigins: (env.CORS_ORIGINS ?? 'http://localhost:10086,http://127.0.0.1:10086')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    organizerTokens,
    rateLimitPerMinute: intFrom(env, 'RATE_LIMIT_PER_MINUTE', 300, 0, 1_000_000),
    clientIdSecret,
    weChat,
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    backups: {
      dir: env.BACKUP_DIR?.trim() || join(dataDir, '..', 'backups'),
      keepDays: intFrom(env, 'BACKUP_KEEP_DAYS', 7, 1, MAX_BACKUP_KEEP_DAYS),
      everyHours: intFrom(env, 'BACKUP_EVERY_HOURS', 24, 0, 24 * 7),
    },
  }
}
