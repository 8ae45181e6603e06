// The form's counters and stops: the same limits, counted the same way, as validation.ts applies.
import type { FormField } from './types'
import { DEFAULT_MAX_LONG_TEXT, DEFAULT_MAX_TEXT, DEFAULT_REGION_TEXT, NAME_MAX, charCount } from './validation'

/**
 * How many characters (as charCount counts them) a typed field may hold: the form's counter and
 * its stop show the limit the validator applies. Undefined for fields that are not typed text.
 */
export function maxChars(field: FormField): number | undefined {
  if (field.type === 'text' && field.format === 'name') return NAME_MAX
  if (field.type === 'text') return field.maxLength ?? DEFAULT_MAX_TEXT
  if (field.type === 'textarea') return field.maxLength ?? DEFAULT_MAX_LONG_TEXT
  if (field.type === 'region' && !field.options) return field.maxLength ?? DEFAULT_REGION_TEXT
  return undefined
}

/** Cuts typed text to `max` characters as charCount counts them (a rare character is one). */
export const clipChars = (s: string, max: number): string =>
  charCount(s) > max ? Array.from(s).slice(0, max).join('') : s
