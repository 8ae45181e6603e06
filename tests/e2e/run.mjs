// Browser journeys: builds the H5 app, serves it, and drives Debian's chromium at 375×812.
// Fails on any console error. Screenshots go to tests/e2e/screenshots (git-ignored).
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
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
  ROOT as root,
  shoot,
  submit,
} from './helpers.mjs'
import { serve } from './serve.mjs'

if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(root, 'dist', 'h5', 'index.html'))) {
  console.log('building H5…')
  execSync('npx taro build --type h5', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
}

const federations = readdirSync(join(root, 'mock'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(root, 'mock', f), 'utf8')))

const server = await serve(join(root, 'dist', 'h5'))
const browser = await launchChromium().catch((e) => {
  console.error(e.message)
  process.exit(1)
})

const { journey, results } = journeys(browser)

const programsOf = (f) => f.programs

/**
 * The feed shows a page of cards at a time; tap 加载更多 until every card is there. Scrolling the
 * button into view can itself load the rest (reach-bottom), removing the button mid-click: fine.
 */
const showAllCards = async (page) => {
  await expectText(page, '年终盘点')
  const more = page.getByText('加载更多').filter({ visible: true })
  for (let i = 0; i < 10 && (await more.count()); i++) {
    await more
      .first()
      .click({ timeout: 3000 })
      .catch(() => undefined)
  }
  if (await more.count()) throw new Error('加载更多 is still there after tapping it')
}
const deepLink = (path) => `${server.url}/#${path}`

await journey('feed shows every federation', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await shoot(page, 'feed.png')
  await showAllCards(page)
  for (const f of federations) await expectText(page, f.federation.name)
  // Headline figures are shown as the article wrote them: 198861, not 19.9万.
  await expectText(page, '198861')
  await shoot(page, 'feed-full.png', { fullPage: true })
})

await journey('feed: pick a region and a topic, search, then clear', async (page, errors) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await page.getByLabel('地区：全国，点按选择省市县').click()
  await expectText(page, '省份')
  await shoot(page, 'region-picker.png')
  await checkA11y(page, errors, 'region picker')
  await page.getByLabel('湖南省，打开下一级').click()
  await page.getByLabel('全省，湖南省').click()
  await expectText(page, '株洲市妇联')
  if (await page.getByText('成都市妇联').count()) throw new Error('成都 still shown after picking 湖南')
  await page.getByLabel('主题：健康').click()
  await expectText(page, '株洲市妇联')
  await page.getByLabel('地区：湖南省，点按选择省市县').click()
  // The region she picked is offered first.
  await expectText(page, '我的地区')
  await page.getByLabel('四川省，打开下一级').click()
  await page.getByLabel('成都市，打开下一级').click()
  await shoot(page, 'region-picker-city.png')
  await checkA11y(page, errors, 'region picker, a city')
  await page.getByLabel('全市，四川省 成都市').click()
  await expectText(page, '没有符合条件的年终盘点')
  await shoot(page, 'feed-filter-empty.png')
  await page.getByLabel('清除筛选').click()
  await showAllCards(page)
  for (const f of federations) await expectText(page, f.federation.name)
  // Search: on the keyboard's confirm; ✕ ends it.
  const box = page.locator('input[aria-label="搜妇联名称或地名"]')
  await box.fill('武都')
  await box.press('Enter')
  await expectText(page, '武都区妇联')
  if (await page.getByText('惠州市妇联').count()) throw new Error('惠州 still shown after searching 武都')
  await shoot(page, 'feed-search.png')
  await page.getByLabel('清空搜索').click()
  await expectText(page, '惠州市妇联')
})

await journey(
  'feed and region picker at 1.4× in the dark',
  async (page, errors) => {
    await page.goto(deepLink('/pages/mine/index'))
    await page.getByLabel('大字模式').first().click()
    await expectText(page, '已开启')
    await page.goto(server.url + '/')
    await expectText(page, federations[0].federation.name)
    // shoot() first: it waits for the page transition, which slides the picker in from the side.
    const check = async (name) => {
      await shoot(page, `${name}-large-dark.png`)
      const out = await overflowing(page)
      if (out.length) throw new Error(`${name} overflows at 1.4×: ${out.join('; ')}`)
    }
    await check('feed')
    await page.getByLabel('地区：全国，点按选择省市县').click()
    await expectText(page, '省份')
    await check('region-picker')
    await checkA11y(page, errors, 'region picker, 1.4× dark')
    await page.getByLabel('甘肃省，打开下一级').click()
    await page.getByLabel('陇南市，打开下一级').click()
    await page.getByLabel('武都区', { exact: true }).click()
    await expectText(page, '武都区妇联')
    await check('feed-region')
  },
  { colorScheme: 'dark' },
)

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

// ---- sign-up ----
const LEGAL = '/subpackages/signup/form/index?programId=zz-legal-aid&sessionId=zz-la-1'
const storedSignups = (page) =>
  page.evaluate(() => {
    const raw = window.localStorage.getItem('jg.mock.signups')
    if (!raw) return []
    const wrapped = JSON.parse(raw)
    return JSON.parse(wrapped.data ?? '[]')
  })
await journey('sign-up: bad input gets a clear message and stores nothing', async (page) => {
  await page.goto(deepLink(LEGAL))
  await expectText(page, '巾帼普法与免费法律咨询')
  await submit(page)
  await expectText(page, '有 4 处需要修改')
  for (const m of ['请填写姓名', '请填写手机号', '请选择咨询方向', '请先阅读并勾选同意《隐私说明》'])
    await expectText(page, m)
  await shoot(page, 'signup-errors.png')
  const cases = [
    ['王芳', '1380013800', '手机号应为11位，现在是10位'],
    ['王'.repeat(200), '13800138000', '姓名最多30个字'],
    ['王芳😀', '13800138000', '姓名只能用汉字、字母和间隔号“·”'],
    ['<script>alert(1)</script>', '13800138000', '姓名'],
  ]
  for (const [name, mobile, message] of cases) {
    await fillLegalAid(page, { name, mobile })
    await submit(page)
    await expectText(page, message)
    if ((await storedSignups(page)).length) throw new Error(`stored a sign-up for bad input ${name}/${mobile}`)
  }
  if (await page.locator('script:has-text("alert(1)")').count()) throw new Error('a typed <script> reached the page')
  // What she typed is still in the form after every failed try.
  if ((await page.locator('#field-mobile input').inputValue()) !== '13800138000')
    throw new Error('the form lost the mobile number')
  // Valid after normalising: +86 with spaces is accepted.
  await fillLegalAid(page, { name: '王芳', mobile: '+86 138 0013 8000' })
  await submit(page)
  await expectText(page, '报名成功')
  const stored = await storedSignups(page)
  if (stored.length !== 1 || stored[0].mobile !== '13800138000')
    throw new Error(`expected one normalised sign-up, got ${JSON.stringify(stored)}`)
})

await journey('sign-up: succeeds, shows in 我的报名 after a reload, and can be cancelled', async (page) => {
  await signUpFromProgram(page, deepLink('/pages/program/index?id=zz-legal-aid'), {
    name: '刘桂兰',
    mobile: '13900139000',
  })
  await expectText(page, '刘桂兰（139****9000）')
  await shoot(page, 'signup-done.png')
  await page.goto(deepLink('/pages/mine/index'))
  await page.reload()
  await expectText(page, '巾帼普法与免费法律咨询')
  await expectText(page, '已报名')
  await expectText(page, '刘桂兰 · 139****9000')
  await shoot(page, 'mine-with-signup.png')
  // The same person again for the same session is refused.
  await page.goto(deepLink(LEGAL))
  await fillLegalAid(page, { name: '刘桂兰', mobile: '139-0013-9000' })
  await submit(page)
  await expectText(page, '刘桂兰 已经报名了这个场次，不用重复报名')
  // Cancel from the detail page, with a confirmation.
  await cancelFromMine(page, deepLink('/pages/mine/index'), '刘桂兰')
  await page.goto(deepLink('/pages/mine/index'))
  await expectText(page, '已取消')
})

await journey('sign-up: a full session puts the next person on the waitlist', async (page) => {
  // 法律咨询日 has 12 seats with 7 taken in the demo data: 5 more fill it.
  const people = ['赵一', '钱二', '孙三', '李四', '周五', '吴六']
  for (const [i, name] of people.entries()) {
    await page.goto(deepLink(LEGAL))
    await expectText(page, '填写约需1分钟')
    await fillLegalAid(page, { name, mobile: '13700137000' })
    await submit(page)
    await expectText(page, i < 5 ? '报名成功' : '已进入候补，第1位')
  }
  await shoot(page, 'signup-waitlist.png')
  await page.goto(deepLink('/pages/mine/index'))
  await expectText(page, '候补第1位')
})

// ---- sharing and posters ----
const posterLayout = JSON.parse(readFileSync(join(root, 'tests', 'e2e', 'poster-layout.json'), 'utf8'))

/** Reads a poster image back in the page and measures it: size, colours, ink in its QR box and bottom strip. */
const inspectPoster = (page, shape) =>
  page
    .locator('.poster__image img, img.poster__image')
    .filter({ visible: true })
    .first()
    .evaluate(async (img, layout) => {
      const image = new Image()
      image.src = img.getAttribute('src')
      await image.decode()
      const c = document.createElement('canvas')
      c.width = image.naturalWidth
      c.height = image.naturalHeight
      const ctx = c.getContext('2d')
      ctx.drawImage(image, 0, 0)
      const k = c.width / layout.width
      const inkIn = (b) => {
        const d = ctx.getImageData(
          Math.round(b.x * k),
          Math.round(b.y * k),
          Math.round(b.w * k),
          Math.round(b.h * k),
        ).data
        let ink = 0
        for (let i = 0; i < d.length; i += 4) if (d[i] + d[i + 1] + d[i + 2] < 600) ink++
        return ink / (d.length / 4)
      }
      const all = ctx.getImageData(0, 0, c.width, c.height).data
      const colours = new Set()
      for (let i = 0; i < all.length; i += 4 * 97) colours.add((all[i] << 16) | (all[i + 1] << 8) | all[i + 2])
      // The strip just above the bottom margin: text or the QR code stands there, never blank paper.
      const strip = { x: 0, y: layout.height - 70, w: layout.width, h: 30 }
      return {
        width: c.width,
        height: c.height,
        colours: colours.size,
        qrInk: inkIn(layout.qr),
        bottomInk: inkIn(strip),
      }
    }, posterLayout[shape])

await journey('poster: the square poster for every federation, within 4096 px, filled to the bottom', async (page) => {
  for (const f of federations) {
    // Each poster opens cold, as from a shared link (same route, other id).
    await page.goto('about:blank')
    await page.goto(deepLink(`/subpackages/share/poster/index?id=${f.federation.id}`))
    for (const shape of ['square']) {
      await expectText(page, '长按图片')
      await page.locator('.poster__image img').filter({ visible: true }).first().waitFor({ timeout: 15000 })
      const size = posterLayout[shape]
      // The other shape's image may still be up for a moment: wait for this one's size.
      let p = await inspectPoster(page, shape)
      for (let i = 0; i < 20 && p.width !== size.width * 2; i++) {
        await page.waitForTimeout(250)
        p = await inspectPoster(page, shape)
      }
      if (p.width !== size.width * 2 || p.height !== size.height * 2)
        throw new Error(`${f.federation.name} ${shape}: poster is ${p.width}×${p.height}`)
      if (p.width > 4096 || p.height > 4096) throw new Error('poster over 4096 px')
      if (p.colours < 20) throw new Error(`poster looks blank: ${p.colours} colours`)
      if (p.qrInk < 0.2) throw new Error(`${f.federation.name} ${shape}: no QR code drawn (${p.qrInk})`)
      if (p.bottomInk < 0.005) throw new Error(`${f.federation.name} ${shape}: empty at the bottom (${p.bottomInk})`)
      await shoot(page, `poster-${f.federation.id}-${shape}.png`)
    }
  }
  await shoot(page, 'poster.png')
  const download = page.waitForEvent('download')
  await page.getByLabel('下载海报').click()
  if (!(await download).suggestedFilename().endsWith('.png')) throw new Error('download is not a PNG')
})

await journey(
  'share on H5 copies the link when Web Share is missing',
  async (page) => {
    await page.goto(deepLink(`/pages/report/index?id=${federations[0].federation.id}`))
    await expectText(page, federations[0].sections[0].title)
    await page.evaluate(() => {
      // Headless Chromium may or may not have navigator.share; take it away to test the fallback.
      Object.defineProperty(navigator, 'share', { value: undefined, configurable: true })
    })
    await page.getByLabel('分享给朋友').click()
    await expectText(page, '链接已复制')
    const copied = await page.evaluate(() => navigator.clipboard.readText())
    if (!copied.includes(`/pages/report/index?id=${federations[0].federation.id}`)) throw new Error(`copied ${copied}`)
  },
  { permissions: ['clipboard-read', 'clipboard-write'] },
)

await journey('opened from Moments: figures and the hint, never a sign-up form', async (page) => {
  const f = federations[0]
  const p = f.programs.find((x) => x.signup)
  await page.goto(deepLink(`/pages/program/index?id=${p.id}&scene=1154`))
  await expectText(page, p.summary)
  await expectText(page, '前往小程序')
  if (await page.getByLabel(/：报名$/).count()) throw new Error('a sign-up button is shown in single-page mode')
  await shoot(page, 'program-moments.png')
  await page.goto(deepLink(`/subpackages/signup/form/index?programId=${p.id}&scene=1154`))
  await expectText(page, '填写报名表')
  if (await page.getByLabel('提交报名').count()) throw new Error('the form is shown in single-page mode')
  await page.goto(deepLink(`/pages/report/index?id=${f.federation.id}&scene=1154`))
  await expectText(page, '前往小程序')
  await expectText(page, f.sections[0].title)
})

for (const colorScheme of ['light', 'dark']) {
  await journey(
    `可报名的培训 (${colorScheme}): the whole country, then 我的地区, a row opens its program`,
    async (page, errors) => {
      await page.goto(deepLink('/subpackages/trainings/index'))
      await expectText(page, '在首页选好地区后')
      const rows = page.locator('.training__body').filter({ visible: true })
      if ((await rows.count()) !== 12) throw new Error(`first page has ${await rows.count()} rows, expected 12`)
      await shoot(page, `trainings-${colorScheme}.png`)
      await checkA11y(page, errors, `trainings, ${colorScheme}`)
      // 我的地区 from the feed's picker: the list opens on it, 全国 a tap away.
      await page.goto(server.url + '/')
      await page.getByLabel('地区：全国，点按选择省市县').click()
      await page.getByLabel('甘肃省，打开下一级').click()
      await page.getByLabel('陇南市，打开下一级').click()
      await page.getByLabel('武都区', { exact: true }).click()
      await expectText(page, '武都区妇联')
      await page.goto(deepLink('/subpackages/trainings/index'))
      await expectText(page, '武都区（我的地区）')
      const local = await rows.allTextContents()
      if (!local.length || local.some((r) => !r.includes('武都区妇联'))) throw new Error(`not only 武都: ${local}`)
      await shoot(page, `trainings-mine-${colorScheme}.png`)
      await page.getByRole('button', { name: '全国' }).filter({ visible: true }).click()
      await expectText(page, '成都市妇联')
      const [title] = await page.locator('.training__title').filter({ visible: true }).first().allTextContents()
      await rows.first().click()
      await expectText(page, title)
      await expectText(page, '项目介绍')
    },
    { colorScheme },
  )
}

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
  const check = async (name) => {
    const out = await overflowing(page)
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
  await page.goto(deepLink('/subpackages/signup/privacy/index'))
  await expectText(page, '谁负责你的信息')
  await check('privacy')
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
    await page.goto(deepLink('/subpackages/signup/privacy/index'))
    await expectText(page, '这是演示版本')
    await shoot(page, 'privacy-dark.png', { fullPage: true })
  },
  { colorScheme: 'dark' },
)

await browser.close()
await server.close()

finish(results)
