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
  verifyMobile,
  readTicket,
  checkInByCode,
  checkInBySearch,
} from './helpers.mjs'
import { serve } from './serve.mjs'

const { startApiProcess } = createRequire(import.meta.url)('../../scripts/api-process.cjs')

// The API's address is built into the H5 bundle, so this build has a fixed port of its own
// (E2E_API_PORT moves it, for two checkouts running their journeys side by side).
const API_PORT = Number(process.env.E2E_API_PORT || 8790)
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

// How a federation starts (README): the operator fills the empty database and creates each
// federation's first 管理员 with the CLI, before the server runs (PGlite has one writer).
const BOOTSTRAPPED = {
  'huizhou-2020': { login: 'hz-chair', password: 'lotus-lake-2026', name: '陈惠芳' },
  'wudu-2020': { login: 'wd-chair', password: 'pepper-hill-2026', name: '李秀英' },
}
const cli = (args, input) =>
  execSync(`npm run --silent admin -- ${args}`, { cwd: ROOT, env: { ...process.env, ...apiEnv }, input }).toString()
execSync('npm run --silent seed', { cwd: ROOT, env: { ...process.env, ...apiEnv }, stdio: 'ignore' })
for (const [fed, a] of Object.entries(BOOTSTRAPPED)) {
  const said = cli(`create-admin --federation ${fed} --login ${a.login} --name ${a.name} --password-stdin`, a.password)
  if (!said.includes(`已创建管理员 ${a.login}`)) throw new Error(`create-admin: ${said}`)
}
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
const organizerLogin = async (page, password = ZHUZHOU.password, login = ZHUZHOU.login) => {
  await page.locator('.organizer__input--login input').fill(login)
  await page.locator('.organizer__input--password input').fill(password)
  await page.getByLabel('登录', { exact: true }).click()
}

await journey('against the server: sign up, 我的报名, organizer roster and CSV, cancel', async (page, errors) => {
  await signUpFromProgram(
    page,
    deepLink('/pages/program/index?id=zz-legal-aid'),
    {
      name: '刘桂兰',
      mobile: '13900139000',
    },
    { apiOrigin: api.origin },
  )
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
  // She gets her code while the server is there; 提交报名 checks it and books.
  await verifyMobile(page, api.origin, '13800138000')
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
  await signUpFromProgram(
    page,
    deepLink('/pages/program/index?id=zz-legal-aid'),
    {
      name: '张丽',
      mobile: '13700137000',
    },
    { apiOrigin: api.origin },
  )
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
    await page.getByLabel('单位', { exact: true }).first().locator('input').fill('人')
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

/** Turns on 大字模式 (1.4×) on this phone, from 我的. */
const largeFont = async (page) => {
  await page.goto(deepLink('/pages/mine/index'))
  await page.getByLabel('大字模式').first().click()
  await expectText(page, '已开启')
}
/** Whether the public feed (every page of it, as she scrolls) has this card. */
const feedHas = async (page, cardLabel) => {
  await page.goto(deepLink('/pages/feed/index'))
  await page.reload()
  await page.locator('[aria-label$="，查看报告"]').first().waitFor()
  const more = page.getByLabel('加载更多年终盘点').filter({ visible: true })
  // The button re-renders as each page arrives: a click that meets it mid-render is tried again.
  for (let i = 0; i < 20 && (await more.count()); i++)
    await more
      .first()
      .click({ timeout: 3000 })
      .catch(() => {})
  // The card's link names it, then how many programs take sign-ups (if any), then 查看报告.
  const card = page.locator(`[aria-label^="${cardLabel}"][aria-label$="，查看报告"]`)
  return (await card.filter({ visible: true }).count()) > 0
}
/** Waits (a publish reaches readers within a second) until the feed has, or lacks, the card. */
const untilFeed = async (page, cardLabel, wanted) => {
  for (let i = 0; i < 5; i++) if ((await feedHas(page, cardLabel)) === wanted) return
  throw new Error(`the feed ${wanted ? 'lacks' : 'still has'} ${cardLabel}`)
}
/** A Beijing calendar date `days` from today, as the session form takes it. */
const beijingDate = (days) => new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10)
const typeInto = (scope, label, text, inner = 'input') =>
  scope.getByLabel(label, { exact: true }).first().locator(inner).fill(text)
const tap = (page, text) => page.getByText(text, { exact: true }).filter({ visible: true }).first().click()

/**
 * The whole staff journey against the server, for one federation: its CLI-made 管理员 invites an
 * 编辑; she pastes the article, a typed figure is refused, she picks one, publishes (the card comes
 * back to the feed); she creates a program and a dated session; a member signs up; the roster
 * shows her; the session is cancelled and her 我的报名 says why.
 */
const workspaceJourney = (v) => async (admin, errors, openPage) => {
  const a = BOOTSTRAPPED[v.fed]
  const look = async (page, name, where) => {
    await shoot(page, `ws-${v.tag}-${name}.png`)
    if (where) await checkA11y(page, errors, `${where}（${v.tag}）`)
    if (v.large) {
      const out = await overflowing(page)
      if (out.length) throw new Error(`${name} overflows at 1.4×: ${out.join('; ')}`)
    }
  }
  const member = await openPage()
  const editor = await openPage()
  if (v.large) for (const page of [admin, member, editor]) await largeFont(page)

  // 1. The bootstrapped 管理员 logs in and invites an 编辑; the 编辑 accepts on her own phone.
  await admin.goto(deepLink('/subpackages/organizer/index'))
  await organizerLogin(admin, a.password, a.login)
  await expectText(admin, `${v.fedName} · `)
  await admin.getByRole('tab', { name: '成员' }).filter({ visible: true }).click()
  await expectText(admin, a.name)
  await admin.getByLabel('邀请编辑').click()
  await expectText(admin, '（7天内有效，只能用一次）')
  const notice = await admin.locator('.organizer__notice').filter({ visible: true }).innerText()
  const link = notice.match(/https?:\/\/\S+/)?.[0]
  if (!link?.includes('invite=')) throw new Error(`no invitation link in: ${notice}`)
  await look(admin, 'invite', '成员（邀请）')

  await editor.goto(link)
  await expectText(editor, '接受邀请')
  await typeInto(editor, '账号名', v.editor.login)
  await typeInto(editor, '姓名', v.editor.name)
  await typeInto(editor, '密码', v.editor.password)
  await typeInto(editor, '再输入一次密码', v.editor.password)
  await look(editor, 'accept', '接受邀请')
  await editor.getByLabel('创建账号并登录').click()
  await expectText(editor, `${v.fedName} · `)
  // An 编辑 does not manage staff.
  if (await editor.getByRole('tab', { name: '成员' }).filter({ visible: true }).count())
    throw new Error('an 编辑 sees the 成员 tab')

  // 2–3. She pastes the article; a typed figure it lacks is refused with the reason; she picks one.
  await editor.getByLabel('编辑年终盘点卡片').click()
  await editor.getByLabel('原文（粘贴文章或工作总结）').first().waitFor()
  // Taken down first, so that publishing visibly puts it back in front of the public.
  await editor.getByLabel('取消发布', { exact: true }).click()
  await editor.getByLabel('确定取消发布', { exact: true }).click()
  await untilFeed(member, v.cardLabel, false)
  const article = readFileSync(join(ROOT, 'mock', `${v.fed}.txt`), 'utf8')
  await typeInto(editor, '原文（粘贴文章或工作总结）', article, 'textarea')
  await editor.getByLabel('数值').first().locator('input').fill('98765')
  await editor.getByLabel('单位', { exact: true }).first().locator('input').fill('人')
  await editor.getByLabel('核对并添加').click()
  await expectText(editor, '在原文里找不到')
  await look(editor, 'refused', '卡片编辑（手写数字被拒）')
  await editor.getByLabel('找出数字').click()
  await editor.getByLabel('原文里的数字').first().waitFor()
  const figures = await editor.locator('[aria-label^="数字"][role="group"]').count()
  await editor.locator('[aria-label^="选用 "]').first().click()
  const adding = editor.getByLabel('添加数字')
  await adding.getByLabel('数字的名称').locator('input').fill(v.figureLabel)
  // Into the first part of the card, where the report shows it.
  await adding.locator('[role="radio"][aria-label^="所在部分："]').nth(1).click()
  await editor.getByLabel('加入卡片').click()
  await editor.locator(`[aria-label="数字${figures + 1}"][role="group"]`).waitFor()
  await look(editor, 'picked', '卡片编辑（选用原文数字）')

  // 4. She publishes: the card is back in the public feed, with her new figure on its report.
  await editor.getByLabel('发布', { exact: true }).click()
  await editor.getByLabel('确定发布', { exact: true }).click()
  await expectText(editor, '公众现在看到的就是这张卡片')
  await untilFeed(member, v.cardLabel, true)
  await look(member, 'feed')
  await member.goto(deepLink(`/pages/report/index?id=${v.fed}`))
  await expectText(member, v.figureLabel)

  // 5. A program and a dated session, on the programs page.
  await editor.goBack()
  await editor.getByLabel('管理项目和场次').click()
  await editor.getByLabel('新建项目').click()
  const programForm = editor.getByRole('group', { name: '新建项目' })
  await typeInto(programForm, '项目名称', v.program)
  await programForm.getByRole('radio', { name: '就业创业' }).click()
  await typeInto(programForm, '项目简介', '手把手教做家政服务，结业后推荐上岗。', 'textarea')
  await typeInto(programForm, '面向人群', '有就业意愿的妇女')
  await look(editor, 'program-form', '新建项目')
  await tap(editor, '创建项目')
  await editor.getByRole('group', { name: `项目：${v.program}` }).waitFor()
  await editor.getByLabel(`为${v.program}新建场次`).click()
  const sessionForm = editor.getByRole('group', { name: '新建场次' })
  await typeInto(sessionForm, '场次名称', '第一期')
  await typeInto(sessionForm, '日期', beijingDate(10))
  await typeInto(sessionForm, '开始时间', '09:00')
  await typeInto(sessionForm, '结束时间', '11:30')
  await typeInto(sessionForm, '活动地点', v.place)
  await typeInto(sessionForm, '名额', '20')
  // 保留时间: a woman moved up from the waitlist has 24 hours to tap 确认参加.
  await sessionForm.getByRole('radio', { name: '24小时' }).click()
  await look(editor, 'session-form', '新建场次')
  await tap(editor, '添加场次')
  await editor.getByRole('group', { name: '场次：第一期' }).waitFor()
  await expectText(editor, '名额 20 · 已报名 0 · 候补 0')
  await expectText(editor, '候补转正的人需在24小时内确认参加')
  await look(editor, 'programs', '项目和场次')

  // 6. A member finds it on the federation's report and signs up.
  await member.goto(deepLink(`/pages/report/index?id=${v.fed}`))
  await member.getByLabel(`${v.program}，可报名`).click()
  await member.getByLabel('第一期：报名').click()
  await member.locator('#field-name input').fill(v.member.name)
  await member.locator('#field-mobile input').fill(v.member.mobile)
  const consent = member.getByLabel('我已阅读并同意隐私说明')
  if ((await consent.getAttribute('aria-checked')) !== 'true') await consent.click()
  // Booking a seat needs a verified mobile: the code comes from the development SMS stand-in.
  await verifyMobile(member, api.origin, v.member.mobile)
  await look(member, 'verify', '报名表（验证手机号）')
  await submit(member)
  await expectText(member, '报名成功')

  // 7. The roster shows her, with her full mobile (the home reads its list again on the way back).
  await editor.goBack()
  await editor.getByLabel(`查看${v.program}的名单`).click()
  await expectText(editor, `1. ${v.member.name}`)
  await expectText(editor, v.member.mobile)
  await look(editor, 'roster', '名单（新项目）')

  // 8. The session is called off with a reason; her 我的报名 says so, and why.
  await editor.getByRole('link', { name: '返回项目列表' }).click()
  await editor.getByLabel('管理项目和场次').click()
  await editor.getByLabel('取消场次第一期').click()
  await typeInto(editor, '取消原因', v.reason, 'textarea')
  await tap(editor, '取消这个场次')
  await expectText(editor, '已报名和候补的 1 人会看到这个原因')
  await look(editor, 'cancel', '取消场次')
  await tap(editor, '确定取消')
  await expectText(editor, `已取消：${v.reason}`)
  await member.goto(deepLink('/pages/mine/index'))
  await member.reload()
  await expectText(member, '场次已取消')
  await expectText(member, v.reason)
  await look(member, 'mine-cancelled', '我的报名（场次已取消）')
}

for (const v of [
  {
    tag: 'light',
    fed: 'huizhou-2020',
    fedName: '惠州市妇联',
    cardLabel: '惠州市妇联2020年终盘点，',
    editor: { login: 'hz-editor', name: '黄晓红', password: 'west-lake-0752' },
    figureLabel: '年度成果',
    program: '家政服务技能培训',
    place: '惠州市妇女儿童活动中心二楼',
    member: { name: '罗美玲', mobile: '13612345678' },
    reason: '培训老师临时有事，改期另行通知',
  },
  {
    tag: 'large-dark',
    large: true,
    options: { colorScheme: 'dark' },
    fed: 'wudu-2020',
    fedName: '武都区妇联',
    cardLabel: '武都区妇联2020年终盘点，',
    editor: { login: 'wd-editor', name: '杨春梅', password: 'bailong-river-0939' },
    figureLabel: '年度成果',
    program: '花椒种植技术培训',
    place: '武都区妇联三楼会议室',
    member: { name: '赵桂芝', mobile: '13987654321' },
    reason: '因降雪道路结冰，本期暂停',
  },
]) {
  await journey(
    `工作台 (${v.tag}): invite, paste, refuse, pick, publish, program, session, sign-up, roster, cancel`,
    workspaceJourney(v),
    v.options,
  )
}

/** As 河北's development 管理员, straight through the API: a new program and one dated session. */
const programWithSession = async ({ title, capacity, holdHours = null }) => {
  const login = await fetch(`${api.origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'hebei-2021-admin', password: 'jg-dev-hebei-2021' }),
  })
  const { token } = await login.json()
  const call = async (path, body) => {
    const res = await fetch(`${api.origin}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    })
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`)
    return res.json()
  }
  const program = await call('/api/workspace/programs', {
    title,
    topic: '就业创业',
    summary: '家政服务的基本功，学完推荐上岗。',
    audience: '有就业意愿的妇女',
    figureIds: [],
  })
  const day = beijingDate(7)
  const session = await call(`/api/workspace/programs/${program.id}/sessions`, {
    title: '第一期',
    startsAt: `${day} 09:00`,
    endsAt: `${day} 11:30`,
    deadlineAt: `${beijingDate(6)} 18:00`,
    online: false,
    place: '市妇女儿童活动中心一楼',
    contactPhone: '0311-86001234',
    capacity,
    holdHours,
  })
  return {
    programId: program.id,
    sessionId: session.id,
    roster: () => call(`/api/organizer/programs/${program.id}/roster`),
  }
}

/** On the program's page: 第一期 → 报名 → name, mobile, consent; verifies when the form asks; 提交报名. */
const signUpFor = async (page, programId, person, { verifyAs, action = '报名' } = {}) => {
  // A program made a moment ago reaches the public pages within a second: look again until it has.
  const button = page.getByLabel(`第一期：${action}`)
  for (let i = 0; i < 5; i++) {
    await page.goto(deepLink(`/pages/program/index?id=${programId}`))
    if (i) await page.reload()
    if (
      await button.waitFor({ timeout: 3000 }).then(
        () => true,
        () => false,
      )
    )
      break
  }
  await button.click()
  await page.locator('#field-name input').fill(person.name)
  await page.locator('#field-mobile input').fill(person.mobile)
  const consent = page.getByLabel('我已阅读并同意隐私说明')
  if ((await consent.getAttribute('aria-checked')) !== 'true') await consent.click()
  if (verifyAs) await verifyMobile(page, api.origin, verifyAs)
  await submit(page)
}

/**
 * From sign-up to the door: she verifies her mobile and signs up herself and her mother-in-law,
 * sees both e-tickets; staff check one in by the code and the other by search; the roster has both
 * check-in times; a cancel moves the first waitlisted woman up into a held seat: she sees until when
 * and the countdown, taps 确认参加, then has her ticket, and her 我的报名 says 已转正.
 */
const ticketJourney = (v) => async (member, errors, openPage) => {
  const look = async (page, name, where) => {
    await shoot(page, `tk-${v.tag}-${name}.png`)
    if (where) await checkA11y(page, errors, `${where}（${v.tag}）`)
    if (v.large) {
      const out = await overflowing(page)
      if (out.length) throw new Error(`${name} overflows at 1.4×: ${out.join('; ')}`)
    }
  }
  const { programId, roster } = await programWithSession({ title: v.program, capacity: 2, holdHours: v.holdHours })
  const staff = await openPage()
  const neighbour = await openPage()
  if (v.large) for (const page of [member, staff, neighbour]) await largeFont(page)

  // 1–2. She verifies her own mobile once, and books herself and her mother-in-law.
  await signUpFor(member, programId, v.self, { verifyAs: v.self.mobile })
  await expectText(member, '报名成功')
  const own = await readTicket(member)
  if (!own?.qrLoaded || !/^[2-9A-HJ-NP-Z]{3} [2-9A-HJ-NP-Z]{3}$/.test(own.code))
    throw new Error(`her ticket: ${JSON.stringify(own)}`)
  await look(member, 'ticket-done', '报名成功（电子票）')
  await signUpFor(member, programId, v.elder)
  await expectText(member, '报名成功')
  const elder = await readTicket(member)
  if (!elder?.qrLoaded || elder.code === own.code) throw new Error(`the second ticket: ${JSON.stringify(elder)}`)

  // 3. Both tickets, from 我的报名.
  await member.goto(deepLink('/pages/mine/index'))
  await member.reload()
  await member.getByRole('link', { name: new RegExp(`已报名.*${v.elder.name}.*查看详情`) }).click()
  if ((await readTicket(member))?.code !== elder.code) throw new Error('her mother-in-law’s ticket changed')
  await look(member, 'ticket-detail', '报名详情（电子票）')

  // 4. At the door: one by the code she reads out, the other found by name.
  await staff.goto(deepLink('/subpackages/organizer/index'))
  await organizerLogin(staff, 'jg-dev-hebei-2021', 'hebei-2021-admin')
  await staff.locator('.organizer-program', { hasText: v.program }).getByLabel('第一期现场签到').click()
  await staff.getByLabel('已报名2人，已签到0人，未到2人').waitFor()
  await look(staff, 'checkin', '现场签到')
  await checkInByCode(staff, own.code.replace(' ', ''))
  await expectText(staff, '签到成功')
  await expectText(staff, v.self.name)
  await staff.getByLabel('已报名2人，已签到1人，未到1人').waitFor()
  await look(staff, 'checkin-done', '现场签到（签到成功）')
  await checkInByCode(staff, own.code.replace(' ', ''))
  await expectText(staff, '已经签到过了')
  await checkInBySearch(staff, v.elder.name, v.elder.name)
  await staff.getByLabel('已报名2人，已签到2人，未到0人').waitFor()

  // 5. The roster has both check-in times, on the page and in the API.
  await staff.goBack()
  await staff.getByLabel(`查看${v.program}的名单`).click()
  await expectText(staff, `1. ${v.self.name}`)
  if (
    (await staff
      .getByText(/✓ 已签到 \d{2}:\d{2}，由 /)
      .filter({ visible: true })
      .count()) !== 2
  )
    throw new Error('the roster does not show both check-ins')
  await look(staff, 'roster', '名单（已签到）')
  const rows = (await roster()).rows.filter((r) => r.status === 'confirmed')
  if (rows.length !== 2 || !rows.every((r) => r.checkedInAt && r.checkedInBy))
    throw new Error(`roster: ${JSON.stringify(rows)}`)

  // 6. A neighbour is waitlisted; her mother-in-law cannot come after all, and the neighbour moves up.
  await signUpFor(neighbour, programId, v.neighbour, { verifyAs: v.neighbour.mobile, action: '候补' })
  await expectText(neighbour, '候补')
  if (await readTicket(neighbour, 1000)) throw new Error('a waitlisted sign-up shows a ticket')
  await cancelFromMine(member, deepLink('/pages/mine/index'), v.elder.name)
  // The session holds her seat for `holdHours`: 我的报名 says 待确认 and until when; the detail
  // has the countdown and 确认参加.
  await neighbour.goto(deepLink('/pages/mine/index'))
  await neighbour.reload()
  await expectText(neighbour, '点开确认参加')
  await look(neighbour, 'held', '我的报名（保留名额）')
  await neighbour
    .getByRole('link', { name: new RegExp(`待确认.*名额为您保留到.*${v.neighbour.name}.*查看详情`) })
    .click()
  await neighbour.getByLabel('确认参加', { exact: true }).filter({ visible: true }).waitFor()
  await expectText(neighbour, new RegExp(`还剩${v.holdHours - 1}小时5\\d分`))
  // Hers only once she confirms: no ticket before.
  if (await readTicket(neighbour, 1000)) throw new Error('a held seat shows a ticket before 确认参加')
  await look(neighbour, 'held-detail', '报名详情（保留名额）')
  await neighbour.getByLabel('确认参加', { exact: true }).filter({ visible: true }).click()
  await expectText(neighbour, '已确认参加')
  if (!(await readTicket(neighbour))?.qrLoaded) throw new Error('the promoted woman has no ticket after 确认参加')
  await look(neighbour, 'confirmed', '报名详情（已确认参加）')
  await neighbour.goto(deepLink('/pages/mine/index'))
  await neighbour.reload()
  await expectText(neighbour, '已转正')
  await look(neighbour, 'promoted', '我的报名（已转正）')
}

for (const v of [
  {
    tag: 'light',
    program: '月嫂技能培训',
    holdHours: 24,
    self: { name: '孙秀英', mobile: '13512340001' },
    elder: { name: '周桂花', mobile: '13512340002' },
    neighbour: { name: '吴春兰', mobile: '13512340003' },
  },
  {
    tag: 'large-dark',
    large: true,
    options: { colorScheme: 'dark' },
    program: '育婴师技能培训',
    holdHours: 2,
    self: { name: '郑丽华', mobile: '13512340011' },
    elder: { name: '冯秀珍', mobile: '13512340012' },
    neighbour: { name: '陈玉梅', mobile: '13512340013' },
  },
]) {
  await journey(
    `电子票和签到 (${v.tag}): verify, two tickets, check in by code and by search, roster, 确认参加`,
    ticketJourney(v),
    v.options,
  )
}

/** A phone photo of hills under a sky (made here, as a JPEG), for the cover journeys. */
const coverPhoto = join(dataDir, 'cover-photo.jpg')
const sharp = createRequire(import.meta.url)('sharp')
await sharp(
  Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="1200">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#7fb3e6"/><stop offset="1" stop-color="#f3e3c3"/></linearGradient></defs>
    <rect width="1600" height="1200" fill="url(#sky)"/>
    <circle cx="1220" cy="330" r="120" fill="#fff2b0"/>
    <path d="M0 820 Q 400 560 800 800 T 1600 760 V1200 H0 Z" fill="#5f9e5a"/>
    <path d="M0 960 Q 500 780 1000 950 T 1600 930 V1200 H0 Z" fill="#3f7a44"/>
  </svg>`),
)
  .jpeg({ quality: 90 })
  .toFile(coverPhoto)

await journey('封面图片: staff uploads a cover, the report and the feed show it', async (page, errors) => {
  await openCardEditor(page)
  const part = page.locator('.cover-field').filter({ visible: true }).first()
  await part.scrollIntoViewIfNeeded()
  await expectText(page, '还没有封面图片')
  // The H5 file input the platform opens: Playwright hands it the photo.
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), part.getByLabel('选择封面图片').click()])
  await chooser.setFiles(coverPhoto)
  await expectText(page, '封面图片已更新')
  await part.getByLabel('现在的封面图片').waitFor()
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.cover-field__image img')].some((i) => i.naturalWidth > 0),
  )
  await part.scrollIntoViewIfNeeded()
  await shoot(page, 'card-editor-cover.png')
  await checkA11y(page, errors, '卡片编辑（封面图片）')

  // A file that is no photo is refused in Chinese, and the cover stays.
  const notPhoto = join(dataDir, 'not-a-photo.jpg')
  await import('node:fs').then((fs) => fs.writeFileSync(notPhoto, '这不是一张照片'))
  const [again] = await Promise.all([page.waitForEvent('filechooser'), part.getByLabel('更换封面图片').click()])
  await again.setFiles(notPhoto)
  await expectText(page, '只能上传 JPG、PNG 或 WebP 格式的照片')
  await part.getByLabel('现在的封面图片').waitFor()
  await shoot(page, 'card-editor-cover-refused.png')
  // The browser logs the refusal's 415 itself: expected here, and only that one.
  const refusal = errors.findIndex((e) => /status of 415/.test(e))
  if (refusal < 0) throw new Error('the refused upload was not a 415')
  errors.splice(refusal, 1)

  // The public report opens with the photo and its credit.
  await page.goto(deepLink('/pages/report/index?id=zhuzhou-2020'))
  await expectText(page, '封面图片由株洲市妇联提供')
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.report-cover__image img')].some((i) => i.naturalWidth > 0),
  )
  await shoot(page, 'report-cover.png')
  await checkA11y(page, errors, '报告（封面图片）')

  // The poster draws the photo into its colour band, under the theme colour's veil: the band's top
  // corner is no longer 株洲's flat #BF360C (191, 54, 12) but tinted by the sky.
  await page.goto(deepLink('/subpackages/share/poster/index?id=zhuzhou-2020'))
  const poster = page.locator('.poster__image img, img.poster__image').filter({ visible: true }).first()
  await poster.waitFor()
  await page.waitForFunction(() =>
    [...document.querySelectorAll('.poster__image img, img.poster__image')].some((i) => i.naturalWidth > 0),
  )
  const corner = await poster.evaluate((img) => {
    const c = document.createElement('canvas')
    c.width = img.naturalWidth
    c.height = img.naturalHeight
    const ctx = c.getContext('2d')
    ctx.drawImage(img, 0, 0)
    return [...ctx.getImageData(Math.round(c.width * 0.03), Math.round(c.height * 0.02), 1, 1).data]
  })
  const tint = Math.max(...[191, 54, 12].map((v, i) => Math.abs(v - corner[i])))
  if (tint < 10) throw new Error(`the poster's band shows no cover: ${corner.join(',')}`)
  await shoot(page, 'poster-cover.png')
})

await journey(
  '封面图片 (dark): the report and the feed card with the cover',
  async (page, errors) => {
    await page.goto(deepLink('/pages/report/index?id=zhuzhou-2020'))
    await expectText(page, '封面图片由株洲市妇联提供')
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.report-cover__image img')].some((i) => i.naturalWidth > 0),
    )
    await shoot(page, 'report-cover-dark.png')
    await page.goto(deepLink('/pages/feed/index'))
    const thumb = page.locator('.ye-card__cover').filter({ visible: true }).first()
    await thumb.scrollIntoViewIfNeeded()
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.ye-card__cover img')].some((i) => i.naturalWidth > 0),
    )
    await shoot(page, 'feed-cover-dark.png')
    await checkA11y(page, errors, '年终盘点（封面图片）')
  },
  { colorScheme: 'dark' },
)

await browser.close()
await api.stop()
await web.close()
rmSync(dataDir, { recursive: true, force: true })
finish(results)
