// Counts a figure up from 0 when its screen shows: a dozen short frames, then the exact figure text.
import { useEffect, useState } from 'react'
import { countUpFrames } from '@/domain/story'

/** 12 frames over about 0.6 s: short enough to be cheap on the mini-program (one small setData each). */
export const COUNT_UP_FRAMES = 12
const FRAME_MS = 50

/** `still`: show the figure as it is, no motion (reduced motion, large font). */
export function useCountUp(text: string, active: boolean, still: boolean): string {
  const frames = still ? [text] : countUpFrames(text, COUNT_UP_FRAMES)
  const [frame, setFrame] = useState(() => (active ? 0 : frames.length - 1))
  useEffect(() => {
    if (!active || frames.length <= 1) {
      setFrame(frames.length - 1)
      return undefined
    }
    setFrame(0)
    let i = 0
    const timer = setInterval(() => {
      i += 1
      setFrame(i)
      if (i >= frames.length - 1) clearInterval(timer)
    }, FRAME_MS)
    return () => clearInterval(timer)
    // frames follow from text and still
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, text, still])
  return frames[Math.min(frame, frames.length - 1)] ?? text
}
