// Browser journeys: builds the H5 app, serves it, and drives Debian's chromium at 375×812.
// Fails on any console error. Screenshots go to tests/e2e/screenshots (git-ignored).
import { execSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { serve } from './serve.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const shots = join(root, 'tests', 'e2e', 'screenshots')
mkdirSync(shots, { recursive: true })

if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(root, 'dist', 'h5', 'index.html'))) {
  console.log('building H5…')
  execSync('npx taro build --type h5', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  console.error(`找不到 Chromium（${executablePath}）。请先运行：apt-get install -y chromium fonts-noto-cjk`)
  process.exit(1)
}

const federations = readdirSync(join(root, 'mock'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(root, 'mock', f), 'utf8')))

const server = await serve(join(root, 'dist', 'h5'))
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
})

const results = []
async function journey(name, fn, contextOptions = {}) {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    ...contextOptions,
  })
  const page = await context.newPage()
  const errors = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (err) => errors.push(String(err)))
  try {
    await fn(page)
    if (errors.length) throw new Error(`console errors:\n  ${errors.join('\n  ')}`)
    results.push({ name, ok: true })
    console.log(`✓ ${name}`)
  } catch (e) {
    results.push({ name, ok: false })
    console.log(
      `✗ ${name}\n  ${String(e?.message ?? e)
        .split('\n')
        .join('\n  ')}`,
    )
    await page.screenshot({ path: join(shots, `FAILED-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {})
  } finally {
    await context.close()
  }
}

const expectText = async (page, text, timeout = 10000) => {
  await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout })
}

await journey('feed shows every federation', async (page) => {
  await page.goto(server.url + '/')
  for (const f of federations) await expectText(page, f.federation.name)
  // Headline figures are shown formatted: 198861 → 19.9万.
  await expectText(page, '19.9万')
  await page.screenshot({ path: join(shots, 'feed.png') })
  await page.screenshot({ path: join(shots, 'feed-full.png'), fullPage: true })
})

await journey('mine tab shows the empty state', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await page.getByText('我的报名').last().click()
  await expectText(page, '还没有报名')
  await page.screenshot({ path: join(shots, 'mine.png') })
})

await journey(
  'dark theme',
  async (page) => {
    await page.goto(server.url + '/')
    for (const f of federations) await expectText(page, f.federation.name)
    const bg = await page
      .locator('.page')
      .first()
      .evaluate((el) => window.getComputedStyle(el).backgroundColor)
    if (bg !== 'rgb(20, 17, 18)') throw new Error(`dark background expected, got ${bg}`)
    await page.screenshot({ path: join(shots, 'feed-dark.png') })
  },
  { colorScheme: 'dark' },
)

await browser.close()
await server.close()

const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
