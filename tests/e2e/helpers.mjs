// What every browser journey shares: a fresh phone-sized context per journey that fails on any
// console error, screenshots, the axe-core accessibility check, and the sign-up form helpers.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const SHOTS = join(ROOT, 'tests', 'e2e', 'screenshots')
mkdirSync(SHOTS, { recursive: true })

// Taro's H5 router slides pages in; let the transition finish before taking a picture.
export const shoot = async (page, name, options = {}) => {
  await page.waitForTimeout(500)
  await page.screenshot({ path: join(SHOTS, name), ...options })
}

export function journeys(browser) {
  const results = []
  async function journey(name, fn, contextOptions = {}) {
    // E2E_ONLY=<part of a name> runs just the journeys whose names contain it (for local work).
    if (process.env.E2E_ONLY && !name.includes(process.env.E2E_ONLY)) return
    const options = {
      viewport: { width: 375, height: 812 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      acceptDownloads: true,
      ...contextOptions,
    }
    const contexts = []
    const errors = []
    // Each person in a journey (a member, an administrator, an editor) has her own browser.
    const openPage = async () => {
      const context = await browser.newContext(options)
      contexts.push(context)
      const page = await context.newPage()
      // The feed's first screen (a picture drawn into index.html by scripts/first-screen.mjs) lies over
      // the page until the app has drawn its own, so for a moment each word on it is there twice. A
      // journey acts once the picture has given way; one that never does fails here. The first-screen
      // journeys look at the picture itself: they set page.keepFirstScreen.
      for (const name of ['goto', 'reload']) {
        const original = page[name].bind(page)
        page[name] = async (...args) => {
          const response = await original(...args)
          if (!page.keepFirstScreen) {
            await page.waitForFunction(() => !document.getElementById('first-screen'), null, { timeout: 20_000 })
          }
          return response
        }
      }
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text())
      })
      page.on('pageerror', (err) => errors.push(String(err)))
      return page
    }
    const page = await openPage()
    try {
      await fn(page, errors, openPage)
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
      for (const [i, context] of contexts.entries())
        for (const p of context.pages())
          await p
            .screenshot({ path: join(SHOTS, `FAILED-${name.replace(/\W+/g, '-')}${i ? `-${i}` : ''}.png`) })
            .catch(() => {})
    } finally {
      for (const context of contexts) await context.close()
    }
  }
  return { journey, results }
}

/** Prints the closing count and exits non-zero when any journey failed. */
export function finish(results) {
  const passed = results.filter((r) => r.ok).length
  const failed = results.length - passed
  const axe = Object.entries(axeFindings)
  if (axe.length) console.log(`\naxe (serious/critical, elements): ${axe.map(([id, n]) => `${id} ×${n}`).join(', ')}`)
  console.log(`\n${passed} passed, ${failed} failed`)
  process.exit(failed || results.length === 0 ? 1 : 0)
}

export const expectText = async (page, text, timeout = 10000) => {
  // Taro's H5 router keeps earlier pages in the DOM, hidden: only a visible match counts.
  await page.getByText(text, { exact: false }).filter({ visible: true }).first().waitFor({ state: 'visible', timeout })
}

/**
 * Waits until no visible element shows `text` (a filter or search takes a moment to apply on a busy
 * machine), and fails with `message` if one still does after `timeout`.
 */
export const expectGone = async (page, text, message, timeout = 10000) => {
  const shown = page.getByText(text, { exact: false }).filter({ visible: true })
  const until = Date.now() + timeout
  while ((await shown.count()) > 0) {
    if (Date.now() > until) throw new Error(message)
    await page.waitForTimeout(100)
  }
}

/** Elements sticking out of the 375 px screen (the filter chips and card heads scroll sideways on purpose). */
export const overflowing = (page) =>
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

/** The small phone every changed screen is pictured on too (360×640), as journey() context options. */
export const SMALL_PHONE = { viewport: { width: 360, height: 640 } }

/**
 * The one check for a screen in a variant of the journeys (`tag`: large for 1.4×, dark, 360 for the
 * small phone, or several joined): nothing sticks out of the screen, axe finds nothing serious, and
 * a screenshot `<name>-<tag>.png`. `check(name)` runs it on what the page shows now.
 */
export const variantCheck =
  (page, errors, tag, { fullPage = false, a11y = true } = {}) =>
  async (name) => {
    // Taro's router slides the page in: measure once it has arrived, not the two pages side by side.
    await page.waitForTimeout(500)
    const out = await overflowing(page)
    if (out.length) throw new Error(`${name} overflows (${tag}): ${out.join('; ')}`)
    if (a11y) await checkA11y(page, errors, `${name} (${tag})`)
    await shoot(page, `${name}-${tag}.png`, { fullPage })
  }

/** 大字模式 (1.4×) switched on as she would, from 我的报名; it stays on for the rest of the journey. */
export const turnOnLargeFont = async (page, mineUrl) => {
  await page.goto(mineUrl)
  await page.getByLabel('大字模式').first().click()
  await expectText(page, '已开启')
}

/** Fills 巾帼普法与免费法律咨询's form (name, mobile, 婚姻家庭, consent). */
export const fillLegalAid = async (page, { name, mobile }) => {
  await page.locator('#field-name input').fill(name)
  await page.locator('#field-mobile input').fill(mobile)
  await page.getByLabel('婚姻家庭', { exact: true }).click()
  const consent = page.getByLabel('我已阅读并同意隐私说明')
  if ((await consent.getAttribute('aria-checked')) !== 'true') await consent.click()
}
/** 提交报名, or 加入候补 when the chosen session is full. */
// The form's own button (提交报名 or 加入候补): the program page under it, hidden but still in the
// DOM, has a 加入候补 bar too.
export const submit = (page) => page.locator('.signup__submit').filter({ visible: true }).first().click()

/**
 * The sign-up form's 验证手机号 block (H5 with a server): puts `mobile` in as the number to verify,
 * taps 获取验证码, reads the code from the development SMS stand-in (`GET /api/dev/sms/latest`)
 * and types it. 提交报名 then checks it and books.
 */
export const verifyMobile = async (page, apiOrigin, mobile) => {
  // The stand-in files the code under the number as the server keeps it: digits only.
  const digits = mobile.replace(/\D/g, '').replace(/^(86|0086)(?=1\d{10}$)/, '')
  const block = page.locator('#field-verify').filter({ visible: true })
  await block.locator('#field-verify-mobile input').fill(mobile)
  const before = await latestSms(apiOrigin, digits)
  await block.getByLabel('获取验证码', { exact: true }).click()
  await expectText(page, '验证码已发到')
  // A code asked for earlier may still be there: wait for the one this tap sent.
  let sms
  for (let i = 0; i < 20 && !(sms && sms.sentAt !== before?.sentAt); i++) {
    if (i) await page.waitForTimeout(250)
    sms = await latestSms(apiOrigin, digits)
  }
  if (!sms || sms.sentAt === before?.sentAt) throw new Error(`no development SMS for ${digits} at ${apiOrigin}`)
  await block.locator('#field-verify-code input').fill(sms.code)
}

/** The development SMS stand-in's latest code for a mobile, or null (404: none sent yet). */
const latestSms = async (apiOrigin, mobile) => {
  const res = await fetch(`${apiOrigin.replace(/\/+$/, '')}/api/dev/sms/latest?mobile=${encodeURIComponent(mobile)}`)
  if (res.status === 404) return null
  if (!res.ok) throw new Error(`GET /api/dev/sms/latest answered ${res.status}`)
  return res.json()
}

/**
 * From 巾帼普法与免费法律咨询's program page: 法律咨询日 → 报名 → the form → 报名成功. With
 * `apiOrigin` (a server build), verifies her mobile first when the form asks for it.
 */
export const signUpFromProgram = async (page, programUrl, person, { apiOrigin } = {}) => {
  await page.goto(programUrl)
  await page.getByLabel('法律咨询日：报名').click()
  await expectText(page, '填写约需1分钟')
  await fillLegalAid(page, person)
  if (apiOrigin && (await page.locator('#field-verify').filter({ visible: true }).count()) > 0)
    await verifyMobile(page, apiOrigin, person.mobile)
  await submit(page)
  await expectText(page, '报名成功')
}

/** From 我的报名, opens her confirmed sign-up and cancels it, confirming in the dialog. */
export const cancelFromMine = async (page, mineUrl, name) => {
  await page.goto(mineUrl)
  // The row is a link named by what it shows: her status (a demo session's also says 示例场次), her name.
  await page.getByRole('link', { name: new RegExp(`已报名.*${name}.*查看详情`) }).click()
  // Taro keeps a detail page opened before in the DOM: the newest, last, is the one on screen.
  await page.getByLabel('取消这个报名').filter({ visible: true }).last().click()
  await page.getByText('取消报名', { exact: true }).filter({ visible: true }).last().click()
  await expectText(page, '这个报名已经取消')
}

/**
 * The e-ticket on the visible sign-up page (success or detail): its code as shown (K7M 9QX), whether
 * the QR image is there and has loaded, and whether it says it is shown offline. Null without one.
 */
export const readTicket = async (page, timeout = 10000) => {
  const ticket = page.getByLabel('电子票', { exact: true }).filter({ visible: true }).first()
  try {
    await ticket.waitFor({ state: 'visible', timeout })
  } catch {
    return null
  }
  // Taro's router slides the page in: read the ticket once it has arrived, its QR in view.
  await page.waitForTimeout(500)
  const qr = ticket.locator('img[alt="电子票二维码"]')
  if (await qr.count()) await qr.first().scrollIntoViewIfNeeded()
  return {
    code: (await ticket.locator('.ticket__code-value').textContent())?.trim() ?? '',
    // A data-URL image decodes a moment after it is in the page: wait for it (5 s at most).
    qrLoaded:
      (await qr.count()) > 0 &&
      (await qr.first().evaluate(
        (img) =>
          (img.complete && img.naturalWidth > 0) ||
          new Promise((resolve) => {
            img.addEventListener('load', () => resolve(true))
            img.addEventListener('error', () => resolve(false))
            setTimeout(() => resolve(img.complete && img.naturalWidth > 0), 5000)
          }),
      )),
    offline: (await ticket.getByText('离线显示，可以直接出示').count()) > 0,
  }
}

const AXE = createRequire(import.meta.url).resolve('axe-core')
/** Counts by rule id of every serious or critical violation the journeys met, for the closing summary. */
export const axeFindings = {}

/**
 * Runs axe-core on what the screen shows now. Each serious or critical violation goes into the
 * journey's errors (id, impact, target, help), so the journey fails at its end like on a console
 * error, and the pages after this one are still checked.
 */
export const checkA11y = async (page, errors, where) => {
  // shoot() waits for Taro's page transition; here too, so the page we left is out of the way.
  await page.waitForTimeout(500)
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE })
  const violations = await page.evaluate(async () => {
    // Taro's H5 router keeps earlier pages in the DOM, hidden: axe skips what is not displayed.
    const result = await window.axe.run(document, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }))
  })
  for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    axeFindings[v.id] = (axeFindings[v.id] ?? 0) + v.targets.length
    errors.push(`axe ${where}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.join(' | ')}`)
  }
}

const qrcode = createRequire(import.meta.url)('qrcode-generator')

/**
 * The phone's camera for the check-in page, set before the page loads: 'denied' refuses it as a
 * browser does when she says no; a text shows that text's QR code (black on white) to the page.
 * `page.evaluate((t) => window.__cameraShows(t), text)` then shows another ticket, null none.
 */
export const fakeCamera = async (context, shows) => {
  const modulesOf = (text) => {
    const qr = qrcode(0, 'M')
    qr.addData(text, 'Byte')
    qr.make()
    const n = qr.getModuleCount()
    return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)))
  }
  await context.exposeFunction('__qrModules', (text) => modulesOf(text))
  await context.addInitScript(
    ({ denied, first }) => {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 320
      const ctx = canvas.getContext('2d')
      const draw = async (text) => {
        ctx.fillStyle = '#fff'
        ctx.fillRect(0, 0, 320, 320)
        if (!text) return
        const modules = await window.__qrModules(text)
        const size = Math.floor(240 / modules.length)
        ctx.fillStyle = '#000'
        modules.forEach((row, r) =>
          row.forEach((dark, c) => dark && ctx.fillRect(40 + c * size, 40 + r * size, size, size)),
        )
      }
      window.__cameraShows = draw
      const getUserMedia = async () => {
        if (denied) throw new DOMException('Permission denied', 'NotAllowedError')
        await draw(first)
        // A steady stream even when nothing moves: the page reads frames whenever it likes.
        setInterval(() => {
          ctx.fillStyle = '#fff'
          ctx.fillRect(0, 0, 1, 1)
        }, 100)
        return canvas.captureStream(10)
      }
      Object.defineProperty(navigator, 'mediaDevices', { configurable: true, value: { getUserMedia } })
    },
    { denied: shows === 'denied', first: shows === 'denied' ? null : shows },
  )
}

/** Types a ticket's 6-character code on the check-in page and presses 签到. */
export const checkInByCode = async (page, code) => {
  await page.getByLabel('入场码', { exact: true }).first().locator('input').fill(code)
  await page.getByLabel('用入场码签到').click()
}

/** Searches the check-in page by name or last 4 digits and presses 签到 on her row. */
export const checkInBySearch = async (page, query, name) => {
  await page.getByLabel('姓名或手机号后4位', { exact: true }).first().locator('input').fill(query)
  await page.getByLabel('搜索报名').click()
  await page.getByLabel(`给${name}签到`).click()
}
