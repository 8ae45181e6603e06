// The CI budget rules: each figure is checked against its limit and named when over, and every
// measurement budgets.json requires fails the check when the harness could not take it.
import { evaluateBudgets, limits } from '../../bench/budgets.cjs'

const { required } = limits
const PATH_FIGURE = `H5 JS on the path ${required.h5Path.map((r) => r.replace(/\/index$/, '')).join(' → ')}`
const TYPING_FIGURE = `setData per keystroke (mobile field, ${required.typing})`
const TICKET_FIGURE = `first render setData with an e-ticket (${required.ticket})`
const HTML_FIGURE = 'H5 index.html with the first screen (gzip)'

const h5Path = {
  routes: required.h5Path,
  missing: [] as string[],
  files: ['js/app.js', 'js/built-in.js', 'js/1.js'],
  bytes: 580_000,
  gzip: 190_000,
}
const ok = {
  main: { bytes: 390_000 },
  empty: { bytes: 300_000 },
  subpackages: required.subpackages.map((name) => ({ name, bytes: 40_000 })),
  firstRenders: required.firstRenders.map((route) => ({ route, bytes: 12_000, nodes: 240 })),
  typing: { measured: true, maxCallsPerKey: 1, maxBytesPerKey: 120 },
  ticket: { measured: true, route: required.ticket, calls: 2, bytes: 9_000, nodes: 120 },
  h5: {
    path: h5Path,
    largest: { file: 'js/app.js', bytes: 226_000, gzip: 77_000 },
    html: { bytes: 22_000, gzip: 6_800, firstScreen: true },
  },
}
const failedFigures = (m: object) =>
  evaluateBudgets(m)
    .filter((r) => !r.ok)
    .map((r) => r.figure)

describe('performance budgets', () => {
  it('passes every figure within its limit, one row per required measurement', () => {
    const rows = evaluateBudgets(ok)
    // main + subpackages + first renders + typing + e-ticket + H5 path + index.html + H5 largest chunk
    expect(rows).toHaveLength(1 + required.subpackages.length + required.firstRenders.length + 5)
    expect(rows.filter((r) => !r.ok)).toEqual([])
  })

  it('gates a page the build adds beyond the required ones', () => {
    const extra = { route: 'pages/scanner/index', bytes: limits.firstRenderBytes + 1, nodes: 10 }
    expect(failedFigures({ ...ok, firstRenders: [...ok.firstRenders, extra] })).toEqual([
      'first render setData pages/scanner/index',
    ])
  })

  it('holds the story page to its own, tighter first-render limit, and only that page', () => {
    const STORY = 'subpackages/story/index'
    expect(required.firstRenders).toContain(STORY)
    const own = limits.firstRenderBytesByPage[STORY]
    expect(own).toBe(24 * 1024)
    expect(own).toBeLessThan(limits.firstRenderBytes)
    const at = (route: string, bytes: number) => ({
      ...ok,
      firstRenders: ok.firstRenders.map((p) => (p.route === route ? { ...p, bytes } : p)),
    })
    expect(failedFigures(at(STORY, own))).toEqual([])
    expect(failedFigures(at(STORY, own + 1))).toEqual([`first render setData ${STORY}`])
    const row = evaluateBudgets(at(STORY, own + 1)).find((r) => r.figure.endsWith(STORY))
    expect(row?.limit).toContain('≤ 24.0 KB')
    // Every other page keeps the common limit.
    expect(failedFigures(at('pages/report/index', own + 1))).toEqual([])
    expect(failedFigures(at('pages/report/index', limits.firstRenderBytes + 1))).toEqual([
      'first render setData pages/report/index',
    ])
  })

  it.each([
    ['weapp main package', { main: { bytes: 300_000 * limits.mainPackageRatio + 1 } }],
    [
      'subpackage subpackages/signup',
      {
        subpackages: ok.subpackages.map((s) =>
          s.name === 'subpackages/signup' ? { ...s, bytes: limits.subpackageBytes + 1 } : s,
        ),
      },
    ],
    [
      'first render setData pages/feed/index',
      {
        firstRenders: ok.firstRenders.map((p) =>
          p.route === 'pages/feed/index' ? { ...p, bytes: limits.firstRenderBytes + 1 } : p,
        ),
      },
    ],
    [
      'first render setData pages/feed/index',
      {
        firstRenders: ok.firstRenders.map((p) =>
          p.route === 'pages/feed/index' ? { ...p, nodes: limits.firstRenderNodesBelow } : p,
        ),
      },
    ],
    [TYPING_FIGURE, { typing: { measured: true, maxCallsPerKey: 2, maxBytesPerKey: 100 } }],
    [TYPING_FIGURE, { typing: { measured: true, maxCallsPerKey: 1, maxBytesPerKey: limits.keystrokeBytes + 1 } }],
    [TICKET_FIGURE, { ticket: { ...ok.ticket, bytes: limits.ticketRenderBytes + 1 } }],
    [TICKET_FIGURE, { ticket: { ...ok.ticket, nodes: limits.firstRenderNodesBelow } }],
    [PATH_FIGURE, { h5: { ...ok.h5, path: { ...h5Path, bytes: limits.h5PathBytes + 1 } } }],
    [PATH_FIGURE, { h5: { ...ok.h5, path: { ...h5Path, gzip: limits.h5PathGzipBytes + 1 } } }],
    [
      'H5 largest JS chunk',
      { h5: { ...ok.h5, largest: { file: 'js/9.js', bytes: limits.h5ChunkBytes + 1, gzip: 80_000 } } },
    ],
    [HTML_FIGURE, { h5: { ...ok.h5, html: { ...ok.h5.html, gzip: limits.h5HtmlGzipBytes + 1 } } }],
  ])('fails %s when it is over its limit', (figure, change) => {
    const rows = evaluateBudgets({ ...ok, ...change })
    const failed = rows.filter((r) => !r.ok)
    expect(failed.map((r) => r.figure)).toEqual([figure])
    expect(failed[0].value).toBeTruthy()
    expect(failed[0].limit).toBeTruthy()
  })

  describe('a measurement the harness could not take fails, never skips', () => {
    it('fails the keystroke budget when the form could not be typed into', () => {
      const rows = evaluateBudgets({
        ...ok,
        typing: { measured: false, reason: `no mobile input found on ${required.typing}` },
      })
      const failed = rows.filter((r) => !r.ok)
      expect(failed.map((r) => r.figure)).toEqual([TYPING_FIGURE])
      expect(failed[0].value).toContain('no mobile input found')
    })

    it('fails the e-ticket budget when the detail page showed no ticket', () => {
      const rows = evaluateBudgets({
        ...ok,
        ticket: { measured: false, reason: `${required.ticket} showed no e-ticket QR` },
      })
      const failed = rows.filter((r) => !r.ok)
      expect(failed.map((r) => r.figure)).toEqual([TICKET_FIGURE])
      expect(failed[0].value).toContain('showed no e-ticket QR')
      const { ticket: _t, ...noTicket } = ok
      expect(failedFigures(noTicket)).toEqual([TICKET_FIGURE])
    })

    it('fails a first-render budget for each required page that did not open', () => {
      const firstRenders = ok.firstRenders.filter((p) => p.route !== 'subpackages/signup/form/index')
      expect(failedFigures({ ...ok, firstRenders })).toEqual(['first render setData subpackages/signup/form/index'])
    })

    it('fails a first-render budget for a page that never rendered its content', () => {
      const error = 'pages/report/index did not render: it still shows its loading skeleton within 20 s'
      const firstRenders = ok.firstRenders.map((p) =>
        p.route === 'pages/report/index' ? { route: p.route, error } : p,
      )
      const rows = evaluateBudgets({ ...ok, firstRenders })
      const failed = rows.filter((r) => !r.ok)
      expect(failed.map((r) => r.figure)).toEqual(['first render setData pages/report/index'])
      expect(failed[0].value).toContain('loading skeleton')
    })

    it('fails a subpackage budget when the subpackage is gone from the build', () => {
      const subpackages = ok.subpackages.filter((s) => s.name !== 'subpackages/share')
      expect(failedFigures({ ...ok, subpackages })).toEqual(['subpackage subpackages/share'])
    })

    it('fails the H5 path budget when a route on the path is not in the build', () => {
      const path = { ...h5Path, missing: ['subpackages/signup/form/index'] }
      const rows = evaluateBudgets({ ...ok, h5: { ...ok.h5, path } })
      const failed = rows.filter((r) => !r.ok)
      expect(failed.map((r) => r.figure)).toEqual([PATH_FIGURE])
      expect(failed[0].value).toContain('subpackages/signup/form/index')
    })

    it('fails every H5 budget when no H5 build was measured', () => {
      const { h5: _h5, ...noH5 } = ok
      expect(failedFigures(noH5)).toEqual([PATH_FIGURE, HTML_FIGURE, 'H5 largest JS chunk'])
    })

    it('fails the index.html budget when the build has no first screen, however small', () => {
      const rows = evaluateBudgets({ ...ok, h5: { ...ok.h5, html: { bytes: 900, gzip: 500, firstScreen: false } } })
      const failed = rows.filter((r) => !r.ok)
      expect(failed.map((r) => r.figure)).toEqual([HTML_FIGURE])
      expect(failed[0].value).toContain('no first screen')
    })

    it('requires every page of the member path and every weapp page', () => {
      expect(required.h5Path).toEqual([
        'pages/feed/index',
        'pages/report/index',
        'pages/program/index',
        'subpackages/signup/form/index',
      ])
      expect(required.firstRenders).toEqual(expect.arrayContaining(['pages/feed/index', required.typing]))
    })
  })
})
