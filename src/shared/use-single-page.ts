// Whether this page was opened from Moments (scene 1154): single-page mode, no navigation or forms.
import { useState } from 'react'
import { isSinglePageScene } from '@/domain/share'
import { enterScene } from '@/platform'

export function useSinglePage(): boolean {
  const [single] = useState(() => isSinglePageScene(enterScene()))
  return single
}
