// How big text is: the system's font scale, raised to 大字模式's level when the user turns it on.

export const LARGE_FONT_SCALE = 1.4
const MIN = 1
const MAX = 2

export function effectiveFontScale(system: number, largeFont: boolean): number {
  const base = Number.isFinite(system) && system > 0 ? system : 1
  const scale = largeFont ? Math.max(base, LARGE_FONT_SCALE) : base
  return Math.round(Math.min(MAX, Math.max(MIN, scale)) * 100) / 100
}
