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

// Taro's H5 router slides pages in; let the transition finish before taking a picture.
const shoot = async (page, name, options = {}) => {
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(shots, name), ...options })
}
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
  // Taro's H5 router keeps earlier pages in the DOM, hidden: only a visible match counts.
  await page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout })
}

const programsOf = (f) => f.programs

/** The feed shows a page of cards at a time; tap 加载更多 until every card is there. */
const showAllCards = async (page) => {
  await expectText(page, '年终盘点')
  const more = page.getByText('加载更多').filter({ visible: true })
  for (let i = 0; i < 10 && (await more.count()); i++) await more.first().click()
}
const deepLink = (path) => `${server.url}/#${path}`

await journey('feed shows every federation', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await shoot(page, 'feed.png')
  await showAllCards(page)
  for (const f of federations) await expectText(page, f.federation.name)
  // Headline figures are shown formatted: 198861 → 19.9万.
  await expectText(page, '19.9万')
  await shoot(page, 'feed-full.png', { fullPage: true })
})

await journey('filter by region and topic, then clear', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await page.getByLabel('地区：湖南').click()
  await expectText(page, '株洲市妇联')
  if (await page.getByText('成都市妇联').count()) throw new Error('成都 still shown after filtering to 湖南')
  await page.getByLabel('主题：健康').click()
  await expectText(page, '株洲市妇联')
  await page.getByLabel('地区：四川').click()
  await expectText(page, '没有符合条件的年终盘点')
  await shoot(page, 'feed-filter-empty.png')
  await page.getByText('清除筛选').click()
  await showAllCards(page)
  for (const f of federations) await expectText(page, f.federation.name)
})

for (const f of federations) {
  const first = programsOf(f).find((p) => p.signup) ?? programsOf(f)[0]
  await journey(`${f.federation.name}: feed → report → program`, async (page) => {
    await page.goto(server.url + '/')
    await showAllCards(page)
    await page.getByLabel(`${f.federation.name}${f.federation.year}年终盘点，查看报告`).click()
    await expectText(page, f.sections[0].title)
    await expectText(page, `《${f.source.headline}》`)
    await shoot(page, `report-${f.federation.id}.png`)
    await page.getByLabel(new RegExp(`^${first.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}，`)).click()
    await expectText(page, first.summary)
    await shoot(page, `program-${first.id}.png`)
  })
}

await journey('every report and program opens cold from its deep link', async (page) => {
  for (const f of federations) {
    await page.goto(deepLink(`/pages/report/index?id=${f.federation.id}`))
    await expectText(page, f.sections[0].title)
    for (const p of programsOf(f)) {
      await page.goto(deepLink(`/pages/program/index?id=${p.id}`))
      await expectText(page, p.summary)
    }
  }
  await page.goto(deepLink('/pages/report/index?id=no-such-federation'))
  await expectText(page, '没有找到这个妇联的年终盘点')
})

await journey('mine tab shows the empty state', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await page.getByText('我的报名').last().click()
  await expectText(page, '还没有报名')
  await shoot(page, 'mine.png')
})

await journey('大字模式 scales text to 1.4× without overflow', async (page) => {
  await page.goto(deepLink('/pages/mine/index'))
  await page.getByLabel('大字模式').first().click()
  await expectText(page, '已开启')
  const scale = await page
    .locator('.page')
    .first()
    .evaluate((el) => window.getComputedStyle(el).getPropertyValue('--font-scale').trim())
  if (scale !== '1.4') throw new Error(`font scale ${scale}, expected 1.4`)
  const overflow = async () =>
    page.evaluate(() => {
      const wide = [...document.querySelectorAll('.page *')].filter((el) => {
        const r = el.getBoundingClientRect()
        return (
          r.width > 0 &&
          (r.right > window.innerWidth + 1 || r.left < -1) &&
          !el.closest('.filter-bar__scroll') &&
          !el.closest('.ye-card__head')
        )
      })
      return wide.slice(0, 3).map((el) => `${el.className}: ${el.textContent.slice(0, 20)}`)
    })
  const check = async (name) => {
    const out = await overflow()
    if (out.length) throw new Error(`${name} overflows at 1.4×: ${out.join('; ')}`)
    await shoot(page, `${name}-large.png`)
  }
  await check('mine')
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await check('feed')
  await page.goto(deepLink(`/pages/report/index?id=${federations[1].federation.id}`))
  await expectText(page, federations[1].sections[0].title)
  await check('report')
  const p = programsOf(federations[1]).find((x) => x.signup)
  await page.goto(deepLink(`/pages/program/index?id=${p.id}`))
  await expectText(page, p.summary)
  await check('program')
})

await journey(
  'dark theme',
  async (page) => {
    await page.goto(server.url + '/')
    await expectText(page, federations[0].federation.name)
    const bg = await page
      .locator('.page')
      .first()
      .evaluate((el) => window.getComputedStyle(el).backgroundColor)
    if (bg !== 'rgb(20, 17, 18)') throw new Error(`dark background expected, got ${bg}`)
    await shoot(page, 'feed-dark.png')
    const f = federations[3]
    await page.goto(deepLink(`/pages/report/index?id=${f.federation.id}`))
    await expectText(page, f.sections[0].title)
    await shoot(page, 'report-dark.png')
    const p = programsOf(f).find((x) => x.signup)
    await page.goto(deepLink(`/pages/program/index?id=${p.id}`))
    await expectText(page, p.summary)
    await shoot(page, 'program-dark.png')
  },
  { colorScheme: 'dark' },
)

await browser.close()
await server.close()

const passed = results.filter((r) => r.ok).length
const failed = results.length - passed
console.log(`\n${passed} passed, ${failed} failed`)
process.exit(failed ? 1 : 0)
