// Organizer accounts: login with slow-down and lockout kept in the database (so several server
// instances count as one), sessions stored as token hashes, staff management within one
// federation, invitations, and the development seed accounts production refuses.
import { createHash } from 'node:crypto'
import { isRole, loginProblem, normalizeLogin, passwordProblem, ROLE_LABELS, type Role } from '../../src/domain/roles'
import { audit, type Actor } from './audit'
import {
  decoyHash,
  hashPassword,
  randomToken,
  temporaryPassword,
  verifyPassword,
  type ScryptCost,
} from './auth-passwords'
import type { Invitation, StaffMember } from '../../src/services/organizer'
import type { Db, Queryable } from './db/db'
import { HttpError, invalid, notFound } from './errors'

export interface AccountSettings {
  /** A session ends after this long without a request… */
  sessionIdleMs: number
  /** …and this long after login, whatever. */
  sessionMaxMs: number
  /** How long an invitation link stays valid. */
  invitationMs: number
  /** Production never seeds, and refuses to start with development accounts still usable. */
  production: boolean
  /** scrypt cost of new hashes. */
  cost: ScryptCost
}

/** Wrong passwords in a row: the first few are free, then each try waits longer, then the account locks. */
export const LOCKOUT = {
  freeTries: 3,
  firstWaitMs: 5_000,
  lockAt: 10,
  lockMs: 15 * 60_000,
}

/** How long the next try must wait after `failures` wrong passwords in a row (0: at once). */
export function waitAfter(failures: number): number {
  if (failures < LOCKOUT.freeTries) return 0
  if (failures >= LOCKOUT.lockAt) return LOCKOUT.lockMs
  // 5 s, 10 s, 20 s … 320 s for the 3rd to the 9th.
  return LOCKOUT.firstWaitMs * 2 ** (failures - LOCKOUT.freeTries)
}

/** "30秒" or "6分钟": a wait as she reads it, rounded up. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000))
  return seconds < 60 ? `${seconds}秒` : `${Math.ceil(seconds / 60)}分钟`
}

/** The documented password of a development seed account (README): never valid in production. */
export const devPassword = (federationId: string) => `jg-dev-${federationId}`
export const devLogin = (federationId: string) => `${federationId}-admin`

export interface AccountView {
  id: number
  login: string
  displayName: string
  role: Role
  federation: { id: string; name: string }
}

export interface LoginResult {
  token: string
  expiresAt: string
  account: AccountView
  mustChangePassword: boolean
}

/** The organizer behind a request's session. */
export interface Principal extends AccountView {
  mustChangePassword: boolean
  /** The hash of the session token, so logout and password changes know which session this is. */
  sessionHash: string
}

/** A refusal that says when to try again (the route sends Retry-After). */
export class TryLater extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(429, 'rate_limited', message)
  }
}

export const EXPIRED = '登录已过期，请重新登录'
const WRONG = '账号或密码不对'
export const INVITE_PATH = '/subpackages/organizer/index'

const unauthorized = (message = EXPIRED) => new HttpError(401, 'unauthorized', message)
const notOurs = (what: string) => new HttpError(403, 'forbidden', `这不是你所在妇联的${what}`)

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')
/** 32 bytes in base64url: anything else is refused without a look-up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

const iso = (d: Date | string) => new Date(d).toISOString()

interface AccountRow {
  id: string | number
  federation_id: string
  federation_name: string
  login: string
  display_name: string
  role: Role
  password_hash: string
  disabled: boolean
  failed_logins: number
  locked_until: Date | string | null
  must_change_password: boolean
}

const ACCOUNT_COLUMNS = `a.id, a.federation_id, f.name AS federation_name, a.login, a.display_name, a.role,
  a.password_hash, a.disabled, a.failed_logins, a.locked_until, a.must_change_password`

const view = (r: AccountRow): AccountView => ({
  id: Number(r.id),
  login: r.login,
  displayName: r.display_name,
  role: r.role,
  federation: { id: r.federation_id, name: r.federation_name },
})

function checkDisplayName(name: string): string {
  const trimmed = name.trim()
  if (!trimmed) throw invalid('请填写姓名', 'displayName')
  if ([...trimmed].length > 30) throw invalid('姓名最多30个字', 'displayName')
  return trimmed
}

function checkNewPassword(password: string, login: string | undefined, field: string) {
  const problem = passwordProblem(password, login)
  if (problem) throw invalid(problem, field)
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === '23505'

export class Accounts {
  constructor(
    private readonly db: Db,
    readonly settings: AccountSettings,
    private readonly now: () => Date,
  ) {}

  private async account(q: Queryable, where: string, params: Array<string | number>, lock = false) {
    const rows = await q.query<AccountRow>(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts a JOIN federations f ON f.id = a.federation_id WHERE ${where}${
        lock ? ' FOR UPDATE OF a' : ''
      }`,
      params,
    )
    return rows[0]
  }

  private async openSession(tx: Queryable, row: AccountRow, at: Date): Promise<LoginResult> {
    const token = randomToken()
    const expiresAt = new Date(at.getTime() + this.settings.sessionMaxMs)
    await tx.query('DELETE FROM auth_sessions WHERE account_id = $1 AND expires_at <= $2', [Number(row.id), at])
    await tx.query(
      `INSERT INTO auth_sessions (token_hash, account_id, created_at, expires_at, last_seen_at)
       VALUES ($1, $2, $3, $4, $3)`,
      [hashToken(token), Number(row.id), at, expiresAt],
    )
    return {
      token,
      expiresAt: expiresAt.toISOString(),
      account: view(row),
      mustChangePassword: row.must_change_password,
    }
  }

  /**
   * Login. The password is checked outside any transaction (scrypt takes a tenth of a second);
   * the outcome is then recorded only if the wrong-password count is still what was read, so
   * tries made at the same moment cannot each pass the same count: all but one are told to wait.
   */
  async login(loginName: string, password: string): Promise<LoginResult> {
    const at = this.now()
    const row = await this.account(this.db, 'a.login = $1', [normalizeLogin(loginName)])
    if (!row) {
      // As long as a wrong password takes: the answer says nothing about which names exist.
      await verifyPassword(password, await decoyHash(this.settings.cost))
      throw unauthorized(WRONG)
    }
    this.refuseWhileWaiting(row, at)
    const right = await verifyPassword(password, row.password_hash)
    if (right && row.disabled) throw new HttpError(403, 'forbidden', '这个账号已停用，请联系本妇联管理员')
    const failures = right ? 0 : row.failed_logins + 1
    const wait = waitAfter(failures)
    // The wrong-password count is committed, so the refusal is thrown after the transaction.
    const opened = await this.db.transaction(async (tx): Promise<LoginResult | undefined> => {
      const claimed = await tx.query<{ id: string }>(
        `UPDATE accounts SET failed_logins = $3, locked_until = $4, updated_at = $5
          WHERE id = $1 AND failed_logins = $2 AND (locked_until IS NULL OR locked_until <= $5)
          RETURNING id`,
        [Number(row.id), row.failed_logins, failures, wait ? new Date(at.getTime() + wait) : null, at],
      )
      if (!claimed.length) throw new TryLater('刚才有别的登录尝试，请等几秒再试', 5)
      if (right) return this.openSession(tx, row, at)
      if (failures === LOCKOUT.lockAt) {
        await audit(tx, { federationId: row.federation_id, accountId: null, at }, 'lockout', row.login, {
          failures,
          minutes: LOCKOUT.lockMs / 60_000,
        })
      }
      return undefined
    })
    if (!opened) throw unauthorized(this.wrongText(failures))
    return opened
  }

  private wrongText(failures: number): string {
    if (failures >= LOCKOUT.lockAt) return this.lockedText(LOCKOUT.lockMs)
    const wait = waitAfter(failures)
    return wait ? `${WRONG}。错误次数较多，请${waitText(wait)}后再试` : WRONG
  }

  private lockedText(ms: number): string {
    return `密码错误次数太多，账号已锁定，请${waitText(ms)}后再试，或请本妇联管理员重置密码`
  }

  private refuseWhileWaiting(row: AccountRow, at: Date) {
    if (!row.locked_until) return
    const left = new Date(row.locked_until).getTime() - at.getTime()
    if (left <= 0) return
    const seconds = Math.ceil(left / 1000)
    if (row.failed_logins >= LOCKOUT.lockAt) throw new TryLater(this.lockedText(left), seconds)
    throw new TryLater(`密码错误次数较多，请${waitText(left)}后再试`, seconds)
  }

  /** The organizer a bearer token belongs to; 401 “登录已过期” for an ended, unknown or malformed one. */
  async authenticate(token: string | undefined): Promise<Principal> {
    if (!token) throw unauthorized('请先登录')
    if (!TOKEN_SHAPE.test(token)) throw unauthorized()
    const at = this.now()
    const sessionHash = hashToken(token)
    const rows = await this.db.query<AccountRow & { expires_at: Date | string; last_seen_at: Date | string }>(
      `SELECT ${ACCOUNT_COLUMNS}, s.expires_at, s.last_seen_at
         FROM auth_sessions s JOIN accounts a ON a.id = s.account_id JOIN federations f ON f.id = a.federation_id
        WHERE s.token_hash = $1`,
      [sessionHash],
    )
    const row = rows[0]
    if (!row) throw unauthorized()
    const lastSeen = new Date(row.last_seen_at).getTime()
    const ended =
      new Date(row.expires_at).getTime() <= at.getTime() || lastSeen + this.settings.sessionIdleMs <= at.getTime()
    if (ended || row.disabled) {
      await this.db.query('DELETE FROM auth_sessions WHERE token_hash = $1', [sessionHash])
      throw unauthorized()
    }
    // Written at most once a minute: a page of requests is one write, not one each.
    if (at.getTime() - lastSeen > 60_000) {
      await this.db.query('UPDATE auth_sessions SET last_seen_at = $2 WHERE token_hash = $1', [sessionHash, at])
    }
    return { ...view(row), mustChangePassword: row.must_change_password, sessionHash }
  }

  async logout(principal: Principal): Promise<void> {
    await this.db.query('DELETE FROM auth_sessions WHERE token_hash = $1', [principal.sessionHash])
  }

  private actor(principal: Principal | null, federationId: string, at: Date): Actor {
    return { federationId, accountId: principal ? principal.id : null, at }
  }

  /** Her own password; her other sessions end, this one stays. */
  async changePassword(principal: Principal, current: string, next: string): Promise<void> {
    const row = await this.account(this.db, 'a.id = $1', [principal.id])
    if (!row || !(await verifyPassword(current, row.password_hash))) throw invalid('当前密码不对', 'current')
    if (current === next) throw invalid('新密码不能和当前密码一样', 'next')
    checkNewPassword(next, row.login, 'next')
    const hash = await hashPassword(next, this.settings.cost)
    const at = this.now()
    await this.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE accounts SET password_hash = $2, must_change_password = false, dev_seed = false, updated_at = $3
          WHERE id = $1`,
        [principal.id, hash, at],
      )
      await tx.query('DELETE FROM auth_sessions WHERE account_id = $1 AND token_hash <> $2', [
        principal.id,
        principal.sessionHash,
      ])
      await audit(tx, this.actor(principal, row.federation_id, at), 'change_password', row.login, {})
    })
  }

  async staff(federationId: string): Promise<StaffMember[]> {
    const at = this.now()
    const rows = await this.db.query<AccountRow & { created_at: Date | string; last_seen: Date | string | null }>(
      `SELECT ${ACCOUNT_COLUMNS}, a.created_at,
              (SELECT max(s.last_seen_at) FROM auth_sessions s WHERE s.account_id = a.id) AS last_seen
         FROM accounts a JOIN federations f ON f.id = a.federation_id
        WHERE a.federation_id = $1 ORDER BY a.id`,
      [federationId],
    )
    return rows.map((r) => ({
      id: Number(r.id),
      login: r.login,
      displayName: r.display_name,
      role: r.role,
      roleLabel: ROLE_LABELS[r.role],
      disabled: r.disabled,
      locked:
        r.failed_logins >= LOCKOUT.lockAt && !!r.locked_until && new Date(r.locked_until).getTime() > at.getTime(),
      mustChangePassword: r.must_change_password,
      createdAt: iso(r.created_at),
      lastSeenAt: r.last_seen ? iso(r.last_seen) : null,
    }))
  }

  async invite(principal: Principal, role: Role, note: string | undefined): Promise<Invitation> {
    if (!isRole(role)) throw invalid('请选择角色', 'role')
    const token = randomToken()
    const at = this.now()
    const expiresAt = new Date(at.getTime() + this.settings.invitationMs)
    await this.db.transaction(async (tx) => {
      const [row] = await tx.query<{ id: string }>(
        `INSERT INTO invitations (token_hash, federation_id, role, note, created_by, created_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [hashToken(token), principal.federation.id, role, note ?? null, principal.id, at, expiresAt],
      )
      await audit(tx, this.actor(principal, principal.federation.id, at), 'invite', `invitation:${row.id}`, {
        role,
        ...(note ? { note } : {}),
      })
    })
    return { token, path: `${INVITE_PATH}?invite=${token}`, expiresAt: expiresAt.toISOString() }
  }

  /** A new account from a one-time invitation, logged in at once. */
  async acceptInvitation(
    token: string,
    input: { login: string; displayName: string; password: string },
  ): Promise<LoginResult> {
    const gone = () => new HttpError(404, 'not_found', '邀请链接不对或已失效，请向本妇联管理员要一个新的')
    if (!TOKEN_SHAPE.test(token)) throw gone()
    const problem = loginProblem(input.login)
    if (problem) throw invalid(problem, 'login')
    const login = normalizeLogin(input.login)
    const displayName = checkDisplayName(input.displayName)
    checkNewPassword(input.password, login, 'password')
    const hash = await hashPassword(input.password, this.settings.cost)
    const at = this.now()
    try {
      return await this.db.transaction(async (tx) => {
        const [invitation] = await tx.query<{
          id: string
          federation_id: string
          role: Role
          expires_at: Date | string
          used_at: Date | string | null
        }>('SELECT id, federation_id, role, expires_at, used_at FROM invitations WHERE token_hash = $1 FOR UPDATE', [
          hashToken(token),
        ])
        if (!invitation) throw gone()
        if (invitation.used_at) throw new HttpError(410, 'closed', '这个邀请链接已经用过了，请向本妇联管理员要一个新的')
        if (new Date(invitation.expires_at).getTime() <= at.getTime()) {
          throw new HttpError(410, 'closed', '这个邀请链接已过期，请向本妇联管理员要一个新的')
        }
        const taken = await tx.query('SELECT 1 FROM accounts WHERE login = $1', [login])
        if (taken.length) throw new HttpError(409, 'duplicate', '这个账号名已经有人用了，请换一个', 'login')
        const [created] = await tx.query<{ id: string }>(
          `INSERT INTO accounts (federation_id, login, display_name, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id`,
          [invitation.federation_id, login, displayName, invitation.role, hash, at],
        )
        await tx.query('UPDATE invitations SET used_at = $2, used_by = $3 WHERE id = $1', [
          Number(invitation.id),
          at,
          Number(created.id),
        ])
        const actor = { federationId: invitation.federation_id, accountId: Number(created.id), at }
        await audit(tx, actor, 'accept', login, { role: invitation.role, invitation: Number(invitation.id) })
        const row = await this.account(tx, 'a.id = $1', [Number(created.id)])
        return this.openSession(tx, row, at)
      })
    } catch (e) {
      // Two people taking one name at the same moment: the unique index decides.
      if (isUniqueViolation(e)) throw new HttpError(409, 'duplicate', '这个账号名已经有人用了，请换一个', 'login')
      throw e
    }
  }

  /** A staff member of her own federation, locked for the change; 404 or 403 otherwise. */
  private async member(tx: Queryable, principal: Principal, id: number): Promise<AccountRow> {
    const row = await this.account(tx, 'a.id = $1', [id], true)
    if (!row) throw notFound('没有找到这个成员')
    if (row.federation_id !== principal.federation.id) throw notOurs('账号')
    return row
  }

  /**
   * Locks the enabled 管理员 rows of her federation, in id order, before any other row: two
   * admins changing each other at once then queue instead of deadlocking, and the second sees
   * the first one's change. Refuses her if she is no longer one of them.
   */
  private async lockAdmins(tx: Queryable, principal: Principal): Promise<number[]> {
    const rows = await tx.query<{ id: string }>(
      `SELECT id FROM accounts WHERE federation_id = $1 AND role = 'admin' AND NOT disabled ORDER BY id FOR UPDATE`,
      [principal.federation.id],
    )
    const admins = rows.map((r) => Number(r.id))
    if (!admins.includes(principal.id)) throw new HttpError(403, 'forbidden', '你已不是本妇联的管理员，不能做这个操作')
    return admins
  }

  /** Refuses a change that would leave the federation without an enabled 管理员. */
  private keepOneAdmin(admins: number[], leaving: AccountRow, what: string) {
    if (leaving.role !== 'admin' || leaving.disabled) return
    if (admins.filter((id) => id !== Number(leaving.id)).length === 0) {
      throw new HttpError(409, 'invalid', `这是本妇联最后一位管理员，不能${what}。请先让另一位成员成为管理员`)
    }
  }

  async setDisabled(principal: Principal, id: number, disabled: boolean): Promise<StaffMember> {
    const at = this.now()
    await this.db.transaction(async (tx) => {
      const admins = await this.lockAdmins(tx, principal)
      const row = await this.member(tx, principal, id)
      if (row.disabled === disabled) return
      if (disabled) this.keepOneAdmin(admins, row, '停用')
      await tx.query('UPDATE accounts SET disabled = $2, updated_at = $3 WHERE id = $1', [id, disabled, at])
      // A disabled account is out at once, on every device.
      if (disabled) await tx.query('DELETE FROM auth_sessions WHERE account_id = $1', [id])
      await audit(tx, this.actor(principal, row.federation_id, at), disabled ? 'disable' : 'enable', row.login, {})
    })
    return this.memberView(principal, id)
  }

  async setRole(principal: Principal, id: number, role: Role): Promise<StaffMember> {
    if (!isRole(role)) throw invalid('请选择角色', 'role')
    const at = this.now()
    await this.db.transaction(async (tx) => {
      const admins = await this.lockAdmins(tx, principal)
      const row = await this.member(tx, principal, id)
      if (row.role === role) return
      if (role !== 'admin') this.keepOneAdmin(admins, row, `改为${ROLE_LABELS[role]}`)
      await tx.query('UPDATE accounts SET role = $2, updated_at = $3 WHERE id = $1', [id, role, at])
      await audit(tx, this.actor(principal, row.federation_id, at), 'role', row.login, { from: row.role, to: role })
    })
    return this.memberView(principal, id)
  }

  /** A one-time password shown once; she must change it at the next login. Her sessions end. */
  async resetPassword(principal: Principal, id: number): Promise<{ temporaryPassword: string }> {
    const password = temporaryPassword()
    const hash = await hashPassword(password, this.settings.cost)
    const at = this.now()
    await this.db.transaction(async (tx) => {
      const row = await this.member(tx, principal, id)
      await tx.query(
        `UPDATE accounts SET password_hash = $2, must_change_password = true, dev_seed = false,
                failed_logins = 0, locked_until = NULL, updated_at = $3
          WHERE id = $1`,
        [id, hash, at],
      )
      await tx.query('DELETE FROM auth_sessions WHERE account_id = $1', [id])
      await audit(tx, this.actor(principal, row.federation_id, at), 'reset_password', row.login, {})
    })
    return { temporaryPassword: password }
  }

  private async memberView(principal: Principal, id: number): Promise<StaffMember> {
    const found = (await this.staff(principal.federation.id)).find((m) => m.id === id)
    if (!found) throw notFound('没有找到这个成员')
    return found
  }

  /** The command line's first 管理员 of a federation (npm run admin -- create-admin). */
  async createAdmin(input: {
    federationId: string
    login: string
    displayName: string
    password: string
  }): Promise<AccountView> {
    const federations = await this.db.query<{ id: string }>('SELECT id FROM federations ORDER BY id')
    if (!federations.some((f) => f.id === input.federationId)) {
      throw new Error(
        `没有这个妇联：${input.federationId}。现有的妇联：${federations.map((f) => f.id).join('、') || '（还没有）'}`,
      )
    }
    const problem = loginProblem(input.login)
    if (problem) throw new Error(problem)
    const login = normalizeLogin(input.login)
    const displayName = checkDisplayName(input.displayName)
    const passwordIssue = passwordProblem(input.password, login)
    if (passwordIssue) throw new Error(passwordIssue)
    const hash = await hashPassword(input.password, this.settings.cost)
    const at = this.now()
    try {
      return await this.db.transaction(async (tx) => {
        const [created] = await tx.query<{ id: string }>(
          `INSERT INTO accounts (federation_id, login, display_name, role, password_hash, created_at, updated_at)
           VALUES ($1, $2, $3, 'admin', $4, $5, $5) RETURNING id`,
          [input.federationId, login, displayName, hash, at],
        )
        await audit(tx, { federationId: input.federationId, accountId: null, at }, 'create_admin', login, {
          via: 'cli',
        })
        return view(await this.account(tx, 'a.id = $1', [Number(created.id)]))
      })
    } catch (e) {
      if (isUniqueViolation(e)) throw new Error(`账号名 ${login} 已经有人用了，请换一个`)
      throw e
    }
  }

  /**
   * Development: every federation without an account gets a 管理员 with the documented password.
   * Two servers starting at once make one each at most (the login is unique).
   */
  async seedDevAdmins(): Promise<string[]> {
    if (this.settings.production) return []
    const bare = await this.db.query<{ id: string; name: string }>(
      `SELECT f.id, f.name FROM federations f
        WHERE NOT EXISTS (SELECT 1 FROM accounts a WHERE a.federation_id = f.id) ORDER BY f.id`,
    )
    const made: string[] = []
    const at = this.now()
    for (const f of bare) {
      const rows = await this.db.query<{ login: string }>(
        `INSERT INTO accounts (federation_id, login, display_name, role, password_hash, dev_seed, created_at, updated_at)
         VALUES ($1, $2, $3, 'admin', $4, true, $5, $5) ON CONFLICT (login) DO NOTHING RETURNING login`,
        [
          f.id,
          devLogin(f.id),
          `${f.name}管理员（开发）`,
          await hashPassword(devPassword(f.id), this.settings.cost),
          at,
        ],
      )
      made.push(...rows.map((r) => r.login))
    }
    return made
  }

  /**
   * Enabled accounts production must not start with: made by the development seed, or still
   * opening with their federation's documented development password.
   */
  async devAccountProblems(): Promise<string[]> {
    const rows = await this.db.query<{
      login: string
      federation_id: string
      password_hash: string
      dev_seed: boolean
    }>('SELECT login, federation_id, password_hash, dev_seed FROM accounts WHERE NOT disabled ORDER BY login')
    const problems: string[] = []
    for (const r of rows) {
      if (r.dev_seed) problems.push(`账号 ${r.login}（${r.federation_id}）是开发环境自动建的，密码是公开的`)
      else if (await verifyPassword(devPassword(r.federation_id), r.password_hash))
        problems.push(`账号 ${r.login}（${r.federation_id}）的密码还是开发用的公开密码`)
    }
    return problems
  }

  /** Deletes sessions past either end; a session is also deleted when it is next shown, and at its account's next login. */
  async deleteEndedSessions(): Promise<number> {
    const at = this.now()
    const rows = await this.db.query<{ token_hash: string }>(
      'DELETE FROM auth_sessions WHERE expires_at <= $1 OR last_seen_at <= $2 RETURNING token_hash',
      [at, new Date(at.getTime() - this.settings.sessionIdleMs)],
    )
    return rows.length
  }

  /** At start: ended sessions go; development seeds; production refuses development accounts, naming them. */
  async prepare(): Promise<string[]> {
    await this.deleteEndedSessions()
    if (!this.settings.production) return this.seedDevAdmins()
    const problems = await this.devAccountProblems()
    if (problems.length) {
      throw new Error(
        `有组织者账号还能用开发密码登录，生产环境不能启动：\n- ${problems.join('\n- ')}\n` +
          '请先停用这些账号或修改它们的密码（在组织者页面，或 npm run admin -- create-admin 另建管理员后停用）',
      )
    }
    return []
  }
}
