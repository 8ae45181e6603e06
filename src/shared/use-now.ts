// The clock for a screen: read once when it mounts, so rules get `now` as an argument.
import { useState } from 'react'

export function useNow(): Date {
  const [now] = useState(() => new Date())
  return now
}
