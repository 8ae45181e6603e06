import { effectiveFontScale, LARGE_FONT_SCALE } from '@/shared/font-scale'

describe('effectiveFontScale', () => {
  it.each([
    [1, false, 1],
    [1.25, false, 1.25],
    [1, true, LARGE_FONT_SCALE],
    [1.6, true, 1.6],
    [3, false, 2],
    [0.8, false, 1],
    [Number.NaN, false, 1],
    [0, true, LARGE_FONT_SCALE],
  ])('system %p, 大字模式 %p → %p', (system, large, expected) => {
    expect(effectiveFontScale(system, large)).toBe(expected)
  })
})
