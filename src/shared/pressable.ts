// A Taro View that acts as a control on H5: a keyboard stop that Enter and Space press, as a button does.
import { keyboardStop } from './keyboard-stop'

interface KeyLike {
  key: string
  preventDefault: () => void
}

/**
 * Spread on a View with a role (button, checkbox, radio, link). Without `onPress` (a disabled
 * choice) it is only a stop. Weapp has no keyboard: nothing there, so no bytes in its bundle.
 */
export function pressable(onPress?: () => void): object {
  if (process.env.TARO_ENV !== 'h5') return {}
  if (!onPress) return keyboardStop
  return {
    ...keyboardStop,
    onKeyDown: (e: KeyLike) => {
      if (e.key !== 'Enter' && e.key !== ' ') return
      // Space would scroll the page as well.
      e.preventDefault()
      onPress()
    },
  }
}
