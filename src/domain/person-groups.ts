// 我的报名 grouped by person: 本人 first, then 家人 (kept apart from family.ts, which only the form needs).
import { normalizeMobile } from './mobile'
import { nameKey } from './name-key'

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
