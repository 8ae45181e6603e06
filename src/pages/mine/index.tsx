import { useDidShow } from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { LargeFontSwitch } from '@/features/mine/large-font-switch'
import { SignupList } from '@/features/mine/signup-list'
import { useMySignups } from '@/features/mine/use-my-signups'

export default function MinePage() {
  const signups = useMySignups()
  // Sign-ups made on other pages should show when the tab comes back into view.
  useDidShow(() => {
    void signups.reload()
  })
  return (
    <PageShell>
      <SignupList state={signups} />
      <LargeFontSwitch />
    </PageShell>
  )
}
