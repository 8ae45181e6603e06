// Every page's root: applies the font scale (system setting or 大字模式) through one CSS variable,
// and on H5 puts the navigation bar on top (weapp builds H5Nav from index.weapp.tsx: nothing).
import type { CSSProperties, ReactNode } from 'react'
import { View } from '@tarojs/components'
import { navigateTo, systemFontScale } from '@/platform'
import { routes } from '@/routes'
import { H5Nav } from '../h5-nav'
import { PrivacySheet } from '../privacy-sheet'
import { effectiveFontScale } from '@/shared/font-scale'
import { useAppStore } from '@/store'

/** The font scale pages render at: the system's, raised to 大字模式's level when she turns it on. */
export function useFontScale(): number {
  const largeFont = useAppStore((s) => s.largeFont)
  return effectiveFontScale(systemFontScale(), largeFont)
}

export function PageShell({ children, className = '' }: { children: ReactNode; className?: string }) {
  const scale = useFontScale()
  const classes = ['page', scale >= 1.3 ? 'page--large' : '', className].filter(Boolean).join(' ')
  return (
    <View className={classes} style={{ '--font-scale': String(scale) } as CSSProperties}>
      {process.env.TARO_ENV === 'h5' ? <H5Nav /> : null}
      {children}
      <PrivacySheet onOpenPrivacy={() => navigateTo(routes.privacy)} />
    </View>
  )
}
