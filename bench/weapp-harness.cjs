// Runs the logic layer of the weapp build in Node: stubs App/Page/Component/wx, loads dist/weapp,
// and records every setData call (count, JSON bytes, Taro nodes). No render layer, so no timings.
const path = require('node:path')

function countNodes(value) {
  // Taro sends its tree as objects with `nn` (node name); count those.
  let n = 0
  const walk = (v) => {
    if (Array.isArray(v)) return v.forEach(walk)
    if (v && typeof v === 'object') {
      if (typeof v.nn === 'string' || typeof v.nn === 'number') n++
      for (const k of Object.keys(v)) walk(v[k])
    }
  }
  walk(value)
  return n
}

/**
 * Applies one setData key the way the mini-program does: Taro sends paths such as
 * `root.cn.[0].cn.[2]`, so the page data is a tree, not a list of keys.
 */
function setPath(data, key, value) {
  const parts = [...key.matchAll(/\[(\d+)\]|[^.[\]]+/g)].map((m) => (m[1] === undefined ? m[0] : Number(m[1])))
  let node = data
  for (const [i, part] of parts.slice(0, -1).entries()) {
    if (node[part] === null || typeof node[part] !== 'object') node[part] = typeof parts[i + 1] === 'number' ? [] : {}
    node = node[part]
  }
  node[parts.at(-1)] = value
}

function loadWeapp(distDir, { storage = new Map() } = {}) {
  const dir = path.resolve(distDir)
  const appJson = require(path.join(dir, 'app.json'))
  const pages = new Map()
  const components = []
  let appOptions
  const log = []
  const stack = []
  // A page that throws while rendering must fail the measurement, not report a tiny, empty page.
  const errors = []
  const navigations = []
  const onError = (e) => errors.push(e)

  const wx = new Proxy(
    {
      getSystemInfoSync: () => ({
        windowWidth: 375,
        windowHeight: 812,
        pixelRatio: 2,
        platform: 'android',
        fontSizeSetting: 16,
      }),
      getAppBaseInfo: () => ({ fontSizeScaleFactor: 1, theme: 'light', SDKVersion: '3.6.0' }),
      getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
      getDeviceInfo: () => ({ platform: 'android' }),
      getStorageSync: (k) => (storage.has(k) ? storage.get(k) : ''),
      setStorageSync: (k, v) => void storage.set(k, v),
      removeStorageSync: (k) => void storage.delete(k),
      getStorageInfoSync: () => ({ keys: [...storage.keys()] }),
      nextTick: (fn) => setTimeout(fn, 0),
      canIUse: () => true,
      getLaunchOptionsSync: () => ({ path: 'pages/feed/index', query: {}, scene: 1001 }),
      getEnterOptionsSync: () => ({ path: 'pages/feed/index', query: {}, scene: 1001 }),
      onAppShow: () => undefined,
      navigateTo: (opts = {}) => {
        navigations.push(opts.url)
        setTimeout(() => opts.success?.({ errMsg: 'navigateTo:ok' }), 0)
      },
      onAppHide: () => undefined,
    },
    {
      // Taro only wraps the wx APIs that exist (`key in wx`); answer yes for every API name.
      has: (target, key) => typeof key === 'string' && key !== 'webpackJsonp',
      get(target, key) {
        if (key in target) return target[key]
        // Globals webpack keeps on wx (webpackJsonp) start undefined, as on a phone.
        if (typeof key === 'symbol' || key === 'webpackJsonp' || key === 'then') return undefined
        // Any other wx API answers asynchronously with success.
        return (opts = {}) => {
          setTimeout(() => {
            opts.success?.({ errMsg: `${String(key)}:ok` })
            opts.complete?.({ errMsg: `${String(key)}:ok` })
          }, 0)
        }
      },
    },
  )

  const makeInstance = (route, options) => {
    const inst = {
      route,
      __wxExparserNodeId__: `${route}-${Math.random()}`,
      data: JSON.parse(JSON.stringify(options.data || {})),
      options: {},
      setData(data, cb) {
        const json = JSON.stringify(data)
        log.push({
          route,
          bytes: Buffer.byteLength(json),
          keys: Object.keys(data),
          nodes: countNodes(data),
          at: Date.now(),
        })
        for (const [k, v] of Object.entries(data)) setPath(inst.data, k, v)
        if (cb) setTimeout(cb, 0)
      },
      selectComponent: () => null,
      createSelectorQuery: () => ({ select: () => ({ boundingClientRect: () => ({ exec: (cb) => cb && cb([]) }) }) }),
      getOpenerEventChannel: () => ({ on() {}, emit() {} }),
    }
    for (const [k, v] of Object.entries(options)) if (typeof v === 'function') inst[k] = v
    for (const [k, v] of Object.entries(options.methods || {})) inst[k] = v
    return inst
  }

  Object.assign(global, {
    wx,
    App: (o) => (appOptions = o),
    Page: (o) => pages.set(currentRoute, o),
    Component: (o) => components.push(o),
    Behavior: (o) => o,
    getApp: () => appOptions,
    getCurrentPages: () => stack,
    requirePlugin: () => ({}),
  })
  let currentRoute = ''

  // Fresh module cache for each run, so several runs do not share state.
  for (const k of Object.keys(require.cache)) if (k.startsWith(dir)) delete require.cache[k]
  require(path.join(dir, 'app.js'))
  appOptions?.onLaunch?.call(appOptions, { path: appJson.pages[0], query: {}, scene: 1001 })

  return {
    appJson,
    log,
    navigations,
    async openPage(route, query = {}) {
      currentRoute = route
      require(path.join(dir, `${route}.js`))
      const options = pages.get(route)
      if (!options) throw new Error(`page ${route} did not register`)
      const inst = makeInstance(route, options)
      inst.options = query
      stack.push(inst)
      const before = log.length
      process.on('uncaughtException', onError)
      try {
        await options.onLoad?.call(inst, query)
        options.onShow?.call(inst)
        options.onReady?.call(inst)
        await settlePage(inst, log, before)
      } finally {
        process.off('uncaughtException', onError)
      }
      if (errors.length) throw new Error(`${route} threw while rendering: ${errors[0]?.stack ?? errors[0]}`)
      return { inst, calls: log.slice(before) }
    },
    /** Fires an event and waits until the page is quiet, or until `until(inst.data)` holds. */
    async fire(inst, handler, event, until) {
      const before = log.length
      process.on('uncaughtException', onError)
      try {
        inst[handler](event)
        await settleQuiet(log, until && (() => until(inst.data)))
      } finally {
        process.off('uncaughtException', onError)
      }
      if (errors.length) throw new Error(`${handler}(${event.type}) threw: ${errors[0]?.stack ?? errors[0]}`)
      return log.slice(before)
    },
    settle,
  }
}

function settle(ms = 50) {
  return new Promise((r) => setTimeout(r, ms))
}

const QUIET_MS = 150
const TIMEOUT_MS = 20000

/** A page still showing its loading skeleton (components/state-view) has not rendered its content. */
const loading = (data) => findNode(data, (n) => n.ariaBusy === 'true' || n.ariaBusy === true).length > 0

/**
 * Waits until the page has rendered: it has sent setData, shows no loading skeleton, and has been
 * quiet for QUIET_MS. A fixed wait measured whatever arrived in time, so on a busy machine a page
 * could report an empty first render and pass; this throws instead when the page never gets there.
 */
function settlePage(inst, log, before) {
  return settleQuiet(
    log,
    () => log.length > before && !loading(inst.data),
    () =>
      `${inst.route} did not render: it ${log.length === before ? 'sent no setData' : 'still shows its loading skeleton'}`,
  )
}

/** Waits until `until()` holds and no setData has arrived for QUIET_MS; throws after TIMEOUT_MS. */
async function settleQuiet(log, until = () => true, failure = () => 'the page did not settle') {
  const start = Date.now()
  let seen = log.length
  let quietSince = start
  for (;;) {
    await settle(20)
    if (log.length !== seen) {
      seen = log.length
      quietSince = Date.now()
    }
    if (until() && Date.now() - quietSince >= QUIET_MS) return
    if (Date.now() - start > TIMEOUT_MS) throw new Error(`${failure()} within ${TIMEOUT_MS / 1000} s`)
  }
}

function findNode(tree, predicate, found = []) {
  if (Array.isArray(tree)) tree.forEach((t) => findNode(t, predicate, found))
  else if (tree && typeof tree === 'object') {
    if (predicate(tree)) found.push(tree)
    for (const k of Object.keys(tree)) findNode(tree[k], predicate, found)
  }
  return found
}

module.exports = { loadWeapp, countNodes, findNode, settle, setPath }
