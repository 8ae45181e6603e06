// The H5 app against the real API server (PGlite in a temporary folder): she signs up, sees it
// in 我的报名, the organizer sees her in the roster and downloads the CSV, she cancels, and the
// form keeps her input when the server is gone.
import { execSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchChromium } from './browser.mjs'
import {
  cancelFromMine,
  checkA11y,
  overflowing,
  signUpFromProgram,
  expectText,
  fillLegalAid,
  finish,
  journeys,
  ROOT,
  shoot,
  submit,
} from './helpers.mjs'
import { serve } from './serve.mjs'

const { startApiProcess } = createRequire(import.meta.url)('../../scripts/api-process.cjs')

// The API's address is built into the H5 bundle, so this build has a fixed port of its own.
const API_PORT = 8790
const OUT = join(ROOT, 'dist', 'h5-server')
if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(OUT, 'index.html'))) {
  console.log('building H5 against the API server…')
  execSync('npx taro build --type h5', {
    cwd: ROOT,
    stdio: 'inherit',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      OUTPUT_ROOT: 'dist/h5-server',
      TARO_APP_API_BASE: `http://127.0.0.1:${API_PORT}`,
      TARO_APP_OPERATOR: '巾帼年终盘点（测试构建）',
      TARO_APP_OPERATOR_CONTACT: 'e2e@example.invalid',
    },
  })
}

// The development 管理员 the server seeds for 株洲 (README: <federationId>-admin / jg-dev-<federationId>).
const ZHUZHOU = { login: 'zhuzhou-2020-admin', password: 'jg-dev-zhuzhou-2020' }
const web = await serve(OUT)
const dataDir = mkdtempSync(join(tmpdir(), 'jg-e2e-'))
const apiEnv = { PGLITE_DIR: dataDir, CORS_ORIGINS: web.url, SEED_EMPTY_DATABASE: 'true' }
let api = await startApiProcess(apiEnv, { port: API_PORT })
const browser = await launchChromium()
const { journey, results } = journeys(browser)
const deepLink = (path) => `${web.url}/#${path}`
/** What the organizer of 株洲 sees for 巾帼普法与免费法律咨询, straight from the API. */
const legalAidRoster = async () => {
  const login = await fetch(`${api.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ZHUZHOU),
  })
  const { token } = await login.json()
  const roster = await fetch(`${api.origin}/api/organizer/programs/zz-legal-aid/roster`, {
    headers: { authorization: `Bearer ${token}` },
  })
  return (await roster.json()).rows
}
/** Fills the organizer login form and logs in. */
const organizerLogin = async (page, password = ZHUZHOU.password) => {
  await page.locator('.organizer__input--login input').fill(ZHUZHOU.login)
  await page.locator('.organizer__input--password input').fill(password)
  await page.getByLabel('登录', { exact: true }).click()
}

await journey('against the server: sign up, 我的报名, organizer roster and CSV, cancel', async (page, errors) => {
  await signUpFromProgram(page, deepLink('/pages/program/index?id=zz-legal-aid'), {
    name: '刘桂兰',
    mobile: '13900139000',
  })
  // Stored by the server, not on the phone.
  if (await page.evaluate(() => window.localStorage.getItem('jg.mock.signups')))
    throw new Error('the sign-up was stored on the phone')

  await page.goto(deepLink('/pages/mine/index'))
  await page.reload()
  await expectText(page, '刘桂兰 · 139****9000')
  await expectText(page, '已报名')
  await shoot(page, 'server-mine.png')

  // The organizer: a wrong password is refused, the right one shows the roster with the full mobile.
  await page.getByText('组织者入口：查看报名名单').filter({ visible: true }).click()
  await expectText(page, '组织者登录')
  await shoot(page, 'organizer-signin.png')
  await checkA11y(page, errors, '组织者登录')
  await organizerLogin(page, 'not-the-password')
  await expectText(page, '账号或密码不对')
  // The browser logs the refused request (401) itself; that one is expected, any other error is not.
  const expected = errors.filter((e) => /status of 401/.test(e))
  if (expected.length !== 1) throw new Error(`expected one 401 in the console, got ${JSON.stringify(errors)}`)
  errors.splice(errors.indexOf(expected[0]), 1)
  await organizerLogin(page)
  await expectText(page, '株洲市妇联 · ')
  await page.getByLabel('已报名1人，候补0人，已取消0人').waitFor()
  await shoot(page, 'organizer-programs.png')
  await checkA11y(page, errors, '报名名单')
  await page.getByLabel('查看巾帼普法与免费法律咨询的名单').click()
  await expectText(page, '13900139000')
  await expectText(page, '1. 刘桂兰')
  await shoot(page, 'organizer-roster.png')
  await checkA11y(page, errors, '一个项目的名单')

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByLabel('下载名单（CSV）').click()])
  const bytes = readFileSync(await download.path())
  if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('the CSV has no UTF-8 BOM')
  const csv = bytes.toString('utf8')
  if (!csv.includes('序号,场次,开始时间,状态,姓名,手机号,咨询方向')) throw new Error(`CSV header: ${csv.slice(0, 80)}`)
  if (!/刘桂兰,13900139000,婚姻家庭/.test(csv)) throw new Error(`CSV row missing: ${csv}`)
  if (!download.suggestedFilename().endsWith('.csv')) throw new Error(`file name ${download.suggestedFilename()}`)
  await expectText(page, '已下载')
  await page.getByRole('tab', { name: '成员' }).filter({ visible: true }).click()
  await expectText(page, '邀请成员')
  await checkA11y(page, errors, '成员')
  await page.getByRole('tab', { name: '操作记录' }).filter({ visible: true }).click()
  await page.getByLabel('正在加载操作记录').waitFor({ state: 'detached' })
  await checkA11y(page, errors, '操作记录')

  // She cancels; the organizer's roster follows.
  await cancelFromMine(page, deepLink('/pages/mine/index'), '刘桂兰')
  const rows = await legalAidRoster()
  if (rows.length !== 1 || rows[0].status !== 'cancelled')
    throw new Error(`roster after cancel: ${JSON.stringify(rows)}`)
})

await journey('against the server: offline while submitting keeps every field', async (page, errors) => {
  await page.goto(deepLink('/subpackages/signup/form/index?programId=zz-legal-aid&sessionId=zz-la-1'))
  await expectText(page, '巾帼普法与免费法律咨询')
  await fillLegalAid(page, { name: '王芳', mobile: '13800138000' })
  await api.stop('SIGKILL')
  await submit(page)
  await expectText(page, '网络不太好，没能连上服务器。你填写的内容都还在，请稍后再试。')
  if ((await page.locator('#field-name input').inputValue()) !== '王芳') throw new Error('the form lost the name')
  if ((await page.locator('#field-mobile input').inputValue()) !== '13800138000')
    throw new Error('the form lost the mobile')
  await shoot(page, 'server-offline.png')
  // The browser logs the refused connection itself; that one is expected here.
  errors.splice(0, errors.length, ...errors.filter((e) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(e)))
  // Back online, the same tap goes through.
  api = await startApiProcess(apiEnv, { port: API_PORT })
  await submit(page)
  await expectText(page, '报名成功')
})

await journey('against the server: 删除我的全部数据 removes her sign-ups from the server too', async (page) => {
  await signUpFromProgram(page, deepLink('/pages/program/index?id=zz-legal-aid'), {
    name: '张丽',
    mobile: '13700137000',
  })
  await page.goto(deepLink('/pages/mine/index'))
  await expectText(page, '张丽 · 137****7000')
  await page.getByLabel('删除我的全部数据').click()
  await expectText(page, '包括服务器上的')
  await page.getByText('全部删除', { exact: true }).filter({ visible: true }).last().click()
  await expectText(page, '还没有报名')
  const rows = await legalAidRoster()
  if (rows.some((r) => r.name === '张丽')) throw new Error('her sign-up is still on the server')
  if (!rows.some((r) => r.name === '王芳')) throw new Error('someone else’s sign-up was deleted')
})

await journey(
  'organizer page in large font and the dark theme',
  async (page) => {
    await page.goto(deepLink('/pages/mine/index'))
    await page.getByLabel('大字模式').first().click()
    await expectText(page, '已开启')
    await page.getByText('组织者入口：查看报名名单').filter({ visible: true }).click()
    await organizerLogin(page)
    await expectText(page, '株洲市妇联 · ')
    const check = async (name) => {
      // shoot() waits for the page transition, so the page we left is out of the way.
      await shoot(page, `${name}-large-dark.png`)
      const out = await overflowing(page)
      if (out.length) throw new Error(`${name} overflows at 1.4×: ${out.join('; ')}`)
    }
    await check('organizer-programs')
    await page.getByLabel('查看巾帼普法与免费法律咨询的名单').click()
    await expectText(page, '已取消')
    await expectText(page, '13800138000')
    await check('organizer-roster')
  },
  { colorScheme: 'dark' },
)

/** Opens the card editor as 株洲's 管理员; the seeded card's article is already in 原文. */
const openCardEditor = async (page) => {
  await page.goto(deepLink('/subpackages/organizer/index'))
  await organizerLogin(page)
  await expectText(page, '株洲市妇联 · ')
  await page.getByLabel('编辑年终盘点卡片').click()
  await page.getByLabel('原文（粘贴文章或工作总结）').first().waitFor()
}

await journey(
  'card editor: a typed figure not in the article is refused, a picked one is added, publish shows in the feed',
  async (page, errors) => {
    await openCardEditor(page)
    await shoot(page, 'card-editor.png')
    await checkA11y(page, errors, '卡片编辑（手机）')
    // A figure typed by hand that the article does not have: refused with the reason, nothing added.
    await page.getByLabel('数值').first().locator('input').fill('98765')
    await page.getByLabel('单位').first().locator('input').fill('人')
    await page.getByLabel('核对并添加').click()
    await expectText(page, '在原文里找不到')
    await shoot(page, 'card-editor-refused.png')
    // The numbers the article has, each with its sentence.
    await page.getByLabel('找出数字').click()
    await page.getByLabel('原文里的数字').first().waitFor()
    await shoot(page, 'card-editor-candidates.png')
    // She picks one: it comes with its sentence as the quote; she names it and adds it.
    const figures = await page.locator('[aria-label^="数字"][role="group"]').count()
    await page.locator('[aria-label^="选用 "]').first().click()
    await page.getByLabel('添加数字').getByLabel('数字的名称').locator('input').fill('学习活动')
    await shoot(page, 'card-editor-pick.png')
    await page.getByLabel('加入卡片').click()
    await page.locator(`[aria-label="数字${figures + 1}"][role="group"]`).waitFor()
    // A new summary, published: the public feed shows it.
    const summary = page.getByLabel('简介').first().locator('textarea')
    await summary.fill('株洲市妇联二〇二〇年的工作，数字都能在原文里找到。')
    await expectText(page, '已保存')
    await page.getByLabel('发布', { exact: true }).click()
    await page.getByLabel('确定发布', { exact: true }).click()
    await expectText(page, '公众现在看到的就是这张卡片')
    // The public report (a fresh load, as a reader would open it) shows the published summary.
    await page.goto(deepLink('/pages/report/index?id=zhuzhou-2020'))
    await expectText(page, '株洲市妇联二〇二〇年的工作，数字都能在原文里找到。')
  },
)

for (const [name, options] of [
  ['card-editor-pc', { viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false }],
  ['card-editor-dark', { colorScheme: 'dark' }],
]) {
  await journey(
    `card editor: ${name}`,
    async (page, errors) => {
      await openCardEditor(page)
      await shoot(page, `${name}.png`)
      if (name === 'card-editor-pc') await checkA11y(page, errors, '卡片编辑（电脑）')
      const out = await overflowing(page)
      if (out.length) throw new Error(`${name} overflows: ${out.join('; ')}`)
    },
    options,
  )
}

for (const [name, options] of [
  ['programs-editor', {}],
  ['programs-editor-dark', { colorScheme: 'dark' }],
]) {
  await journey(
    `programs and sessions page: ${name}`,
    async (page, errors) => {
      await page.goto(deepLink('/subpackages/organizer/index'))
      await organizerLogin(page)
      await expectText(page, '株洲市妇联 · ')
      await page.getByLabel('管理项目和场次').click()
      await expectText(page, '巾帼普法与免费法律咨询')
      await shoot(page, `${name}.png`)
      await checkA11y(page, errors, `项目和场次（${name}）`)
      const out = await overflowing(page)
      if (out.length) throw new Error(`${name} overflows: ${out.join('; ')}`)
    },
    options,
  )
}

await browser.close()
await api.stop()
await web.close()
rmSync(dataDir, { recursive: true, force: true })
finish(results)
