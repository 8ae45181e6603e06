// Accounts at start and from the command line: production refuses development accounts (seeded,
// or still opening with the documented password), never seeds, and `npm run admin -- create-admin`
// makes a 管理员 who can log in.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { startApiProcess } from '../../scripts/api-process.cjs'
import { Accounts } from '../../server/src/accounts'
import { hashPassword } from '../../server/src/auth-passwords'
import { createAdmin } from '../../server/src/cli/accounts'
import { ROOT } from '../../server/src/config'
import { createServer } from '../../server/src/server'
import { federationIds } from '../support/content-files'
import {
  backends,
  freshDatabase,
  loginToken,
  NOW,
  send,
  startTestServer,
  TEST_COST,
  testConfig,
  type TestServer,
} from './support'

jest.setTimeout(120_000)

/** Every federation in mock/: development gives each one its 管理员. */
const FEDERATIONS = federationIds

describe.each(backends())('production and development accounts (%s)', (backend) => {
  it('production refuses to start while an enabled account is seeded or opens with its development password', async () => {
    const database = await freshDatabase(backend)
    const db = await database.open()
    try {
      const dev = await createServer(testConfig(), { db, now: () => NOW, logger: false })
      await dev.app.close()
      expect([...dev.devAdmins].sort()).toEqual(FEDERATIONS.map((f) => `${f}-admin`))

      const production = new Accounts(db, { ...testConfig().accounts, production: true }, () => NOW)
      const seeded = (await production.prepare().catch((e: Error) => e.message)) as string
      expect(seeded).toContain('有组织者账号还能用开发密码登录，生产环境不能启动')
      for (const f of FEDERATIONS) expect(seeded).toContain(`账号 ${f}-admin（${f}）是开发环境自动建的，密码是公开的`)

      // Not marked as seeded any more, but the password is still the documented one: refused all the same.
      await db.query('UPDATE accounts SET dev_seed = false')
      const stillOpen = (await production.prepare().catch((e: Error) => e.message)) as string
      expect(stillOpen).toContain('账号 wudu-2020-admin（wudu-2020）的密码还是开发用的公开密码')

      // Disabled, or with a password of its own: production starts, and seeds nothing.
      await db.query("UPDATE accounts SET disabled = true WHERE login <> 'wudu-2020-admin'")
      await db.query("UPDATE accounts SET password_hash = $1 WHERE login = 'wudu-2020-admin'", [
        await hashPassword('our-own-secret-77', TEST_COST),
      ])
      expect(await production.prepare()).toEqual([])

      // createServer itself refuses, naming the account, once one is enabled again.
      await db.query("UPDATE accounts SET disabled = false WHERE login = 'hebei-2021-admin'")
      const config = testConfig()
      await expect(
        createServer(
          { ...config, accounts: { ...config.accounts, production: true } },
          { db, now: () => NOW, logger: false },
        ),
      ).rejects.toThrow('账号 hebei-2021-admin（hebei-2021）的密码还是开发用的公开密码')
    } finally {
      await db.close().catch(() => undefined)
      await database.drop()
    }
  })

  describe('create-admin', () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer(backend)
    })
    afterAll(() => server.close())

    const run = (argv: string[], stdin = 'meadow-bright-2026\n', isTTY = false) =>
      createAdmin(server.db, testConfig(), argv, { stdin: Object.assign(Readable.from([stdin]), { isTTY }) })

    it('makes a 管理员 who can log in, with the password from standard input', async () => {
      const message = await run([
        '--federation',
        'wudu-2020',
        '--login',
        'Wang.Fang',
        '--name',
        '王芳',
        '--password-stdin',
      ])
      expect(message).toContain('已创建管理员 wang.fang（王芳，')
      const token = await loginToken(server, { login: 'wang.fang', password: 'meadow-bright-2026' })
      const me = JSON.parse(
        (
          await send(server.origin, {
            method: 'GET',
            url: '/api/auth/me',
            headers: { authorization: `Bearer ${token}` },
          })
        ).body,
      )
      expect(me.account).toMatchObject({ login: 'wang.fang', role: 'admin', federation: { id: 'wudu-2020' } })
      const logged = await server.db.query<{ account_id: unknown; target: string }>(
        "SELECT account_id, target FROM audit_log WHERE action = 'create_admin'",
      )
      expect(logged).toEqual([{ account_id: null, target: 'wang.fang' }])
    })

    it('asks on the terminal when there is one', async () => {
      const asked: string[] = []
      const message = await createAdmin(
        server.db,
        testConfig(),
        ['--federation', 'hebei-2021', '--login', 'li-na', '--name', '李娜'],
        {
          stdin: Object.assign(Readable.from([]), { isTTY: true }),
          ask: async (q) => {
            asked.push(q)
            return 'typed-at-prompt-1'
          },
        },
      )
      expect(message).toContain('li-na')
      expect(asked).toEqual(['新管理员的密码（输入时不显示）：'])
      expect(await loginToken(server, { login: 'li-na', password: 'typed-at-prompt-1' })).toMatch(/^[\w-]{43}$/)
    })

    it('refuses an unknown federation, a password on the command line, weak passwords and taken names', async () => {
      const base = ['--login', 'zhao-li', '--name', '赵丽', '--password-stdin']
      await expect(run(['--federation', 'nowhere', ...base])).rejects.toThrow(
        `没有这个妇联：nowhere。现有的妇联：${FEDERATIONS.join('、')}`,
      )
      await expect(
        run(['--federation', 'wudu-2020', '--login', 'zhao-li', '--name', '赵丽', '--password', 'x']),
      ).rejects.toThrow('密码不能写在命令行里')
      await expect(run(['--federation', 'wudu-2020', ...base], 'short\n')).rejects.toThrow('密码至少要10个字符')
      await expect(run(['--federation', 'wudu-2020', '--login', 'zhao-li', '--name', '赵丽'])).rejects.toThrow(
        '没有终端可以输入密码',
      )
      await expect(run(['--federation', 'wudu-2020', '--login', 'zhao-li', '--password-stdin'])).rejects.toThrow(
        '缺少 --name（姓名）',
      )
      await expect(
        run(['--federation', 'wudu-2020', '--login', 'wudu-2020-admin', '--name', '重名', '--password-stdin']),
      ).rejects.toThrow('账号名 wudu-2020-admin 已经有人用了')
      const made = await server.db.query("SELECT 1 FROM accounts WHERE login = 'zhao-li'")
      expect(made).toEqual([])
    })
  })
})

describe('npm run admin -- create-admin, as its own process', () => {
  it('creates a 管理员 in the data directory a server then lets log in; production refuses the seeded ones', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'jg-admin-'))
    const env = { ...process.env, PGLITE_DIR: dataDir, DATABASE_URL: '', RATE_LIMIT_PER_MINUTE: '0' }
    const cli = (args: string[], input: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'server/src/admin.ts', 'create-admin', ...args], {
        cwd: ROOT,
        env,
        input,
        encoding: 'utf8',
        timeout: 60_000,
      })
    try {
      // A first start loads the federations.
      const first = await startApiProcess({ PGLITE_DIR: dataDir, DATABASE_URL: '' })
      await first.stop()
      const refused = cli(['--federation', 'nowhere', '--login', 'liu-min', '--name', '刘敏', '--password-stdin'], 'x')
      expect(refused.status).toBe(1)
      expect(refused.stderr).toContain('没有这个妇联：nowhere')
      const made = cli(
        ['--federation', 'zhuzhou-2020', '--login', 'liu-min', '--name', '刘敏', '--password-stdin'],
        'garden-path-2026\n',
      )
      expect([made.status, made.stderr]).toEqual([0, ''])
      expect(made.stdout).toContain('已创建管理员 liu-min（刘敏')

      const second = await startApiProcess({ PGLITE_DIR: dataDir, DATABASE_URL: '' })
      try {
        const token = await loginToken(
          { inject: (o) => send(second.origin, o) },
          { login: 'liu-min', password: 'garden-path-2026' },
        )
        const roster = await send(second.origin, {
          method: 'GET',
          url: '/api/organizer/programs',
          headers: { authorization: `Bearer ${token}` },
        })
        expect(JSON.parse(roster.body).federation.id).toBe('zhuzhou-2020')
      } finally {
        await second.stop()
      }

      // The same data in production: refused at start, naming the development accounts still open.
      const production = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        cwd: ROOT,
        env: {
          ...env,
          NODE_ENV: 'production',
          PORT: '0',
          CLIENT_ID_SECRET: 'client-id-secret-7d2e9f4a1b6c8e3d5f0a2b4c',
          WECHAT_APPID: 'wx0123456789abcdef',
          WECHAT_SECRET: '0123456789abcdef0123456789abcdef',
          BOOKER_SECRET: 'booker-secret-5c1e8a7d3f9b2e6a4d0c8f1b',
          SMS_PROVIDER: 'webhook',
          SMS_WEBHOOK_URL: 'https://sms.example.cn/send',
          SMS_WEBHOOK_TOKEN: 'sms-gateway-token-2b7e4f9a1c6d3e8b5a0f',
          WECHAT_NOTICES: 'off',
        },
        encoding: 'utf8',
        timeout: 60_000,
      })
      expect(production.status).toBe(1)
      expect(production.stderr).toContain('服务器没能启动：有组织者账号还能用开发密码登录，生产环境不能启动')
      expect(production.stderr).toContain('账号 zhuzhou-2020-admin（zhuzhou-2020）是开发环境自动建的')
      expect(production.stderr).not.toContain('liu-min')
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
