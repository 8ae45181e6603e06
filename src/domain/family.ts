// Signing up family members: what a second form starts with, and 我的报名 grouped by person.
import { normalizeMobile } from './mobile'
import { nameKey } from './name-key'
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

export interface PersonGroup<T> {
  name: string
  /** The booker herself (本人); the others are 家人. */
  self: boolean
  signups: T[]
}

interface Booked {
  name: string
  mobile: string
  createdAt: string
}

const personKey = (s: Booked) => `${nameKey(s.name)}|${normalizeMobile(s.mobile)}`

/**
 * Sign-ups by person (name and mobile, as the duplicate rule reads them), in the list's order within
 * each. 本人 is whoever the phone first signed up (the booker's own name and mobile); a relative,
 * even one booked with the booker's mobile, is 家人. 本人 first, then 家人 as they first appear.
 */
export function groupByPerson<T extends Booked>(list: T[]): PersonGroup<T>[] {
  if (!list.length) return []
  const first = list.reduce((a, b) => (Date.parse(b.createdAt) < Date.parse(a.createdAt) ? b : a))
  const selfKey = personKey(first)
  const groups = new Map<string, PersonGroup<T>>()
  for (const s of list) {
    const key = personKey(s)
    const g = groups.get(key) ?? { name: s.name, self: key === selfKey, signups: [] }
    g.signups.push(s)
    groups.set(key, g)
  }
  return [...groups.values()].sort((a, b) => Number(b.self) - Number(a.self))
}
