// The clock for a screen: read once when it mounts, so rules get `now` as an argument.
import { useState } from 'react'
import { clock } from './clock'

export function useNow(): Date {
  const [now] = useState(() => clock.now())
  return now
}
