// Organizer accounts over HTTP, on PGlite and PostgreSQL: login and sessions, roles and their
// limits, federations kept apart, slow-down and lockout (at the same moment too), invitations,
// disabling, password resets, the last 管理员, the audit log, and the development seed accounts.
import { createHash } from 'node:crypto'
import { LOCKOUT } from '../../server/src/accounts'
import { federationIds } from '../support/content-files'
import * as passwords from '../../server/src/auth-passwords'
import {
  backends,
  devAdmin,
  loginToken,
  NOW,
  organizerToken,
  startTestServer,
  type InjectOptions,
  type Reply,
  type TestServer,
  asStaff,
} from './support'

const json = (r: Reply) => JSON.parse(r.body)
const error = (r: Reply) => [r.statusCode, json(r).error?.message]
const EXPIRED = '登录已过期，请重新登录'
const HOUR = 3600_000
const ROSTER = '/api/organizer/programs/wd-housekeeping/roster'

describe.each(backends())('organizer accounts (%s)', (backend) => {
  let server: TestServer
  let at: Date
  const move = (ms: number) => {
    at = new Date(at.getTime() + ms)
  }
  beforeAll(async () => {
    at = NOW
    server = await startTestServer(backend, { now: () => at })
  })
  afterAll(() => server.close())
  beforeEach(() => {
    at = NOW
  })

  const as = (token: string, method: InjectOptions['method'] | 'PUT', url: string, payload?: unknown): Promise<Reply> =>
    server.inject(asStaff(token, method, url, payload))
  const login = (login: string, password: string) =>
    server.inject({ method: 'POST', url: '/api/auth/login', payload: { login, password } })
  const accountRow = async (login: string) =>
    (
      await server.db.query<{ id: string; failed_logins: number; dev_seed: boolean; disabled: boolean }>(
        'SELECT id, failed_logins, dev_seed, disabled FROM accounts WHERE login = $1',
        [login],
      )
    )[0]

  let people = 0
  /** A new account of `role` in 武都, made through an invitation by its 管理员. */
  async function member(role: 'admin' | 'editor' | 'viewer', federationId = 'wudu-2020') {
    const admin = await organizerToken(server, federationId)
    const invitation = json(await as(admin, 'POST', '/api/workspace/invitations', { role }))
    const who = { login: `${role}-${backend}-${++people}`, displayName: `成员${people}`, password: 'river-stone-42' }
    const accepted = await server.inject({
      method: 'POST',
      url: `/api/auth/invitations/${invitation.token}/accept`,
      payload: who,
    })
    expect(accepted.statusCode).toBe(200)
    return { ...who, id: json(accepted).account.id as number, token: json(accepted).token as string, admin }
  }

  describe('login, me and logout', () => {
    it('logs in with login and password, and the session opens rosters until logout', async () => {
      const r = await login('  WUDU-2020-admin ', 'jg-dev-wudu-2020')
      expect(r.statusCode).toBe(200)
      const body = json(r)
      expect(body).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        expiresAt: new Date(NOW.getTime() + 7 * 24 * HOUR).toISOString(),
        account: {
          id: expect.any(Number),
          login: 'wudu-2020-admin',
          displayName: expect.stringContaining('管理员'),
          role: 'admin',
          federation: { id: 'wudu-2020', name: expect.stringContaining('武都') },
        },
        mustChangePassword: false,
      })
      const me = await as(body.token, 'GET', '/api/auth/me')
      expect(json(me)).toEqual({ account: body.account, mustChangePassword: false })
      expect((await as(body.token, 'GET', ROSTER)).statusCode).toBe(200)

      // Only the token's SHA-256 is stored.
      const stored = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM auth_sessions')
      expect(stored.map((s) => s.token_hash)).toContain(createHash('sha256').update(body.token).digest('hex'))
      expect(stored.map((s) => s.token_hash)).not.toContain(body.token)

      expect(json(await as(body.token, 'POST', '/api/auth/logout'))).toEqual({ ok: true })
      expect(error(await as(body.token, 'GET', '/api/auth/me'))).toEqual([401, EXPIRED])
      expect(error(await as(body.token, 'GET', ROSTER))).toEqual([401, EXPIRED])
    })

    it('answers a wrong password and an unknown login alike', async () => {
      expect(error(await login('wudu-2020-admin', 'not-the-password'))).toEqual([401, '账号或密码不对'])
      // An unknown name costs a full scrypt check too, at the cost real hashes have.
      const checked = jest.spyOn(passwords, 'verifyPassword')
      expect(error(await login('nobody-here', 'not-the-password'))).toEqual([401, '账号或密码不对'])
      expect(checked).toHaveBeenCalledTimes(1)
      expect(checked.mock.calls[0][0]).toBe('not-the-password')
      expect(checked.mock.calls[0][1]).toMatch(/^scrypt\$12\$8\$1\$/)
      await expect(checked.mock.results[0].value).resolves.toBe(false)
      checked.mockRestore()
      expect(error(await login('', 'x'))).toEqual([400, '请填写账号和密码'])
      const missing = await server.inject({ method: 'POST', url: '/api/auth/login', payload: { login: 'a' } })
      expect(missing.statusCode).toBe(400)
      await server.db.query('UPDATE accounts SET failed_logins = 0 WHERE login = $1', ['wudu-2020-admin'])
    })

    it('refuses missing, forged and garbage tokens with a Chinese 401', async () => {
      expect(error(await server.inject({ method: 'GET', url: '/api/auth/me' }))).toEqual([401, '请先登录'])
      const real = await organizerToken(server, 'wudu-2020')
      const forged = real.slice(0, 42) + (real[42] === 'A' ? 'B' : 'A')
      for (const token of [forged, 'A'.repeat(43), 'garbage', '', `${real} extra`]) {
        const r = await as(token, 'GET', '/api/organizer/programs')
        expect(r.statusCode).toBe(401)
        expect(['请先登录', EXPIRED]).toContain(json(r).error.message)
      }
      const basic = await server.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { authorization: `Basic ${real}` },
      })
      expect(error(basic)).toEqual([401, '请先登录'])
    })
  })

  describe('session expiry, by the server’s clock', () => {
    it('ends a session after 12 idle hours', async () => {
      const token = await organizerToken(server, 'wudu-2020')
      move(11 * HOUR)
      expect((await as(token, 'GET', '/api/auth/me')).statusCode).toBe(200)
      // In use, it stays: 11 hours after the last request, not after login.
      move(11 * HOUR)
      expect((await as(token, 'GET', '/api/auth/me')).statusCode).toBe(200)
      move(12 * HOUR)
      expect(error(await as(token, 'GET', '/api/auth/me'))).toEqual([401, EXPIRED])
    })

    it('ends a session 7 days after login however much it is used', async () => {
      const token = await organizerToken(server, 'wudu-2020')
      for (let hours = 10; hours < 7 * 24; hours += 10) {
        move(10 * HOUR)
        expect((await as(token, 'GET', '/api/auth/me')).statusCode).toBe(200)
      }
      move(8 * HOUR)
      expect(error(await as(token, 'GET', '/api/auth/me'))).toEqual([401, EXPIRED])
    })

    it('deletes ended sessions at start, and keeps live ones', async () => {
      const idle = await organizerToken(server, 'wudu-2020')
      move(6 * HOUR)
      const live = await organizerToken(server, 'wudu-2020')
      move(7 * HOUR)
      const hashes = async () =>
        (await server.db.query<{ token_hash: string }>('SELECT token_hash FROM auth_sessions')).map((r) => r.token_hash)
      const hash = (t: string) => createHash('sha256').update(t).digest('hex')
      expect(await hashes()).toContain(hash(idle))
      await server.accounts.prepare()
      expect(await hashes()).not.toContain(hash(idle))
      expect(await hashes()).toContain(hash(live))
      expect((await as(live, 'GET', '/api/auth/me')).statusCode).toBe(200)
    })

    it('ends a session whose expiry in the database has passed', async () => {
      const token = await organizerToken(server, 'wudu-2020')
      await server.db.query('UPDATE auth_sessions SET expires_at = $2 WHERE token_hash = $1', [
        createHash('sha256').update(token).digest('hex'),
        new Date(NOW.getTime() - 1000),
      ])
      expect(error(await as(token, 'GET', ROSTER))).toEqual([401, EXPIRED])
    })
  })

  describe('roles', () => {
    it('all three roles read rosters; 编辑 and 查看 cannot manage staff', async () => {
      const editor = await member('editor')
      const viewer = await member('viewer')
      for (const who of [editor, viewer]) {
        expect((await as(who.token, 'GET', ROSTER)).statusCode).toBe(200)
        expect((await as(who.token, 'GET', `${ROSTER}.csv`)).statusCode).toBe(200)
        expect((await as(who.token, 'GET', '/api/organizer/programs')).statusCode).toBe(200)
      }
      const label = { editor: '编辑', viewer: '查看' }
      for (const who of [editor, viewer]) {
        const role = who === editor ? 'editor' : 'viewer'
        const refused = `这个操作需要管理员权限，你的角色是${label[role]}`
        const attempts = [
          await as(who.token, 'GET', '/api/workspace/staff'),
          await as(who.token, 'POST', '/api/workspace/invitations', { role: 'viewer' }),
          await as(who.token, 'POST', `/api/workspace/staff/${who.id}/role`, { role: 'admin' }),
          await as(who.token, 'POST', `/api/workspace/staff/${who.id}/reset-password`),
          await as(who.token, 'POST', `/api/workspace/staff/${editor.id}/disable`),
          await as(who.token, 'GET', '/api/workspace/audit'),
        ]
        for (const r of attempts) expect(error(r)).toEqual([403, refused])
      }
      // Nothing was changed by the refused attempts.
      expect(await accountRow(editor.login)).toMatchObject({ disabled: false })
      const staff = json(await as(editor.admin, 'GET', '/api/workspace/staff')).staff
      expect(staff.find((m: { id: number }) => m.id === viewer.id)).toMatchObject({ role: 'viewer', roleLabel: '查看' })
    })

    it('a role change takes effect on the next request', async () => {
      const viewer = await member('viewer')
      expect((await as(viewer.token, 'GET', '/api/workspace/staff')).statusCode).toBe(403)
      const changed = await as(viewer.admin, 'POST', `/api/workspace/staff/${viewer.id}/role`, { role: 'admin' })
      expect(json(changed)).toMatchObject({ id: viewer.id, role: 'admin', roleLabel: '管理员' })
      expect((await as(viewer.token, 'GET', '/api/workspace/staff')).statusCode).toBe(200)
      const bad = await as(viewer.admin, 'POST', `/api/workspace/staff/${viewer.id}/role`, { role: 'owner' })
      expect(bad.statusCode).toBe(400)
    })
  })

  describe('federations kept apart', () => {
    it('another federation’s program, account and audit log answer 403 or stay out of sight', async () => {
      const chengdu = await organizerToken(server, 'chengdu-2020')
      const wuduEditor = await member('editor')
      expect(error(await as(chengdu, 'GET', ROSTER))).toEqual([403, '这不是你所在妇联的项目，看不到它的报名名单'])
      for (const [url, payload] of [
        [`/api/workspace/staff/${wuduEditor.id}/disable`, undefined],
        [`/api/workspace/staff/${wuduEditor.id}/enable`, undefined],
        [`/api/workspace/staff/${wuduEditor.id}/role`, { role: 'viewer' }],
        [`/api/workspace/staff/${wuduEditor.id}/reset-password`, undefined],
      ] as const) {
        expect(error(await as(chengdu, 'POST', url, payload))).toEqual([403, '这不是你所在妇联的账号'])
      }
      expect(await accountRow(wuduEditor.login)).toMatchObject({ disabled: false })
      expect(error(await as(chengdu, 'POST', '/api/workspace/staff/999999/disable'))).toEqual([404, '没有找到这个成员'])
      expect((await as(chengdu, 'POST', '/api/workspace/staff/abc/disable')).statusCode).toBe(404)

      const staff = json(await as(chengdu, 'GET', '/api/workspace/staff')).staff as Array<{ login: string }>
      expect(staff.map((m) => m.login)).toEqual(['chengdu-2020-admin'])
      const audit = json(await as(chengdu, 'GET', '/api/workspace/audit')).entries as Array<{ target: string }>
      expect(audit.map((e) => e.target)).not.toContain(wuduEditor.login)
      const wuduAudit = json(await as(wuduEditor.admin, 'GET', '/api/workspace/audit')).entries
      expect(wuduAudit.map((e: { target: string }) => e.target)).toContain(wuduEditor.login)
    })
  })

  describe('slow-down and lockout', () => {
    it('after 3 wrong passwords each try waits longer; after 10 the account locks for 15 minutes', async () => {
      const { login: name, password } = devAdmin('zhuzhou-2020')
      for (let i = 1; i <= 2; i++) expect(error(await login(name, 'wrong-password!'))).toEqual([401, '账号或密码不对'])
      expect(error(await login(name, 'wrong-password!'))).toEqual([401, '账号或密码不对。错误次数较多，请5秒后再试'])
      // While waiting, even the right password is not tried.
      const early = await login(name, password)
      expect(error(early)).toEqual([429, '密码错误次数较多，请5秒后再试'])
      expect(early.headers['retry-after']).toBe('5')
      move(4000)
      const later = await login(name, password)
      expect([later.statusCode, later.headers['retry-after']]).toEqual([429, '1'])
      expect(json(later).error.message).toBe('密码错误次数较多，请1秒后再试')

      const waits = [10, 20, 40, 80, 160, 320]
      move(1000)
      for (const [i, wait] of waits.entries()) {
        expect(error(await login(name, 'wrong-password!'))).toEqual([
          401,
          `账号或密码不对。错误次数较多，请${wait < 60 ? `${wait}秒` : `${Math.ceil(wait / 60)}分钟`}后再试`,
        ])
        expect((await accountRow(name)).failed_logins).toBe(4 + i)
        move(wait * 1000)
      }
      const locked = '密码错误次数太多，账号已锁定，请15分钟后再试，或请本妇联管理员重置密码'
      expect(error(await login(name, 'wrong-password!'))).toEqual([401, locked])
      const tryAgain = await login(name, password)
      expect(error(tryAgain)).toEqual([429, locked])
      expect(tryAgain.headers['retry-after']).toBe('900')
      move(14 * 60_000)
      expect(json(await login(name, password)).error.message).toBe(
        '密码错误次数太多，账号已锁定，请1分钟后再试，或请本妇联管理员重置密码',
      )
      move(60_000)
      // Once the lock is over, the right password works and the count starts again.
      expect((await login(name, password)).statusCode).toBe(200)
      expect((await accountRow(name)).failed_logins).toBe(0)
      const entries = json(await as(await organizerToken(server, 'zhuzhou-2020'), 'GET', '/api/workspace/audit'))
        .entries as Array<{ action: string; target: string; account: unknown; detail: unknown }>
      expect(entries.filter((e) => e.action === 'lockout')).toEqual([
        expect.objectContaining({ target: name, account: null, detail: { failures: 10, minutes: 15 } }),
      ])
    })

    it('wrong passwords sent at the same moment are not each counted from the same number', async () => {
      const { login: name, password } = devAdmin('hebei-2021')
      const replies = await Promise.all(Array.from({ length: 20 }, () => login(name, 'wrong-password!')))
      const answered = replies.filter((r) => r.statusCode === 401)
      const waited = replies.filter((r) => r.statusCode === 429)
      expect(answered.length + waited.length).toBe(20)
      // Each answered guess is one counted failure; the rest were told to wait, unanswered.
      const { failed_logins } = await accountRow(name)
      expect(answered.length).toBe(failed_logins)
      expect(failed_logins).toBeGreaterThanOrEqual(1)
      expect(failed_logins).toBeLessThanOrEqual(LOCKOUT.freeTries)
      for (const r of waited) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0)

      // At 9, twenty at once: exactly one of them is the tenth, and locks the account once.
      move(60_000)
      await server.db.query('UPDATE accounts SET failed_logins = 9, locked_until = NULL WHERE login = $1', [name])
      const last = await Promise.all(Array.from({ length: 20 }, () => login(name, 'wrong-password!')))
      expect(last.filter((r) => r.statusCode === 401)).toHaveLength(1)
      expect((await accountRow(name)).failed_logins).toBe(10)
      const lockouts = await server.db.query('SELECT 1 FROM audit_log WHERE action = $1 AND target = $2', [
        'lockout',
        name,
      ])
      expect(lockouts).toHaveLength(1)
      expect((await login(name, password)).statusCode).toBe(429)
    })

    it('a password reset by the 管理员 lifts the lock', async () => {
      const viewer = await member('viewer')
      await server.db.query('UPDATE accounts SET failed_logins = 10, locked_until = $2 WHERE id = $1', [
        viewer.id,
        new Date(NOW.getTime() + 15 * 60_000),
      ])
      const staff = json(await as(viewer.admin, 'GET', '/api/workspace/staff')).staff
      expect(staff.find((m: { id: number }) => m.id === viewer.id).locked).toBe(true)
      const { temporaryPassword } = json(
        await as(viewer.admin, 'POST', `/api/workspace/staff/${viewer.id}/reset-password`),
      )
      expect((await login(viewer.login, temporaryPassword)).statusCode).toBe(200)
    })
  })

  describe('invitations', () => {
    it('are one-time links that make an account of the invited role and federation', async () => {
      const admin = await organizerToken(server, 'wudu-2020')
      const r = await as(admin, 'POST', '/api/workspace/invitations', { role: 'editor', note: '给宣传部的小李' })
      const invitation = json(r)
      expect(invitation).toEqual({
        token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
        path: `/subpackages/organizer/index?invite=${invitation.token}`,
        expiresAt: new Date(NOW.getTime() + 7 * 24 * HOUR).toISOString(),
      })
      const stored = await server.db.query<{ token_hash: string }>('SELECT token_hash FROM invitations')
      expect(stored.map((s) => s.token_hash)).not.toContain(invitation.token)

      const accept = (payload: unknown, token = invitation.token) =>
        server.inject({ method: 'POST', url: `/api/auth/invitations/${token}/accept`, payload })
      const person = { login: `Li-${backend}`, displayName: ' 李晓红 ', password: 'river-stone-42' }
      expect(error(await accept({ ...person, password: 'short' }))).toEqual([400, '密码至少要10个字符'])
      expect(error(await accept({ ...person, login: 'wudu-2020-admin' }))).toEqual([
        409,
        '这个账号名已经有人用了，请换一个',
      ])
      expect(error(await accept({ ...person, login: '王芳' }))[0]).toBe(400)
      const accepted = await accept(person)
      expect(json(accepted)).toMatchObject({
        account: { login: `li-${backend}`, displayName: '李晓红', role: 'editor', federation: { id: 'wudu-2020' } },
        mustChangePassword: false,
      })
      expect((await as(json(accepted).token, 'GET', ROSTER)).statusCode).toBe(200)
      expect((await login(`li-${backend}`, 'river-stone-42')).statusCode).toBe(200)

      expect(error(await accept({ ...person, login: `li2-${backend}` }))).toEqual([
        410,
        '这个邀请链接已经用过了，请向本妇联管理员要一个新的',
      ])
      expect(error(await accept(person, 'A'.repeat(43)))[0]).toBe(404)
      expect(error(await accept(person, 'nope'))[0]).toBe(404)
    })

    it('expire after 7 days', async () => {
      const admin = await organizerToken(server, 'wudu-2020')
      const { token } = json(await as(admin, 'POST', '/api/workspace/invitations', { role: 'viewer' }))
      move(7 * 24 * HOUR)
      const r = await server.inject({
        method: 'POST',
        url: `/api/auth/invitations/${token}/accept`,
        payload: { login: `late-${backend}`, displayName: '迟到', password: 'river-stone-42' },
      })
      expect(error(r)).toEqual([410, '这个邀请链接已过期，请向本妇联管理员要一个新的'])
      expect(await accountRow(`late-${backend}`)).toBeUndefined()
    })
  })

  describe('disabling, resets and passwords', () => {
    it('disabling ends every session of the account at once, and enabling lets it log in again', async () => {
      const editor = await member('editor')
      const second = await loginToken(server, editor)
      const r = await as(editor.admin, 'POST', `/api/workspace/staff/${editor.id}/disable`)
      expect(json(r)).toMatchObject({ id: editor.id, disabled: true })
      for (const token of [editor.token, second]) expect(error(await as(token, 'GET', ROSTER))).toEqual([401, EXPIRED])
      expect(error(await login(editor.login, editor.password))).toEqual([403, '这个账号已停用，请联系本妇联管理员'])
      await as(editor.admin, 'POST', `/api/workspace/staff/${editor.id}/enable`)
      expect((await login(editor.login, editor.password)).statusCode).toBe(200)
    })

    it('a reset gives a one-time password that must be changed before anything else', async () => {
      const editor = await member('editor')
      const r = await as(editor.admin, 'POST', `/api/workspace/staff/${editor.id}/reset-password`)
      const { temporaryPassword } = json(r)
      expect(temporaryPassword).toMatch(/^[A-Za-z2-9]{16}$/)
      expect(error(await as(editor.token, 'GET', '/api/auth/me'))).toEqual([401, EXPIRED])
      expect((await login(editor.login, editor.password)).statusCode).toBe(401)

      const session = json(await login(editor.login, temporaryPassword))
      expect(session.mustChangePassword).toBe(true)
      expect(error(await as(session.token, 'GET', ROSTER))).toEqual([403, '请先修改密码，再继续操作'])
      expect(json(await as(session.token, 'GET', '/api/auth/me')).mustChangePassword).toBe(true)
      const change = (current: string, next: string) =>
        as(session.token, 'POST', '/api/auth/password', { current, next })
      expect(error(await change('wrong-current-1', 'new-river-stone-7'))).toEqual([400, '当前密码不对'])
      expect(error(await change(temporaryPassword, 'short'))).toEqual([400, '密码至少要10个字符'])
      expect(error(await change(temporaryPassword, temporaryPassword))).toEqual([400, '新密码不能和当前密码一样'])
      expect(json(await change(temporaryPassword, 'new-river-stone-7'))).toEqual({ ok: true })
      expect((await as(session.token, 'GET', ROSTER)).statusCode).toBe(200)
      expect((await login(editor.login, temporaryPassword)).statusCode).toBe(401)
      expect((await login(editor.login, 'new-river-stone-7')).statusCode).toBe(200)
    })

    it('changing her own password ends her other sessions and keeps this one', async () => {
      const viewer = await member('viewer')
      const other = await loginToken(server, viewer)
      await as(viewer.token, 'POST', '/api/auth/password', { current: viewer.password, next: 'lake-moon-2026' })
      expect((await as(viewer.token, 'GET', ROSTER)).statusCode).toBe(200)
      expect(error(await as(other, 'GET', ROSTER))).toEqual([401, EXPIRED])
    })
  })

  describe('the last 管理员', () => {
    it('cannot be disabled or demoted, by herself or anyone', async () => {
      const admin = await organizerToken(server, 'huizhou-2020')
      const me = json(await as(admin, 'GET', '/api/auth/me')).account
      const last = '这是本妇联最后一位管理员，不能停用。请先让另一位成员成为管理员'
      expect(error(await as(admin, 'POST', `/api/workspace/staff/${me.id}/disable`))).toEqual([409, last])
      expect(error(await as(admin, 'POST', `/api/workspace/staff/${me.id}/role`, { role: 'editor' }))).toEqual([
        409,
        '这是本妇联最后一位管理员，不能改为编辑。请先让另一位成员成为管理员',
      ])
      // With a second 管理员, she may step down; then the other one is the last.
      const other = await member('admin', 'huizhou-2020')
      expect(json(await as(admin, 'POST', `/api/workspace/staff/${me.id}/role`, { role: 'editor' })).role).toBe(
        'editor',
      )
      expect(error(await as(other.token, 'POST', `/api/workspace/staff/${other.id}/disable`))).toEqual([409, last])
      await as(other.token, 'POST', `/api/workspace/staff/${me.id}/role`, { role: 'admin' })
    })

    it('two 管理员 demoting or disabling each other at the same moment: one stays, ten rounds over', async () => {
      const seedId = json(await as(await organizerToken(server, 'chengdu-2020'), 'GET', '/api/auth/me')).account.id
      const other = await member('admin', 'chengdu-2020')
      for (let round = 0; round < 10; round++) {
        const seed = await organizerToken(server, 'chengdu-2020')
        const otherToken = await loginToken(server, other)
        const disable = round % 2 === 1
        const step = (token: string, id: number) =>
          disable
            ? as(token, 'POST', `/api/workspace/staff/${id}/disable`)
            : as(token, 'POST', `/api/workspace/staff/${id}/role`, { role: 'viewer' })
        const [x, y] = await Promise.all([step(seed, other.id), step(otherToken, seedId)])
        // They queue on the admin rows (no deadlock, no 5xx). The second finds she is no longer a
        // 管理员 (403, in the transaction or already at the role check), or that her session ended
        // with her disabled account (401).
        const [won, lost] = x.statusCode === 200 ? [x, y] : [y, x]
        expect(won.statusCode).toBe(200)
        expect([
          [401, EXPIRED],
          [403, '你已不是本妇联的管理员，不能做这个操作'],
          [403, '这个操作需要管理员权限，你的角色是查看'],
        ]).toContainEqual(error(lost))
        const admins = await server.db.query<{ id: string }>(
          "SELECT id FROM accounts WHERE federation_id = 'chengdu-2020' AND role = 'admin' AND NOT disabled",
        )
        expect(admins).toHaveLength(1)
        // The one left puts the other back for the next round.
        const [winner, loserId] = won === x ? [seed, other.id] : [otherToken, seedId]
        await as(winner, 'POST', `/api/workspace/staff/${loserId}/enable`)
        expect((await as(winner, 'POST', `/api/workspace/staff/${loserId}/role`, { role: 'admin' })).statusCode).toBe(
          200,
        )
      }
    })
  })

  describe('the audit log', () => {
    it('records who did what to whom and when, newest first, paged', async () => {
      const admin = await organizerToken(server, 'zhuzhou-2020')
      const adminId = json(await as(admin, 'GET', '/api/auth/me')).account.id
      const viewer = await member('viewer', 'zhuzhou-2020')
      move(60_000)
      await as(admin, 'POST', `/api/workspace/staff/${viewer.id}/role`, { role: 'editor' })
      await as(admin, 'POST', `/api/workspace/staff/${viewer.id}/disable`)
      await as(admin, 'POST', `/api/workspace/staff/${viewer.id}/enable`)
      await as(admin, 'POST', `/api/workspace/staff/${viewer.id}/reset-password`)

      const page = json(await as(admin, 'GET', '/api/workspace/audit?limit=5'))
      const by = { id: adminId, login: 'zhuzhou-2020-admin', displayName: expect.any(String) }
      const later = new Date(NOW.getTime() + 60_000).toISOString()
      expect(page.entries).toEqual([
        expect.objectContaining({ action: 'reset_password', target: viewer.login, account: by, at: later }),
        expect.objectContaining({ action: 'enable', target: viewer.login, account: by, at: later }),
        expect.objectContaining({ action: 'disable', target: viewer.login, account: by, at: later }),
        expect.objectContaining({
          action: 'role',
          target: viewer.login,
          account: by,
          detail: { from: 'viewer', to: 'editor' },
        }),
        expect.objectContaining({
          action: 'accept',
          target: viewer.login,
          account: expect.objectContaining({ id: viewer.id }),
          at: NOW.toISOString(),
        }),
      ])
      const ids = page.entries.map((e: { id: number }) => e.id)
      expect(page.nextBefore).toBe(ids[4])
      const next = json(await as(admin, 'GET', `/api/workspace/audit?limit=5&before=${page.nextBefore}`))
      expect(next.entries[0]).toMatchObject({ action: 'invite', account: by, detail: { role: 'viewer' } })
      expect(next.entries.every((e: { id: number }) => e.id < ids[4])).toBe(true)
      expect((await as(admin, 'GET', '/api/workspace/audit?limit=1000')).statusCode).toBe(400)
      // Her own password change, after a reset, is hers in the log.
      const reset = json(await as(admin, 'POST', `/api/workspace/staff/${viewer.id}/reset-password`))
      const session = json(await login(viewer.login, reset.temporaryPassword))
      await as(session.token, 'POST', '/api/auth/password', {
        current: reset.temporaryPassword,
        next: 'meadow-9-bright',
      })
      const newest = json(await as(admin, 'GET', '/api/workspace/audit?limit=1')).entries[0]
      expect(newest).toMatchObject({ action: 'change_password', target: viewer.login, account: { id: viewer.id } })
    })
  })

  describe('development seed accounts', () => {
    it('each federation got one 管理员 with the documented password; changing it clears the mark', async () => {
      expect([...server.devAdmins].sort()).toEqual(federationIds.map((id) => `${id}-admin`))
      expect(server.devAdmins).toContain('wudu-2020-admin')
      expect(await server.accounts.seedDevAdmins()).toEqual([])
      const admin = await organizerToken(server, 'wudu-2020')
      expect((await accountRow('wudu-2020-admin')).dev_seed).toBe(true)
      await as(admin, 'POST', '/api/auth/password', { current: 'jg-dev-wudu-2020', next: 'our-own-secret-77' })
      expect((await accountRow('wudu-2020-admin')).dev_seed).toBe(false)
      // Set back to the documented password (the other tests log in with it): the mark stays cleared.
      await as(admin, 'POST', '/api/auth/password', { current: 'our-own-secret-77', next: 'jg-dev-wudu-2020' })
      expect((await accountRow('wudu-2020-admin')).dev_seed).toBe(false)
    })
  })
})
