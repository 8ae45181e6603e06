// 选择地区: the picker over the national division table, which loads with this subpackage only.
import { PageShell } from '@/components/page-shell'
import { useMyRegion } from '@/features/feed/my-region'
import { RegionPicker } from '@/features/feed/region-picker'
import { switchTab } from '@/platform'
import { routes } from '@/routes'

export default function RegionPage() {
  const { region, mine, pick } = useMyRegion()
  return (
    <PageShell>
      <RegionPicker
        current={region}
        mine={mine}
        onPick={(choice) => {
          pick(choice)
          // The feed is a tab page: this returns to it (and closes the picker).
          switchTab(routes.feed)
        }}
      />
    </PageShell>
  )
}
