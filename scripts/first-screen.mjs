// The H5 feed's first screen, drawn into index.html at build time, so a phone on a slow network shows
// the feed while the JavaScript is still arriving (Lighthouse's simulated slow 4G: first paint 1.23 →
// 0.76 s, largest paint 2.53 → 1.72 s).
//
// The built app is opened in headless Chromium at 375×812 with the built-in data and no saved
// preferences. What it draws above twice the screen's height is copied, with the styles it uses, into
// a `#first-screen` layer over the page. The layer is a picture: hidden from screen readers, not
// focusable, passing taps through to the page. The feed removes it once it has drawn itself
// (releaseFirstScreen in src/platform/first-screen.ts); it goes at once when this visitor's feed would
// look different (scripts/first-screen-gate.cjs).
//
// The built-in data's sessions are dated from the day they are read (sessions.ts), so the picture's
// 可报名 and counts are the same on any day. A build against a server (TARO_APP_API_BASE) has no
// content to draw and gets no picture.
//
// Usage: node scripts/first-screen.mjs [dist/h5]   (npm run build:h5 runs it after Taro's build)
import { readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { launchChromium } from '../tests/e2e/browser.mjs'
import { serve } from '../tests/e2e/serve.mjs'

const { firstScreenScript } = createRequire(import.meta.url)('./first-screen-gate.cjs')

const ROOT = resolve(fileURLToPath(import.meta.url), '../..')
const dist = resolve(ROOT, process.argv[2] ?? 'dist/h5')
const VIEWPORT = { width: 375, height: 812 }

if (process.env.TARO_APP_API_BASE) {
  console.log('首屏预渲染：这是连接服务器的构建，内容来自服务器，不预渲染。')
  process.exit(0)
}

const indexPath = join(dist, 'index.html')
const index = await readFile(indexPath, 'utf8')
if (index.includes('id="first-screen"')) {
  console.log('首屏预渲染：index.html 里已经有了，跳过。')
  process.exit(0)
}

const server = await serve(dist)
const browser = await launchChromium().catch(async (e) => {
  await server.close()
  console.error(`首屏预渲染：${e.message}`)
  process.exit(1)
})
let shot
try {
  const page = await browser.newPage({ viewport: VIEWPORT, colorScheme: 'light' })
  const errors = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(`${server.url}/`)
  await page.locator('.ye-card').first().waitFor({ timeout: 60_000 })
  // Fonts settled and the frame after the cards drawn, so every box has its final size.
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => r()))))
  if (errors.length) throw new Error(`首屏预渲染：页面出错：${errors.join('；')}`)
  const linked = [...index.matchAll(/<link href="([^"]+\.css)"/g)].map((m) => m[1])
  shot = await page.evaluate(takeFirstScreen, { limit: VIEWPORT.height * 2, linked })
} finally {
  await browser.close()
  await server.close()
}

const layer =
  `<style id="first-screen-css">#first-screen{position:fixed;top:0;right:0;bottom:0;left:0;z-index:10000;` +
  `overflow:hidden;background:var(--color-bg);pointer-events:none}${shot.css}</style>`
const html = index
  .replace('</head>', `${layer}</head>`)
  .replace(
    '<div id="app"></div>',
    `<div id="app"></div><div id="first-screen" aria-hidden="true" inert>${shot.html}</div>` +
      `<script>${firstScreenScript()}</script>`,
  )
if (html === index || !html.includes('id="first-screen"'))
  throw new Error('首屏预渲染：index.html 里找不到 <div id="app"></div>')
await writeFile(indexPath, html)
console.log(
  `首屏预渲染：${shot.elements} 个元素、${shot.rules} 条样式，写入 index.html（+${((html.length - index.length) / 1024).toFixed(1)} KB）`,
)

/**
 * Runs in the page. Copies the app's container (tab bar included) down to `limit` px, with Taro's
 * custom elements (taro-view-core…) renamed (fs-taro-view-core…), so the components' scripts never
 * upgrade the copy; and the CSS rules that style the copy, from the stylesheets the app's scripts
 * inserted (index.html does not link them) and any rule naming a custom element (rewritten to match).
 */
function takeFirstScreen({ limit, linked }) {
  const container = document.getElementById('container')
  if (!container) throw new Error('no #container')
  const KEEP = new Set(['class', 'style', 'src', 'placeholder', 'type'])
  const isCustom = (el) => el.localName.includes('-')
  // A name no script defines, so the copy is never upgraded; rules keep their specificity.
  const renamed = (name) => `fs-${name}`
  let elements = 0

  /** A copy of `el` and the part of its subtree that starts above `limit`. */
  function copy(el) {
    if (el.id === 'taro-navigation-bar' || el.localName === 'script') return null
    const out = isCustom(el)
      ? document.createElement(renamed(el.localName))
      : document.createElementNS(el.namespaceURI, el.localName)
    const svg = el.namespaceURI === 'http://www.w3.org/2000/svg'
    for (const { name, value } of el.attributes) if (svg || KEEP.has(name)) out.setAttribute(name, value)
    elements++
    for (const child of el.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) out.appendChild(document.createTextNode(child.textContent))
      else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.getBoundingClientRect().top >= limit) continue
        const c = copy(child)
        if (c) out.appendChild(c)
      }
    }
    return out
  }
  const shot = copy(container)
  const probe = document.createElement('div')
  probe.appendChild(shot)

  // A custom element's name as a selector's tag (after the start, a space, a combinator, ( or ,).
  const CUSTOM_TAG = /(^|[\s>+~(,])([a-z]+(?:-[a-z0-9]+)+)(?![\w-])/g
  const asTag = (sel) => sel.replace(CUSTOM_TAG, (_, pre, name) => pre + renamed(name))
  // Selectors are matched without their states and pseudo-elements (:hover, ::placeholder…).
  const bare = (sel) =>
    sel.replace(/::?[a-z-]+(\([^)]*\))?/gi, (m) => (/^:(not|is|where|nth-|first|last|only)/.test(m) ? m : ''))
  const matches = (sel) => {
    try {
      return probe.querySelector(bare(sel).trim() || '*') !== null
    } catch {
      return false
    }
  }
  // index.html links these itself; the rest (page styles, the components' own) come with the scripts.
  const inserted = (sheet) => !sheet.href || !linked.includes(new URL(sheet.href).pathname)
  let rules = 0
  function keep(list, fromInserted) {
    let css = ''
    for (const rule of list) {
      if (rule instanceof CSSMediaRule || rule instanceof CSSSupportsRule) {
        const inner = keep(rule.cssRules, fromInserted)
        if (inner)
          css += `${rule instanceof CSSMediaRule ? '@media ' + rule.conditionText : '@supports ' + rule.conditionText}{${inner}}`
      } else if (rule instanceof CSSStyleRule) {
        if (!fromInserted && asTag(rule.selectorText) === rule.selectorText) continue
        const sels = rule.selectorText
          .split(',')
          .map((s) => asTag(s.trim()))
          .filter(matches)
        if (sels.length === 0) continue
        rules++
        css += `${sels.join(',')}{${rule.style.cssText}}`
      }
    }
    return css
  }
  let css = ''
  for (const sheet of document.styleSheets) {
    let list
    try {
      list = sheet.cssRules
    } catch {
      continue
    }
    css += keep(list, inserted(sheet))
  }
  return { html: shot.outerHTML, css, elements, rules }
}
