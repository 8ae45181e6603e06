// The CI budget rules: each figure is checked against its limit and named when over.
import { evaluateBudgets, limits } from '../../bench/budgets.cjs'

const ok = {
  main: { bytes: 390_000 },
  empty: { bytes: 300_000 },
  subpackages: [{ name: 'subpackages/signup', bytes: 40_000 }],
  firstRenders: [{ route: 'pages/feed/index', bytes: 12_000, nodes: 240 }],
  typing: { measured: true, maxCallsPerKey: 1, maxBytesPerKey: 120 },
}

describe('performance budgets', () => {
  it('passes every figure within its limit', () => {
    const rows = evaluateBudgets(ok)
    expect(rows).toHaveLength(4)
    expect(rows.every((r) => r.ok)).toBe(true)
  })

  it.each([
    ['weapp main package', { main: { bytes: 300_000 * limits.mainPackageRatio + 1 } }],
    [
      'subpackage subpackages/signup',
      { subpackages: [{ name: 'subpackages/signup', bytes: limits.subpackageBytes + 1 }] },
    ],
    [
      'first render setData pages/feed/index',
      { firstRenders: [{ route: 'pages/feed/index', bytes: limits.firstRenderBytes + 1, nodes: 10 }] },
    ],
    [
      'first render setData pages/feed/index',
      { firstRenders: [{ route: 'pages/feed/index', bytes: 10, nodes: limits.firstRenderNodesBelow }] },
    ],
    ['setData per keystroke (mobile field)', { typing: { measured: true, maxCallsPerKey: 2, maxBytesPerKey: 100 } }],
    [
      'setData per keystroke (mobile field)',
      { typing: { measured: true, maxCallsPerKey: 1, maxBytesPerKey: limits.keystrokeBytes + 1 } },
    ],
  ])('fails %s when it is over its limit', (figure, change) => {
    const rows = evaluateBudgets({ ...ok, ...change })
    const failed = rows.filter((r) => !r.ok)
    expect(failed.map((r) => r.figure)).toEqual([figure])
    expect(failed[0].value).toBeTruthy()
    expect(failed[0].limit).toBeTruthy()
  })

  it('leaves the keystroke budget out until a form exists', () => {
    const rows = evaluateBudgets({ ...ok, typing: { measured: false } })
    expect(rows.some((r) => r.figure.includes('keystroke'))).toBe(false)
  })
})
