// The operator's commands: `npm run backup`, `npm run restore -- <file>`, `npm run seed`, `npm run seed:scale`,
// `npm run admin -- create-federation …` and `npm run admin -- create-admin …`, with the same settings as `npm run server` (PGLITE_DIR
// or DATABASE_URL, BACKUP_DIR, BACKUP_KEEP_DAYS).
import { existsSync } from 'node:fs'
import { createConnection } from 'node:net'
import { adminSocketPath, askServerForBackup, listBackups, makeBackup, restorePglite, restorePostgres } from './backup'
import { createAdmin } from './cli/accounts'
import { createFederation, parseNewFederation, seed } from './cli/content'
import { readConfig, type ServerConfig } from './config'
import { migrate } from './db/migrate'
import { openDatabase } from './server'

/** Whether a server answers on the admin socket (so it holds the PGlite directory). */
function serverAnswers(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    if (!existsSync(path)) return resolve(false)
    const socket = createConnection(path)
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function backup(config: ServerConfig): Promise<string> {
  if (!config.databaseUrl) {
    // PGlite serves one process: when a server holds the directory, it makes the dump itself.
    const asked = await askServerForBackup(adminSocketPath(config.dataDir))
    if (asked) return asked.file
    if (!existsSync(config.dataDir)) throw new Error(`数据目录 ${config.dataDir} 不存在，没有可备份的数据`)
  }
  const db = await openDatabase(config)
  try {
    return (await makeBackup(db, config.backups, new Date())).file
  } finally {
    await db.close()
  }
}

async function restore(config: ServerConfig, file: string | undefined): Promise<string> {
  if (!file) throw new Error('请指明要恢复的备份文件：npm run restore -- <文件>')
  if (!existsSync(file)) throw new Error(`找不到备份文件 ${file}`)
  if (config.databaseUrl) {
    if (!file.endsWith('.pgdump')) throw new Error(`${file} 不是 PostgreSQL 的备份（应以 .pgdump 结尾）`)
    await restorePostgres(file, config.databaseUrl)
    return `已把 ${file} 恢复到 DATABASE_URL 指向的数据库。`
  }
  if (!file.endsWith('.pglite.tar.gz')) throw new Error(`${file} 不是内嵌数据库的备份（应以 .pglite.tar.gz 结尾）`)
  if (await serverAnswers(adminSocketPath(config.dataDir))) {
    throw new Error(`服务器正在使用 ${config.dataDir}：请先停止服务器，再恢复备份`)
  }
  const kept = await restorePglite(file, config.dataDir, new Date())
  return kept
    ? `已恢复到 ${config.dataDir}；原来的数据保留在 ${kept}，确认无误后可以删除。`
    : `已恢复到 ${config.dataDir}。`
}

/** Opens the database as the server does (migrated to the same version) for one content command. */
async function withDatabase(
  config: ServerConfig,
  run: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<string>,
) {
  const db = await openDatabase(config)
  try {
    await migrate(db)
    return await run(db)
  } finally {
    await db.close()
  }
}

async function main(argv: string[]) {
  const config = readConfig()
  const [command, arg] = argv
  if (command === 'seed') {
    // The seed moment's clock: the sessions are dated from today, once.
    console.log(await withDatabase(config, (db) => seed(db, new Date())))
  } else if (command === 'seed-scale') {
    // Loaded only here: it reads the national division data, a development dependency a
    // production install does not have.
    const { parseScaleArgs, seedScale } = await import('./cli/scale')
    const options = parseScaleArgs(argv.slice(1))
    const r = await withDatabase(config, async (db) => {
      const done = await seedScale(db, options, new Date(), (line) => console.log(line))
      return (
        `已写入规模测试数据：${done.federations} 个妇联、${done.programs} 个项目、${done.sessions} 个场次、` +
        `${done.signups} 条报名，用时 ${done.seconds} 秒（${db.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}）。` +
        `报名最多的场次 ${done.hotSession}（项目 ${done.hotProgram}，${done.hotFederation}-admin 可看名单）`
      )
    })
    console.log(r)
  } else if (command === 'create-federation') {
    const federation = parseNewFederation(argv.slice(1))
    console.log(await withDatabase(config, (db) => createFederation(db, federation, new Date())))
  } else if (command === 'create-admin') {
    console.log(await withDatabase(config, (db) => createAdmin(db, config, argv.slice(1))))
  } else if (command === 'backup') {
    console.log(`备份完成：${await backup(config)}`)
  } else if (command === 'restore') {
    console.log(await restore(config, arg))
  } else if (command === 'list') {
    const all = listBackups(config.backups.dir)
    if (all.length === 0) console.log(`${config.backups.dir} 里还没有备份`)
    for (const b of all) console.log(`${b.takenAt.toISOString()}  ${(b.bytes / 1024).toFixed(0)} KB  ${b.file}`)
  } else {
    throw new Error(
      '用法：npm run backup | npm run restore -- <备份文件> | npm run backups | npm run seed | npm run seed:scale | ' +
        'npm run admin -- create-federation --id <id> --name <名称> --region <行政区划代码> --level <级别> | ' +
        'npm run admin -- create-admin --federation <id> --login <账号> --name <显示名> [--password-stdin]',
    )
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
