// `npm run admin -- create-admin --federation <id> --login <name> --name <显示名>`: a federation's
// first 管理员. The password comes from standard input (--password-stdin) or a prompt that does
// not echo; never from the command line, where `ps` and the shell history would keep it.
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { Accounts } from '../accounts'
import type { ServerConfig } from '../config'
import type { Db } from '../db/db'
import { migrate } from '../db/migrate'

export const CREATE_ADMIN_USAGE =
  '用法：npm run admin -- create-admin --federation <妇联id> --login <账号名> --name <姓名> [--password-stdin]'

/** `--key value` pairs and bare `--flag`s. */
export function parseFlags(argv: string[]): Map<string, string | true> {
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (!arg.startsWith('--')) throw new Error(`看不懂的参数：${arg}\n${CREATE_ADMIN_USAGE}`)
    const next = argv[i + 1]
    if (next !== undefined && !next.startsWith('--')) {
      flags.set(arg.slice(2), next)
      i++
    } else flags.set(arg.slice(2), true)
  }
  return flags
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = ''
  for await (const chunk of stream) text += String(chunk)
  return text
}

/** Asks twice on the terminal, echoing nothing. */
async function prompt(question: string): Promise<string> {
  let muted = false
  const output = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk)
      done()
    },
  })
  const rl = createInterface({ input: process.stdin, output, terminal: true })
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      muted = false
      process.stderr.write(q)
      muted = true
      rl.question('', (answer) => {
        process.stderr.write('\n')
        resolve(answer)
      })
    })
  try {
    const first = await ask(question)
    const again = await ask('再输入一次：')
    if (first !== again) throw new Error('两次输入的密码不一样')
    return first
  } finally {
    rl.close()
  }
}

export interface CreateAdminIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean }
  ask?: (question: string) => Promise<string>
}

export async function createAdmin(
  db: Db,
  config: Pick<ServerConfig, 'accounts'>,
  argv: string[],
  io: CreateAdminIo = { stdin: process.stdin },
): Promise<string> {
  const flags = parseFlags(argv)
  if (flags.has('password')) throw new Error('密码不能写在命令行里：请用 --password-stdin 从标准输入读，或按提示输入')
  const value = (key: string, what: string) => {
    const v = flags.get(key)
    if (typeof v !== 'string' || !v.trim()) throw new Error(`缺少 --${key}（${what}）\n${CREATE_ADMIN_USAGE}`)
    return v.trim()
  }
  const federationId = value('federation', '妇联id')
  const login = value('login', '账号名')
  const displayName = value('name', '姓名')
  let password: string
  if (flags.get('password-stdin') === true) {
    // One line: the trailing line break of `echo` or a file is not part of the password.
    password = (await readAll(io.stdin)).replace(/\r?\n$/, '')
  } else if (io.stdin.isTTY) {
    password = await (io.ask ?? prompt)('新管理员的密码（输入时不显示）：')
  } else {
    throw new Error('没有终端可以输入密码：请加 --password-stdin，从标准输入传入密码')
  }
  await migrate(db)
  const accounts = new Accounts(db, config.accounts, () => new Date())
  const created = await accounts.createAdmin({ federationId, login, displayName, password })
  return `已创建管理员 ${created.login}（${created.displayName}，${created.federation.name}），现在可以用这个账号登录组织者页面。`
}
