// `npm run server`: the API on HOST:PORT (127.0.0.1:8787 by default), PGlite unless DATABASE_URL is set.
import closeWithGrace from 'close-with-grace'
import { readConfig } from './config'
import { createServer } from './server'

async function main() {
  const config = readConfig()
  const started = await createServer(config)
  const { app, db, seeded, migrations } = started
  for (const problem of seeded?.problems ?? []) app.log.warn(`内容文件有问题，已跳过：${problem}`)
  app.log.info(
    {
      database: db.kind,
      migrations,
      seeded: seeded?.written.length ?? 0,
      federations: started.content.federationCount,
      purged: started.purged,
    },
    'database ready',
  )
  if (!config.weChat.appId) app.log.info('wx.login uses the development stand-in (set WECHAT_APPID / WECHAT_SECRET)')
  if (!config.sms.provider) app.log.info('SMS codes use the development stand-in: nothing is sent (set SMS_PROVIDER)')
  await app.listen({ port: config.port, host: config.host })

  // SIGTERM/SIGINT: stop taking requests, let the ones in flight finish (every database wait is
  // bounded, so they do), close the pool, exit 0; past the grace period, exit 1 anyway.
  closeWithGrace(
    {
      delay: config.shutdownGraceMs,
      logger: { error: (m: unknown) => app.log.error(String(m)) },
    },
    async ({ signal, err }) => {
      if (err) app.log.error({ failure: { type: err.name } }, 'stopping after an unexpected error')
      app.log.info({ signal }, 'stopping')
      await started.close()
    },
  )
}

main().catch((e: unknown) => {
  console.error(`服务器没能启动：${e instanceof Error ? e.message : String(e)}`)
  process.exit(1)
})
