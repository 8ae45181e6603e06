// Signing up family members: what a second form starts with (the sign-up subpackage's side).
import type { FormField } from './types'

/** The calm line at the top of the form: one phone may sign up several people. */
export const FAMILY_NOTE = '可以为家人报名，每人填一份。'

/**
 * What 再帮家人报名 fills in from the sign-up just made: the session, where they live (a region
 * field) and the booker's mobile, to reach her about it. Everything about the person (name, age,
 * an ID-like text, choices about her) starts empty. Only string answers of the form's own fields.
 */
export function familyPrefill(form: FormField[], answers: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const f of form) {
    const v = answers[f.id]
    if ((f.type === 'session' || f.type === 'region' || f.type === 'mobile') && typeof v === 'string' && v.trim())
      out[f.id] = v
  }
  return out
}
