// The app shell; pages render inside it.
import type { PropsWithChildren } from 'react'
import { installKeyboardScroll } from '@/platform/keyboard-scroll'
import { installPrivacyHandler } from '@/platform/privacy'
import './app.scss'

// WeChat asks before any privacy API runs; the sheet on the current page answers.
installPrivacyHandler()
installKeyboardScroll()

function App({ children }: PropsWithChildren) {
  return children
}

export default App
