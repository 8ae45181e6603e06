// The app's one clock: screens, the built-in service and draft stamps all read "now" here, so a
// test pins it once (tests/support/clock.ts) and nothing else in the app reads the system time.
let source: () => Date = () => new Date()

export const clock = {
  now: (): Date => source(),
}

/** Replaces the clock; returns a function that puts the previous one back. */
export function setClock(now: () => Date): () => void {
  const previous = source
  source = now
  return () => {
    source = previous
  }
}
