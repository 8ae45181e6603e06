// Browser journeys: builds the H5 app, serves it, and drives Debian's chromium at 375×812.
// Fails on any console error. Screenshots go to tests/e2e/screenshots (git-ignored).
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { launchChromium } from './browser.mjs'
import {
  cancelFromMine,
  checkA11y,
  overflowing,
  signUpFromProgram,
  expectGone,
  expectText,
  fillLegalAid,
  finish,
  journeys,
  ROOT as root,
  shoot,
  SHOTS,
  SMALL_PHONE,
  submit,
  turnOnLargeFont,
  variantCheck,
} from './helpers.mjs'
import { serve } from './serve.mjs'

if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(join(root, 'dist', 'h5', 'index.html'))) {
  console.log('building H5…')
  execSync('npm run build:h5', { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
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
  // The cards, not the tab bar's 年终盘点: they are drawn as a transition (use-async.ts).
  await page.locator('.ye-card').filter({ visible: true }).first().waitFor()
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

/**
 * Waits for a WeUI icon (Taro's Icon draws its <i> a frame after the page's words), failing with
 * `message` if none shows.
 */
const expectIcon = (page, selector, message) =>
  page
    .locator(selector)
    .filter({ visible: true })
    .first()
    .waitFor({ state: 'visible', timeout: 10000 })
    .catch(() => {
      throw new Error(message)
    })

/** Each shipped federation's art: the icon of its lead topic (src/domain/topic-art.ts). */
const LEAD_ART = {
  就业创业: 'briefcase',
  乡村振兴: 'seedling',
  家庭家风: 'home',
  维权关爱: 'umbrella',
  健康: 'stethoscope',
  组织建设: 'users',
  宣传引领: 'speakerphone',
}
const leadArt = (f) => LEAD_ART[f.topics[0]]

/**
 * The shown art elements under `selector`: each one's topic class, and whether its background image
 * (an SVG data URI) decodes to a picture with a size, as the browser would draw it.
 */
const artShown = (page, selector) =>
  page.locator(selector).evaluateAll(async (els) =>
    Promise.all(
      els
        .filter((el) => el.offsetParent !== null)
        .map(async (el) => {
          const style = getComputedStyle(el)
          const url = /^url\("(.*)"\)$/.exec(style.backgroundImage)?.[1] ?? ''
          const img = new Image()
          img.src = url
          const drawn = await img.decode().then(
            () => img.naturalWidth > 0,
            () => false,
          )
          const icon = /topic-art--([\w-]+)/.exec(el.className)?.[1]
          return { icon, drawn, opacity: Number(style.opacity), hidden: el.getAttribute('aria-hidden') }
        }),
    ),
  )

/** Fails unless exactly one shown art element under `selector` draws `icon`, faint and hidden from screen readers. */
const expectArt = async (page, selector, icon, where) => {
  const shown = await artShown(page, selector)
  if (shown.length !== 1) throw new Error(`${where}: ${shown.length} art elements shown, expected 1`)
  const [a] = shown
  if (a.icon !== icon) throw new Error(`${where}: art is ${a.icon}, expected ${icon}`)
  if (!a.drawn) throw new Error(`${where}: the ${icon} art does not decode as an image`)
  if (!(a.opacity > 0.05 && a.opacity < 0.5)) throw new Error(`${where}: art opacity ${a.opacity}, not faint`)
  if (a.hidden !== 'true') throw new Error(`${where}: art is not hidden from screen readers`)
}

await journey('feed shows every federation', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  await shoot(page, 'feed.png')
  await showAllCards(page)
  for (const f of federations) await expectText(page, f.federation.name)
  // Headline figures are shown as the article wrote them: 198861, not 19.9万.
  await expectText(page, '198861')
  // Each card's header carries its lead topic's illustration.
  for (const f of federations) {
    const card = page.locator('.ye-card').filter({ visible: true }).filter({ hasText: f.federation.name })
    const art = await card.locator('.ye-card__head .ye-card__art').evaluate((el) => el.className)
    if (!art.includes(`topic-art--${leadArt(f)}`)) throw new Error(`${f.federation.name}: card art ${art}`)
  }
  const arts = await artShown(page, '.ye-card__art')
  if (arts.length < federations.length || arts.some((a) => !a.drawn)) throw new Error('a card art does not draw')
  await shoot(page, 'feed-full.png', { fullPage: true })
})

/** The prerendered first screen (scripts/first-screen.mjs): its first card's name, or null if there is none. */
const firstScreen = (page) =>
  page.evaluate(() => {
    const layer = document.getElementById('first-screen')
    return layer
      ? {
          name: layer.querySelector('.ye-card__name')?.textContent ?? '',
          hidden: layer.getAttribute('aria-hidden'),
          inert: layer.inert,
        }
      : null
  })
/** Holds every script request, as on a network too slow to bring them yet; the page keeps what HTML and CSS drew. */
const holdScripts = (page) => {
  page.keepFirstScreen = true
  return page.route('**/*.js', () => new Promise(() => undefined))
}
/**
 * A screenshot of a page whose scripts are held: Playwright's own waits for the document's fonts,
 * which a page still loading never reports ready, so the picture is taken through DevTools.
 */
const shootHeld = async (page, name) => {
  const cdp = await page.context().newCDPSession(page)
  const { data } = await cdp.send('Page.captureScreenshot', { format: 'png' })
  writeFileSync(join(SHOTS, name), Buffer.from(data, 'base64'))
}
/** Opens `url` with the scripts held: the HTML is parsed (its inline scripts run), the bundles never come. */
const openHeld = async (page, url) => {
  await page.goto(url, { waitUntil: 'commit' })
  await page.waitForFunction(() => document.readyState !== 'loading')
}

for (const colorScheme of ['light', 'dark']) {
  await journey(
    `first screen (${colorScheme}): the feed is drawn before the scripts arrive, then the app's own replaces it`,
    async (page, errors, openPage) => {
      await holdScripts(page)
      await openHeld(page, server.url + '/')
      const shown = await firstScreen(page)
      if (!shown) throw new Error('index.html has no first screen')
      if (shown.hidden !== 'true' || !shown.inert)
        throw new Error('the first screen is not hidden from screen readers and focus')
      await expectText(page, '各地妇联的年度成绩单')
      await expectText(page, shown.name)
      await shootHeld(page, `first-screen-${colorScheme}.png`)
      // Nothing in the picture takes focus: it is a picture.
      await page.keyboard.press('Tab')
      if (await page.evaluate(() => !!document.activeElement?.closest('#first-screen')))
        throw new Error('Tab focused the picture')

      // With the scripts: the feed draws its own first card, the same one, and the picture goes.
      const live = await openPage()
      // goto waits for the picture to go (helpers.mjs), or fails.
      await live.goto(server.url + '/')
      const first = await live.locator('#app .ye-card__name').first().textContent()
      if (first !== shown.name) throw new Error(`the picture's first card is ${shown.name}, the feed's is ${first}`)
      await checkA11y(live, errors, `feed after the first screen (${colorScheme})`)
    },
    { colorScheme },
  )
}

await journey('first screen: not shown where the feed would look different', async (page, _errors, openPage) => {
  const cases = [
    ['a report link', deepLink(`/pages/report/index?id=${federations[0].federation.id}`), null],
    ['a filtered feed link', deepLink('/pages/feed/index?topic=健康'), null],
    ['Moments’ single-page mode', `${server.url}/?scene=1154`, null],
    ['大字模式 on', server.url + '/', ['jg.app', { state: { largeFont: true, drafts: {} }, version: 2 }]],
    [
      '我的地区 remembered',
      server.url + '/',
      ['jg.region', { mine: { code: '510100', names: '四川省 成都市' }, showing: true }],
    ],
  ]
  for (const [label, url, stored] of cases) {
    const p = await openPage()
    // Stored as the app stores it through Taro's H5 storage: {"data": JSON text}.
    if (stored)
      await p.addInitScript(([k, v]) => localStorage.setItem(k, JSON.stringify({ data: JSON.stringify(v) })), stored)
    await holdScripts(p)
    await openHeld(p, url)
    if (await firstScreen(p)) throw new Error(`${label}: the first screen is shown`)
  }
  // Leaving the feed before the app has drawn it takes the picture away too.
  await holdScripts(page)
  await openHeld(page, server.url + '/')
  if (!(await firstScreen(page))) throw new Error('no first screen on the feed')
  await page.evaluate(() => (location.hash = '#/pages/mine/index'))
  await page.waitForFunction(() => !document.getElementById('first-screen'))
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
  await expectGone(page, '成都市妇联', '成都 still shown after picking 湖南')
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
  await expectGone(page, '惠州市妇联', '惠州 still shown after searching 武都')
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
    await page.getByLabel(new RegExp(`^${f.federation.name}${f.federation.year}年终盘点，.*查看报告$`)).click()
    await expectText(page, f.sections[0].title)
    await expectText(page, `《${f.source.headline}》`)
    await expectArt(page, '.report__hero .report__art', leadArt(f), `${f.federation.name} report head`)
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
  // A long name stops at 30 characters, with the counter saying so, instead of a refusal afterwards.
  await page.locator('#field-name input').fill('王'.repeat(200))
  await expectText(page, '30/30，已到字数上限')
  if ((await page.locator('#field-name input').inputValue()) !== '王'.repeat(30))
    throw new Error('the name went past 30 characters')
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

await journey('sign-up: succeeds, shows in 我的报名 after a reload, and can be cancelled', async (page, errors) => {
  await signUpFromProgram(page, deepLink('/pages/program/index?id=zz-legal-aid'), {
    name: '刘桂兰',
    mobile: '13900139000',
  })
  await expectText(page, '刘桂兰（139****9000）')
  await expectIcon(page, '[class*="weui-icon-success"]', 'the success page has no WeUI success icon')
  // No reminder templates in the built-in data: the calendar is the reminder on offer.
  await page.getByLabel('添加到日历').filter({ visible: true }).waitFor()
  await checkA11y(page, errors, 'signup done')
  await shoot(page, 'signup-done.png')
  // 再帮家人报名: the same session and her mobile, the person's fields empty.
  await page.getByLabel('再帮家人报名').filter({ visible: true }).click()
  await expectText(page, '可以为家人报名，每人填一份')
  if ((await page.locator('#field-mobile input').last().inputValue()) !== '13900139000')
    throw new Error('the family form did not keep her mobile')
  if ((await page.locator('#field-name input').last().inputValue()) !== '')
    throw new Error('the family form kept the name')
  if (
    (await page
      .getByLabel(/^法律咨询日/)
      .last()
      .getAttribute('aria-checked')) !== 'true'
  )
    throw new Error('the family form did not keep the session')
  await fillLegalAid(page, { name: '王秀英', mobile: '13900139000' })
  await submit(page)
  await expectText(page, '王秀英（139****9000）')
  await page.goto(deepLink('/pages/mine/index'))
  await page.reload()
  await expectText(page, '巾帼普法与免费法律咨询')
  await expectText(page, '已报名')
  await expectText(page, '刘桂兰 · 139****9000')
  // By person: her own first, then the relative she signed up with the same mobile.
  await page.getByRole('group', { name: '本人：刘桂兰' }).waitFor()
  await page.getByRole('group', { name: '家人：王秀英' }).waitFor()
  await checkA11y(page, errors, 'mine grouped')
  await shoot(page, 'mine-with-signup.png', { fullPage: true })
  // The same person again for the same session is refused.
  await page.goto(deepLink(LEGAL))
  await fillLegalAid(page, { name: '刘桂兰', mobile: '139-0013-9000' })
  await submit(page)
  await expectText(page, '刘桂兰 已经报名了这个场次，不用重复报名')
  // The refusal points to where her sign-up is.
  await page.getByRole('link', { name: '查看我的报名' }).filter({ visible: true }).waitFor()
  await shoot(page, 'signup-duplicate.png')
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
    if (i === 5) {
      // The full session's button says what it does, in the waitlist style.
      const wait = page.getByLabel('加入候补')
      if (!(await wait.getAttribute('class')).includes('signup__submit--wait'))
        throw new Error('加入候补 is not in the waitlist style')
      await shoot(page, 'signup-form-waitlist.png')
    }
    await submit(page)
    await expectText(page, i < 5 ? '报名成功' : '已加入候补，第1位')
  }
  await expectIcon(page, '.weui-icon-waiting', 'the waitlist page has no WeUI waiting icon')
  await shoot(page, 'signup-waitlist.png')
  await page.goto(deepLink('/pages/mine/index'))
  await expectText(page, '候补第1位')
})

await journey('sign-up form: keypads, counters and messages that say what is wrong', async (page, errors) => {
  await page.goto(deepLink('/subpackages/signup/form/index?programId=zz-live-farm&sessionId=zz-lf-1'))
  await expectText(page, '可以为家人报名，每人填一份')
  // What reaches the real <input>: the keypad for the mobile, nothing special for the name.
  const mobile = page.locator('#field-mobile input')
  if ((await mobile.getAttribute('inputmode')) !== 'tel') throw new Error('the mobile field opens no phone keypad')
  if (await page.locator('#field-name input').getAttribute('inputmode'))
    throw new Error('the name field asks for a number keypad')
  if ((await mobile.getAttribute('aria-label')) !== '手机号') throw new Error('the real mobile input has no name')
  // A counter that stops at the limit, as the validator counts.
  await page.locator('#field-product input').fill('茶叶、黄桃')
  await expectText(page, '5/40')
  await page.locator('#field-product input').fill('茶'.repeat(45))
  await expectText(page, '40/40，已到字数上限')
  if ((await page.locator('#field-product input').inputValue()) !== '茶'.repeat(40))
    throw new Error('the product field went past its 40 characters')
  await mobile.fill('12345678901')
  await submit(page)
  await expectText(page, '手机号第二位应是3到9，现在是2')
  await expectText(page, '请选择所在县市区')
  await checkA11y(page, errors, 'signup form')
  await shoot(page, 'signup-form.png', { fullPage: true })
  // An online session says how the way in arrives.
  await page.goto(deepLink('/subpackages/signup/form/index?programId=zz-live-farm&sessionId=zz-lf-2'))
  await expectText(page, '线上参加：会议号或链接由主办方在开课前另行告诉您')
  // The draft kept 助农直播实操: choosing the full 线上选品课 turns the button into 加入候补.
  await page
    .getByLabel(/^线上选品课/)
    .filter({ visible: true })
    .click()
  await page.getByLabel('加入候补').filter({ visible: true }).waitFor()
  await shoot(page, 'signup-form-online.png')
})

await journey('sign-up by keyboard alone: Tab to every control, Space and Enter to use them', async (page) => {
  await page.goto(deepLink(LEGAL))
  await expectText(page, '可以为家人报名，每人填一份')
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement
      const input = el?.closest('[id^="field-"]')
      // A text field's focus ring is on the box around Taro's inner <input>.
      const ring = el?.tagName === 'INPUT' || el?.tagName === 'TEXTAREA' ? el.closest('.text-input') : el
      return {
        label: el?.getAttribute('aria-label') ?? '',
        tag: el?.tagName ?? '',
        field: input?.id ?? '',
        outline: ring ? getComputedStyle(ring).outlineStyle + ' ' + getComputedStyle(ring).outlineWidth : '',
      }
    })
  // Tab until the control named `label` (or in the field `field`) has focus; it must be reachable.
  const tabTo = async (want, { field } = {}) => {
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab')
      const f = await focused()
      if (field ? f.field === field && f.tag === 'INPUT' : f.label === want) {
        if (f.outline.startsWith('none') || f.outline.endsWith(' 0px'))
          throw new Error(`no visible focus on ${want ?? field}: ${f.outline}`)
        return
      }
    }
    throw new Error(`Tab never reached ${want ?? field}`)
  }
  await tabTo(undefined, { field: 'field-name' })
  await page.keyboard.type('陈阿姨')
  await tabTo(undefined, { field: 'field-mobile' })
  await page.keyboard.type('13600136000')
  await tabTo('劳动权益')
  await page.keyboard.press('Space')
  if ((await page.getByLabel('劳动权益', { exact: true }).getAttribute('aria-checked')) !== 'true')
    throw new Error('Space did not choose 劳动权益')
  await tabTo('我已阅读并同意隐私说明')
  await page.keyboard.press('Space')
  if ((await page.getByLabel('我已阅读并同意隐私说明').getAttribute('aria-checked')) !== 'true')
    throw new Error('Space did not tick the consent')
  await shoot(page, 'signup-keyboard.png')
  await tabTo('提交报名')
  await page.keyboard.press('Enter')
  await expectText(page, '报名成功')
  await expectText(page, '陈阿姨（136****6000）')
})

for (const [variant, options] of [
  ['1.4×', {}],
  ['dark', { colorScheme: 'dark' }],
]) {
  await journey(
    `sign-up screens at ${variant}`,
    async (page, errors) => {
      const tag = variant === 'dark' ? 'dark' : 'large'
      if (variant === '1.4×') await turnOnLargeFont(page, deepLink('/pages/mine/index'))
      const check = variantCheck(page, errors, tag, { fullPage: true })
      await page.goto(deepLink(LEGAL))
      await expectText(page, '可以为家人报名，每人填一份')
      await check('signup-form')
      await fillLegalAid(page, { name: '刘桂兰', mobile: '13900139000' })
      await submit(page)
      await expectText(page, '报名成功')
      await check('signup-done')
      await page.getByLabel('再帮家人报名').filter({ visible: true }).click()
      await expectText(page, '可以为家人报名，每人填一份')
      await fillLegalAid(page, { name: '刘桂兰', mobile: '13900139000' })
      await submit(page)
      await expectText(page, '刘桂兰 已经报名了这个场次，不用重复报名')
      await check('signup-duplicate')
      // The relative she meant: the same mobile, her own name.
      await page.locator('#field-name input').filter({ visible: true }).fill('王秀英')
      await submit(page)
      await expectText(page, '王秀英（139****9000）')
      await page.goto(deepLink('/pages/mine/index'))
      await page.reload()
      await expectText(page, '刘桂兰 · 139****9000')
      await page.getByRole('group', { name: '家人：王秀英' }).waitFor()
      await check('mine-with-signup')
      // Waitlist: 法律咨询日 has 12 seats, 7 taken and their 2; 3 more fill it.
      for (const name of ['赵一', '钱二', '孙三', '周五']) {
        await page.goto(deepLink(LEGAL))
        await expectText(page, '填写约需1分钟')
        await fillLegalAid(page, { name, mobile: '13700137000' })
        await submit(page)
        await expectText(page, name === '周五' ? '已加入候补，第1位' : '报名成功')
      }
      await check('signup-waitlist')
    },
    options,
  )
}

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
      // The square band's right-hand strip, right of where the shipped cards' words end: the topic art
      // is drawn faint there, so white is mixed into the band's colour.
      const corner = ctx.getImageData(
        Math.round(610 * k),
        Math.round(30 * k),
        Math.round(105 * k),
        Math.round(350 * k),
      ).data
      const artColours = new Set()
      for (let i = 0; i < corner.length; i += 4) artColours.add(`${corner[i]},${corner[i + 1]},${corner[i + 2]}`)
      // The strip just above the bottom margin: text or the QR code stands there, never blank paper.
      const strip = { x: 0, y: layout.height - 70, w: layout.width, h: 30 }
      return {
        width: c.width,
        height: c.height,
        colours: colours.size,
        qrInk: inkIn(layout.qr),
        bottomInk: inkIn(strip),
        artColours: artColours.size,
        src: img.getAttribute('src'),
      }
    }, posterLayout[shape])

await journey('poster: the square poster for every federation, within 4096 px, filled to the bottom', async (page) => {
  /** Each federation's square poster image, to set side by side at the end. */
  const posters = []
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
      if (p.artColours < 3)
        throw new Error(`${f.federation.name}: no art in the poster's corner (${p.artColours} colours)`)
      posters.push({ name: f.federation.name, src: p.src })
    }
  }
  await shoot(page, 'poster.png')
  // All five side by side, as a feed of shared images would show them.
  const sheet = await browser.newPage({ viewport: { width: 1500, height: 340 } })
  await sheet.setContent(
    `<body style="margin:0;padding:10px;background:#eee;display:flex;gap:10px">${posters
      .map((p) => `<img src="${p.src}" alt="${p.name}" style="width:288px;height:288px">`)
      .join('')}</body>`,
  )
  await sheet.waitForTimeout(300)
  await sheet.screenshot({ path: join(root, 'tests', 'e2e', 'screenshots', 'posters-side-by-side.png') })
  await sheet.close()
  const download = page.waitForEvent('download')
  await page.getByLabel('下载海报').click()
  if (!(await download).suggestedFilename().endsWith('.png')) throw new Error('download is not a PNG')
})

// The poster page's 方图 1:1 / 横图 5:4 switch, clicked for real as she would tap it.
const SHAPE_NAMES = { square: '方图 1:1', wide: '横图 5:4' }
const shapeButton = (page, shape) =>
  page.getByRole('button', { name: SHAPE_NAMES[shape], exact: true }).filter({ visible: true })

/**
 * Waits until the poster shown is `shape`'s (its label, then its image's size at pixel ratio 2) and
 * checks it: the preview's aspect, the image's size, colours, QR code, ink down to the bottom.
 */
const expectPoster = async (page, shape, who) => {
  const size = posterLayout[shape]
  await page.getByLabel(`年终盘点海报，${SHAPE_NAMES[shape]}`).filter({ visible: true }).waitFor({ timeout: 20000 })
  let p = await inspectPoster(page, shape)
  for (let i = 0; i < 40 && p.width !== size.width * 2; i++) {
    await page.waitForTimeout(250)
    p = await inspectPoster(page, shape)
  }
  if (p.width !== size.width * 2 || p.height !== size.height * 2)
    throw new Error(`${who} ${shape}: poster is ${p.width}×${p.height}`)
  if (p.colours < 20) throw new Error(`${who} ${shape}: poster looks blank (${p.colours} colours)`)
  if (p.qrInk < 0.2) throw new Error(`${who} ${shape}: no QR code drawn (${p.qrInk})`)
  if (p.bottomInk < 0.005) throw new Error(`${who} ${shape}: empty at the bottom (${p.bottomInk})`)
  // The preview on the page has the poster's own shape (1 or 1.25), not a square frame around it.
  const box = await page.locator('.poster__image').filter({ visible: true }).first().boundingBox()
  const aspect = box.width / box.height
  if (Math.abs(aspect - size.width / size.height) > 0.02)
    throw new Error(`${who} ${shape}: preview is ${box.width}×${box.height}, aspect ${aspect.toFixed(3)}`)
  for (const s of Object.keys(SHAPE_NAMES)) {
    const pressed = await shapeButton(page, s).getAttribute('aria-pressed')
    if (pressed !== String(s === shape)) throw new Error(`${who}: ${SHAPE_NAMES[s]} aria-pressed=${pressed}`)
  }
  return page.locator('.poster__image img').filter({ visible: true }).first().getAttribute('src')
}

/** A federation's poster page: the square poster, then 横图 tapped and the wide one, each checked and shot. */
const checkBothShapes = async (page, id, tag, check, name) => {
  await page.goto(deepLink(`/subpackages/share/poster/index?id=${id}`))
  await expectPoster(page, 'square', tag)
  await check(`${name}-square`)
  await shapeButton(page, 'wide').click()
  await expectPoster(page, 'wide', tag)
  await check(`${name}-wide`)
}

/** The page answers within a second: a frame is painted and a script runs (a draw loop would starve both). */
const stillAnswers = async (page, who) => {
  const answered = await Promise.race([
    page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 0)))),
    new Promise((r) => setTimeout(() => r(false), 1000)),
  ])
  if (!answered) throw new Error(`${who}: the page stopped answering`)
}

await journey('poster: 方图 1:1 and 横图 5:4 for every federation, switched by real clicks', async (page) => {
  for (const f of federations) {
    const who = f.federation.name
    await page.goto('about:blank')
    await page.goto(deepLink(`/subpackages/share/poster/index?id=${f.federation.id}`))
    const square = await expectPoster(page, 'square', who)
    await shoot(page, `poster-${f.federation.id}-square.png`)
    await shapeButton(page, 'wide').click()
    const wide = await expectPoster(page, 'wide', who)
    if (wide === square) throw new Error(`${who}: 横图 shows the square image`)
    await stillAnswers(page, who)
    await shoot(page, `poster-${f.federation.id}-wide.png`)
    // Back to 1:1: the page still responds and the image changes again, with no drawing since.
    await shapeButton(page, 'square').click()
    if ((await expectPoster(page, 'square', who)) !== square)
      throw new Error(`${who}: 方图 is not the square image again`)
    await page.waitForTimeout(1000)
    await stillAnswers(page, who)
    const draws = await page.evaluate(() => performance.getEntriesByName('poster-draw').length)
    if (draws !== 2) throw new Error(`${who}: ${draws} drawings for two shapes (a redraw loop?)`)
  }
  // The download is the chosen image: 横图 gives a 5:4 PNG named so.
  await shapeButton(page, 'wide').click()
  await expectPoster(page, 'wide', 'last federation')
  const download = page.waitForEvent('download')
  await page.getByLabel('下载海报').filter({ visible: true }).click()
  const file = await download
  if (!file.suggestedFilename().endsWith('-横图.png')) throw new Error(`download named ${file.suggestedFilename()}`)
  const png = readFileSync(await file.path())
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)]
  if (w * 4 !== h * 5) throw new Error(`the 横图 download is ${w}×${h}, not 5:4`)
  // By keyboard: Tab reaches the switch with a visible focus ring; Space and Enter press it.
  await page.goto('about:blank')
  await page.goto(deepLink(`/subpackages/share/poster/index?id=${federations[0].federation.id}`))
  await expectPoster(page, 'square', 'keyboard')
  let label = ''
  for (let i = 0; i < 10 && label !== SHAPE_NAMES.wide; i++) {
    await page.keyboard.press('Tab')
    label = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')
  }
  if (label !== SHAPE_NAMES.wide) throw new Error('Tab never reached 横图 5:4')
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)
  if (ring === 'none') throw new Error('no visible focus on 横图 5:4')
  await page.keyboard.press('Space')
  await expectPoster(page, 'wide', 'keyboard')
  await shoot(page, 'poster-keyboard-focus.png')
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Enter')
  await expectPoster(page, 'square', 'keyboard')
})

// Both shapes for one federation in the dark and at 1.4× (the switch's labels must fit too).
for (const [tag, options] of [
  ['dark', { colorScheme: 'dark' }],
  ['large', {}],
]) {
  await journey(
    `poster: both shapes at ${tag === 'large' ? '1.4×' : tag}`,
    async (page, errors) => {
      if (tag === 'large') await turnOnLargeFont(page, deepLink('/pages/mine/index'))
      await checkBothShapes(page, 'zhuzhou-2020', tag, variantCheck(page, errors, tag), 'poster-zhuzhou-2020')
    },
    options,
  )
}

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
    // Not a bare address: the report's title and its key figure lead ("…年终盘点：…人次 https://…").
    const f = federations[0]
    if (!new RegExp(`^${f.federation.name}${f.federation.year}年终盘点：\\D*\\d.* https?://`).test(copied))
      throw new Error(`copied text has no title and key figure: ${copied}`)
  },
  { permissions: ['clipboard-read', 'clipboard-write'] },
)

await journey('share on H5 hands Web Share the title and key figure with the link', async (page) => {
  const f = federations[0]
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: async (data) => {
        window.__shared = data
      },
    })
  })
  await page.goto(deepLink(`/pages/report/index?id=${f.federation.id}`))
  await expectText(page, f.sections[0].title)
  await page.getByLabel('分享给朋友').click()
  await page.waitForFunction(() => window.__shared)
  const shared = await page.evaluate(() => window.__shared)
  if (!shared.url.includes(`/pages/report/index?id=${f.federation.id}`))
    throw new Error(`shared ${JSON.stringify(shared)}`)
  for (const field of ['title', 'text'])
    if (!/年终盘点：.*\d/.test(shared[field])) throw new Error(`Web Share ${field} has no key figure: ${shared[field]}`)
})

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
      await page.goto(server.url + '/')
      await page.getByText('找培训：各地正在报名的培训 ›').filter({ visible: true }).click()
      await expectText(page, '在首页选好地区后')
      const rows = page.locator('.training__body').filter({ visible: true })
      // The rows are drawn as a transition, after the page's own words (use-async.ts).
      await rows.nth(11).waitFor()
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
      await rows.first().waitFor()
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

await journey('feed: 有可报名 in the link, kept on reload, opened from a shared link', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  // Every card with a session taking sign-ups says so on its head.
  const badges = page.locator('.ye-card__badge').filter({ visible: true })
  if (!(await badges.count())) throw new Error('no 可报名 badge on the feed')
  const toggle = page.getByLabel('只看有可报名的培训').filter({ visible: true })
  await toggle.click()
  await page.waitForFunction(() => location.hash.includes('open=1'))
  if ((await toggle.getAttribute('aria-checked')) !== 'true') throw new Error('有可报名 not shown as on')
  await page.getByLabel('主题：健康').filter({ visible: true }).click()
  const box = page.locator('input[aria-label="搜妇联名称或地名"]').filter({ visible: true })
  await box.fill('株洲')
  await box.press('Enter')
  await page.waitForFunction(
    () => /open=1/.test(location.hash) && /q=/.test(location.hash) && /topic=/.test(location.hash),
  )
  await expectText(page, '株洲市妇联')
  await shoot(page, 'feed-open-filter.png')
  const link = page.url()
  // A reload opens the same filtered feed.
  await page.reload()
  await expectText(page, '株洲市妇联')
  if ((await page.locator('input[aria-label="搜妇联名称或地名"]').filter({ visible: true }).inputValue()) !== '株洲')
    throw new Error('the search was not kept on reload')
  if ((await page.getByLabel('只看有可报名的培训').filter({ visible: true }).getAttribute('aria-checked')) !== 'true')
    throw new Error('有可报名 was not kept on reload')
  if (await page.getByText('成都市妇联').filter({ visible: true }).count()) throw new Error('成都 shown under 株洲')
  // The link opened by someone else (a fresh browser) shows the same.
  const other = await (
    await page
      .context()
      .browser()
      .newContext({ viewport: { width: 375, height: 812 } })
  ).newPage()
  await other.goto(link)
  await expectText(other, '株洲市妇联')
  if (await other.getByText('惠州市妇联').filter({ visible: true }).count())
    throw new Error('惠州 shown for a 株洲 link')
  await other.context().close()
  // Bad values in a link are left out: the feed still opens.
  await page.goto(deepLink('/pages/feed/index?topic=%E5%A4%A9%E6%B0%94&open=yes&region=51'))
  await page.reload()
  await expectText(page, federations[0].federation.name)
  await showAllCards(page)
  for (const f of federations) await expectText(page, f.federation.name)
})

await journey(
  'sticky 报名 bar and the report contents at 360×640 1.4×',
  async (page) => {
    await page.goto(deepLink('/pages/mine/index'))
    await page.getByLabel('大字模式').first().click()
    await expectText(page, '已开启')
    await page.goto(deepLink('/pages/report/index?id=zhuzhou-2020'))
    const strip = page.getByRole('navigation', { name: '本页内容' }).filter({ visible: true })
    await strip.waitFor()
    const inView = async (locator, what) => {
      const box = await locator.boundingBox()
      if (!box || box.y < 0 || box.y + box.height > 640)
        throw new Error(`${what} is not on the screen: ${JSON.stringify(box)}`)
    }
    await inView(strip, 'the contents strip')
    await shoot(page, 'report-contents-large-360.png')
    await page
      .getByLabel(/^跳到培训与活动/)
      .filter({ visible: true })
      .click()
    await page.waitForTimeout(600)
    await inView(page.locator('#report-programs').filter({ visible: true }), '培训与活动 after the jump')
    await page.getByLabel('跳到分享').filter({ visible: true }).click()
    await page.waitForTimeout(600)
    await inView(page.getByLabel('生成海报').filter({ visible: true }), '生成海报 after the jump')
    await page.getByLabel('打开海报').filter({ visible: true }).click()
    await expectText(page, '长按图片可以保存')
    await page.goto(deepLink('/pages/program/index?id=zz-live-farm'))
    const bar = page.getByRole('region', { name: '报名' }).filter({ visible: true })
    await bar.waitFor()
    await inView(bar, 'the 报名 bar')
    await shoot(page, 'program-bar-large-360.png')
    // Scrolled to the end: still there, and the share buttons are not under it.
    await page.mouse.wheel(0, 5000)
    await page.waitForTimeout(500)
    await inView(bar, 'the 报名 bar at the end')
    const share = await page.getByLabel('分享给朋友').filter({ visible: true }).boundingBox()
    const barBox = await bar.boundingBox()
    if (share.y + share.height > barBox.y) throw new Error('the share button is under the 报名 bar')
    await shoot(page, 'program-bar-end-large-360.png')
    const out = await overflowing(page)
    if (out.length) throw new Error(`program overflows at 1.4×: ${out.join('; ')}`)
    await page.getByLabel('报名参加').filter({ visible: true }).click()
    await expectText(page, '填写约需')
  },
  { viewport: { width: 360, height: 640 } },
)

await journey('H5 navigation: title, back and home; not-found → 返回首页', async (page) => {
  await page.goto(server.url + '/')
  await expectText(page, federations[0].federation.name)
  const nav = () => page.getByRole('banner').filter({ visible: true })
  if (await nav().getByLabel('回到首页').count()) throw new Error('首页 offered on the feed itself')
  await page
    .getByLabel(/^株洲市妇联2020年终盘点，/)
    .filter({ visible: true })
    .click()
  await expectText(page, '株洲市妇联的项目')
  await page.getByRole('heading', { name: '年终盘点', exact: true }).filter({ visible: true }).first().waitFor()
  await shoot(page, 'nav-report.png')
  await nav().getByLabel('返回上一页').click()
  await page.waitForFunction(() => location.hash === '' || location.hash.startsWith('#/pages/feed/index'))
  await expectText(page, federations[0].federation.name)
  // A deep link has no page to go back to: 首页 only.
  await page.goto(deepLink('/pages/program/index?id=zz-legal-aid'))
  await page.reload()
  await expectText(page, '项目详情')
  if (await nav().getByLabel('返回上一页').count()) throw new Error('返回 offered with no page to go back to')
  await nav().getByLabel('回到首页').click()
  await expectText(page, federations[0].federation.name)
  // Not found: 返回首页 beside 重新加载.
  await page.goto(deepLink('/pages/program/index?id=no-such-program'))
  await expectText(page, '没有找到这个项目')
  await shoot(page, 'program-not-found.png')
  await page.getByLabel('返回首页').filter({ visible: true }).click()
  await expectText(page, federations[0].federation.name)
})

await journey(
  'H5 navigation bar in the dark at 1.4×',
  async (page, errors) => {
    await page.goto(deepLink('/pages/mine/index'))
    await page.getByLabel('大字模式').first().click()
    await expectText(page, '已开启')
    await shoot(page, 'nav-mine-large-dark.png')
    await checkA11y(page, errors, 'H5 bar on 我的报名, 1.4× dark')
    await page.getByLabel('去找培训和活动').filter({ visible: true }).click()
    await expectText(page, federations[0].federation.name)
    await page.goto(deepLink('/pages/report/index?id=chengdu-2020'))
    await expectText(page, '成都市妇联的项目')
    await shoot(page, 'nav-report-large-dark.png')
    const out = await overflowing(page)
    if (out.length) throw new Error(`report overflows at 1.4×: ${out.join('; ')}`)
  },
  { colorScheme: 'dark' },
)

// 看故事版: from the report's header through every screen to the closing one, whose 生成海报 opens the
// poster; light with the count-up, dark with reduced motion (figures still), and 1.4× dark.
for (const variant of ['light', 'dark', 'large']) {
  const f = federations.find((x) => x.federation.id === 'zhuzhou-2020')
  const told = new Set(f.sections.filter((s) => s.figureIds.length).flatMap((s) => s.figureIds))
  const lone = f.headlineFigureIds.filter((id) => !told.has(id))
  const total = f.sections.filter((s) => s.figureIds.length).length + lone.length + 2
  await journey(
    `story (${variant}): report → 看故事版 → every screen → 生成海报`,
    async (page, errors) => {
      if (variant === 'large') {
        await page.goto(deepLink('/pages/mine/index'))
        await page.getByLabel('大字模式').first().click()
        await expectText(page, '已开启')
      }
      await page.goto(deepLink(`/pages/report/index?id=${f.federation.id}`))
      await expectText(page, f.sections[0].title)
      await page.getByLabel('看故事版，一分钟看完').filter({ visible: true }).click()
      await expectText(page, `1 / ${total}`)
      const visible = (selector) => page.locator(selector).filter({ visible: true })
      // The story's own heading (on H5 the navigation bar's title is a heading too).
      if (!(await visible('.story__opening-title[role="heading"]').first().textContent()).includes(f.federation.name))
        throw new Error('the opening does not name the federation')
      const live = await page.locator('[aria-live="polite"]').filter({ hasText: '第 1 / ' }).count()
      if (!live) throw new Error('the opening screen is not announced')
      const noOverflow = async (where) => {
        const out = await overflowing(page)
        if (out.length) throw new Error(`${where} overflows: ${out.join('; ')}`)
      }
      await expectArt(page, '.story__screen .story__art', leadArt(f), `story opening, ${variant}`)
      await shoot(page, `story-opening-${variant}.png`)
      await noOverflow('opening')
      await checkA11y(page, errors, `story opening, ${variant}`)
      await visible('[aria-label="下一屏"]').click()
      await expectText(page, `2 / ${total}`)
      // The first section's figure, as the report shows it: counted up (light) or still (dark: reduced motion).
      const first = f.figures.find((x) => x.id === f.sections[0].figureIds[0])
      if (variant === 'dark') {
        const now = await visible('.story__number').first().textContent()
        if (now !== first.value) throw new Error(`with reduced motion the figure shows ${now}, expected ${first.value}`)
      }
      await expectText(page, first.label)
      await page.waitForFunction(
        (v) => [...document.querySelectorAll('.story__number')].some((n) => n.textContent === v && n.offsetParent),
        first.value,
      )
      // A section's screen shows its own topic: 思想引领 is 宣传引领's.
      await expectArt(page, '.story__screen .story__art', LEAD_ART[f.sections[0].topic], `story figure, ${variant}`)
      await shoot(page, `story-figure-${variant}.png`)
      await noOverflow('figure screen')
      if (variant === 'large') {
        // The small phone: the number shrinks to fit, the screen scrolls within itself, nothing is cut.
        await page.setViewportSize({ width: 360, height: 640 })
        await shoot(page, 'story-figure-large-360.png')
        await noOverflow('figure screen at 360×640')
        const cut = await visible('.story__body').evaluateAll((bodies) =>
          bodies.some((b) => b.scrollHeight > b.clientHeight + 1 && getComputedStyle(b).overflowY !== 'auto'),
        )
        if (cut) throw new Error('a screen is taller than the phone and cannot scroll')
        await page.setViewportSize({ width: 375, height: 812 })
      }
      await checkA11y(page, errors, `story figure, ${variant}`)
      // Keyboard users: the arrow keys move too.
      await page.keyboard.press('ArrowDown')
      await expectText(page, `3 / ${total}`)
      // The next figure sits on the page's own background, its number in the federation's colour.
      await expectText(page, f.sections[1].title)
      await shoot(page, `story-figure-alt-${variant}.png`)
      await checkA11y(page, errors, `story second figure, ${variant}`)
      for (let i = 4; i <= total; i++) {
        await visible('[aria-label="下一屏"]').click()
        await expectText(page, `${i} / ${total}`)
        await noOverflow(`screen ${i}`)
      }
      await expectText(page, '看完了')
      await expectText(page, '查看完整盘点')
      await shoot(page, `story-closing-${variant}.png`)
      await checkA11y(page, errors, `story closing, ${variant}`)
      await visible('[aria-label="生成海报"]').click()
      await page.getByLabel('年终盘点海报').filter({ visible: true }).waitFor({ timeout: 20000 })
    },
    variant === 'light' ? {} : { colorScheme: 'dark', ...(variant === 'dark' ? { reducedMotion: 'reduce' } : {}) },
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

// ---- typography and the tab bar at 1.4×, dark, on a small phone ----
/** Elements that must stay on one line (`.keep`, a figure with its unit) but were broken across two. */
const brokenKeeps = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.keep, .figure-tile__figure')]
      .filter((el) => el.getClientRects().length > 0 && el.closest('.taro_page')?.style.display !== 'none')
      .filter((el) => new Set([...el.getClientRects()].map((r) => Math.round(r.top))).size > 1)
      .map((el) => el.textContent),
  )

for (const [tag, viewport] of [
  ['375', { width: 375, height: 812 }],
  ['360', { width: 360, height: 640 }],
])
  await journey(
    `typography and tab bar at 1.4× in the dark (${tag})`,
    async (page) => {
      await page.goto(deepLink('/pages/mine/index'))
      await page.getByLabel('大字模式').first().click()
      await expectText(page, '已开启')
      // The tab bar is Taro's, outside the pages: it takes the dark colours and the large font too.
      const tab = await page.evaluate(() => {
        const bar = document.querySelector('.taro-tabbar__tabbar .weui-tabbar')
        const label = document.querySelector('.taro-tabbar__tabbar .weui-tabbar__label')
        return {
          bg: bar && getComputedStyle(bar).backgroundColor,
          size: label && parseFloat(getComputedStyle(label).fontSize),
        }
      })
      if (tab.bg !== 'rgb(31, 26, 27)') throw new Error(`tab bar background in the dark: ${tab.bg}`)
      if (!(tab.size >= 16)) throw new Error(`tab bar label at 1.4×: ${tab.size}px`)
      const check = async (name) => {
        await shoot(page, `${name}-large-dark-${tag}.png`)
        const out = await overflowing(page)
        if (out.length) throw new Error(`${name} overflows at 1.4× (${tag}): ${out.join('; ')}`)
        const broken = await brokenKeeps(page)
        if (broken.length) throw new Error(`${name} breaks inside ${broken.join('; ')}`)
      }
      await check('mine-tabbar')
      for (const f of federations) {
        await page.goto(deepLink(`/pages/report/index?id=${f.federation.id}`))
        await expectText(page, f.sections[0].title)
        await check(`report-${f.federation.id}`)
      }
      await page.goto(server.url + '/')
      await expectText(page, federations[0].federation.name)
      await check('feed')
      await page.goto(deepLink('/pages/program/index?id=zz-legal-aid'))
      await expectText(page, '法律咨询日')
      await check('program')
      await page.goto(deepLink(LEGAL))
      await expectText(page, '填写约需1分钟')
      await fillLegalAid(page, { name: '欧阳秀英', mobile: '13800138000' })
      await submit(page)
      await expectText(page, '报名成功')
      await expectText(page, '138****8000')
      await check('signup-done')
      await page.goto(deepLink('/pages/mine/index'))
      await expectText(page, '欧阳秀英 · 138****8000')
      await check('mine-signup')
    },
    { viewport, colorScheme: 'dark' },
  )

// ---- the small phone (360×640), at 1× and at 1.4×: the screens of the sign-up path and the poster ----
for (const tag of ['360', 'large-360']) {
  await journey(
    `small phone ${tag}: feed with filters, report, program bar, form, success, 我的报名, 可报名的培训, story, poster`,
    async (page, errors) => {
      if (tag === 'large-360') await turnOnLargeFont(page, deepLink('/pages/mine/index'))
      const pictured = variantCheck(page, errors, tag)
      const picturedWhole = variantCheck(page, errors, tag, { fullPage: true })
      // Beside the variant's checks: the bar's title (six characters at most here) is read whole, not "年终盘…".
      const titleWhole = async (name) => {
        const cut = await page
          .locator('.h5-nav__title')
          .filter({ visible: true })
          .evaluateAll((ts) => ts.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent))
        if (cut.length) throw new Error(`${name}: the title is cut (${tag}): ${cut.join('; ')}`)
      }
      const check = async (name) => {
        await pictured(name)
        await titleWhole(name)
      }
      const checkWhole = async (name) => {
        await picturedWhole(name)
        await titleWhole(name)
      }
      const f = federations.find((x) => x.federation.id === 'zhuzhou-2020')
      await page.goto(server.url + '/')
      await expectText(page, federations[0].federation.name)
      await page.getByLabel('只看有可报名的培训').filter({ visible: true }).click()
      await page.getByLabel('主题：健康').filter({ visible: true }).click()
      await page.waitForFunction(() => /open=1/.test(location.hash) && /topic=/.test(location.hash))
      await expectText(page, '株洲市妇联')
      // The search box keeps its whole hint: 搜妇联名称或地名, not cut at 或地.
      const search = page.locator('input[aria-label="搜妇联名称或地名"]').filter({ visible: true })
      const hint = await search.evaluate((el) => {
        const s = getComputedStyle(el)
        const c = document.createElement('canvas').getContext('2d')
        c.font = `${s.fontSize} ${s.fontFamily}`
        const room = el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight)
        return { need: c.measureText(el.placeholder).width, room }
      })
      if (hint.need > hint.room + 1) throw new Error(`the search hint is cut (${tag}): ${JSON.stringify(hint)}`)
      await check('feed-filters')
      await page.goto(deepLink(`/pages/report/index?id=${f.federation.id}`))
      await expectText(page, f.sections[0].title)
      await check('report-top')
      await page.goto(deepLink('/pages/program/index?id=zz-live-farm'))
      const bar = page.getByRole('region', { name: '报名' }).filter({ visible: true })
      await bar.waitFor()
      const box = await bar.boundingBox()
      if (!box || box.y + box.height > 640) throw new Error(`the 报名 bar is off the screen: ${JSON.stringify(box)}`)
      await check('program-bar')
      await page.goto(deepLink(LEGAL))
      await expectText(page, '填写约需1分钟')
      await checkWhole('signup-form')
      await fillLegalAid(page, { name: '欧阳秀英', mobile: '13800138000' })
      await submit(page)
      await expectText(page, '报名成功')
      await check('signup-done')
      await page.goto(deepLink('/pages/mine/index'))
      await expectText(page, '欧阳秀英 · 138****8000')
      await checkWhole('mine')
      await page.goto(deepLink('/subpackages/trainings/index'))
      await page.locator('.training__body').filter({ visible: true }).first().waitFor()
      await check('trainings')
      await page.goto(deepLink(`/subpackages/story/index?id=${f.federation.id}`))
      await page.locator('.story__opening-title').filter({ visible: true }).first().waitFor()
      await check('story-opening')
      await page.locator('[aria-label="下一屏"]').filter({ visible: true }).click()
      await expectText(page, f.sections[0].title)
      await check('story-figure')
      await checkBothShapes(page, f.federation.id, tag, check, 'poster')
    },
    SMALL_PHONE,
  )
}

// ---- accessibility: axe on every page of the built-in journeys, light and dark ----
for (const scheme of ['light', 'dark']) {
  await journey(
    `accessibility: every page passes axe (${scheme})`,
    async (page, errors) => {
      const f = federations[0]
      const visit = async (path, text, where) => {
        await page.goto(deepLink(path))
        await expectText(page, text)
        await checkA11y(page, errors, `${where} (${scheme})`)
      }
      await page.goto(server.url + '/')
      await expectText(page, f.federation.name)
      await checkA11y(page, errors, `feed (${scheme})`)
      await page.getByLabel('地区：全国，点按选择省市县').click()
      await expectText(page, '省份')
      await checkA11y(page, errors, `region picker (${scheme})`)
      await visit(`/pages/report/index?id=${f.federation.id}`, f.sections[0].title, 'report')
      await visit(`/pages/report/source?id=${f.federation.id}`, '', 'source')
      await visit('/pages/program/index?id=zz-legal-aid', '巾帼普法与免费法律咨询', 'program')
      await visit(LEGAL, '填写约需1分钟', 'sign-up form')
      await fillLegalAid(page, { name: '韩梅', mobile: '13600136000' })
      await submit(page)
      await expectText(page, '报名成功')
      await checkA11y(page, errors, `done (${scheme})`)
      await page.goto(deepLink('/pages/mine/index'))
      await expectText(page, '韩梅 · 136****6000')
      await checkA11y(page, errors, `mine (${scheme})`)
      await page.getByRole('link', { name: /韩梅.*查看详情/ }).click()
      await expectText(page, '韩梅（136****6000）')
      await checkA11y(page, errors, `detail (${scheme})`)
      await visit('/subpackages/signup/privacy/index', '谁负责你的信息', 'privacy')
      await page.goto(deepLink(`/subpackages/share/poster/index?id=${f.federation.id}`))
      await page.locator('.poster__image img').filter({ visible: true }).first().waitFor({ timeout: 15000 })
      await checkA11y(page, errors, `poster (${scheme})`)
    },
    { colorScheme: scheme },
  )
}

await browser.close()
await server.close()

finish(results)
