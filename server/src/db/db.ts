// The one database interface the server uses: parameterised queries and transactions. PGlite
// (embedded, the default) and PostgreSQL (through pg) both implement it with the same SQL.

/** Values bound to $1, $2, …: SQL text is never built from data. */
export type Params = ReadonlyArray<string | number | boolean | null | Date | Uint8Array>

export interface Queryable {
  query<T>(sql: string, params?: Params): Promise<T[]>
}

export interface TransactionOptions {
  /** Migrations, content loading, purges: the longer MAINTENANCE_LIMITS instead of a request's. */
  maintenance?: boolean
}

/** What /api/health reports: 'busy' is reachable but every connection is taken. */
export type DbState = 'ok' | 'busy' | 'down'

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /**
   * Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. A wait
   * past the limits (DbLimits) throws the 503 of limits.busy().
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>, options?: TransactionOptions): Promise<T>
  /** Runs a script of several statements (a migration file); no parameters. */
  exec(sql: string): Promise<void>
  /** Within HEALTH_TIMEOUT_MS, never queued behind the requests. */
  ping(): Promise<DbState>
  close(): Promise<void>
  /** Writes a backup of the whole database to `file` (see backup.ts), while it keeps serving. */
  backup(file: string): Promise<void>
}
