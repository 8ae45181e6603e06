// The one database interface the server uses: parameterised queries and transactions. PGlite
// (embedded, the default) and PostgreSQL (through pg) both implement it with the same SQL.

/** Values bound to $1, $2, …: SQL text is never built from data. */
export type Params = ReadonlyArray<string | number | boolean | null | Date>

export interface Queryable {
  query<T>(sql: string, params?: Params): Promise<T[]>
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres'
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Runs a script of several statements (a migration file); no parameters. */
  exec(sql: string): Promise<void>
  close(): Promise<void>
  /** Writes a backup of the whole database to `file` (see backup.ts), while it keeps serving. */
  backup(file: string): Promise<void>
}
