// Figures for tests: a year's result unless told otherwise, quoted in its own words.
import type { Figure } from '@/domain/types'

export const fig = (id: string, label: string, value: string, unit: string, over: Partial<Figure> = {}): Figure => ({
  id,
  label,
  value,
  unit,
  scope: 'year',
  quote: `${label}${value}${unit}`,
  ...over,
})

/** 创建美丽庭院 58.1万户, with whatever a test changes. */
export const figure = (over: Partial<Figure>): Figure => fig('f', '创建美丽庭院', '58.1万', '户', over)
